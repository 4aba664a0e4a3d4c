"""Regression losses: mean squared, absolute, percentage and log errors, Huber, log-cosh, cosine."""

import math

import torch
import torch.nn.functional as F

from torchkeras import backend
from torchkeras.losses import _helpers
from torchkeras.losses.loss import Loss
from torchkeras.losses.loss import squeeze_or_expand_to_same_rank
from torchkeras.losses.loss_function_wrapper import LossFunctionWrapper


def _prepare(y_true, y_pred):
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, y_pred.dtype, like=y_pred)
    return squeeze_or_expand_to_same_rank(y_true, y_pred)


def mean_squared_error(y_true, y_pred):
    """Computes the mean squared error between labels and predictions.

    `loss = mean(square(y_true - y_pred), axis=-1)`

    Args:
        y_true: Ground truth values, of shape `(batch_size, d0, .. dN)`.
        y_pred: The predicted values, of shape `(batch_size, d0, .. dN)`.

    Returns:
        Mean squared error values, of shape `(batch_size, d0, .. dN-1)`.
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    return torch.square(y_true - y_pred).mean(dim=-1)


def mean_absolute_error(y_true, y_pred):
    """Computes the mean absolute error between labels and predictions.

    `loss = mean(abs(y_true - y_pred), axis=-1)`

    Args:
        y_true: Ground truth values, of shape `(batch_size, d0, .. dN)`.
        y_pred: The predicted values, of shape `(batch_size, d0, .. dN)`.

    Returns:
        Mean absolute error values, of shape `(batch_size, d0, .. dN-1)`.
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    return torch.abs(y_true - y_pred).mean(dim=-1)


def mean_absolute_percentage_error(y_true, y_pred):
    """Computes the mean absolute percentage error between `y_true` and `y_pred`.

    `loss = 100 * mean(abs((y_true - y_pred) / y_true), axis=-1)`, with `|y_true|` floored at
    `epsilon`.

    Args:
        y_true: Ground truth values, of shape `(batch_size, d0, .. dN)`.
        y_pred: The predicted values, of shape `(batch_size, d0, .. dN)`.

    Returns:
        Mean absolute percentage error values, of shape `(batch_size, d0, .. dN-1)`.
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    diff = torch.abs((y_true - y_pred) / torch.clamp_min(torch.abs(y_true), backend.epsilon()))
    return 100.0 * diff.mean(dim=-1)


def mean_squared_logarithmic_error(y_true, y_pred):
    """Computes the mean squared logarithmic error between `y_true` and `y_pred`.

    `loss = mean(square(log(y_true + 1) - log(y_pred + 1)), axis=-1)`, with values floored at
    `epsilon`.

    Args:
        y_true: Ground truth values, of shape `(batch_size, d0, .. dN)`.
        y_pred: The predicted values, of shape `(batch_size, d0, .. dN)`.

    Returns:
        Mean squared logarithmic error values, of shape `(batch_size, d0, .. dN-1)`.
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    epsilon = backend.epsilon()
    first_log = torch.log(torch.clamp_min(y_pred, epsilon) + 1.0)
    second_log = torch.log(torch.clamp_min(y_true, epsilon) + 1.0)
    return torch.square(first_log - second_log).mean(dim=-1)


def l2_normalize(x, axis=-1):
    """`x * min(rsqrt(sum(x**2)), 1 / epsilon)` along `axis`, as `keras.ops.normalize`."""
    square_sum = torch.square(x).sum(dim=axis, keepdim=True)
    inv_norm = torch.clamp_max(torch.rsqrt(square_sum), 1.0 / backend.epsilon())
    return x * inv_norm


def cosine_similarity(y_true, y_pred, axis=-1):
    """Computes the negated cosine similarity between labels and predictions.

    `loss = -sum(l2_norm(y_true) * l2_norm(y_pred))`: a number between -1 and 1, -1 meaning
    identical directions. If either vector is zero, the loss is 0.

    Args:
        y_true: Tensor of true targets.
        y_pred: Tensor of predicted targets.
        axis: Axis along which to compute the cosine similarity. Defaults to `-1`.

    Returns:
        Cosine similarity tensor.
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    return -(l2_normalize(y_true, axis) * l2_normalize(y_pred, axis)).sum(dim=axis)


def huber(y_true, y_pred, delta=1.0):
    """Computes the Huber loss value.

    For each error `x = y_pred - y_true`: `0.5 * x**2` if `|x| <= delta`, else
    `delta * |x| - 0.5 * delta**2`; then the mean over the last axis.

    Args:
        y_true: Tensor of true targets.
        y_pred: Tensor of predicted targets.
        delta: The point where the Huber loss changes from quadratic to linear. Defaults to `1.0`.

    Returns:
        Tensor with one scalar loss entry per sample.
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    # delta as a tensor of the data's dtype, so `0.5 * delta**2` rounds as it does in Keras.
    delta = torch.full((), float(delta), dtype=y_pred.dtype, device=y_pred.device)
    error = y_pred - y_true
    abs_error = torch.abs(error)
    quadratic = 0.5 * torch.square(error)
    linear = delta * abs_error - 0.5 * torch.square(delta)
    return torch.where(abs_error <= delta, quadratic, linear).mean(dim=-1)


def log_cosh(y_true, y_pred):
    """Logarithm of the hyperbolic cosine of the prediction error.

    `loss = mean(log(cosh(y_pred - y_true)), axis=-1)`, computed without overflow as
    `x + softplus(-2x) - log(2)`.

    Args:
        y_true: Ground truth values, of shape `(batch_size, d0, .. dN)`.
        y_pred: The predicted values, of shape `(batch_size, d0, .. dN)`.

    Returns:
        Logcosh error values, of shape `(batch_size, d0, .. dN-1)`.
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    x = y_pred - y_true
    return (x + F.softplus(x * -2.0) - math.log(2.0)).mean(dim=-1)


class MeanSquaredError(LossFunctionWrapper):
    """Computes the mean of squares of errors between labels and predictions.

    `loss = mean(square(y_true - y_pred))`

    Args:
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance. Defaults to `"mean_squared_error"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).

    Example:

    >>> keras.losses.MeanSquaredError()([1.0, 0.0, 1.0], [0.9, 0.1, 0.8])
    tensor(0.0200)
    """

    def __init__(self, reduction="sum_over_batch_size", name="mean_squared_error", dtype=None):
        super().__init__(mean_squared_error, name=name, reduction=reduction, dtype=dtype)

    def get_config(self):
        return Loss.get_config(self)


class MeanAbsoluteError(LossFunctionWrapper):
    """Computes the mean of absolute difference between labels and predictions.

    `loss = mean(abs(y_true - y_pred))`

    Args:
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance. Defaults to `"mean_absolute_error"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).

    Example:

    >>> keras.losses.MeanAbsoluteError()([1.0, 0.3, 1.0], [1.9, 0.3, 1.8])
    tensor(0.5667)
    """

    def __init__(self, reduction="sum_over_batch_size", name="mean_absolute_error", dtype=None):
        super().__init__(mean_absolute_error, name=name, reduction=reduction, dtype=dtype)

    def get_config(self):
        return Loss.get_config(self)


class MeanAbsolutePercentageError(LossFunctionWrapper):
    """Computes the mean absolute percentage error between `y_true` and `y_pred`.

    `loss = 100 * mean(abs((y_true - y_pred) / y_true))`

    Args:
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance.
            Defaults to `"mean_absolute_percentage_error"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).
    """

    def __init__(
        self, reduction="sum_over_batch_size", name="mean_absolute_percentage_error", dtype=None
    ):
        super().__init__(
            mean_absolute_percentage_error, name=name, reduction=reduction, dtype=dtype
        )

    def get_config(self):
        return Loss.get_config(self)


class MeanSquaredLogarithmicError(LossFunctionWrapper):
    """Computes the mean squared logarithmic error between `y_true` and `y_pred`.

    `loss = mean(square(log(y_true + 1) - log(y_pred + 1)))`

    Args:
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance.
            Defaults to `"mean_squared_logarithmic_error"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).
    """

    def __init__(
        self, reduction="sum_over_batch_size", name="mean_squared_logarithmic_error", dtype=None
    ):
        super().__init__(
            mean_squared_logarithmic_error, name=name, reduction=reduction, dtype=dtype
        )

    def get_config(self):
        return Loss.get_config(self)


class CosineSimilarity(LossFunctionWrapper):
    """Computes the cosine similarity between `y_true` and `y_pred`, negated.

    `loss = -sum(l2_norm(y_true) * l2_norm(y_pred))`: values closer to -1 mean more similar,
    so minimizing the loss maximizes the similarity.

    Args:
        axis: The axis along which the cosine similarity is computed. Defaults to `-1`.
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance. Defaults to `"cosine_similarity"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).
    """

    def __init__(
        self, axis=-1, reduction="sum_over_batch_size", name="cosine_similarity", dtype=None
    ):
        super().__init__(
            cosine_similarity, name=name, reduction=reduction, dtype=dtype, axis=axis
        )

    def get_config(self):
        # As Keras 3.15: `axis` is not part of the config.
        return Loss.get_config(self)


class Huber(LossFunctionWrapper):
    """Computes the Huber loss between `y_true` and `y_pred`.

    Quadratic (`0.5 * x**2`) for errors up to `delta`, linear (`delta * |x| - 0.5 * delta**2`)
    beyond.

    Args:
        delta: The point where the Huber loss changes from quadratic to linear. Defaults to `1.0`.
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the instance. Defaults to `"huber_loss"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).
    """

    def __init__(self, delta=1.0, reduction="sum_over_batch_size", name="huber_loss", dtype=None):
        super().__init__(huber, name=name, reduction=reduction, dtype=dtype, delta=delta)

    def get_config(self):
        # As Keras 3.15: `delta` is not part of the config.
        return Loss.get_config(self)


class LogCosh(LossFunctionWrapper):
    """Computes the logarithm of the hyperbolic cosine of the prediction error.

    `loss = mean(log(cosh(y_pred - y_true)), axis=-1)`

    Args:
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the instance. Defaults to `"log_cosh"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).
    """

    def __init__(self, reduction="sum_over_batch_size", name="log_cosh", dtype=None):
        super().__init__(log_cosh, name=name, reduction=reduction, dtype=dtype)

    def get_config(self):
        return Loss.get_config(self)
