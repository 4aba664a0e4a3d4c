"""Reshape: reshapes the input (batch axis excluded) to a target shape."""

import math

from torchkeras.layers.layer import Layer


class Reshape(Layer):
    """Layer that reshapes inputs into the given shape.

    Args:
        target_shape: Target shape, a tuple of integers not including the batch axis. One entry
            may be `-1`, inferred from the input size.

    Example:

    >>> x = keras.Input(shape=(12,))
    >>> keras.layers.Reshape((3, 4))(x).shape
    (None, 3, 4)
    """

    def __init__(self, target_shape, **kwargs):
        super().__init__(**kwargs)
        target_shape = tuple(target_shape)
        if sum(1 for d in target_shape if d == -1) > 1:
            raise ValueError(
                "The `target_shape` argument may contain at most one `-1` value. "
                f"Received: target_shape={target_shape}"
            )
        self.target_shape = target_shape
        self.built = True

    def call(self, inputs):
        target = self._resolve(inputs.shape[1:], self.target_shape)
        return inputs.reshape((inputs.shape[0],) + tuple(target))

    def _resolve(self, input_shape, target):
        known = [d for d in target if d != -1]
        if any(d is None for d in input_shape):
            return tuple(None if d == -1 else d for d in target)
        total = math.prod(input_shape)
        if -1 in target:
            denom = math.prod(known)
            if denom == 0 or total % denom:
                raise self._error(input_shape)
            return tuple(total // denom if d == -1 else d for d in target)
        if math.prod(target) != total:
            raise self._error(input_shape)
        return target

    def _error(self, input_shape):
        return ValueError(
            f"The total size of the tensor must be unchanged. Received: input_shape="
            f"{tuple(input_shape)}, target_shape={self.target_shape}"
        )

    def compute_output_shape(self, input_shape):
        return (input_shape[0],) + tuple(self._resolve(tuple(input_shape[1:]), self.target_shape))

    def get_config(self):
        config = super().get_config()
        config["target_shape"] = self.target_shape
        return config
