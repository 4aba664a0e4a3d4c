"""Add: elementwise sum of a list of inputs."""

from torchkeras.layers.merging.base_merge import Merge


class Add(Merge):
    """Performs elementwise addition of a list of inputs of the same (or broadcastable) shape.

    Example:

    >>> x1 = keras.Input(shape=(16,))
    >>> x2 = keras.Input(shape=(16,))
    >>> keras.layers.Add()([x1, x2]).shape
    (None, 16)
    """

    def _merge_function(self, inputs):
        output = inputs[0]
        for x in inputs[1:]:
            output = output + x
        return output
