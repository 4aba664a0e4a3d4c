"""Generalized cross entropy (Zhang and Sabuncu, 2018): a crossentropy robust to noisy labels."""

import torch

from torchkeras.losses import _helpers
from torchkeras.losses.loss import Loss
from torchkeras.losses.loss_function_wrapper import LossFunctionWrapper


def categorical_generalized_cross_entropy(y_true, y_pred, q):
    """Computes the Generalized Cross Entropy loss.

    `loss = (1 - p**q) / q`, where `p` is the predicted probability of the true class. As `q`
    approaches 0 this behaves like the crossentropy, as it approaches 1 like the mean absolute
    error.

    Args:
        y_true: Ground truth labels: *integer class indices* of shape `[batch_size]` (values
            that are not integers are truncated; a label outside `[0, num_classes)` gets
            `p = 0`).
        y_pred: The predicted class probabilities, of shape `[batch_size, num_classes]`.
        q: Float in range `(0, 1)`, the noise parameter.

    Returns:
        GCE loss values, of shape `[batch_size]`.

    Reference:

    - [Zhang, Sabuncu, 2018](https://arxiv.org/abs/1805.07836)
    """
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, like=y_pred)
    num_classes = y_pred.shape[-1]
    # One-hot by comparison: like `keras.ops.one_hot`, out-of-range labels give a zero row.
    classes = torch.arange(num_classes, device=y_pred.device)
    y_true_one_hot = (y_true.to(torch.int64).unsqueeze(-1) == classes).to(y_pred.dtype)
    try:
        p = (y_pred * y_true_one_hot).sum(dim=-1)
    except RuntimeError as error:
        raise ValueError(
            "categorical_generalized_cross_entropy: `y_true` does not match `y_pred`. Expected "
            "class ids of shape `(batch_size,)` for `y_pred` of shape "
            f"`(batch_size, num_classes)`. Received: y_true.shape={tuple(y_true.shape)}, "
            f"y_pred.shape={tuple(y_pred.shape)}"
        ) from error
    return (1.0 - torch.pow(p, q)) / q


class CategoricalGeneralizedCrossEntropy(LossFunctionWrapper):
    """Computes the Generalized Cross Entropy loss between `y_true` and `y_pred`.

    Generalized Cross Entropy (GCE) is a noise-robust loss: `loss = (1 - p**q) / q`, where `p`
    is the predicted probability of the true class. `y_true` holds integer class indices and
    `y_pred` class probabilities.

    Args:
        q: Float in range `(0, 1)`, the noise parameter. Closer to 0 the loss behaves like the
            crossentropy, closer to 1 like the mean absolute error. Defaults to `0.5`.
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance.
            Defaults to `"categorical_generalized_cross_entropy"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).

    Example:

    >>> y_true = np.array([0, 1, 0, 1])
    >>> y_pred = np.array([[0.7, 0.3], [0.2, 0.8], [0.6, 0.4], [0.4, 0.6]])
    >>> keras.losses.CategoricalGeneralizedCrossEntropy()(y_true, y_pred)
    tensor(0.3599)

    Reference:

    - [Zhang, Sabuncu, 2018](https://arxiv.org/abs/1805.07836)
    """

    def __init__(
        self,
        q=0.5,
        reduction="sum_over_batch_size",
        name="categorical_generalized_cross_entropy",
        dtype=None,
    ):
        if not 0 < q < 1:
            raise ValueError("q must be in the interval (0, 1)")
        super().__init__(
            categorical_generalized_cross_entropy,
            name=name,
            reduction=reduction,
            dtype=dtype,
            q=q,
        )
        self.q = q

    def get_config(self):
        config = Loss.get_config(self)
        config.update({"q": self.q})
        return config
