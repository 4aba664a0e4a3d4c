"""EinsumDense: a dense layer whose product is any einsum equation between input and kernel."""

import math
import re

import torch

from torchkeras import activations
from torchkeras import constraints
from torchkeras import initializers
from torchkeras import regularizers
from torchkeras.initializers.variance_scaling import VarianceScaling
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer


class EinsumDense(Layer):
    """A layer that uses `einsum` as the backing computation.

    This layer can perform einsum calculations of arbitrary dimensionality. The kernel's shape
    follows from the equation: each kernel axis takes the size of the input or output axis with
    the same letter.

    Args:
        equation: An equation describing the einsum to perform, of the form `ab,bc->ac`,
            `...ab,bc->...ac` or `ab...,bc->ac...`.
        output_shape: The expected shape of the output tensor (excluding the batch dimension and
            any dimensions represented by ellipses). `None` marks a dimension that is unknown
            or inferred from the input shape.
        activation: Activation function to use. Defaults to `None` (linear).
        bias_axes: A string of output letters to apply a bias to. Defaults to `None` (no bias).
        kernel_initializer: Initializer for the `kernel` weights. Defaults to
            `"glorot_uniform"`.
        bias_initializer: Initializer for the bias. Defaults to `"zeros"`.
        kernel_regularizer: Regularizer function applied to the `kernel` weights.
        bias_regularizer: Regularizer function applied to the bias.
        kernel_constraint: Constraint function applied to the `kernel` weights.
        bias_constraint: Constraint function applied to the bias.

    Example:

    >>> layer = keras.layers.EinsumDense("abc,cd->abd", output_shape=(None, 64), bias_axes="d")
    >>> layer(keras.Input(shape=[32, 128])).shape
    (None, 32, 64)
    """

    def __init__(self, equation, output_shape, activation=None, bias_axes=None,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, kernel_constraint=None,
                 bias_constraint=None, lora_rank=None, lora_alpha=None,
                 gptq_unpacked_column_size=None, quantization_config=None, **kwargs):
        super().__init__(**kwargs)
        if lora_rank or quantization_config is not None:
            raise NotImplementedError(
                f"Layer '{self.name}' (EinsumDense): LoRA and quantization are not supported "
                "yet. See compat/DIFFERENCES.md."
            )
        self.equation = equation
        if isinstance(output_shape, int):
            self.partial_output_shape = (output_shape,)
        else:
            self.partial_output_shape = tuple(output_shape)
        self.bias_axes = bias_axes
        self.activation = activations.get(activation)
        self._has_activation = self.activation is not activations.linear
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.lora_rank = lora_rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else lora_rank
        self.lora_enabled = False
        self.gptq_unpacked_column_size = gptq_unpacked_column_size
        self.quantization_config = quantization_config
        self._plan = None

    def build(self, input_shape):
        kernel_shape, bias_shape, _, input_axes, output_axes = analyze_einsum_string(
            self.equation, self.bias_axes, input_shape, self.partial_output_shape
        )
        self.input_spec = InputSpec(ndim=len(input_shape))
        kernel_initializer = self.kernel_initializer
        if isinstance(kernel_initializer, VarianceScaling) and (
            kernel_initializer.input_axes is None or kernel_initializer.output_axes is None
        ):
            # Fans count the kernel axes that meet the input and the output (as Keras does), not
            # the last two axes. The concrete seed keeps the values of the original initializer.
            config = kernel_initializer.get_config()
            config["seed"] = kernel_initializer.seed
            config["input_axes"] = input_axes
            config["output_axes"] = output_axes
            kernel_initializer = kernel_initializer.__class__.from_config(config)
        self.kernel = self.add_weight(
            name="kernel", shape=tuple(kernel_shape), initializer=kernel_initializer,
            regularizer=self.kernel_regularizer, constraint=self.kernel_constraint,
        )
        if bias_shape is not None:
            self.bias = self.add_weight(
                name="bias", shape=tuple(bias_shape), initializer=self.bias_initializer,
                regularizer=self.bias_regularizer, constraint=self.bias_constraint,
            )
        else:
            self.bias = None
        self._plan = _matmul_plan(self.equation, kernel_shape, bias_shape)
        self.built = True

    def call(self, inputs, training=None):
        plan = self._plan
        if plan is not None:
            # The equation is a plain projection `<free><contracted>,<contracted><out>->
            # <free><out>`: one (fused) matmul on flattened views, no einsum dispatch.
            contracted_size, contracted_rank, out_shape, fused_bias = plan
            flat = inputs.reshape(-1, contracted_size)
            kernel = self.kernel.view(contracted_size, -1)
            if fused_bias:
                x = torch.addmm(self.bias.view(-1), flat, kernel)
            else:
                x = torch.mm(flat, kernel)
            x = x.view(inputs.shape[: inputs.dim() - contracted_rank] + out_shape)
            if self.bias is not None and not fused_bias:
                x = x + self.bias
        else:
            x = torch.einsum(self.equation, inputs, self.kernel)
            if self.bias is not None:
                x = x + self.bias
        if self._has_activation:
            x = self.activation(x)
        return x

    def compute_output_shape(self, input_shape):
        _, _, full_output_shape, _, _ = analyze_einsum_string(
            self.equation, self.bias_axes, input_shape, self.partial_output_shape
        )
        return tuple(full_output_shape)

    def get_config(self):
        config = super().get_config()
        config.update({
            "output_shape": self.partial_output_shape,
            "equation": self.equation,
            "activation": activations.serialize(self.activation),
            "bias_axes": self.bias_axes,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
            "quantization_config": None,
        })
        return config


def _split_equation(equation):
    """`(input, kernel, output, left_elided)` letters of an equation, or raise Keras's error."""
    dotless = re.sub(r"\.\.\.", "0", equation)
    match = re.match("([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)$", dotless)
    if match:
        return match.group(1), match.group(2), match.group(3), False
    match = re.match("0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)$", dotless)
    if match:
        return match.group(1), match.group(2), match.group(3), True
    match = re.match("([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0$", dotless)
    if match:
        return match.group(1), match.group(2), match.group(3), False
    raise ValueError(
        f"Invalid einsum equation '{equation}'. Equations must be in the form "
        "[X],[Y]->[Z], ...[X],[Y]->...[Z], or [X]...,[Y]->[Z]...."
    )


def analyze_einsum_string(equation, bias_axes, input_shape, output_shape):
    """Kernel shape, bias shape, full output shape and the kernel's input/output axes.

    Args:
        equation: The einsum equation.
        bias_axes: Output letters that get a bias, or `None`.
        input_shape: The input shape (batch included).
        output_shape: The partial output shape given to the layer.

    Returns:
        `(kernel_shape, bias_shape, full_output_shape, input_axes, output_axes)`.
    """
    input_spec, weight_spec, output_spec, left_elided = _split_equation(equation)
    input_shape = tuple(input_shape)
    elided = len(input_shape) - len(input_spec)
    output_shape = [output_shape] if isinstance(output_shape, int) else list(output_shape)
    output_shape.insert(0, input_shape[0])
    if elided > 0 and left_elided:
        for i in range(1, elided):
            output_shape.insert(1, input_shape[i])
    elif elided > 0:
        output_shape.extend(input_shape[len(input_shape) - elided:])

    if left_elided:
        input_dim_map = {d: (i + elided) - len(input_shape) for i, d in enumerate(input_spec)}
        output_dim_map = {d: i + elided for i, d in enumerate(output_spec)}
    else:
        input_dim_map = {d: i for i, d in enumerate(input_spec)}
        output_dim_map = {d: i for i, d in enumerate(output_spec)}

    for dim in input_spec:
        input_size = input_shape[input_dim_map[dim]]
        if dim in output_dim_map:
            output_size = output_shape[output_dim_map[dim]]
            if output_size is not None and output_size != input_size:
                raise ValueError(
                    "Input shape and output shape do not match at shared dimension "
                    f"'{dim}'. Input shape is {input_size}, and output shape is {output_size}."
                )
    for dim in output_spec:
        if dim not in input_spec and dim not in weight_spec:
            raise ValueError(
                f"Dimension '{dim}' was specified in the output '{output_spec}' but has no "
                f"corresponding dim in the input spec '{input_spec}' or weight spec "
                f"'{output_spec}'"
            )

    weight_shape, input_axes, output_axes = [], [], []
    for i, dim in enumerate(weight_spec):
        if dim in output_dim_map:
            weight_shape.append(output_shape[output_dim_map[dim]])
            output_axes.append(i)
        elif dim in input_dim_map:
            weight_shape.append(input_shape[input_dim_map[dim]])
            input_axes.append(i)
        else:
            raise ValueError(
                f"Weight dimension '{dim}' did not have a match in either the input spec "
                f"'{input_spec}' or the output spec '{output_spec}'. For this layer, the weight "
                "must be fully specified."
            )

    bias_shape = None
    if bias_axes is not None:
        num_left_elided = elided if left_elided else 0
        sizes = {c: output_shape[i + num_left_elided] for i, c in enumerate(output_spec)}
        for char in bias_axes:
            if char not in output_spec:
                raise ValueError(
                    f"Bias dimension '{char}' was requested, but is not part of the output "
                    f"spec '{output_spec}'"
                )
        first = min(output_spec.find(c) for c in bias_axes)
        bias_shape = [sizes[c] if c in bias_axes else 1 for c in output_spec[first:]]
        if not left_elided:
            bias_shape.extend([1] * max(elided, 0))
    return weight_shape, bias_shape, output_shape, input_axes, output_axes


def _matmul_plan(equation, kernel_shape, bias_shape):
    """`(contracted_size, contracted_rank, out_shape, fused_bias)` for a one-matmul equation.

    `None` when the equation is anything else (it then runs in `torch.einsum`).

    A projection reads `<free><contracted>,<contracted><out>-><free><out>` (an ellipsis may stand
    for leading free axes): flattening the free axes and the contracted axes turns it into
    `(n, contracted) @ (contracted, out)`. This covers Dense-like layers and every projection in
    MultiHeadAttention and GroupQueryAttention.
    """
    input_spec, weight_spec, output_spec, left_elided = _split_equation(equation)
    if "..." in equation and not left_elided:
        return None
    if len(set(input_spec)) != len(input_spec) or len(set(weight_spec)) != len(weight_spec):
        return None
    contracted = "".join(c for c in input_spec if c in weight_spec and c not in output_spec)
    free = "".join(c for c in input_spec if c not in weight_spec)
    out = "".join(c for c in weight_spec if c not in input_spec)
    if not contracted or input_spec != free + contracted or weight_spec != contracted + out:
        return None
    if output_spec != free + out:
        return None
    n_contracted = len(contracted)
    contracted_size = math.prod(kernel_shape[:n_contracted])
    out_shape = tuple(kernel_shape[n_contracted:])
    fused_bias = bias_shape is not None and tuple(bias_shape) == out_shape
    return contracted_size, n_contracted, out_shape, fused_bias
