"""AveragePooling3D: average pooling for 3D spatial data."""

from torchkeras.layers.pooling.base_pooling import BasePooling


class AveragePooling3D(BasePooling):
    """Average pooling operation for 3D spatial data.

    Downsamples the input by taking the average over windows of size `pool_size`, moved by
    `strides`. With `"valid"` padding each spatial dimension becomes
    `floor((size - pool_size) / strides) + 1`; with `"same"` it becomes
    `floor((size - 1) / strides) + 1`, padding as TensorFlow does (averages only count
            the input positions inside each window).

    Args:
        pool_size: int or tuple of 3 integers, the size of the pooling window.
        strides: int or tuple of 3 integers, the step between windows. `None` means
            `pool_size`. Defaults to `None`.
        padding: `"valid"` or `"same"` (case-insensitive). Defaults to `"valid"`.
        data_format: `"channels_last"` (inputs `(batch_size, dim1, dim2, dim3, channels)`) or
            `"channels_first"` (inputs `(batch_size, channels, dim1, dim2, dim3)`). Defaults to
            `keras.config.image_data_format()`.

    Input shape: 5D tensor `(batch_size, dim1, dim2, dim3, channels)` or
        `(batch_size, channels, dim1, dim2, dim3)`.
    Output shape: 5D tensor `(batch_size, pooled_dim1, pooled_dim2, pooled_dim3, channels)` or
        `(batch_size, channels, pooled_dim1, pooled_dim2, pooled_dim3)`.

    Example:

    >>> x = np.random.rand(4, 10, 10, 10, 3).astype("float32")
    >>> keras.layers.AveragePooling3D(2)(x).shape
    torch.Size([4, 5, 5, 5, 3])
    """

    def __init__(self, pool_size, strides=None, padding="valid", data_format=None,
                 name=None, **kwargs):
        super().__init__(
            pool_size, strides, pool_dimensions=3, pool_mode="average", padding=padding,
            data_format=data_format, name=name, **kwargs,
        )


AvgPool3D = AveragePooling3D
