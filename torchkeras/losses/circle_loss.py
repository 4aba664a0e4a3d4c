"""Circle loss (Sun et al., 2020) for metric learning on L2-normalized embeddings."""

import torch
import torch.nn.functional as F

from torchkeras.losses import _helpers
from torchkeras.losses.loss import Loss
from torchkeras.losses.loss_function_wrapper import LossFunctionWrapper


def _pos_neg_masks(query_labels, key_labels, remove_diagonal):
    """Boolean `(queries, keys)` masks of same-label and different-label pairs."""
    if query_labels.dim() == 1:
        query_labels = query_labels.reshape(-1, 1)
    if key_labels.dim() == 1:
        key_labels = key_labels.reshape(-1, 1)
    positive_mask = query_labels == key_labels.T
    negative_mask = ~positive_mask
    if remove_diagonal:
        # A sample is not its own positive.
        eye = torch.eye(
            query_labels.numel(), key_labels.numel(), dtype=torch.bool, device=positive_mask.device
        )
        positive_mask = positive_mask & ~eye
    return positive_mask, negative_mask


def _check_labels(labels, embeddings, labels_name, embeddings_name):
    # Shapes only (host metadata): no sync.
    if embeddings.dim() != 2 or labels.numel() != embeddings.shape[0]:
        raise ValueError(
            f"circle: `{labels_name}` must hold one integer label per row of `{embeddings_name}`. "
            f"Expected `{embeddings_name}` of shape `(batch_size, dim)` and `{labels_name}` of "
            f"shape `(batch_size,)` or `(batch_size, 1)`. Received: "
            f"{labels_name}.shape={tuple(labels.shape)}, "
            f"{embeddings_name}.shape={tuple(embeddings.shape)}"
        )


def circle(
    y_true,
    y_pred,
    ref_labels=None,
    ref_embeddings=None,
    remove_diagonal=True,
    gamma=80,
    margin=0.4,
):
    """Computes the Circle loss.

    It is designed to minimize within-class distances and maximize between-class distances in
    L2 normalized embedding space. Each sample's loss is
    `softplus(logsumexp(positive terms) + logsumexp(negative terms))` over its pairs with the
    reference embeddings; samples with a zero loss (no positive pair) are masked out of the
    reduction.

    Args:
        y_true: Tensor with ground truth labels in integer format, of shape `(batch_size,)`.
        y_pred: Tensor with predicted L2 normalized embeddings, `(batch_size, dim)`.
        ref_labels: Optional integer tensor with labels for reference embeddings. If `None`,
            defaults to `y_true`.
        ref_embeddings: Optional tensor with L2 normalized reference embeddings. If `None`,
            defaults to `y_pred`.
        remove_diagonal: Boolean, whether to remove self-similarities from the positive mask.
            Defaults to `True`.
        gamma: Float, scaling factor for the loss. Defaults to `80`.
        margin: Float, relaxation factor for the loss. Defaults to `0.4`.

    Returns:
        Circle loss values, of shape `(batch_size,)`.
    """
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, torch.int32, like=y_pred)
    if ref_embeddings is None:
        ref_embeddings = y_pred
    else:
        ref_embeddings = _helpers.as_tensor(ref_embeddings, like=y_pred)
    if ref_labels is None:
        ref_labels = y_true
    else:
        ref_labels = _helpers.as_tensor(ref_labels, torch.int32, like=y_pred)
    _check_labels(y_true, y_pred, "y_true", "y_pred")
    _check_labels(ref_labels, ref_embeddings, "ref_labels", "ref_embeddings")

    optim_pos = margin
    optim_neg = 1.0 + margin
    delta_pos = margin
    delta_neg = 1.0 - margin

    # (batch, refs) cosine distances of unit vectors, floored at 0.
    distances = torch.clamp_min(1.0 - y_pred @ ref_embeddings.T, 0.0)
    positive_mask, negative_mask = _pos_neg_masks(y_true, ref_labels, remove_diagonal)
    float_pos = positive_mask.to(distances.dtype)
    float_neg = negative_mask.to(distances.dtype)

    # Each pair is weighted by how far it is from its optimum.
    pos_weights = torch.clamp_min((optim_pos + distances) * float_pos, 0.0)
    neg_weights = torch.clamp_min((optim_neg - distances) * float_neg, 0.0)
    pos_wdists = -gamma * pos_weights * (delta_pos - distances)
    neg_wdists = gamma * neg_weights * (delta_neg - distances)

    neg_inf = torch.tensor(float("-inf"), dtype=distances.dtype, device=distances.device)
    p_loss = torch.logsumexp(torch.where(positive_mask, pos_wdists, neg_inf), dim=1)
    n_loss = torch.logsumexp(torch.where(negative_mask, neg_wdists, neg_inf), dim=1)
    circle_loss = F.softplus(p_loss + n_loss)
    return _helpers.set_keras_mask(circle_loss, circle_loss > 0)


class Circle(LossFunctionWrapper):
    """Computes Circle Loss between integer labels and L2-normalized embeddings.

    A metric learning loss that minimizes within-class distance and maximizes between-class
    distance, adjusting the penalty of each similarity score by how far it is from its optimum.
    The model should output embeddings without an activation (a `Dense` layer with
    `activation=None`) followed by a `UnitNormalization` layer.

    Args:
        gamma: Scaling factor that determines the largest scale of each similarity score.
            Defaults to `80`.
        margin: The relaxation factor: below this distance negatives are up-weighted and
            positives down-weighted, above it the other way round. Defaults to `0.4`.
        remove_diagonal: Boolean, whether to remove self-similarities from the positive mask.
            Defaults to `True`.
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance. Defaults to `"circle"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).

    Example:

    ```python
    model.compile(optimizer="adam", loss=keras.losses.Circle())
    ```

    Reference:

    - [Yifan Sun et al., 2020](https://arxiv.org/abs/2002.10857)
    """

    def __init__(
        self,
        gamma=80.0,
        margin=0.4,
        remove_diagonal=True,
        reduction="sum_over_batch_size",
        name="circle",
        dtype=None,
    ):
        super().__init__(
            circle,
            name=name,
            reduction=reduction,
            dtype=dtype,
            gamma=gamma,
            margin=margin,
            remove_diagonal=remove_diagonal,
        )
        self.gamma = gamma
        self.margin = margin
        self.remove_diagonal = remove_diagonal

    def get_config(self):
        config = Loss.get_config(self)
        config.update(
            {"gamma": self.gamma, "margin": self.margin, "remove_diagonal": self.remove_diagonal}
        )
        return config
