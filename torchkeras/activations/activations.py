"""Built-in activation functions, with Keras's names, arguments, defaults and formulas.

Every function takes a tensor (anything `convert_to_tensor` accepts) and returns a torch tensor of
the same shape. They are plain torch calls: one `isinstance` check and, where torch has a fused
kernel computing the Keras formula, that kernel.
"""

import warnings

import torch
import torch.nn.functional as F

from torchkeras.backend.tensors import convert_to_tensor


def relu(x, negative_slope=0.0, max_value=None, threshold=0.0):
    """Applies the rectified linear unit activation function.

    With default values, this returns the standard ReLU activation: `max(x, 0)`. Values below
    `threshold` are set to `negative_slope * (x - threshold)`, and values above `max_value` are
    clipped to `max_value`.

    Args:
        x: Input tensor.
        negative_slope: A `float`, the slope for values lower than the threshold.
            Defaults to `0.0`.
        max_value: A `float`, the largest value the function will return. Defaults to `None`
            (no saturation).
        threshold: A `float`, the value below which inputs are damped or set to zero.
            Defaults to `0.0`.

    Returns:
        A tensor with the same shape and dtype as `x`.

    Example:

    >>> keras.activations.relu([-10.0, -5.0, 0.0, 5.0, 10.0], negative_slope=0.5)
    tensor([-5.0000, -2.5000,  0.0000,  5.0000, 10.0000])
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    if negative_slope == 0.0 and max_value is None and threshold == 0.0:
        return torch.relu(x)
    # The general case follows Keras's formula term by term.
    if negative_slope != 0.0:
        if max_value is None and threshold == 0.0:
            return F.leaky_relu(x, negative_slope)
        negative_part = torch.relu(threshold - x) if threshold != 0.0 else torch.relu(-x)
    if threshold != 0.0:
        output = torch.where(x > threshold, x, 0.0)
    else:
        output = torch.relu(x)
    if max_value is not None:
        output = torch.clamp(output, 0.0, max_value)
    if negative_slope != 0.0:
        output = output - negative_slope * negative_part
    return output


def leaky_relu(x, negative_slope=0.2):
    """Leaky relu activation function: `x` if `x > 0`, else `negative_slope * x`.

    Args:
        x: Input tensor.
        negative_slope: A `float`, the slope for negative values. Defaults to `0.2`.
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return F.leaky_relu(x, negative_slope)


def relu6(x):
    """Relu6 activation function: the ReLU, truncated to a maximum value of 6.

    Args:
        x: Input tensor.
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return F.relu6(x)


def _softmax_like(fn, x, axis):
    """Apply `fn(x, dim)` over `axis`: an int, `None` (every axis) or a tuple of axes."""
    if axis is None:
        return fn(x.reshape(-1), 0).reshape(x.shape)
    if isinstance(axis, (tuple, list)):
        # Move the reduced axes last, flatten them into one, and undo both afterwards.
        ndim = x.dim()
        axis = [a % ndim for a in axis]
        destination = list(range(ndim - len(axis), ndim))
        moved = torch.movedim(x, axis, destination)
        flat = moved.reshape(*moved.shape[: ndim - len(axis)], -1)
        output = fn(flat, -1).reshape(moved.shape)
        return torch.movedim(output, destination, axis)
    return fn(x, axis)


def softmax(x, axis=-1):
    """Softmax converts a vector of values to a probability distribution.

    The elements of the output are in range `[0, 1]` and sum to 1 along `axis`:
    `softmax(x) = exp(x) / sum(exp(x))`.

    The input `x` is kept on the output as `output._keras_logits`, so that crossentropy losses can
    work from the logits (exact, as Keras on TensorFlow does) rather than from clipped
    probabilities.

    Args:
        x: Input tensor.
        axis: Integer, axis along which the softmax is applied. A tuple of axes or `None` (all
            axes) are also accepted. Defaults to `-1`.
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    if isinstance(axis, int) and -x.dim() <= axis < x.dim() and x.shape[axis] == 1:
        warnings.warn(
            f"You are using a softmax over axis {axis} of a tensor of shape {tuple(x.shape)}. "
            "This axis has size 1. The softmax operation will always return the value 1, which "
            "is likely not what you intended. Did you mean to use a sigmoid instead?",
            stacklevel=2,
        )
    if isinstance(axis, int):
        output = torch.softmax(x, axis)
    else:
        output = _softmax_like(torch.softmax, x, axis)
    output._keras_logits = x
    return output


def log_softmax(x, axis=-1):
    """Log-Softmax activation function: `x - log(sum(exp(x)))` along `axis`.

    Args:
        x: Input tensor.
        axis: Integer, axis along which the log-softmax is applied. A tuple of axes or `None`
            (all axes) are also accepted. Defaults to `-1`.
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    if isinstance(axis, int):
        return torch.log_softmax(x, axis)
    return _softmax_like(torch.log_softmax, x, axis)


def elu(x, alpha=1.0):
    """Exponential Linear Unit: `x` if `x > 0`, else `alpha * (exp(x) - 1)`.

    Args:
        x: Input tensor.
        alpha: A scalar, the value ELU saturates to for negative inputs (times -1).
            Defaults to `1.0`.

    Reference:

    - [Clevert et al., 2016](https://arxiv.org/abs/1511.07289)
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return F.elu(x, alpha)


def selu(x):
    """Scaled Exponential Linear Unit (SELU).

    `scale * x` if `x > 0`, else `scale * alpha * (exp(x) - 1)`, with `alpha=1.67326324` and
    `scale=1.05070098`. Use it with the `LecunNormal` initializer and `AlphaDropout`.

    Args:
        x: Input tensor.

    Reference:

    - [Klambauer et al., 2017](https://arxiv.org/abs/1706.02515)
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return F.selu(x)


def celu(x, alpha=1.0):
    """Continuously Differentiable Exponential Linear Unit.

    `x` if `x >= 0`, else `alpha * (exp(x / alpha) - 1)`.

    Args:
        x: Input tensor.
        alpha: The scale of the negative part. Defaults to `1.0`.

    Reference:

    - [Barron, J. T., 2017](https://arxiv.org/abs/1704.07483)
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return F.celu(x, alpha)


def softplus(x):
    """Softplus activation function: `log(exp(x) + 1)`.

    Args:
        x: Input tensor.
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return F.softplus(x)


def softsign(x):
    """Softsign activation function: `x / (abs(x) + 1)`.

    Args:
        x: Input tensor.
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return F.softsign(x)


def soft_shrink(x, threshold=0.5):
    """Soft Shrink activation function.

    `x - threshold` if `x > threshold`, `x + threshold` if `x < -threshold`, `0` otherwise.

    Args:
        x: Input tensor.
        threshold: Threshold value. Defaults to `0.5`.
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    if isinstance(threshold, (int, float)) and threshold >= 0:
        return F.softshrink(x, threshold)
    # torch's kernel refuses negative thresholds; Keras's nested `where` accepts them.
    return torch.where(
        x > threshold, x - threshold, torch.where(x < -threshold, x + threshold, 0.0)
    )


def sparse_plus(x):
    """SparsePlus activation function.

    `0` for `x <= -1`, `(1/4) * (x + 1)^2` for `-1 < x < 1`, `x` for `x >= 1`.

    Args:
        x: Input tensor.
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return torch.where(x <= -1, 0.0, torch.where(x < 1, 0.25 * (x + 1) ** 2, x))


def silu(x):
    """Swish (or Silu) activation function: `x * sigmoid(x)`.

    Args:
        x: Input tensor.

    Reference:

    - [Ramachandran et al., 2017](https://arxiv.org/abs/1710.05941)
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return F.silu(x)


def squareplus(x, b=4):
    """Squareplus activation function: `(x + sqrt(x^2 + b)) / 2`.

    Args:
        x: Input tensor.
        b: Smoothness parameter. Defaults to `4`.

    Reference:

    - [Ramachandran et al., 2021](https://arxiv.org/abs/2112.11687)
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return (x + torch.sqrt(x * x + b)) / 2


def gelu(x, approximate=False):
    """Gaussian error linear unit (GELU) activation function.

    `gelu(x) = 0.5 * x * (1 + erf(x / sqrt(2)))`; with `approximate=True`,
    `0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))`.

    Args:
        x: Input tensor.
        approximate: A `bool`, whether to use the tanh approximation. Defaults to `False`.

    Reference:

    - [Hendrycks et al., 2016](https://arxiv.org/abs/1606.08415)
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return F.gelu(x, approximate="tanh" if approximate else "none")


def glu(x, axis=-1):
    """Gated Linear Unit (GLU) activation function: `a * sigmoid(b)`.

    `x` is split into two equal halves `a` and `b` along `axis`.

    Args:
        x: Input tensor.
        axis: The axis along which to split the input tensor. Defaults to `-1`.

    Reference:

    - [Dauphin et al., 2017](https://arxiv.org/abs/1612.08083)
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    if x.shape[axis] % 2 != 0:
        raise ValueError(
            "axis size must be divisible by 2. "
            f"Received: x.shape={tuple(x.shape)} with axis={axis}"
        )
    return F.glu(x, axis)


def tanh(x):
    """Hyperbolic tangent activation function: `(exp(x) - exp(-x)) / (exp(x) + exp(-x))`.

    Args:
        x: Input tensor.
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return torch.tanh(x)


def tanh_shrink(x):
    """Tanh shrink activation function: `x - tanh(x)`.

    Args:
        x: Input tensor.
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return F.tanhshrink(x)


def hard_tanh(x):
    """HardTanh activation function: `x` clipped to `[-1, 1]`.

    Args:
        x: Input tensor.
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return F.hardtanh(x)


def hard_shrink(x, threshold=0.5):
    """Hard Shrink activation function: `x` if `|x| > threshold`, `0` otherwise.

    Args:
        x: Input tensor.
        threshold: Threshold value. Defaults to `0.5`.
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    if isinstance(threshold, (int, float)):
        return F.hardshrink(x, threshold)
    return torch.where(torch.abs(x) > threshold, x, 0.0)


def threshold(x, threshold, default_value):
    """Threshold activation function: `x` if `x > threshold`, `default_value` otherwise.

    Args:
        x: Input tensor.
        threshold: The value that decides when to retain or replace `x`.
        default_value: Value to assign when `x <= threshold`.
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    if isinstance(threshold, (int, float)) and isinstance(default_value, (int, float)):
        return F.threshold(x, threshold, default_value)
    return torch.where(x > threshold, x, default_value)


def sigmoid(x):
    """Sigmoid activation function: `1 / (1 + exp(-x))`.

    The input `x` is kept on the output as `output._keras_logits`, so that binary crossentropy can
    work from the logits (exact, as Keras on TensorFlow does) rather than from clipped
    probabilities.

    Args:
        x: Input tensor.
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    output = torch.sigmoid(x)
    output._keras_logits = x
    return output


def exponential(x):
    """Exponential activation function: `exp(x)`.

    Args:
        x: Input tensor.
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return torch.exp(x)


def hard_sigmoid(x):
    """Hard sigmoid activation function: `relu6(x + 3) / 6`.

    That is `0` if `x <= -3`, `1` if `x >= 3` and `x / 6 + 0.5` in between: a faster, piecewise
    linear approximation of the sigmoid.

    Args:
        x: Input tensor.
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return F.hardsigmoid(x)


def log_sigmoid(x):
    """Logarithm of the sigmoid activation function: `log(1 / (1 + exp(-x)))`.

    Args:
        x: Input tensor.
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return F.logsigmoid(x)


def sparse_sigmoid(x):
    """Sparse sigmoid activation function.

    `0` for `x <= -1`, `0.5 * (x + 1)` for `-1 < x < 1`, `1` for `x >= 1`.

    Args:
        x: Input tensor.

    Reference:

    - [M. Blondel, A. F. T. Martins, V. Niculae, 2019](https://arxiv.org/pdf/1901.02324)
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return torch.where(x <= -1, 0.0, torch.where(x >= 1, 1.0, 0.5 * (x + 1)))


def hard_silu(x):
    """Hard SiLU activation function, also known as Hard Swish: `x * relu6(x + 3) / 6`.

    That is `0` if `x < -3`, `x` if `x > 3` and `x * (x + 3) / 6` in between.

    Args:
        x: Input tensor.

    Reference:

    - [A Howard, 2019](https://arxiv.org/abs/1905.02244)
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return F.hardswish(x)


def linear(x):
    """Linear activation function (pass-through): returns the input, unmodified.

    Args:
        x: Input tensor.
    """
    return x


def mish(x):
    """Mish activation function: `x * tanh(softplus(x))`.

    Args:
        x: Input tensor.

    Reference:

    - [Misra, 2019](https://arxiv.org/abs/1908.08681)
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    return F.mish(x)


def sparsemax(x, axis=-1):
    """Sparsemax activation function: `max(x - tau(x), 0)` along `axis`.

    Note: this reproduces Keras 3's computation of the threshold `tau` exactly, including its
    value when more than one entry is in the support (see `compat/DIFFERENCES.md`).

    Args:
        x: Input tensor.
        axis: `int`, axis along which the sparsemax operation is applied. Defaults to `-1`.

    Returns:
        A tensor with the same shape and dtype as `x`.

    Reference:

    - [Martins et.al., 2016](https://arxiv.org/abs/1602.02068)
    """
    if not isinstance(x, torch.Tensor):
        x = convert_to_tensor(x)
    x_sorted = torch.sort(x, dim=axis, descending=True).values
    cumsum = torch.cumsum(x_sorted, dim=axis)
    rank_shape = [1] * x.dim()
    rank_shape[axis] = -1
    rank = torch.arange(1, x.shape[axis] + 1, dtype=x.dtype, device=x.device).view(rank_shape)
    support = x_sorted - (cumsum - 1) / rank > 0
    k = torch.sum(support, dim=axis, keepdim=True, dtype=x.dtype)
    cumsum_in_support = torch.where(support, cumsum, 0.0)
    tau = (torch.sum(cumsum_in_support, dim=axis, keepdim=True) - 1) / k
    return torch.clamp(x - tau, min=0.0)


# `swish` and `hard_swish` are the same functions under their other names, as in Keras.
swish = silu
hard_swish = hard_silu
