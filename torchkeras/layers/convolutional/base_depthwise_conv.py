"""BaseDepthwiseConv: the N-D depthwise convolution shared by DepthwiseConv1D and 2D."""

from torchkeras import activations
from torchkeras import backend
from torchkeras import constraints
from torchkeras import initializers
from torchkeras import regularizers
from torchkeras.layers.convolutional import conv_utils
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer

_MAX_CACHED_PLANS = 32


class BaseDepthwiseConv(Layer):
    """Abstract N-D depthwise convolution layer (private, used as implementation base).

    Each input channel is convolved with its own `depth_multiplier` filters; the outputs are
    concatenated, so channel `c * depth_multiplier + m` comes from input channel `c`. The kernel
    is stored in Keras layout, `kernel_size + (input_channels, depth_multiplier)`.

    Args:
        rank: int, the rank of the convolution, e.g. 2 for 2D.
        depth_multiplier: int, the number of filters applied to each input channel.
        kernel_size: int or tuple/list of `rank` integers, the size of the window.
        strides: int or tuple/list of `rank` integers, the stride. Defaults to `1`.
        padding: `"valid"` or `"same"` (case-insensitive). Defaults to `"valid"`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to
            `keras.config.image_data_format()`.
        dilation_rate: int or tuple/list of `rank` integers, the dilation rate. Defaults to `1`.
        activation: Activation function. Defaults to `None` (linear).
        use_bias: bool, whether a bias vector is added. Defaults to `True`.
        depthwise_initializer: Initializer for the kernel. Defaults to `"glorot_uniform"`.
        bias_initializer: Initializer for the bias. Defaults to `"zeros"`.
        depthwise_regularizer: Regularizer for the kernel.
        bias_regularizer: Regularizer for the bias.
        activity_regularizer: Regularizer for the output.
        depthwise_constraint: Constraint applied to the kernel after each optimizer update.
        bias_constraint: Constraint applied to the bias after each optimizer update.
    """

    def __init__(self, rank, depth_multiplier, kernel_size, strides=1, padding="valid",
                 data_format=None, dilation_rate=1, activation=None, use_bias=True,
                 depthwise_initializer="glorot_uniform", bias_initializer="zeros",
                 depthwise_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 depthwise_constraint=None, bias_constraint=None, **kwargs):
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.rank = rank
        self.depth_multiplier = depth_multiplier
        self.kernel_size = conv_utils.standardize_tuple(kernel_size, rank, "kernel_size")
        self.strides = conv_utils.standardize_tuple(strides, rank, "strides")
        self.dilation_rate = conv_utils.standardize_tuple(dilation_rate, rank, "dilation_rate")
        self.padding = conv_utils.standardize_padding(padding)
        self.data_format = backend.standardize_data_format(data_format)
        self.activation = activations.get(activation)
        self._has_activation = self.activation is not activations.linear
        self.use_bias = use_bias
        self.depthwise_initializer = initializers.get(depthwise_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.depthwise_regularizer = regularizers.get(depthwise_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.depthwise_constraint = constraints.get(depthwise_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.input_spec = InputSpec(min_ndim=rank + 2)
        conv_utils.check_depth_multiplier(depth_multiplier)
        self._plans = {}

    def _input_channel(self, input_shape):
        return input_shape[conv_utils.channel_axis(self.data_format)]

    def build(self, input_shape):
        axis = conv_utils.channel_axis(self.data_format)
        input_channel = input_shape[axis]
        if input_channel is None:
            raise ValueError(
                f"Layer '{self.name}' ({self.__class__.__name__}): the channel dimension of the "
                f"inputs should be defined. Found None. Received: input_shape={tuple(input_shape)}"
            )
        self.input_spec = InputSpec(min_ndim=self.rank + 2, axes={axis: input_channel})
        self.compute_output_shape(input_shape)
        self.kernel = self.add_weight(
            name="kernel", shape=self.kernel_size + (input_channel, self.depth_multiplier),
            initializer=self.depthwise_initializer, regularizer=self.depthwise_regularizer,
            constraint=self.depthwise_constraint,
        )
        if self.use_bias:
            self.bias = self.add_weight(
                name="bias", shape=(self.depth_multiplier * input_channel,),
                initializer=self.bias_initializer, regularizer=self.bias_regularizer,
                constraint=self.bias_constraint,
            )
        else:
            self.bias = None
        self._groups = input_channel
        self.built = True

    def _plan(self, shape):
        plan = self._plans.get(shape)
        if plan is None:
            if len(self._plans) >= _MAX_CACHED_PLANS:
                self._plans.clear()
            plan = self._plans[shape] = conv_utils.ConvPlan(
                conv_utils.spatial_dims(shape, self.data_format), self.kernel_size, self.strides,
                self.padding, self.dilation_rate, self.data_format,
            )
        return plan

    def call(self, inputs):
        # A grouped convolution with one group per input channel.
        outputs = conv_utils.conv(
            inputs, conv_utils.depthwise_kernel_to_torch(self.kernel, self.rank), self.bias,
            self.strides, self._plan(inputs.shape), self.dilation_rate, self._groups, self.rank,
            self.data_format,
        )
        if self._has_activation:
            outputs = self.activation(outputs)
        return outputs

    def compute_output_shape(self, input_shape):
        input_channel = self._input_channel(input_shape)
        filters = None if input_channel is None else self.depth_multiplier * input_channel
        return conv_utils.compute_conv_output_shape(
            input_shape, filters, self.kernel_size, self.strides, self.padding,
            self.data_format, self.dilation_rate,
        )

    def get_config(self):
        config = super().get_config()
        config.pop("activity_regularizer", None)
        config.update({
            "depth_multiplier": self.depth_multiplier,
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": self.padding,
            "data_format": self.data_format,
            "dilation_rate": self.dilation_rate,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "depthwise_initializer": initializers.serialize(self.depthwise_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "depthwise_regularizer": regularizers.serialize(self.depthwise_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "depthwise_constraint": constraints.serialize(self.depthwise_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
        })
        return config
