"""Activation functions of `keras.ops.nn`, with the ops' signatures and defaults.

They share their kernels with `keras.activations` (so `softmax`/`sigmoid` outputs carry their
logits for the crossentropies, as on TensorFlow); only the signatures differ, e.g.
`ops.gelu(x, approximate=True)` against `activations.gelu(x, approximate=False)`.
"""

import torch
import torch.nn.functional as F

from torchkeras import activations
from torchkeras.ops.op_utils import to_float
from torchkeras.ops.op_utils import to_tensor
from torchkeras.ops.symbolic import keras_op


@keras_op
def relu(x):
    """Rectified linear unit activation function: `max(x, 0)`.

    Args:
        x: Input tensor.

    Returns:
        A tensor with the same shape as `x`.
    """
    return torch.relu(to_tensor(x))


@keras_op
def relu6(x):
    """Rectified linear unit activation function with upper bound of 6: `min(max(x, 0), 6)`.

    Args:
        x: Input tensor.

    Returns:
        A tensor with the same shape as `x`.
    """
    return activations.relu6(to_tensor(x))


@keras_op
def sigmoid(x):
    """Sigmoid activation function: `1 / (1 + exp(-x))`.

    Args:
        x: Input tensor.

    Returns:
        A tensor with the same shape as `x`.
    """
    return activations.sigmoid(to_float(x))


@keras_op
def sparse_sigmoid(x):
    """Sparse sigmoid activation function: `0` below -1, `1` above 1, `(x + 1) / 2` between.

    Args:
        x: Input tensor.

    Returns:
        A tensor with the same shape as `x`.
    """
    return activations.sparse_sigmoid(to_float(x))


@keras_op
def softplus(x):
    """Softplus activation function: `log(exp(x) + 1)`.

    Args:
        x: Input tensor.

    Returns:
        A tensor with the same shape as `x`.
    """
    return F.softplus(to_float(x))


@keras_op
def softsign(x):
    """Softsign activation function: `x / (abs(x) + 1)`.

    Args:
        x: Input tensor.

    Returns:
        A tensor with the same shape as `x`.
    """
    return F.softsign(to_float(x))


@keras_op
def soft_shrink(x, threshold=0.5):
    """Soft Shrink activation function: `x - threshold` above `threshold`, `x + threshold`
    below `-threshold`, `0` otherwise.

    Args:
        x: Input tensor.
        threshold: Threshold value. Defaults to 0.5.

    Returns:
        A tensor with the same shape as `x`.
    """
    return activations.soft_shrink(to_float(x), threshold)


@keras_op
def sparse_plus(x):
    """SparsePlus activation function: `0` below -1, `x` above 1, `(x + 1)**2 / 4` between.

    Args:
        x: Input tensor.

    Returns:
        A tensor with the same shape as `x`.
    """
    return activations.sparse_plus(to_float(x))


@keras_op
def silu(x):
    """Sigmoid Linear Unit (SiLU) activation function, also known as Swish: `x * sigmoid(x)`.

    Args:
        x: Input tensor.

    Returns:
        A tensor with the same shape as `x`.
    """
    return F.silu(to_float(x))


@keras_op
def swish(x):
    """Alias of `keras.ops.silu`: `x * sigmoid(x)`."""
    return F.silu(to_float(x))


@keras_op
def squareplus(x, b=4):
    """Squareplus activation function: `(x + sqrt(x^2 + b)) / 2`.

    Args:
        x: Input tensor.
        b: Smoothness parameter. Defaults to 4.

    Returns:
        A tensor with the same shape as `x`.
    """
    return activations.squareplus(to_float(x), b)


@keras_op
def log_sigmoid(x):
    """Logarithm of the sigmoid activation function: `log(sigmoid(x))`.

    Args:
        x: Input tensor.

    Returns:
        A tensor with the same shape as `x`.
    """
    return F.logsigmoid(to_float(x))


@keras_op
def leaky_relu(x, negative_slope=0.2):
    """Leaky version of a Rectified Linear Unit: `x` if `x > 0`, else `negative_slope * x`.

    Args:
        x: Input tensor.
        negative_slope: Slope of the activation function at x < 0. Defaults to `0.2`.

    Returns:
        A tensor with the same shape as `x`.
    """
    return F.leaky_relu(to_float(x), negative_slope)


@keras_op
def hard_sigmoid(x):
    """Hard sigmoid activation function: `relu6(x + 3) / 6`.

    Args:
        x: Input tensor.

    Returns:
        A tensor with the same shape as `x`.
    """
    return F.hardsigmoid(to_float(x))


@keras_op
def hard_silu(x):
    """Hard SiLU activation function, also known as Hard Swish: `x * relu6(x + 3) / 6`.

    Args:
        x: Input tensor.

    Returns:
        A tensor with the same shape as `x`.
    """
    return F.hardswish(to_float(x))


@keras_op
def hard_swish(x):
    """Alias of `keras.ops.hard_silu`: `x * relu6(x + 3) / 6`."""
    return F.hardswish(to_float(x))


@keras_op
def elu(x, alpha=1.0):
    """Exponential Linear Unit activation function: `x` if `x > 0`, else
    `alpha * (exp(x) - 1)`.

    Args:
        x: Input tensor.
        alpha: A scalar, slope of positive section. Defaults to `1.0`.

    Returns:
        A tensor with the same shape as `x`.
    """
    return F.elu(to_float(x), alpha)


@keras_op
def selu(x):
    """Scaled Exponential Linear Unit (SELU) activation function.

    Args:
        x: Input tensor.

    Returns:
        A tensor with the same shape as `x`.
    """
    return F.selu(to_float(x))


@keras_op
def gelu(x, approximate=True):
    """Gaussian Error Linear Unit (GELU) activation function.

    With `approximate=True` (the default here, unlike `keras.activations.gelu`):
    `0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))`; otherwise
    `x * P(X <= x)` with `P` the standard Gaussian distribution function.

    Args:
        x: Input tensor.
        approximate: Approximate version of GELU activation. Defaults to `True`.

    Returns:
        A tensor with the same shape as `x`.
    """
    return F.gelu(to_float(x), approximate="tanh" if approximate else "none")


@keras_op
def celu(x, alpha=1.0):
    """Continuously-differentiable exponential linear unit: `x` if `x >= 0`, else
    `alpha * (exp(x / alpha) - 1)`.

    Args:
        x: Input tensor.
        alpha: the α value for the CELU formulation. Defaults to `1.0`.

    Returns:
        A tensor with the same shape as `x`.
    """
    return F.celu(to_float(x), alpha)


@keras_op
def glu(x, axis=-1):
    """Gated Linear Unit (GLU) activation function: `a * sigmoid(b)` for the two halves of
    `x` along `axis`.

    Args:
        x: Input tensor.
        axis: The axis along which to split the input tensor. Defaults to `-1`.

    Returns:
        A tensor with half the size of `x` along `axis`.
    """
    return activations.glu(to_float(x), axis)


@keras_op
def tanh_shrink(x):
    """Applies the tanh shrink function element-wise: `x - tanh(x)`.

    Args:
        x: Input tensor.

    Returns:
        Output tensor of the same shape as `x`.
    """
    return F.tanhshrink(to_float(x))


@keras_op
def hard_tanh(x):
    """Applies the HardTanh function element-wise: `x` clipped to `[-1, 1]`.

    Args:
        x: Input tensor.

    Returns:
        Output tensor of same shape as `x`.
    """
    return F.hardtanh(to_float(x))


@keras_op
def hard_shrink(x, threshold=0.5):
    """Hard Shrink activation function: `x` if `|x| > threshold`, `0` otherwise.

    Args:
        x: Input tensor.
        threshold: Threshold value. Defaults to 0.5.

    Returns:
        A tensor of the same shape as `x`.
    """
    return activations.hard_shrink(to_float(x), threshold)


@keras_op
def threshold(x, threshold, default_value):
    """Threshold activation function: `x` if `x > threshold`, `default_value` otherwise.

    Args:
        x: Input tensor.
        threshold: The value that decides when to retain or replace x.
        default_value: Value to assign when `x <= threshold`.

    Returns:
        A tensor of the same shape as `x`.
    """
    return activations.threshold(to_tensor(x), threshold, default_value)


@keras_op
def softmax(x, axis=-1):
    """Softmax activation function: `exp(x) / sum(exp(x))` along `axis`.

    Args:
        x: Input tensor.
        axis: Integer, axis along which the softmax is applied (a tuple of axes, or `None` for
            all axes, are accepted too). Defaults to `-1`.

    Returns:
        A tensor with the same shape as `x`.
    """
    return activations.softmax(to_float(x), axis)


@keras_op
def log_softmax(x, axis=-1):
    """Log-softmax activation function: `x - log(sum(exp(x)))` along `axis`.

    Args:
        x: Input tensor.
        axis: Integer, axis along which the log-softmax is applied. Defaults to `-1`.

    Returns:
        A tensor with the same shape as `x`.
    """
    return activations.log_softmax(to_float(x), axis)


@keras_op
def sparsemax(x, axis=-1):
    """Sparsemax activation function: a sparse alternative to softmax.

    Args:
        x: Input tensor.
        axis: Integer, axis along which the sparsemax operation is applied. Defaults to `-1`.

    Returns:
        A tensor with the same shape as `x`, whose entries along `axis` sum to 1.
    """
    return activations.sparsemax(to_float(x), axis)
