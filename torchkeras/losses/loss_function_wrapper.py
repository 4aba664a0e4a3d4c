"""`LossFunctionWrapper`: turn a loss function `fn(y_true, y_pred, **kwargs)` into a `Loss`."""

import torch

from torchkeras.losses import _helpers
from torchkeras.losses.loss import Loss
from torchkeras.losses.loss import squeeze_or_expand_to_same_rank
from torchkeras.saving import serialization


class LossFunctionWrapper(Loss):
    """Wrap a function returning per-sample losses into a `Loss` with reduction and weighting.

    `y_true` and `y_pred` are first brought to the same rank (a trailing size-1 axis is squeezed
    or added, as Keras does), then passed to `fn`.

    Args:
        fn: The loss function, `fn(y_true, y_pred, **kwargs)`.
        reduction: Type of reduction to apply to the loss (see `Loss`).
            Defaults to `"sum_over_batch_size"`.
        name: Optional name for the loss instance. Defaults to `"loss_function_wrapper"`.
        dtype: The dtype of the loss's computations. Defaults to `None` (`floatx()`).
        **kwargs: Keyword arguments passed on to `fn`.

    Example:

    >>> loss = LossFunctionWrapper(keras.losses.huber, delta=0.5)
    >>> loss(y_true, y_pred)
    """

    def __init__(self, fn, reduction="sum_over_batch_size", name=None, dtype=None, **kwargs):
        super().__init__(name=name, reduction=reduction, dtype=dtype)
        self.fn = fn
        self._fn_kwargs = kwargs
        # Losses whose targets are class ids: they skip the float round trip, and their
        # `y_true` and `y_pred` legitimately have shapes that do not broadcast together.
        self._keeps_integer_targets = fn in _label_target_fns()

    def call(self, y_true, y_pred):
        matched_true, matched_pred = _match_ranks(y_true, y_pred)
        try:
            return self.fn(matched_true, matched_pred, **self._fn_kwargs)
        except RuntimeError as error:
            # Checked only on failure, so the training step pays nothing for it.
            if not self._keeps_integer_targets and not _broadcastable(y_true, y_pred):
                raise ValueError(
                    f"Loss '{self.name}' ({type(self).__name__}): `y_true` and `y_pred` have "
                    "incompatible shapes. Expected shapes that broadcast together (after a "
                    "trailing size-1 axis is squeezed or added). Received: "
                    f"y_true.shape={tuple(y_true.shape)}, y_pred.shape={tuple(y_pred.shape)}"
                ) from error
            raise

    def get_config(self):
        config = super().get_config()
        config["fn"] = serialization.serialize_keras_object(self.fn)
        config.update(serialization.serialize_keras_object(self._fn_kwargs))
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        if "fn" in config:
            from torchkeras.losses import catalogue

            config["fn"] = serialization.deserialize_keras_object(
                config["fn"],
                module_objects=catalogue.ALL_OBJECTS_DICT,
                printable_module_name="loss",
            )
        return cls(**config)

    def __repr__(self):
        return f"<LossFunctionWrapper({self.fn}, kwargs={self._fn_kwargs})>"


def _label_target_fns():
    from torchkeras.losses import circle_loss
    from torchkeras.losses import crossentropy_losses
    from torchkeras.losses import ctc_loss
    from torchkeras.losses import generalized_crossentropy

    return (
        crossentropy_losses.sparse_categorical_crossentropy,
        ctc_loss.ctc,
        circle_loss.circle,
        generalized_crossentropy.categorical_generalized_cross_entropy,
    )


def _broadcastable(y_true, y_pred):
    """False when two tensors' shapes (after rank matching) cannot broadcast together."""
    if not (isinstance(y_true, torch.Tensor) and isinstance(y_pred, torch.Tensor)):
        return True
    y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
    try:
        torch.broadcast_shapes(y_true.shape, y_pred.shape)
    except RuntimeError:
        return False
    return True


def _match_ranks(y_true, y_pred):
    """`squeeze_or_expand_to_same_rank` on each (y_true, y_pred) pair of matching structures."""
    if isinstance(y_true, dict) and isinstance(y_pred, dict):
        pairs = {k: _match_ranks(y_true[k], y_pred[k]) for k in y_true}
        return {k: p[0] for k, p in pairs.items()}, {k: p[1] for k, p in pairs.items()}
    if _helpers.is_structure(y_true) and _helpers.is_structure(y_pred):
        pairs = [_match_ranks(t, p) for t, p in zip(y_true, y_pred)]
        return type(y_true)(p[0] for p in pairs), type(y_pred)(p[1] for p in pairs)
    if hasattr(y_true, "dim") and hasattr(y_pred, "dim"):
        return squeeze_or_expand_to_same_rank(y_true, y_pred)
    return y_true, y_pred
