"""GlobalMaxPooling3D: global max pooling for 3D data."""

from torchkeras.layers.pooling.base_global_pooling import BaseGlobalPooling


class GlobalMaxPooling3D(BaseGlobalPooling):
    """Global max pooling operation for 3D data.

    Takes the maximum over the spatial axes, leaving one value per channel.

    Args:
        data_format: `"channels_last"` (inputs `(batch_size, dim1, dim2, dim3, channels)`) or
            `"channels_first"` (inputs `(batch_size, channels, dim1, dim2, dim3)`). Defaults to
            `keras.config.image_data_format()`.
        keepdims: bool, whether the spatial axes are kept with length 1. Defaults to
            `False`.

    Input shape: 5D tensor `(batch_size, dim1, dim2, dim3, channels)` or
        `(batch_size, channels, dim1, dim2, dim3)`.
    Output shape: `(batch_size, channels)`; with `keepdims=True`, `(batch_size, 1, 1, 1, channels)`
        or `(batch_size, channels, 1, 1, 1)`.

    Example:

    >>> x = np.random.rand(4, 10, 10, 10, 3).astype("float32")
    >>> keras.layers.GlobalMaxPooling3D()(x).shape
    torch.Size([4, 3])
    """

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(
            pool_dimensions=3, data_format=data_format, keepdims=keepdims, **kwargs
        )

    def call(self, inputs):
        return inputs.amax(dim=self._axes, keepdim=self.keepdims)


GlobalMaxPool3D = GlobalMaxPooling3D
