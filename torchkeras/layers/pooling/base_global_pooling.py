"""BaseGlobalPooling: max or average over all spatial axes."""

from torchkeras import backend
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer


class BaseGlobalPooling(Layer):
    """Base global pooling layer (private).

    Args:
        pool_dimensions: int, the number of spatial dimensions (1, 2 or 3).
        data_format: `"channels_last"` or `"channels_first"`. Defaults to
            `keras.config.image_data_format()`.
        keepdims: bool, whether the spatial axes are kept with length 1. Defaults to `False`.
    """

    def __init__(self, pool_dimensions, data_format=None, keepdims=False, **kwargs):
        super().__init__(**kwargs)
        self.data_format = backend.standardize_data_format(data_format)
        self.keepdims = keepdims
        self.input_spec = InputSpec(ndim=pool_dimensions + 2)
        if self.data_format == "channels_last":
            self._axes = tuple(range(1, pool_dimensions + 1))
        else:
            self._axes = tuple(range(2, pool_dimensions + 2))
        self.built = True

    def call(self, inputs):
        raise NotImplementedError

    def compute_output_shape(self, input_shape):
        num_spatial_dims = len(input_shape) - 2
        if self.data_format == "channels_last":
            if self.keepdims:
                return (input_shape[0],) + (1,) * num_spatial_dims + (input_shape[-1],)
            return (input_shape[0], input_shape[-1])
        if self.keepdims:
            return (input_shape[0], input_shape[1]) + (1,) * num_spatial_dims
        return (input_shape[0], input_shape[1])

    def get_config(self):
        config = super().get_config()
        config.update({"data_format": self.data_format, "keepdims": self.keepdims})
        return config
