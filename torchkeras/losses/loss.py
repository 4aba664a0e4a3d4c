"""`Loss`: the base class of losses, and Keras's reduction, rank-matching and masking rules."""

import numpy as np
import torch

from torchkeras import backend
from torchkeras.losses import _helpers

_ALLOWED_REDUCTIONS = {
    "sum_over_batch_size", "sum", None, "none", "mean", "mean_with_sample_weight"
}


class Loss:
    """Loss base class.

    Subclass it and implement `call(y_true, y_pred)`, returning per-sample (or per-element) losses;
    `__call__` then applies sample weights, masks and the reduction.

    Args:
        name: Optional name for the loss instance. Defaults to the snake-cased class name.
        reduction: Type of reduction to apply to the loss. One of `"sum_over_batch_size"` (sum of
            the weighted losses divided by their number of elements), `"sum"`, `"mean"` (same as
            `"sum_over_batch_size"`), `"mean_with_sample_weight"` (sum divided by the sum of the
            sample weights), `"none"` or `None` (no reduction).
            Defaults to `"sum_over_batch_size"`.
        dtype: The dtype of the loss's computations. Defaults to `None`, meaning
            `keras.config.floatx()`.

    Example:

    ```python
    class MeanSquaredError(keras.losses.Loss):
        def call(self, y_true, y_pred):
            return torch.mean(torch.square(y_pred - y_true), dim=-1)
    ```
    """

    # Integer targets are cast to the loss dtype, as Keras does, unless the loss reads them as
    # class ids (sparse crossentropy): then the float round trip is skipped.
    _keeps_integer_targets = False

    def __init__(self, name=None, reduction="sum_over_batch_size", dtype=None):
        self.name = name or _helpers.auto_name(self.__class__.__name__)
        self.reduction = standardize_reduction(reduction)
        self._dtype = _helpers.compute_dtype(dtype)
        self._torch_dtype = backend.to_torch_dtype(self._dtype)

    @property
    def dtype(self):
        return self._dtype

    def __call__(self, y_true, y_pred, sample_weight=None):
        if (
            sample_weight is None
            and type(y_pred) is torch.Tensor
            and type(y_true) is torch.Tensor
            and y_pred.dtype == self._torch_dtype
            and getattr(y_pred, "_keras_mask", None) is None
            and y_true.device == y_pred.device
        ):
            return self._call_unweighted(y_true, y_pred)
        in_mask = _helpers.get_keras_mask(y_pred)
        dtype = self._torch_dtype
        y_pred = _helpers.map_structure(lambda x: _helpers.as_tensor(x, dtype), y_pred)
        like = y_pred if isinstance(y_pred, torch.Tensor) else None
        if self._keeps_integer_targets and _is_integer_array(y_true):
            y_true = _helpers.as_tensor(y_true, like=like)
        else:
            y_true = _helpers.map_structure(lambda x: _helpers.as_tensor(x, dtype, like), y_true)

        losses = self.call(y_true, y_pred)
        out_mask = _helpers.get_keras_mask(losses)
        if in_mask is not None and out_mask is not None:
            mask = in_mask & out_mask
        else:
            mask = in_mask if in_mask is not None else out_mask
        return reduce_weighted_values(
            losses, sample_weight=sample_weight, mask=mask, reduction=self.reduction, dtype=dtype
        )

    def _call_unweighted(self, y_true, y_pred):
        """The common training case (tensors, no weights, no mask), with no conversions."""
        if y_true.dtype != self._torch_dtype and not (
            self._keeps_integer_targets and _is_integer_array(y_true)
        ):
            y_true = y_true.to(self._torch_dtype)
        losses = self.call(y_true, y_pred)
        mask = getattr(losses, "_keras_mask", None)
        if mask is not None:
            return reduce_weighted_values(
                losses, mask=mask, reduction=self.reduction, dtype=self._torch_dtype
            )
        return reduce_values(losses, None, self.reduction)

    def call(self, y_true, y_pred):
        raise NotImplementedError

    def get_config(self):
        return {"name": self.name, "reduction": self.reduction}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        return f"<{self.__class__.__name__} name={self.name}>"


def _is_integer_array(x):
    if isinstance(x, torch.Tensor):
        return not (x.is_floating_point() or x.is_complex())
    return isinstance(x, np.ndarray) and x.dtype.kind in "iub"


def standardize_reduction(reduction):
    # tf.keras 2's `losses.Reduction.AUTO` ("auto") meant "sum_over_batch_size" outside
    # distribution strategies; accept it so tf.keras 2 code keeps working.
    if reduction == "auto":
        return "sum_over_batch_size"
    if reduction not in _ALLOWED_REDUCTIONS:
        raise ValueError(
            "Invalid value for argument `reduction`. "
            f"Expected one of {_ALLOWED_REDUCTIONS}. Received: reduction={reduction}"
        )
    return reduction


def squeeze_or_expand_to_same_rank(x1, x2, expand_rank_1=True):
    """Squeeze or expand the last axis of one of two tensors whose ranks differ by exactly 1.

    When the higher-rank tensor ends in a size-1 axis, either the rank-1 other tensor gains a
    trailing axis (`expand_rank_1`) or the size-1 axis is squeezed away.
    """
    x1_rank = x1.dim()
    x2_rank = x2.dim()
    if x1_rank == x2_rank:
        return x1, x2
    if x1_rank == x2_rank + 1 and x1.shape[-1] == 1:
        if x2_rank == 1 and expand_rank_1:
            x2 = x2.unsqueeze(-1)
        else:
            x1 = x1.squeeze(-1)
    if x2_rank == x1_rank + 1 and x2.shape[-1] == 1:
        if x1_rank == 1 and expand_rank_1:
            x1 = x1.unsqueeze(-1)
        else:
            x2 = x2.squeeze(-1)
    return x1, x2


def reduce_values(values, sample_weight=None, reduction="sum_over_batch_size"):
    """Reduce (already weighted) losses to a scalar as `reduction` says."""
    if reduction is None or reduction == "none" or values.dim() == 0 or tuple(values.shape) == (0,):
        return values
    if reduction == "sum":
        return values.sum()
    if reduction == "mean_with_sample_weight" and sample_weight is not None:
        return _helpers.divide_no_nan(values.sum(), sample_weight.sum().to(values.dtype))
    # Sum over the number of elements; none (an empty batch) gives 0, not NaN.
    return values.mean() if values.numel() else values.sum()


def reduce_weighted_values(
    values, sample_weight=None, mask=None, reduction="sum_over_batch_size", dtype=None
):
    """Weight `values` by `sample_weight` and `mask`, then reduce them."""
    reduction = standardize_reduction(reduction)
    values = _helpers.as_tensor(values, dtype)
    if sample_weight is not None:
        sample_weight = _helpers.as_tensor(sample_weight, values.dtype, like=values)
    if mask is not None:
        mask = _helpers.as_tensor(mask, like=values)

    # The mask becomes part of the sample weight.
    sample_weight = apply_mask(sample_weight, mask, dtype=values.dtype, reduction=reduction)
    if sample_weight is not None:
        sample_weight = sample_weight.to(values.dtype)
        values, sample_weight = squeeze_or_expand_to_same_rank(values, sample_weight)
        try:
            values = values * sample_weight
        except RuntimeError as error:
            raise ValueError(
                "Loss: `sample_weight` does not match the losses. Expected a `sample_weight` "
                "that broadcasts to the shape of the per-sample losses, e.g. `(batch_size,)`. "
                f"Received: sample_weight.shape={tuple(sample_weight.shape)}, "
                f"losses.shape={tuple(values.shape)}"
            ) from error
    return reduce_values(values, sample_weight, reduction)


def apply_mask(sample_weight, mask, dtype, reduction):
    """Merge a boolean `mask` into `sample_weight`.

    For the mean reductions, kept entries get weight `total / valid` so that dividing the sum by
    the number of elements gives the mean over the kept entries only.
    """
    if mask is None:
        return sample_weight
    if reduction in ("mean", "sum_over_batch_size"):
        bool_mask = mask if mask.dtype == torch.bool else mask.to(torch.bool)
        total = mask.numel()
        valid = bool_mask.sum().to(dtype)  # May be 0.
        mask_weight = _helpers.divide_no_nan(torch.full_like(valid, float(total)), valid)
        float_mask = torch.where(bool_mask, mask_weight, torch.zeros_like(mask_weight))
    else:
        float_mask = mask.to(dtype)
    if sample_weight is not None:
        sample_weight = sample_weight.to(dtype)
        float_mask, sample_weight = squeeze_or_expand_to_same_rank(float_mask, sample_weight)
        return sample_weight * float_mask
    return float_mask
