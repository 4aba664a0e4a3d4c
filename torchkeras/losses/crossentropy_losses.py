"""Crossentropy losses: binary, categorical (one-hot) and sparse categorical (integer labels)."""

import warnings

import torch

from torchkeras.losses import _helpers
from torchkeras.losses import crossentropy_ops
from torchkeras.losses.loss import Loss
from torchkeras.losses.loss_function_wrapper import LossFunctionWrapper


def binary_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    """Computes the binary crossentropy loss.

    Args:
        y_true: Ground truth values, of shape `(batch_size, d0, .. dN)`.
        y_pred: The predicted values, of shape `(batch_size, d0, .. dN)`.
        from_logits: Whether `y_pred` is expected to be a logits tensor. Defaults to `False`
            (probabilities).
        label_smoothing: Float in `[0, 1]`. If > `0`, smooth the labels towards 0.5: use
            `1 - 0.5 * label_smoothing` for the target class and `0.5 * label_smoothing` for the
            other one. Defaults to `0.0`.
        axis: The axis along which the mean is computed. Defaults to `-1`.

    Returns:
        Binary crossentropy loss value, of shape `(batch_size, d0, .. dN-1)`.

    Example:

    >>> keras.losses.binary_crossentropy([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]])
    tensor([0.9163, 0.7136])
    """
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, y_pred.dtype, like=y_pred)
    if label_smoothing:
        y_true = y_true * (1.0 - label_smoothing) + 0.5 * label_smoothing
    return crossentropy_ops.binary_crossentropy(y_true, y_pred, from_logits=from_logits).mean(
        dim=axis
    )


def categorical_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    """Computes the categorical crossentropy loss.

    Args:
        y_true: Tensor of one-hot true targets.
        y_pred: Tensor of predicted targets.
        from_logits: Whether `y_pred` is expected to be a logits tensor. Defaults to `False`
            (probabilities).
        label_smoothing: Float in `[0, 1]`. If > `0`, smooth the labels: with `0.1`, use
            `0.1 / num_classes` for non-target labels and `0.9 + 0.1 / num_classes` for target
            labels. Defaults to `0.0`.
        axis: The dimension along which the entropy is computed. Defaults to `-1`.

    Returns:
        Categorical crossentropy loss value.

    Example:

    >>> keras.losses.categorical_crossentropy([[0, 1, 0], [0, 0, 1]],
    ...                                       [[0.05, 0.95, 0], [0.1, 0.8, 0.1]])
    tensor([0.0513, 2.3026])
    """
    if isinstance(axis, bool):
        raise ValueError(
            f"`axis` must be of type `int`. Received: axis={axis} of type {type(axis)}"
        )
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, y_pred.dtype, like=y_pred)
    if y_pred.shape[-1] == 1:
        warnings.warn(
            "In loss categorical_crossentropy, expected y_pred.shape to be (batch_size, "
            f"num_classes) with num_classes > 1. Received: y_pred.shape={tuple(y_pred.shape)}. "
            "Consider using 'binary_crossentropy' if you only have 2 classes.",
            SyntaxWarning,
            stacklevel=2,
        )
    if label_smoothing:
        num_classes = y_true.shape[-1]
        y_true = y_true * (1.0 - label_smoothing) + label_smoothing / num_classes
    return crossentropy_ops.categorical_crossentropy(
        y_true, y_pred, from_logits=from_logits, axis=axis
    )


def sparse_categorical_crossentropy(y_true, y_pred, from_logits=False, ignore_class=None, axis=-1):
    """Computes the sparse categorical crossentropy loss (integer labels).

    Args:
        y_true: Ground truth class ids.
        y_pred: The predicted values, with classes along `axis`.
        from_logits: Whether `y_pred` is expected to be a logits tensor. Defaults to `False`
            (probabilities).
        ignore_class: Optional integer. The id of a class to be ignored during loss computation,
            e.g. a "void" class in segmentation maps. Its entries get a loss of 0 and are masked
            out of the reduction. Defaults to `None`.
        axis: The dimension along which the entropy is computed. Defaults to `-1`.

    Returns:
        Sparse categorical crossentropy loss value.

    Example:

    >>> keras.losses.sparse_categorical_crossentropy([1, 2], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]])
    tensor([0.0513, 2.3026])
    """
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, like=y_pred)
    if y_true.dim() == y_pred.dim() and y_true.shape[axis] == 1:
        y_true = y_true.squeeze(axis)

    if ignore_class is not None:
        class_axis = axis % y_pred.dim()
        res_shape = tuple(d for i, d in enumerate(y_pred.shape) if i != class_axis)
        valid_mask = y_true != ignore_class
        y_true = torch.where(valid_mask, y_true, torch.zeros_like(y_true))
        # A new tensor: as on TensorFlow, the probabilities (not attached logits) are used here.
        y_pred = torch.where(valid_mask.unsqueeze(axis), y_pred, torch.zeros_like(y_pred))

    res = crossentropy_ops.sparse_categorical_crossentropy(
        y_true, y_pred, from_logits=from_logits, axis=axis
    )

    if ignore_class is not None:
        valid_mask = valid_mask.reshape(res_shape)
        res = torch.where(valid_mask, res, torch.zeros_like(res))
        _helpers.set_keras_mask(res, valid_mask)
    return res


class BinaryCrossentropy(LossFunctionWrapper):
    """Computes the crossentropy loss between true labels and predicted labels.

    Use it for binary (0 or 1) classification: `y_true` holds 0 or 1, `y_pred` one probability
    per label (or one logit, with `from_logits=True`).

    Args:
        from_logits: Whether to interpret `y_pred` as a tensor of logit values. Defaults to
            `False` (probabilities).
        label_smoothing: Float in `[0, 1]`. When > 0, the labels are squeezed towards 0.5.
            Defaults to `0.0`.
        axis: The axis along which to compute crossentropy (the features axis). Defaults to `-1`.
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance. Defaults to `"binary_crossentropy"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).

    Example:

    >>> bce = keras.losses.BinaryCrossentropy(from_logits=True)
    >>> bce([0, 1, 0, 0], [-18.6, 0.51, 2.94, -12.8])
    tensor(0.8654)
    """

    def __init__(
        self,
        from_logits=False,
        label_smoothing=0.0,
        axis=-1,
        reduction="sum_over_batch_size",
        name="binary_crossentropy",
        dtype=None,
    ):
        super().__init__(
            binary_crossentropy,
            name=name,
            reduction=reduction,
            dtype=dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )
        self.from_logits = from_logits
        self.label_smoothing = label_smoothing
        self.axis = axis

    def get_config(self):
        config = Loss.get_config(self)
        config.update(
            {
                "from_logits": self.from_logits,
                "label_smoothing": self.label_smoothing,
                "axis": self.axis,
            }
        )
        return config


class CategoricalCrossentropy(LossFunctionWrapper):
    """Computes the crossentropy loss between the labels and predictions.

    Use it with two or more label classes given as one-hot vectors. For integer labels use
    `SparseCategoricalCrossentropy`.

    Args:
        from_logits: Whether `y_pred` is expected to be a logits tensor. Defaults to `False`
            (probabilities).
        label_smoothing: Float in `[0, 1]`. When > 0, label values are smoothed: with `0.2`,
            a `0` label becomes `0.2 / num_classes` and a `1` label `0.8 + 0.2 / num_classes`.
            Defaults to `0.0`.
        axis: The axis along which to compute crossentropy (the features axis). Defaults to `-1`.
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance. Defaults to `"categorical_crossentropy"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).

    Example:

    >>> cce = keras.losses.CategoricalCrossentropy()
    >>> cce([[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]])
    tensor(1.1769)
    """

    def __init__(
        self,
        from_logits=False,
        label_smoothing=0.0,
        axis=-1,
        reduction="sum_over_batch_size",
        name="categorical_crossentropy",
        dtype=None,
    ):
        super().__init__(
            categorical_crossentropy,
            name=name,
            reduction=reduction,
            dtype=dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )
        self.from_logits = from_logits
        self.label_smoothing = label_smoothing
        self.axis = axis

    def get_config(self):
        config = Loss.get_config(self)
        config.update(
            {
                "from_logits": self.from_logits,
                "label_smoothing": self.label_smoothing,
                "axis": self.axis,
            }
        )
        return config


class SparseCategoricalCrossentropy(LossFunctionWrapper):
    """Computes the crossentropy loss between integer labels and predictions.

    Use it with two or more label classes given as integers. For one-hot labels use
    `CategoricalCrossentropy`.

    Args:
        from_logits: Whether `y_pred` is expected to be a logits tensor. Defaults to `False`
            (probabilities).
        ignore_class: Optional integer. The id of a class to be ignored during loss computation,
            e.g. a "void" class (commonly -1 or 255) in segmentation maps. Defaults to `None`.
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        axis: The class axis; only the last axis is supported. Defaults to `-1`.
        name: Optional name for the loss instance.
            Defaults to `"sparse_categorical_crossentropy"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).

    Example:

    >>> scce = keras.losses.SparseCategoricalCrossentropy()
    >>> scce([1, 2], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]])
    tensor(1.1769)
    """

    def __init__(
        self,
        from_logits=False,
        ignore_class=None,
        reduction="sum_over_batch_size",
        axis=-1,
        name="sparse_categorical_crossentropy",
        dtype=None,
    ):
        super().__init__(
            sparse_categorical_crossentropy,
            name=name,
            reduction=reduction,
            dtype=dtype,
            from_logits=from_logits,
            ignore_class=ignore_class,
            axis=axis,
        )
        self.from_logits = from_logits
        self.ignore_class = ignore_class

    def get_config(self):
        # Keras 3.15 leaves `axis` out of this config.
        config = Loss.get_config(self)
        config.update({"from_logits": self.from_logits, "ignore_class": self.ignore_class})
        return config
