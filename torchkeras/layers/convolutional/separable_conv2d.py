"""SeparableConv2D: 2D separable convolution layer."""

from torchkeras.layers.convolutional.base_separable_conv import BaseSeparableConv


class SeparableConv2D(BaseSeparableConv):
    """2D separable convolution layer.

    A depthwise convolution (each input channel convolved with its own `depth_multiplier`
    filters) followed by a pointwise convolution that mixes the channels into `filters` outputs,
    then the bias and `activation`. Weights (Keras layout): `depthwise_kernel`
    `kernel_size + (channels, depth_multiplier)`, `pointwise_kernel`
    `(1, 1) + (channels * depth_multiplier, filters)`, `bias` `(filters,)`.

    Args:
        filters: int, the dimension of the output space (the number of filters).
        kernel_size: int or tuple/list of 2 integers, the size of the depthwise window.
        strides: int or tuple/list of 2 integers, the stride of the depthwise convolution.
            Defaults to `1`.
        padding: `"valid"` or `"same"` (case-insensitive); `"same"` pads as TensorFlow does.
            Defaults to `"valid"`.
        data_format: `"channels_last"` (inputs `(batch_size, height, width, channels)`) or
            `"channels_first"` (inputs `(batch_size, channels, height, width)`). Defaults to
            `keras.config.image_data_format()`.
        dilation_rate: int or tuple/list of 2 integers, the dilation rate. Defaults to `1`.
        depth_multiplier: int, the number of depthwise filters per input channel. Defaults to
            `1`.
        activation: Activation function. Defaults to `None` (no activation).
        use_bias: bool, whether a bias vector is added to the output. Defaults to `True`.
        depthwise_initializer: Initializer for the depthwise kernel. Defaults to
            `"glorot_uniform"`.
        pointwise_initializer: Initializer for the pointwise kernel. Defaults to
            `"glorot_uniform"`.
        bias_initializer: Initializer for the bias vector. Defaults to `"zeros"`.
        depthwise_regularizer: Optional regularizer for the depthwise kernel.
        pointwise_regularizer: Optional regularizer for the pointwise kernel.
        bias_regularizer: Optional regularizer for the bias vector.
        activity_regularizer: Optional regularizer for the output.
        depthwise_constraint: Optional constraint applied to the depthwise kernel.
        pointwise_constraint: Optional constraint applied to the pointwise kernel.
        bias_constraint: Optional constraint applied to the bias vector.

    Input shape: 4D tensor `(batch_size, height, width, channels)` (`"channels_last"`) or
        `(batch_size, channels, height, width)` (`"channels_first"`).
    Output shape: 4D tensor `(batch_size, new_height, new_width, filters)` or
        `(batch_size, filters, new_height, new_width)`.

    Example:

    >>> x = np.random.rand(4, 10, 10, 12).astype("float32")
    >>> keras.layers.SeparableConv2D(16, 3)(x).shape
    torch.Size([4, 8, 8, 16])
    """

    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid", data_format=None,
                 dilation_rate=(1, 1), depth_multiplier=1, activation=None, use_bias=True,
                 depthwise_initializer="glorot_uniform", pointwise_initializer="glorot_uniform",
                 bias_initializer="zeros", depthwise_regularizer=None,
                 pointwise_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 depthwise_constraint=None, pointwise_constraint=None, bias_constraint=None,
                 **kwargs):
        super().__init__(
            rank=2, depth_multiplier=depth_multiplier, filters=filters,
            kernel_size=kernel_size, strides=strides, padding=padding, data_format=data_format,
            dilation_rate=dilation_rate, activation=activation, use_bias=use_bias,
            depthwise_initializer=depthwise_initializer,
            pointwise_initializer=pointwise_initializer, bias_initializer=bias_initializer,
            depthwise_regularizer=depthwise_regularizer,
            pointwise_regularizer=pointwise_regularizer, bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer, depthwise_constraint=depthwise_constraint,
            pointwise_constraint=pointwise_constraint, bias_constraint=bias_constraint, **kwargs,
        )


SeparableConvolution2D = SeparableConv2D
