"""`LossFunctionWrapper`: turn a loss function `fn(y_true, y_pred, **kwargs)` into a `Loss`."""

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
        from torchkeras.losses import crossentropy_losses

        self._keeps_integer_targets = fn is crossentropy_losses.sparse_categorical_crossentropy

    def call(self, y_true, y_pred):
        y_true, y_pred = _match_ranks(y_true, y_pred)
        return self.fn(y_true, y_pred, **self._fn_kwargs)

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
