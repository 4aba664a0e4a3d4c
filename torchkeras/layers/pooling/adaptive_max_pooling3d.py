"""AdaptiveMaxPooling3D: adaptive max pooling for 3D data."""

from torchkeras.layers.pooling.base_adaptive_pooling import BaseAdaptivePooling
from torchkeras.layers.pooling.base_adaptive_pooling import standardize_output_size


class AdaptiveMaxPooling3D(BaseAdaptivePooling):
    """Adaptive max pooling operation for 3D data.

    Pools the input to the spatial size `output_size`, whatever its own size: output position
    `i` of a dimension of size `n` takes the maximum of input positions
    `floor(i * n / output_size)` to `ceil((i + 1) * n / output_size) - 1`.

    Args:
        output_size: int or tuple of 3 integers, the target spatial size.
        data_format: `"channels_last"` (inputs `(batch_size, depth, height, width, channels)`) or
            `"channels_first"` (inputs `(batch_size, channels, depth, height, width)`). Defaults to
            `keras.config.image_data_format()`.

    Example:

    >>> x = np.random.rand(4, 10, 10, 10, 3).astype("float32")
    >>> keras.layers.AdaptiveMaxPooling3D(4)(x).shape
    torch.Size([4, 4, 4, 4, 3])
    """

    def __init__(self, output_size, data_format=None, **kwargs):
        output_size = standardize_output_size(output_size, 3, "(depth, height, width)")
        super().__init__(output_size, "max", data_format, **kwargs)
