"""DepthwiseConv1D: 1D depthwise convolution layer."""

from torchkeras.layers.convolutional.base_depthwise_conv import BaseDepthwiseConv


class DepthwiseConv1D(BaseDepthwiseConv):
    """1D depthwise convolution layer.

    Each input channel is convolved with its own `depth_multiplier` filters (a grouped
    convolution with one group per channel) and the results are concatenated: output channel
    `c * depth_multiplier + m` comes from input channel `c`. The kernel has shape
    `kernel_size + (channels, depth_multiplier)` (Keras layout).

    Args:
        kernel_size: int or tuple/list of 1 integer, the size of the window.
        strides: int or tuple/list of 1 integer, the stride. Defaults to `1`.
        padding: `"valid"` or `"same"` (case-insensitive); `"same"` pads as TensorFlow does.
            Defaults to `"valid"`.
        depth_multiplier: int, the number of filters applied to each input channel; the output
            has `channels * depth_multiplier` channels. Defaults to `1`.
        data_format: `"channels_last"` (inputs `(batch_size, steps, channels)`) or
            `"channels_first"` (inputs `(batch_size, channels, steps)`). Defaults to
            `keras.config.image_data_format()`.
        dilation_rate: int or tuple/list of 1 integer, the dilation rate. Defaults to `1`.
        activation: Activation function. Defaults to `None` (no activation).
        use_bias: bool, whether a bias vector is added to the output. Defaults to `True`.
        depthwise_initializer: Initializer for the kernel. Defaults to `"glorot_uniform"`.
        bias_initializer: Initializer for the bias vector. Defaults to `"zeros"`.
        depthwise_regularizer: Optional regularizer for the kernel.
        bias_regularizer: Optional regularizer for the bias vector.
        activity_regularizer: Optional regularizer for the output.
        depthwise_constraint: Optional constraint applied to the kernel after each update.
        bias_constraint: Optional constraint applied to the bias after each update.

    Input shape: 3D tensor `(batch_size, steps, channels)` (`"channels_last"`) or
        `(batch_size, channels, steps)` (`"channels_first"`).
    Output shape: 3D tensor `(batch_size, new_steps, channels * depth_multiplier)` or
        `(batch_size, channels * depth_multiplier, new_steps)`.

    Example:

    >>> x = np.random.rand(4, 10, 12).astype("float32")
    >>> keras.layers.DepthwiseConv1D(3, depth_multiplier=2)(x).shape
    torch.Size([4, 8, 24])
    """

    def __init__(self, kernel_size, strides=1, padding="valid", depth_multiplier=1,
                 data_format=None, dilation_rate=1, activation=None, use_bias=True,
                 depthwise_initializer="glorot_uniform", bias_initializer="zeros",
                 depthwise_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 depthwise_constraint=None, bias_constraint=None, **kwargs):
        super().__init__(
            rank=1, depth_multiplier=depth_multiplier, kernel_size=kernel_size,
            strides=strides, padding=padding, data_format=data_format,
            dilation_rate=dilation_rate, activation=activation, use_bias=use_bias,
            depthwise_initializer=depthwise_initializer, bias_initializer=bias_initializer,
            depthwise_regularizer=depthwise_regularizer, bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer, depthwise_constraint=depthwise_constraint,
            bias_constraint=bias_constraint, **kwargs,
        )
