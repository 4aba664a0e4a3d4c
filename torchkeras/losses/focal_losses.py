"""Focal crossentropy losses (Lin et al., 2018): binary and categorical.

A focal factor `(1 - p_t) ** gamma` down-weights the examples the model already gets right, so
training concentrates on the hard ones; `gamma=0` gives back the plain crossentropy.
"""

import warnings

import torch
import torch.nn.functional as F

from torchkeras import backend
from torchkeras.losses import _helpers
from torchkeras.losses import crossentropy_ops
from torchkeras.losses.loss import Loss
from torchkeras.losses.loss_function_wrapper import LossFunctionWrapper


def binary_focal_crossentropy(
    y_true,
    y_pred,
    apply_class_balancing=False,
    alpha=0.25,
    gamma=2.0,
    from_logits=False,
    label_smoothing=0.0,
    axis=-1,
):
    """Computes the binary focal crossentropy loss.

    The focal factor is `(1 - output) ** gamma` for class 1 and `output ** gamma` for class 0,
    where `gamma` is a focusing parameter. When `gamma=0` there is no focal effect and this is
    the binary crossentropy.

    If `apply_class_balancing=True`, each element is also weighted by `alpha` for class 1
    (`target == 1`) and `1 - alpha` for class 0.

    Args:
        y_true: Ground truth values, of shape `(batch_size, d0, .. dN)`.
        y_pred: The predicted values, of shape `(batch_size, d0, .. dN)`.
        apply_class_balancing: A bool, whether to apply weight balancing on the binary
            classes 0 and 1. Defaults to `False`.
        alpha: A weight balancing factor for class 1; the weight for class 0 is `1.0 - alpha`.
            Defaults to `0.25`.
        gamma: A focusing parameter. Defaults to `2.0`.
        from_logits: Whether `y_pred` is expected to be a logits tensor. Defaults to `False`
            (probabilities).
        label_smoothing: Float in `[0, 1]`. If > `0`, smooth the labels towards 0.5: use
            `1 - 0.5 * label_smoothing` for the target class and `0.5 * label_smoothing` for the
            other one. Defaults to `0.0`.
        axis: The axis along which the mean is computed. Defaults to `-1`.

    Returns:
        Binary focal crossentropy loss values, of shape `(batch_size, d0, .. dN-1)`.

    Example:

    >>> keras.losses.binary_focal_crossentropy([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]],
    ...                                        gamma=2)
    tensor([0.3299, 0.2058])
    """
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, y_pred.dtype, like=y_pred)
    if label_smoothing:
        y_true = y_true * (1.0 - label_smoothing) + 0.5 * label_smoothing

    if from_logits:
        # Keras takes the sigmoid and keeps the logits behind it, so the crossentropy is the
        # exact logits formula while the focal factor uses the probabilities.
        crossentropy_ops.check_same_shape(y_true, y_pred)
        bce = F.binary_cross_entropy_with_logits(y_pred, y_true, reduction="none")
        y_pred = torch.sigmoid(y_pred)
    else:
        bce = crossentropy_ops.binary_crossentropy(y_true, y_pred)

    # p_t is the probability given to the true class.
    p_t = y_true * y_pred + (1.0 - y_true) * (1.0 - y_pred)
    focal_bce = torch.pow(1.0 - p_t, gamma) * bce
    if apply_class_balancing:
        weight = y_true * alpha + (1.0 - y_true) * (1.0 - alpha)
        focal_bce = weight * focal_bce
    return focal_bce.mean(dim=axis)


def categorical_focal_crossentropy(
    y_true,
    y_pred,
    alpha=0.25,
    gamma=2.0,
    from_logits=False,
    label_smoothing=0.0,
    axis=-1,
):
    """Computes the categorical focal crossentropy loss.

    `loss = sum(alpha * (1 - output) ** gamma * -y_true * log(output), axis)`, where `output`
    holds the probabilities renormalized to sum to 1 along `axis` and clipped to
    `[epsilon, 1 - epsilon]`.

    Args:
        y_true: Tensor of one-hot true targets.
        y_pred: Tensor of predicted targets.
        alpha: A weight balancing factor for all classes: a float, or a list of floats with one
            entry per class. Defaults to `0.25`.
        gamma: A focusing parameter; `0` means no focal effect. Defaults to `2.0`.
        from_logits: Whether `y_pred` is expected to be a logits tensor. Defaults to `False`
            (probabilities).
        label_smoothing: Float in `[0, 1]`. If > `0`, smooth the labels: with `0.1`, use
            `0.1 / num_classes` for non-target labels and `0.9 + 0.1 / num_classes` for target
            labels. Defaults to `0.0`.
        axis: The dimension along which the entropy is computed. Defaults to `-1`.

    Returns:
        Categorical focal crossentropy loss values.

    Example:

    >>> keras.losses.categorical_focal_crossentropy([[0, 1, 0], [0, 0, 1]],
    ...                                             [[0.05, 0.9, 0.05], [0.1, 0.85, 0.05]])
    tensor([2.6340e-04, 6.7591e-01])
    """
    if isinstance(axis, bool):
        raise ValueError(
            f"`axis` must be of type `int`. Received: axis={axis} of type {type(axis)}"
        )
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, y_pred.dtype, like=y_pred)
    if y_pred.shape[-1] == 1:
        warnings.warn(
            "In loss categorical_focal_crossentropy, expected y_pred.shape to be (batch_size, "
            f"num_classes) with num_classes > 1. Received: y_pred.shape={tuple(y_pred.shape)}. "
            "Consider using 'binary_crossentropy' if you only have 2 classes.",
            SyntaxWarning,
            stacklevel=2,
        )
    if label_smoothing:
        num_classes = y_true.shape[-1]
        y_true = y_true * (1.0 - label_smoothing) + label_smoothing / num_classes
    if from_logits:
        y_pred = torch.softmax(y_pred, dim=axis)

    # Renormalize so each sample's probabilities sum to 1, then clip away log(0). Unlike the
    # plain categorical crossentropy, Keras never swaps in logits here.
    epsilon = backend.epsilon()
    output = y_pred / y_pred.sum(dim=axis, keepdim=True)
    output = output.clamp(epsilon, 1.0 - epsilon)
    cce = -y_true * torch.log(output)

    if not isinstance(alpha, (int, float)):
        # A list becomes a floatx tensor first, as in Keras, then takes the loss's dtype.
        alpha = _helpers.as_tensor(_helpers.as_tensor(alpha), output.dtype, like=output)
    weighting_factor = torch.pow(1.0 - output, gamma) * alpha
    return (weighting_factor * cce).sum(dim=axis)


class BinaryFocalCrossentropy(LossFunctionWrapper):
    """Computes focal crossentropy loss between true labels and predictions.

    For binary (0 or 1) classification. Following [Lin et al., 2018](
    https://arxiv.org/pdf/1708.02002.pdf), a focal factor down-weights easy examples:
    `focal_factor = (1 - output) ** gamma` for class 1 and `output ** gamma` for class 0.
    With `gamma=0` this is the binary crossentropy.

    Args:
        apply_class_balancing: A bool, whether to apply weight balancing on the binary
            classes 0 and 1. Defaults to `False`.
        alpha: A weight balancing factor for class 1; the weight for class 0 is `1.0 - alpha`.
            Defaults to `0.25`.
        gamma: A focusing parameter used to compute the focal factor. Defaults to `2.0`.
        from_logits: Whether to interpret `y_pred` as a tensor of logit values. Defaults to
            `False` (probabilities).
        label_smoothing: Float in `[0, 1]`. When > 0, the labels are squeezed towards 0.5.
            Defaults to `0.0`.
        axis: The axis along which to compute crossentropy (the features axis). Defaults to `-1`.
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance. Defaults to `"binary_focal_crossentropy"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).

    Example:

    >>> loss = keras.losses.BinaryFocalCrossentropy(gamma=2, from_logits=True)
    >>> loss([0, 1, 0, 0], [-18.6, 0.51, 2.94, -12.8])
    tensor(0.6912)
    """

    def __init__(
        self,
        apply_class_balancing=False,
        alpha=0.25,
        gamma=2.0,
        from_logits=False,
        label_smoothing=0.0,
        axis=-1,
        reduction="sum_over_batch_size",
        name="binary_focal_crossentropy",
        dtype=None,
    ):
        super().__init__(
            binary_focal_crossentropy,
            name=name,
            reduction=reduction,
            dtype=dtype,
            apply_class_balancing=apply_class_balancing,
            alpha=alpha,
            gamma=gamma,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )
        self.from_logits = from_logits
        self.label_smoothing = label_smoothing
        self.axis = axis
        self.apply_class_balancing = apply_class_balancing
        self.alpha = alpha
        self.gamma = gamma

    def get_config(self):
        config = Loss.get_config(self)
        config.update(
            {
                "from_logits": self.from_logits,
                "label_smoothing": self.label_smoothing,
                "axis": self.axis,
                "apply_class_balancing": self.apply_class_balancing,
                "alpha": self.alpha,
                "gamma": self.gamma,
            }
        )
        return config


class CategoricalFocalCrossentropy(LossFunctionWrapper):
    """Computes the alpha balanced focal crossentropy loss.

    For two or more classes given as one-hot labels, when class imbalance should be handled
    without `class_weight`. Following [Lin et al., 2018](https://arxiv.org/pdf/1708.02002.pdf):
    `FL(p_t) = alpha * (1 - p_t) ** gamma * CategoricalCE(y_true, y_pred)`.

    Args:
        alpha: A weight balancing factor for all classes: a float, or a list of floats with one
            entry per class (e.g. inverse class frequencies). Defaults to `0.25`.
        gamma: A focusing parameter; it smoothly reduces the importance given to easy
            examples. Defaults to `2.0`.
        from_logits: Whether `y_pred` is expected to be a logits tensor. Defaults to `False`
            (probabilities).
        label_smoothing: Float in `[0, 1]`. When > 0, label values are smoothed: with `0.1`,
            use `0.1 / num_classes` for non-target labels and `0.9 + 0.1 / num_classes` for
            target labels. Defaults to `0.0`.
        axis: The axis along which to compute crossentropy (the features axis). Defaults to `-1`.
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance.
            Defaults to `"categorical_focal_crossentropy"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).

    Example:

    >>> cce = keras.losses.CategoricalFocalCrossentropy()
    >>> cce([[0., 1., 0.], [0., 0., 1.]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]])
    tensor(0.2332)
    """

    def __init__(
        self,
        alpha=0.25,
        gamma=2.0,
        from_logits=False,
        label_smoothing=0.0,
        axis=-1,
        reduction="sum_over_batch_size",
        name="categorical_focal_crossentropy",
        dtype=None,
    ):
        fn_alpha = alpha
        if not isinstance(alpha, (int, float)):
            # Per-class weights become a tensor once, not at every call.
            fn_alpha = backend.convert_to_tensor(alpha)
        super().__init__(
            categorical_focal_crossentropy,
            name=name,
            reduction=reduction,
            dtype=dtype,
            alpha=fn_alpha,
            gamma=gamma,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )
        self.from_logits = from_logits
        self.label_smoothing = label_smoothing
        self.axis = axis
        self.alpha = alpha
        self.gamma = gamma

    def get_config(self):
        config = Loss.get_config(self)
        config.update(
            {
                "from_logits": self.from_logits,
                "label_smoothing": self.label_smoothing,
                "axis": self.axis,
                "alpha": self.alpha,
                "gamma": self.gamma,
            }
        )
        return config
