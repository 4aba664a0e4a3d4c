"""AdaptiveAveragePooling1D: adaptive average pooling for 1D data."""

from torchkeras.layers.pooling.base_adaptive_pooling import BaseAdaptivePooling
from torchkeras.layers.pooling.base_adaptive_pooling import standardize_output_size


class AdaptiveAveragePooling1D(BaseAdaptivePooling):
    """Adaptive average pooling operation for 1D data.

    Pools the input to the spatial size `output_size`, whatever its own size: output position
    `i` of a dimension of size `n` takes the mean of input positions
    `floor(i * n / output_size)` to `ceil((i + 1) * n / output_size) - 1`.

    Args:
        output_size: int or tuple of 1 integer, the target spatial size.
        data_format: `"channels_last"` (inputs `(batch_size, steps, channels)`) or
            `"channels_first"` (inputs `(batch_size, channels, steps)`). Defaults to
            `keras.config.image_data_format()`.

    Example:

    >>> x = np.random.rand(4, 10, 3).astype("float32")
    >>> keras.layers.AdaptiveAveragePooling1D(4)(x).shape
    torch.Size([4, 4, 3])
    """

    def __init__(self, output_size, data_format=None, **kwargs):
        output_size = standardize_output_size(output_size, 1, "tuple of 1 integer")
        super().__init__(output_size, "average", data_format, **kwargs)
