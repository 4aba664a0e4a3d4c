"""Losses between distributions: Kullback-Leibler divergence and Poisson."""

import torch

from torchkeras import backend
from torchkeras.losses import _helpers
from torchkeras.losses.loss import Loss
from torchkeras.losses.loss_function_wrapper import LossFunctionWrapper


def kl_divergence(y_true, y_pred):
    """Computes Kullback-Leibler divergence loss between `y_true` and `y_pred`.

    `loss = sum(y_true * log(y_true / y_pred), axis=-1)`, with both clipped to `[epsilon, 1]`.

    Args:
        y_true: Tensor of true targets (a probability distribution).
        y_pred: Tensor of predicted targets (a probability distribution).

    Returns:
        KL divergence values, of shape `(batch_size, d0, .. dN-1)`.
    """
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, y_pred.dtype, like=y_pred)
    epsilon = backend.epsilon()
    y_true = y_true.clamp(epsilon, 1.0)
    y_pred = y_pred.clamp(epsilon, 1.0)
    return (y_true * torch.log(y_true / y_pred)).sum(dim=-1)


def poisson(y_true, y_pred):
    """Computes the Poisson loss between `y_true` and `y_pred`.

    `loss = mean(y_pred - y_true * log(y_pred + epsilon), axis=-1)`

    Args:
        y_true: Ground truth values, of shape `(batch_size, d0, .. dN)`.
        y_pred: The predicted values, of shape `(batch_size, d0, .. dN)`.

    Returns:
        Poisson loss values, of shape `(batch_size, d0, .. dN-1)`.
    """
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, y_pred.dtype, like=y_pred)
    return (y_pred - y_true * torch.log(y_pred + backend.epsilon())).mean(dim=-1)


class KLDivergence(LossFunctionWrapper):
    """Computes Kullback-Leibler divergence loss between `y_true` and `y_pred`.

    `loss = y_true * log(y_true / y_pred)`; both are expected to be probability distributions
    and are clipped to `[epsilon, 1]`.

    Args:
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance. Defaults to `"kl_divergence"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).
    """

    def __init__(self, reduction="sum_over_batch_size", name="kl_divergence", dtype=None):
        super().__init__(kl_divergence, name=name, reduction=reduction, dtype=dtype)

    def get_config(self):
        return Loss.get_config(self)


class Poisson(LossFunctionWrapper):
    """Computes the Poisson loss between `y_true` and `y_pred`.

    `loss = y_pred - y_true * log(y_pred)`

    Args:
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance. Defaults to `"poisson"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).
    """

    def __init__(self, reduction="sum_over_batch_size", name="poisson", dtype=None):
        super().__init__(poisson, name=name, reduction=reduction, dtype=dtype)

    def get_config(self):
        return Loss.get_config(self)
