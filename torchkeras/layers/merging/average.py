"""Average: the elementwise mean of a list of inputs."""

from torchkeras.layers.merging.base_merge import Merge


class Average(Merge):
    """Averages a list of inputs elementwise.

    It takes as input a list of tensors, all of the same (or broadcastable) shape, and returns a
    single tensor of that shape.

    Example:

    >>> x1 = keras.Input(shape=(16,))
    >>> x2 = keras.Input(shape=(16,))
    >>> keras.layers.Average()([x1, x2]).shape
    (None, 16)
    """

    def _merge_function(self, inputs):
        output = inputs[0]
        for x in inputs[1:]:
            output = output + x
        return output / len(inputs)
