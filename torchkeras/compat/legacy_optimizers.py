"""`keras.optimizers.legacy` under the shim: tf.keras 2's legacy optimizers on torchkeras.

tf.keras 2 scripts write `keras.optimizers.legacy.Adam(lr=1e-3, decay=1e-4)`. Keras 3 removed the
namespace; the shim maps it here. Each class is the torchkeras optimizer of the same name with
tf.keras 2's two legacy arguments restored:

- `lr`: the old spelling of `learning_rate` (same warning as tf.keras 2).
- `decay`: inverse-time decay of the learning rate per iteration, as tf.keras 2 applied it:
  `lr_t = learning_rate / (1 + decay * iterations)`, `iterations` counting from 0.
"""

import warnings

from torchkeras import optimizers
from torchkeras.optimizers.schedules import InverseTimeDecay

__all__ = ["Adadelta", "Adagrad", "Adam", "Adamax", "Ftrl", "Nadam", "Optimizer", "RMSprop", "SGD"]


def _legacy_kwargs(kwargs):
    """Turn tf.keras 2's `lr=`/`decay=` in `kwargs` into a Keras 3 `learning_rate` argument."""
    if "lr" in kwargs:
        warnings.warn(
            "The `lr` argument is deprecated, use `learning_rate` instead.", stacklevel=4
        )
        kwargs["learning_rate"] = kwargs.pop("lr")
    decay = kwargs.pop("decay", 0.0)
    if isinstance(decay, bool) or not isinstance(decay, (int, float)) or decay < 0.0:
        raise ValueError(
            f"Legacy optimizer: `decay` must be a non-negative float. Received: decay={decay}"
        )
    return float(decay)


class _LegacyMixin:
    """Applies tf.keras 2's `decay` as an InverseTimeDecay learning-rate schedule."""

    def _legacy_setup(self, decay, args, kwargs):
        learning_rate = kwargs.get("learning_rate", args[0] if args else None)
        if learning_rate is None:
            learning_rate = self._legacy_default_lr
        if decay > 0.0:
            if not isinstance(learning_rate, (int, float)):
                raise ValueError(
                    "Legacy optimizer: `decay` needs a float learning rate; a schedule already "
                    f"decays it. Received: learning_rate={learning_rate}, decay={decay}"
                )
            learning_rate = InverseTimeDecay(float(learning_rate), decay_steps=1, decay_rate=decay)
        if args:
            args = (learning_rate,) + tuple(args[1:])
        else:
            kwargs["learning_rate"] = learning_rate
        self._legacy_decay = decay
        return args, kwargs

    # No `get_config` override: the config holds the InverseTimeDecay schedule, so a saved model
    # reloads into the Keras 3 optimizer of the same name with the same decaying rate.


def _make(base, default_lr):
    def __init__(self, *args, **kwargs):
        decay = _legacy_kwargs(kwargs)
        args, kwargs = self._legacy_setup(decay, args, kwargs)
        base.__init__(self, *args, **kwargs)

    cls = type(
        base.__name__,
        (_LegacyMixin, base),
        {
            "__init__": __init__,
            "_legacy_default_lr": default_lr,
            "__module__": __name__,
            "__doc__": f"tf.keras 2's legacy `{base.__name__}`: `{base.__name__}` with the "
            "`lr=` and `decay=` arguments (`lr_t = learning_rate / (1 + decay * iterations)`).",
        },
    )
    return cls


Optimizer = optimizers.Optimizer
SGD = _make(optimizers.SGD, 0.01)
Adam = _make(optimizers.Adam, 0.001)
RMSprop = _make(optimizers.RMSprop, 0.001)
Adagrad = _make(optimizers.Adagrad, 0.001)
Adadelta = _make(optimizers.Adadelta, 0.001)
Adamax = _make(optimizers.Adamax, 0.001)
Nadam = _make(optimizers.Nadam, 0.001)
Ftrl = _make(optimizers.Ftrl, 0.001)
