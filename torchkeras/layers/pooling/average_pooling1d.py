"""AveragePooling1D: average pooling for 1D temporal data."""

from torchkeras.layers.pooling.base_pooling import BasePooling


class AveragePooling1D(BasePooling):
    """Average pooling operation for 1D temporal data.

    Downsamples the input by taking the average over windows of size `pool_size`, moved by
    `strides`. With `"valid"` padding each spatial dimension becomes
    `floor((size - pool_size) / strides) + 1`; with `"same"` it becomes
    `floor((size - 1) / strides) + 1`, padding as TensorFlow does (averages only count
            the input positions inside each window).

    Args:
        pool_size: int or tuple of 1 integer, the size of the pooling window.
        strides: int or tuple of 1 integer, the step between windows. `None` means
            `pool_size`. Defaults to `None`.
        padding: `"valid"` or `"same"` (case-insensitive). Defaults to `"valid"`.
        data_format: `"channels_last"` (inputs `(batch_size, steps, features)`) or
            `"channels_first"` (inputs `(batch_size, features, steps)`). Defaults to
            `keras.config.image_data_format()`.

    Input shape: 3D tensor `(batch_size, steps, features)` or `(batch_size, features, steps)`.
    Output shape: 3D tensor `(batch_size, pooled_steps, features)` or
        `(batch_size, features, pooled_steps)`.

    Example:

    >>> x = np.random.rand(4, 10, 3).astype("float32")
    >>> keras.layers.AveragePooling1D(2)(x).shape
    torch.Size([4, 5, 3])
    """

    def __init__(self, pool_size, strides=None, padding="valid", data_format=None,
                 name=None, **kwargs):
        super().__init__(
            pool_size, strides, pool_dimensions=1, pool_mode="average", padding=padding,
            data_format=data_format, name=name, **kwargs,
        )


AvgPool1D = AveragePooling1D
