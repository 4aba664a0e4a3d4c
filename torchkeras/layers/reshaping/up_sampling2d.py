"""UpSampling2D: upsamples an image by integer factors (nearest or interpolated)."""

from torchkeras import backend
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer
from torchkeras.layers.reshaping.base_up_sampling import resize_channels_last
from torchkeras.layers.reshaping.spatial_arguments import standardize_tuple


class UpSampling2D(Layer):
    """Upsampling layer for 2D inputs.

    The implementation uses interpolative resizing, given the resize method (specified by the
    `interpolation` argument). Use `interpolation="nearest"` to repeat the rows and columns of
    the data.

    Args:
        size: Int, or tuple of 2 integers. The upsampling factors for rows and columns.
            Defaults to `(2, 2)`.
        data_format: `"channels_last"` (`(batch, rows, cols, channels)`) or
            `"channels_first"`. Defaults to the `image_data_format` value (`"channels_last"`).
        interpolation: One of `"nearest"`, `"bilinear"`, `"bicubic"`, `"lanczos3"`,
            `"lanczos5"`, `"area"` (the methods of `tf.image.resize`, reproduced without
            TensorFlow). Defaults to `"nearest"`.

    Example:

    >>> x = np.arange(4).reshape(1, 2, 2, 1).astype("float32")
    >>> keras.layers.UpSampling2D(size=(1, 2))(x)[0, :, :, 0]
    tensor([[0., 0., 1., 1.],
            [2., 2., 3., 3.]])
    """

    def __init__(self, size=(2, 2), data_format=None, interpolation="nearest", **kwargs):
        super().__init__(**kwargs)
        self.data_format = backend.standardize_data_format(data_format)
        self.size = standardize_tuple(size, 2, "size")
        self.interpolation = interpolation.lower()
        self.input_spec = InputSpec(ndim=4)
        self.built = True

    def call(self, inputs):
        if self.data_format == "channels_first":
            inputs = inputs.permute(0, 2, 3, 1)  # a view
        outputs = resize_channels_last(inputs, self.size[0], self.size[1], self.interpolation)
        if self.data_format == "channels_first":
            outputs = outputs.permute(0, 3, 1, 2)
        return outputs

    def compute_output_shape(self, input_shape):
        first = 2 if self.data_format == "channels_first" else 1
        output_shape = list(input_shape)
        for i, factor in enumerate(self.size):
            if output_shape[first + i] is not None:
                output_shape[first + i] *= factor
        return tuple(output_shape)

    def get_config(self):
        config = super().get_config()
        config.update({
            "size": self.size,
            "data_format": self.data_format,
            "interpolation": self.interpolation,
        })
        return config
