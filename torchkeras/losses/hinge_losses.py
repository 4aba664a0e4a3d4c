"""Hinge losses for maximum-margin classification: hinge, squared hinge, categorical hinge."""

import torch

from torchkeras.losses import _helpers
from torchkeras.losses.loss import Loss
from torchkeras.losses.loss_function_wrapper import LossFunctionWrapper


def _convert_binary_labels_to_hinge(y_true):
    """Map 0/1 labels to -1/1; labels that are not all 0 or 1 are left unchanged."""
    is_binary = ((y_true == 0) | (y_true == 1)).all()
    # Chosen on the device: no host sync to look at the labels.
    return torch.where(is_binary, 2.0 * y_true - 1.0, y_true)


def _prepare(y_true, y_pred):
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, y_pred.dtype, like=y_pred)
    return y_true, y_pred


def hinge(y_true, y_pred):
    """Computes the hinge loss between `y_true` and `y_pred`.

    `loss = mean(maximum(1 - y_true * y_pred, 0), axis=-1)`

    Args:
        y_true: The ground truth values, expected to be -1 or 1 (0/1 labels are converted).
        y_pred: The predicted values.

    Returns:
        Hinge loss values, of shape `(batch_size, d0, .. dN-1)`.
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    y_true = _convert_binary_labels_to_hinge(y_true)
    return torch.clamp_min(1.0 - y_true * y_pred, 0.0).mean(dim=-1)


def squared_hinge(y_true, y_pred):
    """Computes the squared hinge loss between `y_true` and `y_pred`.

    `loss = mean(square(maximum(1 - y_true * y_pred, 0)), axis=-1)`

    Args:
        y_true: The ground truth values, expected to be -1 or 1 (0/1 labels are converted).
        y_pred: The predicted values.

    Returns:
        Squared hinge loss values, of shape `(batch_size, d0, .. dN-1)`.
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    y_true = _convert_binary_labels_to_hinge(y_true)
    return torch.square(torch.clamp_min(1.0 - y_true * y_pred, 0.0)).mean(dim=-1)


def categorical_hinge(y_true, y_pred):
    """Computes the categorical hinge loss between `y_true` and `y_pred`.

    `loss = maximum(neg - pos + 1, 0)` with `pos = sum(y_true * y_pred)` and
    `neg = max((1 - y_true) * y_pred)`.

    Args:
        y_true: The ground truth values, one-hot (0 or 1).
        y_pred: The predicted values.

    Returns:
        Categorical hinge loss values, of shape `(batch_size, d0, .. dN-1)`.
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    pos = (y_true * y_pred).sum(dim=-1)
    neg = ((1.0 - y_true) * y_pred).amax(dim=-1)
    return torch.clamp_min(neg - pos + 1.0, 0.0)


class Hinge(LossFunctionWrapper):
    """Computes the hinge loss between `y_true` and `y_pred`.

    `loss = maximum(1 - y_true * y_pred, 0)`. `y_true` values are expected to be -1 or 1; binary
    (0 or 1) labels are converted to -1 or 1.

    Args:
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance. Defaults to `"hinge"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).
    """

    def __init__(self, reduction="sum_over_batch_size", name="hinge", dtype=None):
        super().__init__(hinge, name=name, reduction=reduction, dtype=dtype)

    def get_config(self):
        return Loss.get_config(self)


class SquaredHinge(LossFunctionWrapper):
    """Computes the squared hinge loss between `y_true` and `y_pred`.

    `loss = square(maximum(1 - y_true * y_pred, 0))`. `y_true` values are expected to be -1 or
    1; binary (0 or 1) labels are converted to -1 or 1.

    Args:
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance. Defaults to `"squared_hinge"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).
    """

    def __init__(self, reduction="sum_over_batch_size", name="squared_hinge", dtype=None):
        super().__init__(squared_hinge, name=name, reduction=reduction, dtype=dtype)

    def get_config(self):
        return Loss.get_config(self)


class CategoricalHinge(LossFunctionWrapper):
    """Computes the categorical hinge loss between `y_true` and `y_pred`.

    `loss = maximum(neg - pos + 1, 0)` where `neg = maximum((1 - y_true) * y_pred)` and
    `pos = sum(y_true * y_pred)`.

    Args:
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance. Defaults to `"categorical_hinge"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).
    """

    def __init__(self, reduction="sum_over_batch_size", name="categorical_hinge", dtype=None):
        super().__init__(categorical_hinge, name=name, reduction=reduction, dtype=dtype)

    def get_config(self):
        return Loss.get_config(self)
