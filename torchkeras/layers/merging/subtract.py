"""Subtract: the difference of exactly two inputs."""

from torchkeras.layers.merging.base_merge import Merge


class Subtract(Merge):
    """Performs elementwise subtraction: `inputs[0] - inputs[1]`.

    It takes as input a list of exactly two tensors of the same (or broadcastable) shape.

    Example:

    >>> x1 = keras.Input(shape=(16,))
    >>> x2 = keras.Input(shape=(16,))
    >>> keras.layers.Subtract()([x1, x2]).shape
    (None, 16)
    """

    def build(self, input_shape):
        super().build(input_shape)
        if len(input_shape) != 2:
            raise ValueError(
                "A `Subtract` layer should be called on exactly 2 inputs. "
                f"Received: input_shape={input_shape}"
            )

    def _merge_function(self, inputs):
        if len(inputs) != 2:
            raise ValueError(
                "A `Subtract` layer should be called on exactly 2 inputs. "
                f"Received: inputs={inputs}"
            )
        return inputs[0] - inputs[1]
