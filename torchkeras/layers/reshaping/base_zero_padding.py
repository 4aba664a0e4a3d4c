"""The shared implementation of ZeroPadding1D, ZeroPadding2D and ZeroPadding3D."""

import torch.nn.functional as F

from torchkeras.layers.layer import Layer


class BaseZeroPadding(Layer):
    """Pads each spatial axis with `(before, after)` zeros.

    Subclasses set `self.padding`, `self.data_format` and the input spec; `_pairs()` gives one
    pair per spatial axis.
    """

    def _pairs(self):
        return self.padding

    def _spatial_axes(self, ndim):
        if self.data_format == "channels_first":
            return range(2, ndim)
        return range(1, ndim - 1)

    def compute_output_shape(self, input_shape):
        output_shape = list(input_shape)
        for axis, (before, after) in zip(self._spatial_axes(len(input_shape)), self._pairs()):
            if output_shape[axis] is not None:
                output_shape[axis] += before + after
        return tuple(output_shape)

    def call(self, inputs):
        # `F.pad` lists (before, after) pairs from the last axis backwards.
        pad = [0] * (2 * inputs.dim())
        for axis, (before, after) in zip(self._spatial_axes(inputs.dim()), self._pairs()):
            position = inputs.dim() - 1 - axis
            pad[2 * position] = before
            pad[2 * position + 1] = after
        while pad and pad[-1] == 0 and pad[-2] == 0:
            del pad[-2:]
        return F.pad(inputs, pad)

    def get_config(self):
        config = super().get_config()
        config.update({"padding": self.padding, "data_format": self.data_format})
        return config
