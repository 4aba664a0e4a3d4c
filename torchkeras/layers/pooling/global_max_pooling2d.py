"""GlobalMaxPooling2D: global max pooling for 2D data."""

from torchkeras.layers.pooling.base_global_pooling import BaseGlobalPooling


class GlobalMaxPooling2D(BaseGlobalPooling):
    """Global max pooling operation for 2D data.

    Takes the maximum over the height and width axes, leaving one value per channel.

    Args:
        data_format: `"channels_last"` (inputs `(batch_size, height, width, channels)`) or
            `"channels_first"` (inputs `(batch_size, channels, height, width)`). Defaults to
            `keras.config.image_data_format()`.
        keepdims: bool, whether the spatial axes are kept with length 1. Defaults to
            `False`.

    Input shape: 4D tensor `(batch_size, height, width, channels)` or
        `(batch_size, channels, height, width)`.
    Output shape: `(batch_size, channels)`; with `keepdims=True`, `(batch_size, 1, 1, channels)`
        or `(batch_size, channels, 1, 1)`.

    Example:

    >>> x = np.random.rand(4, 10, 10, 3).astype("float32")
    >>> keras.layers.GlobalMaxPooling2D()(x).shape
    torch.Size([4, 3])
    """

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(
            pool_dimensions=2, data_format=data_format, keepdims=keepdims, **kwargs
        )

    def call(self, inputs):
        return inputs.amax(dim=self._axes, keepdim=self.keepdims)


GlobalMaxPool2D = GlobalMaxPooling2D
