"""Minimum: the elementwise minimum of a list of inputs."""

import torch

from torchkeras.layers.merging.base_merge import Merge


class Minimum(Merge):
    """Computes the elementwise minimum of a list of inputs.

    It takes as input a list of tensors, all of the same (or broadcastable) shape, and returns a
    single tensor of that shape. Where an input is masked, the other inputs' values are used.

    Example:

    >>> x1 = keras.Input(shape=(16,))
    >>> x2 = keras.Input(shape=(16,))
    >>> keras.layers.Minimum()([x1, x2]).shape
    (None, 16)
    """

    def _merge_function(self, inputs):
        return self._apply_merge_op_and_or_mask(torch.minimum, inputs)
