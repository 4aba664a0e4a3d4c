"""GlobalMaxPooling1D: global max pooling for 1D data."""

from torchkeras.layers.pooling.base_global_pooling import BaseGlobalPooling


class GlobalMaxPooling1D(BaseGlobalPooling):
    """Global max pooling operation for 1D data.

    Takes the maximum over the steps axes, leaving one value per channel.

    Args:
        data_format: `"channels_last"` (inputs `(batch_size, steps, features)`) or
            `"channels_first"` (inputs `(batch_size, features, steps)`). Defaults to
            `keras.config.image_data_format()`.
        keepdims: bool, whether the spatial axes are kept with length 1. Defaults to
            `False`.

    Input shape: 3D tensor `(batch_size, steps, features)` or `(batch_size, features, steps)`.
    Output shape: `(batch_size, channels)`; with `keepdims=True`, `(batch_size, 1, channels)`
        or `(batch_size, channels, 1)`.

    Example:

    >>> x = np.random.rand(4, 10, 3).astype("float32")
    >>> keras.layers.GlobalMaxPooling1D()(x).shape
    torch.Size([4, 3])
    """

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(
            pool_dimensions=1, data_format=data_format, keepdims=keepdims, **kwargs
        )

    def call(self, inputs):
        return inputs.amax(dim=self._axes, keepdim=self.keepdims)


GlobalMaxPool1D = GlobalMaxPooling1D
