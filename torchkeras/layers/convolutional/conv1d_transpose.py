"""Conv1DTranspose: 1D transposed convolution layer."""

from torchkeras.layers.convolutional.base_conv_transpose import BaseConvTranspose


class Conv1DTranspose(BaseConvTranspose):
    """1D transposed convolution layer.

    A transposed convolution ("deconvolution") maps a tensor shaped like a convolution's output
    to one shaped like its input, e.g. to upsample in a decoder. The kernel has shape
    `kernel_size + (filters, channels)` (Keras layout). Outputs equal TensorFlow's.

    Args:
        filters: int, the dimension of the output space (the number of filters).
        kernel_size: int or tuple/list of 1 integer, the size of the window.
        strides: int or tuple/list of 1 integer, the stride. `strides > 1` is
            incompatible with `dilation_rate > 1`. Defaults to `1`.
        padding: `"valid"` or `"same"` (case-insensitive). With `"same"` (and no
            `output_padding`) the output is `input * strides` long. Defaults to `"valid"`.
        output_padding: int or tuple/list of 1 integer, the amount added at the end of
            each spatial dimension of the output; each must be smaller than its stride. `None`
            infers it. Defaults to `None`.
        data_format: `"channels_last"` (inputs `(batch_size, steps, channels)`) or
            `"channels_first"` (inputs `(batch_size, channels, steps)`). Defaults to
            `keras.config.image_data_format()`.
        dilation_rate: int or tuple/list of 1 integer, the dilation rate. Defaults to `1`.
        activation: Activation function. Defaults to `None` (no activation).
        use_bias: bool, whether a bias vector is added to the output. Defaults to `True`.
        kernel_initializer: Initializer for the kernel. Defaults to `"glorot_uniform"`.
        bias_initializer: Initializer for the bias vector. Defaults to `"zeros"`.
        kernel_regularizer: Optional regularizer for the kernel.
        bias_regularizer: Optional regularizer for the bias vector.
        activity_regularizer: Optional regularizer for the output.
        kernel_constraint: Optional constraint applied to the kernel after each update.
        bias_constraint: Optional constraint applied to the bias after each update.

    Input shape: 3D tensor `(batch_size, steps, channels)` (`"channels_last"`) or
        `(batch_size, channels, steps)` (`"channels_first"`).
    Output shape: 3D tensor `(batch_size, new_steps, filters)` or
        `(batch_size, filters, new_steps)`.

    Example:

    >>> x = np.random.rand(4, 10, 8).astype("float32")
    >>> keras.layers.Conv1DTranspose(32, 3, strides=2)(x).shape
    torch.Size([4, 21, 32])
    """

    def __init__(self, filters, kernel_size, strides=1, padding="valid", output_padding=None,
                 data_format=None, dilation_rate=1, activation=None, use_bias=True,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, **kwargs):
        super().__init__(
            rank=1, filters=filters, kernel_size=kernel_size, strides=strides, padding=padding,
            output_padding=output_padding, data_format=data_format, dilation_rate=dilation_rate,
            activation=activation, use_bias=use_bias, kernel_initializer=kernel_initializer,
            bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
            bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
            kernel_constraint=kernel_constraint, bias_constraint=bias_constraint, **kwargs,
        )


Convolution1DTranspose = Conv1DTranspose
