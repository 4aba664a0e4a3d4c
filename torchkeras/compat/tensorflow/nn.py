"""`tf.nn`: activations, losses, normalisation and NHWC convolution/pooling on torch.

Convolutions take TensorFlow's layouts (`NHWC` inputs, `HWIO` filters) and padding (`"SAME"` pads
the extra row/column at the end, as TF does); they run as torch's NCHW kernels.
"""

import builtins
import math as _math

import torch
import torch.nn.functional as F

from torchkeras import backend
from torchkeras.compat.tensorflow._convert import axis_arg
from torchkeras.compat.tensorflow._convert import match
from torchkeras.compat.tensorflow._convert import require_float
from torchkeras.compat.tensorflow._convert import to_tensor as _t
from torchkeras.compat.tensorflow.math_ops import in_top_k  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import log_sigmoid  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import softplus  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import softsign  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import top_k  # noqa: F401


# -- activations -------------------------------------------------------------------------------
def relu(features, name=None):
    return torch.relu(_t(features))


def relu6(features, name=None):
    return F.relu6(_t(features))


def crelu(features, axis=-1, name=None):
    x = _t(features)
    return torch.relu(torch.cat([x, -x], dim=axis))


def elu(features, name=None):
    return F.elu(require_float("Elu", _t(features)))


def selu(features, name=None):
    return F.selu(require_float("Selu", _t(features)))


def sigmoid(x, name=None):
    return torch.sigmoid(require_float("Sigmoid", _t(x)))


def tanh(x, name=None):
    return torch.tanh(require_float("Tanh", _t(x)))


def swish(features, beta=1.0):
    x = _t(features)
    return x * torch.sigmoid(beta * x)


silu = swish


def softmax(logits, axis=None, name=None):
    return torch.softmax(_t(logits), dim=-1 if axis is None else int(axis))


def log_softmax(logits, axis=None, name=None):
    return torch.log_softmax(_t(logits), dim=-1 if axis is None else int(axis))


def gelu(features, approximate=False, name=None):
    return F.gelu(_t(features), approximate="tanh" if approximate else "none")


def leaky_relu(features, alpha=0.2, name=None):
    return F.leaky_relu(_t(features), alpha)


# -- normalisation -----------------------------------------------------------------------------
def l2_normalize(x, axis=None, epsilon=1e-12, name=None, dim=None):
    x = _t(x)
    axis = axis_arg(dim if axis is None else axis)
    dims = tuple(builtins.range(x.dim())) if axis is None else axis
    square_sum = torch.sum(x * x, dim=dims, keepdim=True)
    return x * torch.rsqrt(torch.clamp(square_sum, min=epsilon))


def moments(x, axes, shift=None, keepdims=False, name=None):
    x = _t(x)
    dims = axis_arg(axes)
    mean = torch.mean(x, dim=dims, keepdim=True)
    variance = torch.mean(torch.square(x - mean), dim=dims, keepdim=bool(keepdims))
    return (mean if keepdims else mean.squeeze(dims)), variance


def batch_normalization(x, mean, variance, offset, scale, variance_epsilon, name=None):
    x = _t(x)
    inv = torch.rsqrt(_t(variance) + variance_epsilon)
    if scale is not None:
        inv = inv * _t(scale)
    out = x * inv + ((_t(offset) - _t(mean) * inv) if offset is not None else -_t(mean) * inv)
    return out


def bias_add(value, bias, data_format=None, name=None):
    value, bias = match("BiasAdd", value, bias, name=name or "")
    if data_format is not None and data_format.startswith("NC"):
        return value + bias.reshape(-1, *([1] * (value.dim() - 2)))
    return value + bias


def dropout(x, rate, noise_shape=None, seed=None, name=None):
    """Zero entries with probability `rate` and scale the rest by `1 / (1 - rate)`."""
    x = _t(x)
    rate = float(rate)
    if not 0 <= rate < 1:
        raise ValueError(f"`rate` must be a scalar tensor or a float in the range [0, 1). "
                         f"Received: rate={rate}")
    if rate == 0:
        return x
    shape = tuple(x.shape) if noise_shape is None else tuple(
        x.shape[i] if d is None else int(d) for i, d in enumerate(noise_shape))
    generator = backend.random.make_generator(seed)
    noise = torch.rand(shape, generator=generator, dtype=x.dtype).to(x.device)
    return torch.where(noise >= rate, x / (1 - rate), torch.zeros((), dtype=x.dtype,
                                                                   device=x.device))


def embedding_lookup(params, ids, max_norm=None, name=None):
    if isinstance(params, (list, tuple)):
        params = torch.cat([_t(p) for p in params]) if len(params) > 1 else _t(params[0])
    params = _t(params)
    out = params[_t(ids).long()]
    if max_norm is not None:
        norms = torch.linalg.vector_norm(out, dim=-1, keepdim=True)
        out = out * torch.clamp(max_norm / torch.clamp(norms, min=1e-30), max=1.0)
    return out


# -- losses ------------------------------------------------------------------------------------
def softmax_cross_entropy_with_logits(labels, logits, axis=-1, name=None):
    return -(_t(labels) * torch.log_softmax(_t(logits), dim=axis)).sum(dim=axis)


def sparse_softmax_cross_entropy_with_logits(labels, logits, name=None):
    logits, labels = _t(logits), _t(labels).long()
    flat = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), labels.reshape(-1),
                           reduction="none")
    return flat.reshape(labels.shape)


def sigmoid_cross_entropy_with_logits(labels=None, logits=None, name=None):
    labels, logits = _t(labels), _t(logits)
    return F.binary_cross_entropy_with_logits(logits, labels.to(logits.dtype), reduction="none")


def weighted_cross_entropy_with_logits(labels, logits, pos_weight, name=None):
    z, x = _t(labels), _t(logits)
    log_weight = 1 + (pos_weight - 1) * z
    return (1 - z) * x + log_weight * (torch.log1p(torch.exp(-torch.abs(x))) + torch.relu(-x))


def compute_average_loss(per_example_loss, sample_weight=None, global_batch_size=None):
    loss = _t(per_example_loss)
    if sample_weight is not None:
        loss = loss * _t(sample_weight)
    if global_batch_size is None:
        global_batch_size = loss.shape[0] if loss.dim() else 1
    return torch.sum(loss) / global_batch_size


def scale_regularization_loss(regularization_loss):
    # One replica: nothing to divide by.
    return builtins.sum(regularization_loss) if isinstance(
        regularization_loss, (list, tuple)) else _t(regularization_loss)


def zero_fraction(value, name=None):
    x = _t(value)
    return torch.mean((x == 0).to(torch.float32))


# -- convolution and pooling -------------------------------------------------------------------
def _tuple(value, n, name, channels_last=True):
    """TF's `strides`/`ksize`: an int, `n` values, or `n + 2` values with the batch/channel 1s."""
    if isinstance(value, int):
        return (value,) * n
    value = [int(v) for v in value]
    if len(value) == 1:
        return (value[0],) * n
    if len(value) == n + 2:
        return tuple(value[1:-1]) if channels_last else tuple(value[2:])
    if len(value) != n:
        raise ValueError(f"{name} should be of length 1, {n} or {n + 2}. Received: "
                       f"{name}={value} of length {len(value)}")
    return tuple(value)


def _same_pads(sizes, kernel, strides, dilations):
    pads = []
    for size, k, s, d in zip(sizes, kernel, strides, dilations):
        effective = (k - 1) * d + 1
        total = builtins.max((_math.ceil(size / s) - 1) * s + effective - size, 0)
        pads.append((total // 2, total - total // 2))
    return pads


def _resolve_padding(padding, sizes, kernel, strides, dilations, channels_last):
    if isinstance(padding, str):
        padding = padding.upper()
        if padding == "VALID":
            return [(0, 0)] * len(sizes)
        if padding == "SAME":
            return _same_pads(sizes, kernel, strides, dilations)
        from torchkeras.compat.tensorflow import errors

        raise errors.InvalidArgumentError(
            f'Value for attr \'padding\' of "{padding}" is not in the list of allowed values: '
            '"SAME", "VALID", "EXPLICIT"'
        )
    rows = [tuple(int(p) for p in row) for row in padding]
    return rows[1:-1] if channels_last else rows[2:]


def _flat_pads(pads):
    # F.pad takes the last dim first.
    return [p for pair in reversed(pads) for p in pair]


def _convolution(input, filters, strides, padding, data_format, dilations, n, groups_depthwise):
    x, w = match("Conv2D", input, filters)
    channels_last = data_format is None or not data_format.startswith("NC")
    strides = _tuple(strides if strides is not None else 1, n, "strides", channels_last)
    dilations = _tuple(dilations if dilations is not None else 1, n, "dilations", channels_last)
    if channels_last:
        x = x.movedim(-1, 1)
    kernel = tuple(w.shape[:n])
    pads = _resolve_padding(padding, x.shape[2:], kernel, strides, dilations, channels_last)
    in_channels = x.shape[1]
    if groups_depthwise:
        # (*k, in, multiplier) -> (in * multiplier, 1, *k); output channel = c * mult + m.
        weight = w.movedim((n, n + 1), (0, 1)).reshape(in_channels * w.shape[-1], 1, *kernel)
        groups = in_channels
    else:
        # (*k, in / groups, out) -> (out, in / groups, *k)
        weight = w.movedim((n, n + 1), (1, 0))
        groups = in_channels // w.shape[n]
    x = F.pad(x, _flat_pads(pads)) if builtins.any(p for pair in pads for p in pair) else x
    conv = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}[n]
    out = conv(x, weight, stride=strides, dilation=dilations, groups=groups)
    return out.movedim(1, -1) if channels_last else out


def conv1d(input, filters, stride, padding, data_format="NWC", dilations=None, name=None):
    return _convolution(input, filters, stride, padding, data_format, dilations, 1, False)


def conv2d(input, filters, strides, padding, data_format="NHWC", dilations=None, name=None):
    return _convolution(input, filters, strides, padding, data_format, dilations, 2, False)


def conv3d(input, filters, strides, padding, data_format="NDHWC", dilations=None, name=None):
    return _convolution(input, filters, strides, padding, data_format, dilations, 3, False)


def convolution(input, filters, strides=None, padding="VALID", data_format=None, dilations=None,
                name=None):
    n = _t(filters).dim() - 2
    return _convolution(input, filters, strides, padding, data_format, dilations, n, False)


def depthwise_conv2d(input, filter, strides, padding, data_format=None, dilations=None,
                     name=None):
    return _convolution(input, filter, strides, padding, data_format, dilations, 2, True)


def separable_conv2d(input, depthwise_filter, pointwise_filter, strides, padding,
                     data_format=None, dilations=None, name=None):
    depthwise = depthwise_conv2d(input, depthwise_filter, strides, padding, data_format, dilations)
    return conv2d(depthwise, pointwise_filter, 1, "VALID", data_format or "NHWC")


def _pool(kind, input, ksize, strides, padding, data_format, n):
    x = _t(input)
    channels_last = data_format is None or not data_format.startswith("NC")
    ksize = _tuple(ksize, n, "ksize", channels_last)
    strides = _tuple(strides, n, "strides", channels_last)
    if channels_last:
        x = x.movedim(-1, 1)
    pads = _resolve_padding(padding, x.shape[2:], ksize, strides, (1,) * n, channels_last)
    padded = builtins.any(p for pair in pads for p in pair)
    if kind == "max":
        if padded:
            x = F.pad(x, _flat_pads(pads), value=float("-inf"))
        pool = {1: F.max_pool1d, 2: F.max_pool2d, 3: F.max_pool3d}[n]
        out = pool(x, ksize, strides)
    else:
        pool = {1: F.avg_pool1d, 2: F.avg_pool2d, 3: F.avg_pool3d}[n]
        if padded:
            # TF averages over the real entries only: divide by the share of non-padding.
            ones = F.pad(torch.ones_like(x[:1, :1]), _flat_pads(pads))
            out = pool(F.pad(x, _flat_pads(pads)), ksize, strides) / pool(ones, ksize, strides)
        else:
            out = pool(x, ksize, strides)
    return out.movedim(1, -1) if channels_last else out


def max_pool1d(input, ksize, strides, padding, data_format="NWC", name=None):
    return _pool("max", input, ksize, strides, padding, data_format, 1)


def max_pool2d(input, ksize, strides, padding, data_format="NHWC", name=None):
    return _pool("max", input, ksize, strides, padding, data_format, 2)


def max_pool3d(input, ksize, strides, padding, data_format="NDHWC", name=None):
    return _pool("max", input, ksize, strides, padding, data_format, 3)


def avg_pool1d(input, ksize, strides, padding, data_format="NWC", name=None):
    return _pool("avg", input, ksize, strides, padding, data_format, 1)


def avg_pool2d(input, ksize, strides, padding, data_format="NHWC", name=None):
    return _pool("avg", input, ksize, strides, padding, data_format, 2)


def avg_pool3d(input, ksize, strides, padding, data_format="NDHWC", name=None):
    return _pool("avg", input, ksize, strides, padding, data_format, 3)


def max_pool(input, ksize, strides, padding, data_format=None, name=None):
    return _pool("max", input, ksize, strides, padding, data_format, _t(input).dim() - 2)


def avg_pool(input, ksize, strides, padding, data_format=None, name=None):
    return _pool("avg", input, ksize, strides, padding, data_format, _t(input).dim() - 2)


def _conv_transpose(input, filters, output_shape, strides, padding, data_format, dilations, n):
    x, w = match("Conv2DBackpropInput", input, filters)
    channels_last = data_format is None or not data_format.startswith("NC")
    strides = _tuple(strides if strides is not None else 1, n, "strides", channels_last)
    dilations = _tuple(dilations if dilations is not None else 1, n, "dilations", channels_last)
    output_shape = [int(d) for d in (output_shape.tolist() if isinstance(output_shape, torch.Tensor)
                                     else output_shape)]
    sizes = output_shape[1:-1] if channels_last else output_shape[2:]
    if channels_last:
        x = x.movedim(-1, 1)
    kernel = tuple(w.shape[:n])
    # The transpose of the forward conv that maps `sizes` to the input: same padding rule.
    pads = _resolve_padding(padding, sizes, kernel, strides, dilations, channels_last)
    # (*k, out, in) -> (in, out, *k)
    weight = w.movedim((n, n + 1), (1, 0))
    conv = {1: F.conv_transpose1d, 2: F.conv_transpose2d, 3: F.conv_transpose3d}[n]
    full = conv(x, weight, stride=strides, dilation=dilations)
    for axis, ((before, _), size) in enumerate(zip(pads, sizes)):
        dim = axis + 2
        available = full.shape[dim] - before
        if available < size:
            pad = [0, 0] * (full.dim() - dim - 1) + [0, size - available]
            full = F.pad(full, pad)
        full = full.narrow(dim, before, size)
    return full.movedim(1, -1) if channels_last else full


def conv1d_transpose(input, filters, output_shape, strides, padding="SAME", data_format="NWC",
                     dilations=None, name=None):
    return _conv_transpose(input, filters, output_shape, strides, padding, data_format,
                           dilations, 1)


def conv2d_transpose(input, filters, output_shape, strides, padding="SAME", data_format="NHWC",
                     dilations=None, name=None):
    return _conv_transpose(input, filters, output_shape, strides, padding, data_format,
                           dilations, 2)


def conv3d_transpose(input, filters, output_shape, strides, padding="SAME", data_format="NDHWC",
                     dilations=None, name=None):
    return _conv_transpose(input, filters, output_shape, strides, padding, data_format,
                           dilations, 3)


def atrous_conv2d(value, filters, rate, padding, name=None):
    return conv2d(value, filters, 1, padding, dilations=rate)


def l2_loss(t, name=None):
    x = _t(t)
    return torch.sum(x * x) / 2


def log_poisson_loss(targets, log_input, compute_full_loss=False, name=None):
    z, c = _t(targets), _t(log_input)
    loss = torch.exp(c) - c * z
    if compute_full_loss:
        # Stirling's approximation of log(z!), added where z > 1.
        stirling = z * torch.log(torch.clamp(z, min=1e-30)) - z + 0.5 * torch.log(
            2 * _math.pi * torch.clamp(z, min=1e-30))
        loss = loss + torch.where(z > 1, stirling, torch.zeros_like(z))
    return loss


def local_response_normalization(input, depth_radius=5, bias=1, alpha=1, beta=0.5, name=None):
    """`x / (bias + alpha * sum(x^2 over depth_radius neighbouring channels)) ** beta` (NHWC)."""
    x = _t(input)
    squares = F.pad((x * x).unsqueeze(1), (depth_radius, depth_radius)).squeeze(1)
    window = squares.unfold(-1, 2 * depth_radius + 1, 1).sum(-1)
    return x / (bias + alpha * window) ** beta


lrn = local_response_normalization


def sufficient_statistics(x, axes, shift=None, keepdims=False, name=None):
    x = _t(x)
    dims = axis_arg(axes)
    dims = (dims,) if isinstance(dims, int) else dims
    count = torch.tensor(float(_math.prod(x.shape[d] for d in dims)), dtype=x.dtype,
                         device=x.device)
    shifted = x - shift if shift is not None else x
    mean_ss = torch.sum(shifted, dim=dims, keepdim=bool(keepdims))
    var_ss = torch.sum(shifted * shifted, dim=dims, keepdim=bool(keepdims))
    return count, mean_ss, var_ss, (_t(shift) if shift is not None else None)


def normalize_moments(counts, mean_ss, variance_ss, shift, name=None):
    divisor = 1 / _t(counts)
    shifted_mean = _t(mean_ss) * divisor
    mean = shifted_mean + shift if shift is not None else shifted_mean
    variance = _t(variance_ss) * divisor - shifted_mean * shifted_mean
    return mean, variance


def weighted_moments(x, axes, frequency_weights, keepdims=False, name=None):
    x, weights = _t(x), _t(frequency_weights)
    dims = axis_arg(axes)
    weights = weights.to(x.dtype)
    weighted_sum = torch.sum(weights * x, dim=dims, keepdim=True)
    total = torch.sum(weights.expand_as(x), dim=dims, keepdim=True)
    mean = weighted_sum / total
    variance = torch.sum(weights * (x - mean) ** 2, dim=dims, keepdim=True) / total
    if not keepdims:
        mean, variance = mean.squeeze(dims), variance.squeeze(dims)
    return mean, variance


def space_to_depth(input, block_size, data_format="NHWC", name=None):
    x = _t(input)
    n, h, w, c = x.shape
    b = int(block_size)
    x = x.reshape(n, h // b, b, w // b, b, c).permute(0, 1, 3, 2, 4, 5)
    return x.reshape(n, h // b, w // b, b * b * c)


def depth_to_space(input, block_size, data_format="NHWC", name=None):
    x = _t(input)
    n, h, w, c = x.shape
    b = int(block_size)
    x = x.reshape(n, h, w, b, b, c // (b * b)).permute(0, 1, 3, 2, 4, 5)
    return x.reshape(n, h * b, w * b, c // (b * b))


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(
        f"tf.nn.{name} is not provided by torchkeras.compat. Use the torch.nn.functional or "
        "`keras.ops.nn` equivalent, or see compat/DIFFERENCES.md."
    )
