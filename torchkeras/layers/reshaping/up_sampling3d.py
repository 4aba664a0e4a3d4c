"""UpSampling3D: repeats the entries of a volume along its three spatial axes."""

from torchkeras import backend
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer
from torchkeras.layers.reshaping.base_up_sampling import repeat_axes
from torchkeras.layers.reshaping.spatial_arguments import standardize_tuple


class UpSampling3D(Layer):
    """Upsampling layer for 3D inputs.

    Repeats the 1st, 2nd and 3rd dimensions of the data by `size[0]`, `size[1]` and `size[2]`
    respectively.

    Args:
        size: Int, or tuple of 3 integers. The upsampling factors for dim1, dim2 and dim3.
            Defaults to `(2, 2, 2)`.
        data_format: `"channels_last"` (`(batch, dim1, dim2, dim3, channels)`) or
            `"channels_first"`. Defaults to the `image_data_format` value (`"channels_last"`).

    Example:

    >>> x = np.ones((2, 1, 2, 1, 3), "float32")
    >>> keras.layers.UpSampling3D(size=2)(x).shape
    torch.Size([2, 2, 4, 2, 3])
    """

    def __init__(self, size=(2, 2, 2), data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = backend.standardize_data_format(data_format)
        self.size = standardize_tuple(size, 3, "size")
        self.input_spec = InputSpec(ndim=5)
        self.built = True

    def _first_spatial_axis(self):
        return 2 if self.data_format == "channels_first" else 1

    def call(self, inputs):
        first = self._first_spatial_axis()
        return repeat_axes(inputs, {first + i: factor for i, factor in enumerate(self.size)})

    def compute_output_shape(self, input_shape):
        first = self._first_spatial_axis()
        output_shape = list(input_shape)
        for i, factor in enumerate(self.size):
            if output_shape[first + i] is not None:
                output_shape[first + i] *= factor
        return tuple(output_shape)

    def get_config(self):
        config = super().get_config()
        config.update({"size": self.size, "data_format": self.data_format})
        return config
