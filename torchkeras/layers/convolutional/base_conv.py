"""BaseConv: the N-D convolution shared by Conv1D, Conv2D and Conv3D."""

from torchkeras import activations
from torchkeras import backend
from torchkeras import constraints
from torchkeras import initializers
from torchkeras import regularizers
from torchkeras.layers.convolutional import conv_utils
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer

_MAX_CACHED_PLANS = 32


class BaseConv(Layer):
    """Abstract N-D convolution layer (private, used as implementation base).

    The layer convolves (actually cross-correlates) a kernel with its input, adds a bias when
    `use_bias` is `True` and applies `activation`. The kernel is stored in Keras layout,
    `kernel_size + (input_channels // groups, filters)`.

    Args:
        rank: int, the rank of the convolution, e.g. 2 for 2D convolution.
        filters: int, the dimension of the output space (the number of filters).
        kernel_size: int or tuple/list of `rank` integers, the size of the convolution window.
        strides: int or tuple/list of `rank` integers, the stride of the convolution.
            `strides > 1` is incompatible with `dilation_rate > 1`. Defaults to `1`.
        padding: `"valid"` (no padding) or `"same"` (TensorFlow-style: the output has
            `ceil(input / stride)` steps, an odd padding puts the extra step at the end), plus
            `"causal"` for `rank=1`. Case-insensitive. Defaults to `"valid"`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to
            `keras.config.image_data_format()`.
        dilation_rate: int or tuple/list of `rank` integers, the dilation rate. Defaults to `1`.
        groups: positive int, the number of groups the input channels are split into; each group
            is convolved with `filters // groups` filters. Defaults to `1`.
        activation: Activation function. Defaults to `None` (linear).
        use_bias: bool, whether a bias vector is added. Defaults to `True`.
        kernel_initializer: Initializer for the kernel. Defaults to `"glorot_uniform"`.
        bias_initializer: Initializer for the bias. Defaults to `"zeros"`.
        kernel_regularizer: Regularizer for the kernel.
        bias_regularizer: Regularizer for the bias.
        activity_regularizer: Regularizer for the output.
        kernel_constraint: Constraint applied to the kernel after each optimizer update.
        bias_constraint: Constraint applied to the bias after each optimizer update.
    """

    def __init__(self, rank, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, groups=1, activation=None, use_bias=True,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, lora_rank=None, lora_alpha=None,
                 **kwargs):
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        if lora_rank:
            raise NotImplementedError(
                f"Layer '{self.name}' ({self.__class__.__name__}): LoRA is not supported yet. "
                "See compat/DIFFERENCES.md."
            )
        self.rank = rank
        self.filters = filters
        self.groups = groups
        self.kernel_size = conv_utils.standardize_tuple(kernel_size, rank, "kernel_size")
        self.strides = conv_utils.standardize_tuple(strides, rank, "strides")
        self.dilation_rate = conv_utils.standardize_tuple(dilation_rate, rank, "dilation_rate")
        self.padding = conv_utils.standardize_padding(padding, allow_causal=rank == 1)
        self.data_format = backend.standardize_data_format(data_format)
        self.activation = activations.get(activation)
        self._has_activation = self.activation is not activations.linear
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.input_spec = InputSpec(min_ndim=rank + 2)
        conv_utils.check_filters(filters)
        if groups <= 0:
            raise ValueError(
                f"The number of groups must be a positive integer. Received: groups={groups}."
            )
        if filters is not None and filters % groups != 0:
            raise ValueError(
                "The number of filters must be evenly divisible by the number of groups. "
                f"Received: groups={groups}, filters={filters}."
            )
        conv_utils.check_strides_and_dilation(self.strides, self.dilation_rate)
        self._plans = {}
        # Valid and causal padding, and "same" padding at stride 1, do not depend on the input
        # size: one plan serves every call.
        self._static_plan = None
        if self.padding in ("valid", "causal") or max(self.strides) == 1:
            self._static_plan = conv_utils.ConvPlan(
                (1,) * rank, self.kernel_size, self.strides, self.padding, self.dilation_rate,
                self.data_format,
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
        if input_channel % self.groups != 0:
            raise ValueError(
                "The number of input channels must be evenly divisible by the number of groups. "
                f"Received groups={self.groups}, but the input has {input_channel} channels "
                f"(full input shape is {tuple(input_shape)})."
            )
        # Validates the input shape (a non-positive output size raises here).
        self.compute_output_shape(input_shape)
        self.kernel = self.add_weight(
            name="kernel", shape=self.kernel_size + (input_channel // self.groups, self.filters),
            initializer=self.kernel_initializer, regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
        )
        if self.use_bias:
            self.bias = self.add_weight(
                name="bias", shape=(self.filters,), initializer=self.bias_initializer,
                regularizer=self.bias_regularizer, constraint=self.bias_constraint,
            )
        else:
            self.bias = None
        self.built = True

    def _plan(self, shape):
        plan = self._static_plan
        if plan is None:
            plan = self._plans.get(shape)
            if plan is None:
                if len(self._plans) >= _MAX_CACHED_PLANS:
                    self._plans.clear()
                plan = self._plans[shape] = conv_utils.ConvPlan(
                    conv_utils.spatial_dims(shape, self.data_format), self.kernel_size,
                    self.strides, self.padding, self.dilation_rate, self.data_format,
                )
        return plan

    def call(self, inputs):
        outputs = conv_utils.conv(
            inputs, conv_utils.kernel_to_torch(self.kernel, self.rank), self.bias, self.strides,
            self._plan(inputs.shape), self.dilation_rate, self.groups, self.rank,
            self.data_format,
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
            "filters": self.filters,
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": self.padding,
            "data_format": self.data_format,
            "dilation_rate": self.dilation_rate,
            "groups": self.groups,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
        })
        return config
