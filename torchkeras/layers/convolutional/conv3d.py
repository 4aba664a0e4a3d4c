"""Conv3D: 3D convolution layer."""

from torchkeras.layers.convolutional.base_conv import BaseConv


class Conv3D(BaseConv):
    """3D convolution layer.

    The layer convolves a kernel of shape `kernel_size + (channels // groups, filters)` (Keras
    layout) with its input, adds a bias when `use_bias` is `True`, then applies `activation`.

    Args:
        filters: int, the dimension of the output space (the number of filters).
        kernel_size: int or tuple/list of 3 integers, the size of the convolution window.
        strides: int or tuple/list of 3 integers, the stride of the convolution.
            `strides > 1` is incompatible with `dilation_rate > 1`. Defaults to `1`.
        padding: `"valid"` or `"same"` (case-insensitive). `"valid"` means no
            padding; `"same"` pads so that the output has `ceil(input / strides)` steps, with
            any odd padding at the end (as TensorFlow does). Defaults to `"valid"`.
        data_format: `"channels_last"` (inputs `(batch_size, dim1, dim2, dim3, channels)`) or
            `"channels_first"` (inputs `(batch_size, channels, dim1, dim2, dim3)`). Defaults to
            `keras.config.image_data_format()`.
        dilation_rate: int or tuple/list of 3 integers, the dilation rate. Defaults to `1`.
        groups: positive int; the input channels are split into `groups` groups, each convolved
            with `filters // groups` filters. Defaults to `1`.
        activation: Activation function. Defaults to `None` (no activation).
        use_bias: bool, whether a bias vector is added to the output. Defaults to `True`.
        kernel_initializer: Initializer for the kernel. Defaults to `"glorot_uniform"`.
        bias_initializer: Initializer for the bias vector. Defaults to `"zeros"`.
        kernel_regularizer: Optional regularizer for the kernel.
        bias_regularizer: Optional regularizer for the bias vector.
        activity_regularizer: Optional regularizer for the output.
        kernel_constraint: Optional constraint applied to the kernel after each update.
        bias_constraint: Optional constraint applied to the bias after each update.

    Input shape: 5D tensor `(batch_size, dim1, dim2, dim3, channels)` (`"channels_last"`) or
        `(batch_size, channels, dim1, dim2, dim3)` (`"channels_first"`).
    Output shape: 5D tensor `(batch_size, new_dim1, new_dim2, new_dim3, filters)` or
        `(batch_size, filters, new_dim1, new_dim2, new_dim3)`.

    Example:

    >>> x = np.random.rand(4, 10, 10, 10, 128).astype("float32")
    >>> keras.layers.Conv3D(32, 3, activation="relu")(x).shape
    torch.Size([4, 8, 8, 8, 32])
    """

    def __init__(self, filters, kernel_size, strides=(1, 1, 1), padding="valid", data_format=None,
                 dilation_rate=(1, 1, 1), groups=1, activation=None, use_bias=True,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, **kwargs):
        super().__init__(
            rank=3, filters=filters, kernel_size=kernel_size, strides=strides, padding=padding,
            data_format=data_format, dilation_rate=dilation_rate, groups=groups,
            activation=activation, use_bias=use_bias, kernel_initializer=kernel_initializer,
            bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
            bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
            kernel_constraint=kernel_constraint, bias_constraint=bias_constraint, **kwargs,
        )


Convolution3D = Conv3D
