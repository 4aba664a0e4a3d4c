"""BaseConvTranspose: the N-D transposed convolution shared by Conv1D/2D/3DTranspose."""

from torchkeras import activations
from torchkeras import backend
from torchkeras import constraints
from torchkeras import initializers
from torchkeras import regularizers
from torchkeras.layers.convolutional import conv_utils
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer

_MAX_CACHED_PLANS = 32


class BaseConvTranspose(Layer):
    """Abstract N-D transposed convolution layer (private, used as implementation base).

    A transposed convolution ("deconvolution") goes the opposite way of a convolution: it maps
    something shaped like a convolution's output to something shaped like its input. Outputs
    equal TensorFlow's `conv_transpose`, including its placement of odd `"same"` crops. The
    kernel is stored in Keras layout, `kernel_size + (filters, input_channels)`.

    Args:
        rank: int, the rank of the transposed convolution, e.g. 2 for 2D.
        filters: int, the dimension of the output space (the number of filters).
        kernel_size: int or tuple/list of `rank` integers, the size of the window.
        strides: int or tuple/list of `rank` integers, the stride. `strides > 1` is
            incompatible with `dilation_rate > 1`. Defaults to `1`.
        padding: `"valid"` or `"same"` (case-insensitive). With `"same"` and no
            `output_padding`, the output is `input * strides` long. Defaults to `"valid"`.
        output_padding: int or tuple/list of `rank` integers, the extra size added at the end of
            each spatial dimension; each must be smaller than the stride. `None` lets the size
            be inferred. Defaults to `None`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to
            `keras.config.image_data_format()`.
        dilation_rate: int or tuple/list of `rank` integers, the dilation rate. Defaults to `1`.
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

    def __init__(self, rank, filters, kernel_size, strides=1, padding="valid",
                 output_padding=None, data_format=None, dilation_rate=1, activation=None,
                 use_bias=True, kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, **kwargs):
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.rank = rank
        self.filters = filters
        self.kernel_size = conv_utils.standardize_tuple(kernel_size, rank, "kernel_size")
        self.strides = conv_utils.standardize_tuple(strides, rank, "strides")
        self.dilation_rate = conv_utils.standardize_tuple(dilation_rate, rank, "dilation_rate")
        self.padding = conv_utils.standardize_padding(padding)
        if output_padding is None:
            self.output_padding = None
        else:
            self.output_padding = conv_utils.standardize_tuple(
                output_padding, rank, "output_padding", allow_zero=True
            )
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
        if self.output_padding is not None:
            for i, (op, s) in enumerate(zip(self.output_padding, self.strides)):
                if op >= s:
                    raise ValueError(
                        "`output_padding` must be strictly less than `strides` for all "
                        f"dimensions. At dimension {i}, `output_padding` is {op} but `strides` "
                        f"is {s}. Received: output_padding={self.output_padding}, "
                        f"strides={self.strides}"
                    )
        conv_utils.check_strides_and_dilation(self.strides, self.dilation_rate)
        self._plans = {}

    def build(self, input_shape):
        axis = conv_utils.channel_axis(self.data_format)
        input_channel = input_shape[axis]
        if input_channel is None:
            raise ValueError(
                f"Layer '{self.name}' ({self.__class__.__name__}): the channel dimension of the "
                f"inputs should be defined. Found None. Received: input_shape={tuple(input_shape)}"
            )
        self.input_spec = InputSpec(min_ndim=self.rank + 2, axes={axis: input_channel})
        self.kernel = self.add_weight(
            name="kernel", shape=self.kernel_size + (self.filters, input_channel),
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
        # The torch arguments depend on the input size (TF's crop is centred on the output).
        plan = self._plans.get(shape)
        if plan is None:
            if len(self._plans) >= _MAX_CACHED_PLANS:
                self._plans.clear()
            plan = self._plans[shape] = conv_utils.ConvTransposePlan(
                conv_utils.spatial_dims(shape, self.data_format), self.kernel_size, self.strides,
                self.padding, self.output_padding, self.dilation_rate,
            )
        return plan

    def call(self, inputs):
        outputs = conv_utils.conv_transpose(
            inputs, conv_utils.kernel_to_torch(self.kernel, self.rank), self.bias, self.strides,
            self._plan(inputs.shape), self.dilation_rate, self.rank, self.data_format,
        )
        if self._has_activation:
            outputs = self.activation(outputs)
        return outputs

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        spatial = conv_utils.spatial_dims(input_shape, self.data_format)
        out = [
            conv_utils.transpose_output_length(
                size, k, s, self.padding,
                None if self.output_padding is None else self.output_padding[i], d,
            )
            for i, (size, k, s, d) in enumerate(
                zip(spatial, self.kernel_size, self.strides, self.dilation_rate)
            )
        ]
        return conv_utils.output_shape(input_shape, self.filters, out, self.data_format)

    def get_config(self):
        config = super().get_config()
        config.pop("activity_regularizer", None)
        config.update({
            "filters": self.filters,
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": self.padding,
            "output_padding": self.output_padding,
            "data_format": self.data_format,
            "dilation_rate": self.dilation_rate,
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
