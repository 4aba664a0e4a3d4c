"""The shared implementation of Cropping1D, Cropping2D and Cropping3D."""

from torchkeras.layers.layer import Layer


class BaseCropping(Layer):
    """Crops `(before, after)` entries off each spatial axis.

    Subclasses set `self.cropping`, `self.data_format` (2D and 3D) and the input spec.
    """

    data_format = "channels_last"

    def _pairs(self):
        return self.cropping

    def _spatial_axes(self, ndim):
        if self.data_format == "channels_first":
            return range(2, ndim)
        return range(1, ndim - 1)

    def _too_large(self, shape, shape_name):
        return ValueError(
            "Values in `cropping` argument should be smaller than the corresponding spatial "
            f"dimension of the input. Received: {shape_name}={shape}, cropping={self.cropping}"
        )

    def compute_output_shape(self, input_shape):
        output_shape = list(input_shape)
        for axis, (before, after) in zip(self._spatial_axes(len(input_shape)), self._pairs()):
            if output_shape[axis] is not None:
                output_shape[axis] -= before + after
                if output_shape[axis] <= 0:
                    raise self._too_large(tuple(input_shape), "input_shape")
        return tuple(output_shape)

    def call(self, inputs):
        index = [slice(None)] * inputs.dim()
        for axis, (before, after) in zip(self._spatial_axes(inputs.dim()), self._pairs()):
            size = inputs.shape[axis]
            if before + after >= size:
                raise self._too_large(tuple(inputs.shape), "inputs.shape")
            index[axis] = slice(before, size - after)
        return inputs[tuple(index)]  # a view: no copy
