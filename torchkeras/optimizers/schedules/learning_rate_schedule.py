"""`LearningRateSchedule`, the base of learning rate schedules, and `ExponentialDecay`."""

import numpy as np
import torch

from torchkeras import backend
from torchkeras.saving import serialization


class LearningRateSchedule:
    """The learning rate schedule base class.

    A schedule maps the optimizer's step count to a learning rate. Pass an instance as the
    `learning_rate` argument of any optimizer; the optimizer calls it with its `iterations`
    (an integer tensor on the device) before every update, so the rate is computed on the device
    without waiting for the host.

    To implement your own schedule, override `__call__(self, step)` (and `get_config()` to make it
    serializable):

    ```python
    class MyLRSchedule(keras.optimizers.schedules.LearningRateSchedule):

        def __init__(self, initial_learning_rate):
            self.initial_learning_rate = initial_learning_rate

        def __call__(self, step):
            return self.initial_learning_rate / (step + 1)

    optimizer = keras.optimizers.SGD(learning_rate=MyLRSchedule(0.1))
    ```
    """

    def __call__(self, step):
        raise NotImplementedError(
            f"Learning rate schedule '{self.__class__.__name__}' "
            "must override `__call__(self, step)`."
        )

    def get_config(self):
        raise NotImplementedError(
            f"Learning rate schedule '{self.__class__.__name__}' "
            "must override `get_config()` in order to be serializable."
        )

    @classmethod
    def from_config(cls, config):
        """Instantiate a `LearningRateSchedule` from its config.

        Args:
            config: Output of `get_config()`.

        Returns:
            A `LearningRateSchedule` instance.
        """
        return cls(**config)


def _as_step(step):
    """The step as a tensor, on the device it already lives on (no host round trip)."""
    if isinstance(step, torch.Tensor):
        return step
    return backend.convert_to_tensor(step)


def _float_step(step):
    """`(step, numpy scalar type)`: the step as a `floatx()` tensor, and the NumPy type that
    rounds Python constants to `floatx()` the way Keras's casts do."""
    dtype = backend.to_torch_dtype(None)
    return _as_step(step).to(dtype), np.dtype(backend.standardize_dtype(dtype)).type


class ExponentialDecay(LearningRateSchedule):
    """A `LearningRateSchedule` that uses an exponential decay schedule.

    It computes:

    ```python
    def decayed_learning_rate(step):
        return initial_learning_rate * decay_rate ^ (step / decay_steps)
    ```

    If `staircase` is `True`, `step / decay_steps` is an integer division and the learning
    rate follows a staircase function.

    Args:
        initial_learning_rate: A Python float. The initial learning rate.
        decay_steps: A Python integer. Must be positive. See the decay computation above.
        decay_rate: A Python float. The decay rate.
        staircase: Boolean. If `True` decay the learning rate at discrete intervals.
            Defaults to `False`.
        name: String. Optional name of the operation. Defaults to `"ExponentialDecay"`.

    Returns:
        A 1-arg callable learning rate schedule that takes the current optimizer step and outputs
        the decayed learning rate, a scalar tensor of the same type as `initial_learning_rate`.

    Example:

    >>> lr_schedule = keras.optimizers.schedules.ExponentialDecay(
    ...     0.1, decay_steps=100000, decay_rate=0.96, staircase=True)
    >>> optimizer = keras.optimizers.SGD(learning_rate=lr_schedule)
    """

    def __init__(
        self,
        initial_learning_rate,
        decay_steps,
        decay_rate,
        staircase=False,
        name="ExponentialDecay",
    ):
        super().__init__()
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.decay_rate = decay_rate
        self.staircase = staircase
        self.name = name
        if self.decay_steps <= 0:
            raise ValueError(
                "Argument `decay_steps` must be > 0. "
                f"Received: decay_steps={self.decay_steps}"
            )

    def __call__(self, step):
        # Keras computes in the dtype of `initial_learning_rate` (`floatx()` for a Python float).
        dtype = backend.to_torch_dtype(None)
        p = _as_step(step).to(dtype) / self.decay_steps
        if self.staircase:
            p = torch.floor(p)
        return self.initial_learning_rate * torch.pow(self.decay_rate, p)

    def get_config(self):
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "decay_rate": self.decay_rate,
            "staircase": self.staircase,
            "name": self.name,
        }


def _all_objects():
    # The built-in schedules, one module each, import this module: look them up lazily.
    from torchkeras.optimizers import schedules

    return {
        name: getattr(schedules, name)
        for name in schedules.__all__
        if isinstance(getattr(schedules, name), type)
    }


def serialize(learning_rate_schedule):
    """Serialize a `LearningRateSchedule` into a JSON-compatible dict.

    Args:
        learning_rate_schedule: The `LearningRateSchedule` object to serialize.

    Returns:
        A JSON-serializable dict representing the object's config.
    """
    config = serialization.serialize_keras_object(learning_rate_schedule)
    module = type(learning_rate_schedule).__module__
    if isinstance(config, dict) and module.startswith("torchkeras.optimizers.schedules"):
        # Keras writes the sub-package of built-in schedules.
        config["module"] = "keras.optimizers.schedules"
    return config


def deserialize(config, custom_objects=None):
    """Instantiate a `LearningRateSchedule` object from a serialized form.

    Args:
        config: The serialized form of the `LearningRateSchedule`: a dict of the form
            `{"class_name": str, "config": dict}`.
        custom_objects: A dictionary mapping class names (or function names) of custom
            (non-Keras) objects to classes/functions.

    Returns:
        A `LearningRateSchedule` object.
    """
    return serialization.deserialize_keras_object(
        config,
        module_objects=_all_objects(),
        custom_objects=custom_objects,
        printable_module_name="decay",
    )
