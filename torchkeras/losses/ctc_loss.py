"""CTC (Connectionist Temporal Classification) loss, for unaligned sequence labelling."""

import torch
import torch.nn.functional as F

from torchkeras.losses import _helpers
from torchkeras.losses.loss import Loss
from torchkeras.losses.loss_function_wrapper import LossFunctionWrapper


def ctc(y_true, y_pred):
    """CTC (Connectionist Temporal Classification) loss.

    Every sample uses all `max_length` steps of `y_pred`; its label sequence is the first
    `count_nonzero(y_true[i])` entries of `y_true[i]` (padding with `0` at the end).

    Args:
        y_true: A tensor of shape `(batch_size, max_length)` containing the true labels in
            integer format. `0` always represents the blank/mask index and should not be used
            for classes.
        y_pred: A tensor of shape `(batch_size, max_length, num_classes)` containing logits
            (the output of your model). They should *not* be normalized via softmax.

    Returns:
        The negative log-likelihood of each label sequence, of shape `(batch_size,)` (`inf`
        where no alignment is possible).
    """
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, like=y_pred)
    if y_true.dim() != 2:
        raise ValueError(
            "Targets `y_true` are expected to be a tensor of shape `(batch_size, max_length)` "
            f"in integer format. Received: y_true.shape={tuple(y_true.shape)}"
        )
    if y_pred.dim() != 3:
        raise ValueError(
            "Logits `y_pred` are expected to be a tensor of shape "
            f"`(batch_size, max_length, num_classes)`. Received: y_pred.shape={tuple(y_pred.shape)}"
        )
    if y_true.shape[0] != y_pred.shape[0]:
        raise ValueError(
            "Targets `y_true` and logits `y_pred` must have the same batch size. Received: "
            f"y_true.shape={tuple(y_true.shape)}, y_pred.shape={tuple(y_pred.shape)}"
        )
    mask_index = 0
    batch_size, max_length = y_pred.shape[0], y_pred.shape[1]
    targets = y_true.to(torch.int64)
    target_lengths = (targets != mask_index).sum(dim=-1)
    input_lengths = torch.full((batch_size,), max_length, dtype=torch.int64, device=y_pred.device)

    # As Keras on TensorFlow: computed in float32 whatever the input dtype, returned in float32
    # (float64 for float64 input). torch wants time-major log-probabilities.
    result_dtype = torch.float64 if y_pred.dtype == torch.float64 else torch.float32
    log_probs = torch.log_softmax(y_pred.to(torch.float32), dim=-1).transpose(0, 1)
    losses = F.ctc_loss(
        log_probs,
        targets,
        input_lengths,
        target_lengths,
        blank=mask_index,
        reduction="none",
        zero_infinity=False,
    )
    return losses.to(result_dtype)


class CTC(LossFunctionWrapper):
    """CTC (Connectionist Temporal Classification) loss.

    `y_true` holds integer labels of shape `(batch_size, max_length)`, padded with `0` (the
    blank index, which is not a class); `y_pred` holds logits of shape
    `(batch_size, max_length, num_classes)`.

    Args:
        reduction: Type of reduction to apply to the loss (see `keras.losses.Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance. Defaults to `"ctc"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).
    """

    def __init__(self, reduction="sum_over_batch_size", name="ctc", dtype=None):
        super().__init__(ctc, name=name, reduction=reduction, dtype=dtype)

    def get_config(self):
        return Loss.get_config(self)
