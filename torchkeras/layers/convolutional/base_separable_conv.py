"""BaseSeparableConv: a depthwise convolution followed by a pointwise (1x1) one."""

from torchkeras import activations
from torchkeras import backend
from torchkeras import constraints
from torchkeras import initializers
from torchkeras import regularizers
from torchkeras.layers.convolutional import conv_utils
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer

_MAX_CACHED_PLANS = 32


class BaseSeparableConv(Layer):
    """Abstract N-D separable convolution layer (private, used as implementation base).

    A depthwise convolution (each input channel convolved with its own `depth_multiplier`
    filters, with the layer's strides, padding and dilation) is followed by a pointwise
    convolution mixing the channels into `filters` outputs. Weights, in Keras layout:
    `depthwise_kernel` `kernel_size + (input_channels, depth_multiplier)`, `pointwise_kernel`
    `(1,) * rank + (input_channels * depth_multiplier, filters)`, then `bias` `(filters,)`.

    Args:
        rank: int, the rank of the convolution, e.g. 2 for 2D.
        depth_multiplier: int, the number of depthwise filters per input channel.
        filters: int, the dimension of the output space.
        kernel_size: int or tuple/list of `rank` integers, the size of the depthwise window.
        strides: int or tuple/list of `rank` integers, the stride. Defaults to `1`.
        padding: `"valid"` or `"same"` (case-insensitive). Defaults to `"valid"`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to
            `keras.config.image_data_format()`.
        dilation_rate: int or tuple/list of `rank` integers, the dilation rate. Defaults to `1`.
        activation: Activation function. Defaults to `None` (linear).
        use_bias: bool, whether a bias vector is added. Defaults to `True`.
        depthwise_initializer: Initializer for the depthwise kernel. Defaults to
            `"glorot_uniform"`.
        pointwise_initializer: Initializer for the pointwise kernel. Defaults to
            `"glorot_uniform"`.
        bias_initializer: Initializer for the bias. Defaults to `"zeros"`.
        depthwise_regularizer: Regularizer for the depthwise kernel.
        pointwise_regularizer: Regularizer for the pointwise kernel.
        bias_regularizer: Regularizer for the bias.
        activity_regularizer: Regularizer for the output.
        depthwise_constraint: Constraint applied to the depthwise kernel after each update.
        pointwise_constraint: Constraint applied to the pointwise kernel after each update.
        bias_constraint: Constraint applied to the bias after each update.
    """

    def __init__(self, rank, depth_multiplier, filters, kernel_size, strides=1, padding="valid",
                 data_format=None, dilation_rate=1, activation=None, use_bias=True,
                 depthwise_initializer="glorot_uniform", pointwise_initializer="glorot_uniform",
                 bias_initializer="zeros", depthwise_regularizer=None,
                 pointwise_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 depthwise_constraint=None, pointwise_constraint=None, bias_constraint=None,
                 **kwargs):
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.rank = rank
        self.depth_multiplier = depth_multiplier
        self.filters = filters
        self.kernel_size = conv_utils.standardize_tuple(kernel_size, rank, "kernel_size")
        self.strides = conv_utils.standardize_tuple(strides, rank, "strides")
        self.dilation_rate = conv_utils.standardize_tuple(dilation_rate, rank, "dilation_rate")
        self.padding = conv_utils.standardize_padding(padding)
        self.data_format = backend.standardize_data_format(data_format)
        self.activation = activations.get(activation)
        self._has_activation = self.activation is not activations.linear
        self.use_bias = use_bias
        self.depthwise_initializer = initializers.get(depthwise_initializer)
        self.pointwise_initializer = initializers.get(pointwise_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.depthwise_regularizer = regularizers.get(depthwise_regularizer)
        self.pointwise_regularizer = regularizers.get(pointwise_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.depthwise_constraint = constraints.get(depthwise_constraint)
        self.pointwise_constraint = constraints.get(pointwise_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.input_spec = InputSpec(min_ndim=rank + 2)
        conv_utils.check_depth_multiplier(depth_multiplier)
        conv_utils.check_filters(filters)
        self._plans = {}
        self._pointwise_plan = conv_utils.ConvPlan(
            (1,) * rank, (1,) * rank, (1,) * rank, "valid", (1,) * rank, self.data_format
        )

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
        self.depthwise_kernel = self.add_weight(
            name="depthwise_kernel",
            shape=self.kernel_size + (input_channel, self.depth_multiplier),
            initializer=self.depthwise_initializer, regularizer=self.depthwise_regularizer,
            constraint=self.depthwise_constraint,
        )
        self.pointwise_kernel = self.add_weight(
            name="pointwise_kernel",
            shape=(1,) * self.rank + (self.depth_multiplier * input_channel, self.filters),
            initializer=self.pointwise_initializer, regularizer=self.pointwise_regularizer,
            constraint=self.pointwise_constraint,
        )
        if self.use_bias:
            self.bias = self.add_weight(
                name="bias", shape=(self.filters,), initializer=self.bias_initializer,
                regularizer=self.bias_regularizer, constraint=self.bias_constraint,
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
        ones = (1,) * self.rank
        depthwise = conv_utils.conv(
            inputs, conv_utils.depthwise_kernel_to_torch(self.depthwise_kernel, self.rank), None,
            self.strides, self._plan(inputs.shape), self.dilation_rate, self._groups, self.rank,
            self.data_format,
        )
        outputs = conv_utils.conv(
            depthwise, conv_utils.kernel_to_torch(self.pointwise_kernel, self.rank), self.bias,
            ones, self._pointwise_plan, ones, 1, self.rank, self.data_format,
        )
        if self._has_activation:
            outputs = self.activation(outputs)
        return outputs

    def compute_output_shape(self, input_shape):
        return conv_utils.compute_conv_output_shape(
            input_shape, self.filters, self.kernel_size, self.strides, self.padding,
            self.data_format, self.dilation_rate,
        )

    def get_config(self):
        config = super().get_config()
        config.pop("activity_regularizer", None)
        config.update({
            "depth_multiplier": self.depth_multiplier,
            "filters": self.filters,
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": self.padding,
            "data_format": self.data_format,
            "dilation_rate": self.dilation_rate,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "depthwise_initializer": initializers.serialize(self.depthwise_initializer),
            "pointwise_initializer": initializers.serialize(self.pointwise_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "depthwise_regularizer": regularizers.serialize(self.depthwise_regularizer),
            "pointwise_regularizer": regularizers.serialize(self.pointwise_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "depthwise_constraint": constraints.serialize(self.depthwise_constraint),
            "pointwise_constraint": constraints.serialize(self.pointwise_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
        })
        return config
