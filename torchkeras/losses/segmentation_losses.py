"""Overlap losses for image segmentation: Dice and Tversky."""

from torchkeras import backend
from torchkeras.losses import _helpers
from torchkeras.losses.loss import Loss
from torchkeras.losses.loss_function_wrapper import LossFunctionWrapper


def _sum(x, axis):
    # `axis=None` sums every axis, batch included, as `keras.ops.sum` does.
    return x.sum() if axis is None else x.sum(dim=axis)


def _axis_arg(axis):
    # A config read back from JSON gives a list; torch wants an int or a tuple.
    return tuple(axis) if isinstance(axis, list) else axis


def dice(y_true, y_pred, axis=None):
    """Computes the Dice loss value between `y_true` and `y_pred`.

    `loss = 1 - (2 * sum(y_true * y_pred)) / (sum(y_true) + sum(y_pred) + epsilon)`

    Args:
        y_true: Tensor of true targets.
        y_pred: Tensor of predicted targets.
        axis: Int or tuple of the axes the sums run over; `None` sums all axes (the batch too)
            and gives a single value. Defaults to `None`.

    Returns:
        Dice loss value.

    Example:

    >>> y_true = [[[[1.0], [1.0]], [[0.0], [0.0]]], [[[1.0], [1.0]], [[0.0], [0.0]]]]
    >>> y_pred = [[[[0.0], [1.0]], [[0.0], [1.0]]], [[[0.4], [0.0]], [[0.0], [0.9]]]]
    >>> keras.losses.dice(y_true, y_pred, axis=(1, 2, 3))
    tensor([0.5000, 0.7576])
    """
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, y_pred.dtype, like=y_pred)
    axis = _axis_arg(axis)
    intersection = _sum(y_true * y_pred, axis)
    union = _sum(y_true, axis) + _sum(y_pred, axis) + backend.epsilon()
    return 1.0 - 2.0 * intersection / union


def tversky(y_true, y_pred, alpha=0.5, beta=0.5, axis=None):
    """Computes the Tversky loss value between `y_true` and `y_pred`.

    `loss = 1 - tp / (tp + alpha * fp + beta * fn + epsilon)` with `tp = sum(y_true * y_pred)`,
    `fp = sum((1 - y_pred) * y_true)` and `fn = sum(y_pred * (1 - y_true))`, as Keras writes
    them. With `alpha=0.5` and `beta=0.5` this is the Dice loss.

    Args:
        y_true: Tensor of true targets.
        y_pred: Tensor of predicted targets.
        alpha: Coefficient controlling the incidence of false positives. Defaults to `0.5`.
        beta: Coefficient controlling the incidence of false negatives. Defaults to `0.5`.
        axis: Int or tuple of the axes the sums run over; `None` sums all axes.
            Defaults to `None`.

    Returns:
        Tversky loss value.

    Reference:

    - [Salehi et al., 2017](https://arxiv.org/abs/1706.05721)
    """
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, y_pred.dtype, like=y_pred)
    axis = _axis_arg(axis)
    intersection = _sum(y_true * y_pred, axis)
    fp = _sum((1.0 - y_pred) * y_true, axis)
    fn = _sum(y_pred * (1.0 - y_true), axis)
    return 1.0 - intersection / (intersection + fp * alpha + fn * beta + backend.epsilon())


class Dice(LossFunctionWrapper):
    """Computes the Dice loss value between `y_true` and `y_pred`.

    `loss = 1 - (2 * sum(y_true * y_pred)) / (sum(y_true) + sum(y_pred))`

    Args:
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance. Defaults to `"dice"`.
        axis: Tuple of the axes the loss is computed over; `None` gives one value for the whole
            batch. Defaults to `None`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).

    Example:

    >>> y_true = [[[[1.0], [1.0]], [[0.0], [0.0]]], [[[1.0], [1.0]], [[0.0], [0.0]]]]
    >>> y_pred = [[[[0.0], [1.0]], [[0.0], [1.0]]], [[[0.4], [0.0]], [[0.0], [0.9]]]]
    >>> keras.losses.Dice(axis=(1, 2, 3), reduction=None)(y_true, y_pred)
    tensor([0.5000, 0.7576])
    >>> keras.losses.Dice()(y_true, y_pred)
    tensor(0.6164)
    """

    def __init__(self, reduction="sum_over_batch_size", name="dice", axis=None, dtype=None):
        super().__init__(dice, name=name, reduction=reduction, dtype=dtype, axis=axis)
        self.axis = axis

    def get_config(self):
        config = Loss.get_config(self)
        config.update({"axis": self.axis})
        return config


class Tversky(LossFunctionWrapper):
    """Computes the Tversky loss value between `y_true` and `y_pred`.

    The loss weights false positives by `alpha` and false negatives by `beta`; with
    `alpha=0.5` and `beta=0.5` it equals the Dice loss.

    Args:
        alpha: The coefficient controlling incidence of false positives. Defaults to `0.5`.
        beta: The coefficient controlling incidence of false negatives. Defaults to `0.5`.
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance. Defaults to `"tversky"`.
        axis: Tuple of the axes the loss is computed over; `None` gives one value for the whole
            batch. Defaults to `None`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).

    Reference:

    - [Salehi et al., 2017](https://arxiv.org/abs/1706.05721)
    """

    def __init__(
        self,
        alpha=0.5,
        beta=0.5,
        reduction="sum_over_batch_size",
        name="tversky",
        axis=None,
        dtype=None,
    ):
        super().__init__(
            tversky,
            name=name,
            reduction=reduction,
            dtype=dtype,
            alpha=alpha,
            beta=beta,
            axis=axis,
        )
        self.alpha = alpha
        self.beta = beta
        self.axis = axis

    def get_config(self):
        config = Loss.get_config(self)
        config.update({"alpha": self.alpha, "beta": self.beta, "axis": self.axis})
        return config
