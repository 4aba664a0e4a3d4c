"""Dense: `output = activation(dot(input, kernel) + bias)`."""

import torch

from torchkeras import activations
from torchkeras import constraints
from torchkeras import initializers
from torchkeras import regularizers
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer


class Dense(Layer):
    """Just your regular densely-connected NN layer.

    `Dense` computes `output = activation(dot(input, kernel) + bias)`; `kernel` has shape
    `(input_dim, units)` (Keras layout) and the product runs on the last axis of the input.

    Args:
        units: Positive integer, dimensionality of the output space.
        activation: Activation function to use. Defaults to `None` (linear).
        use_bias: Whether the layer uses a bias vector. Defaults to `True`.
        kernel_initializer: Initializer for the `kernel` weights matrix.
            Defaults to `"glorot_uniform"`.
        bias_initializer: Initializer for the bias vector. Defaults to `"zeros"`.
        kernel_regularizer: Regularizer function applied to the `kernel` weights matrix.
        bias_regularizer: Regularizer function applied to the bias vector.
        activity_regularizer: Regularizer function applied to the output of the layer.
        kernel_constraint: Constraint function applied to the `kernel` weights matrix.
        bias_constraint: Constraint function applied to the bias vector.

    Input shape: N-D tensor with shape `(batch_size, ..., input_dim)`.
    Output shape: N-D tensor with shape `(batch_size, ..., units)`.

    Example:

    >>> layer = keras.layers.Dense(3, activation="relu")
    >>> layer(np.ones((2, 4))).shape
    torch.Size([2, 3])
    """

    def __init__(self, units, activation=None, use_bias=True, kernel_initializer="glorot_uniform",
                 bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None,
                 lora_rank=None, lora_alpha=None, quantization_config=None, **kwargs):
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        if not isinstance(units, int) or isinstance(units, bool) or units <= 0:
            raise ValueError(
                "Received an invalid value for `units`, expected a positive integer. "
                f"Received: units={units}"
            )
        if lora_rank or quantization_config is not None:
            raise NotImplementedError(
                f"Layer '{self.name}' (Dense): LoRA and quantization are not supported yet. "
                "See compat/DIFFERENCES.md."
            )
        self.units = units
        self.activation = activations.get(activation)
        self._has_activation = self.activation is not activations.linear
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.input_spec = InputSpec(min_ndim=2)
        self.supports_masking = True

    def build(self, input_shape):
        input_dim = input_shape[-1]
        if input_dim is None:
            raise ValueError(
                f"Layer '{self.name}' (Dense): the last dimension of the inputs should be "
                f"defined. Found None. Received: input_shape={tuple(input_shape)}"
            )
        self.kernel = self.add_weight(
            name="kernel", shape=(input_dim, self.units), initializer=self.kernel_initializer,
            regularizer=self.kernel_regularizer, constraint=self.kernel_constraint,
        )
        if self.use_bias:
            self.bias = self.add_weight(
                name="bias", shape=(self.units,), initializer=self.bias_initializer,
                regularizer=self.bias_regularizer, constraint=self.bias_constraint,
            )
        else:
            self.bias = None
        self.input_spec = InputSpec(min_ndim=2, axes={-1: input_dim})
        self.built = True

    def call(self, inputs, training=None):
        if not inputs.is_floating_point():
            # Integer inputs (counts from a lookup layer): Keras's matmul promotes them.
            inputs = inputs.to(self.kernel.dtype)
        # One fused matmul on the (input_dim, units) kernel as stored: no transposed view, so the
        # backward pass has no transpose nodes either.
        if inputs.dim() == 2:
            if self.bias is None:
                x = torch.mm(inputs, self.kernel)
            else:
                x = torch.addmm(self.bias, inputs, self.kernel)  # (batch, units)
        else:
            flat = inputs.reshape(-1, inputs.shape[-1])
            x = torch.mm(flat, self.kernel) if self.bias is None else torch.addmm(
                self.bias, flat, self.kernel
            )
            x = x.view(*inputs.shape[:-1], self.units)  # (batch, ..., units)
        if self._has_activation:
            x = self.activation(x)
        return x

    def compute_output_shape(self, input_shape):
        return tuple(input_shape[:-1]) + (self.units,)

    def get_config(self):
        config = super().get_config()
        config.update({
            "units": self.units,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
            "quantization_config": None,
        })
        return config
