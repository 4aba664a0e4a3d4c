"""`keras.backend` under the shim: Keras 3's backend module plus tf.keras 2's `K.*` tensor functions.

tf.keras 2 scripts write `from tensorflow.keras import backend as K` and call `K.mean`,
`K.square`, `K.int_shape`... (custom losses and metrics above all). Keras 3 removed these in favour
of `keras.ops`; here they are thin aliases of the `keras.ops` functions, with tf.keras 2's
signatures (`K.concatenate` joins on the last axis, `K.dot` is a matrix product). Every other
name is torchkeras.backend's.
"""

import numpy as np

from torchkeras import backend as _backend
from torchkeras import ops
from torchkeras.backend import *  # noqa: F401,F403  (Keras 3's keras.backend names)


def __getattr__(name):
    # Names of torchkeras.backend outside its `__all__` (submodules, helpers).
    return getattr(_backend, name)


abs = ops.absolute
all = ops.all
any = ops.any
argmax = ops.argmax
argmin = ops.argmin
clip = ops.clip
cos = ops.cos
cumprod = ops.cumprod
cumsum = ops.cumsum
equal = ops.equal
exp = ops.exp
expand_dims = ops.expand_dims
greater = ops.greater
greater_equal = ops.greater_equal
less = ops.less
less_equal = ops.less_equal
log = ops.log
maximum = ops.maximum
minimum = ops.minimum
not_equal = ops.not_equal
ones_like = ops.ones_like
permute_dimensions = ops.transpose
transpose = ops.transpose
pow = ops.power
relu = ops.relu
reshape = ops.reshape
round = ops.round
sigmoid = ops.sigmoid
sign = ops.sign
sin = ops.sin
softplus = ops.softplus
softsign = ops.softsign
sqrt = ops.sqrt
square = ops.square
squeeze = ops.squeeze
stack = ops.stack
stop_gradient = ops.stop_gradient
tanh = ops.tanh
tile = ops.tile
zeros_like = ops.zeros_like


def _reduction(op):
    def reduce(x, axis=None, keepdims=False):
        return op(x, axis=axis, keepdims=keepdims)

    reduce.__name__ = op.__name__
    reduce.__doc__ = f"tf.keras 2's `K.{op.__name__}`: `keras.ops.{op.__name__}` over `axis`."
    return reduce


sum = _reduction(ops.sum)
mean = _reduction(ops.mean)
max = _reduction(ops.max)
min = _reduction(ops.min)
prod = _reduction(ops.prod)
std = _reduction(ops.std)
var = _reduction(ops.var)


def concatenate(tensors, axis=-1):
    """Concatenates tensors along `axis` (tf.keras 2's default: the last axis)."""
    return ops.concatenate(tensors, axis=axis)


def cast(x, dtype):
    return ops.cast(x, dtype)


def cast_to_floatx(x):
    """Casts a NumPy array to `floatx()`."""
    return np.asarray(x, dtype=_backend.floatx())


def constant(value, dtype=None, shape=None, name=None):
    x = ops.convert_to_tensor(value, dtype=dtype or _backend.floatx())
    return ops.broadcast_to(x, shape) if shape is not None else x


def zeros(shape, dtype=None, name=None):
    return ops.zeros(shape, dtype=dtype or _backend.floatx())


def ones(shape, dtype=None, name=None):
    return ops.ones(shape, dtype=dtype or _backend.floatx())


def eye(size, dtype=None, name=None):
    return ops.eye(size, dtype=dtype or _backend.floatx())


def arange(start, stop=None, step=1, dtype="int32"):
    return ops.arange(start, stop, step, dtype=dtype)


def one_hot(indices, num_classes):
    return ops.one_hot(indices, num_classes)


def softmax(x, axis=-1):
    return ops.softmax(x, axis=axis)


def elu(x, alpha=1.0):
    return ops.elu(x, alpha=alpha)


def hard_sigmoid(x):
    return ops.hard_sigmoid(x)


def dot(x, y):
    """Matrix product of `x` and `y` (tf.keras 2's `K.dot`)."""
    return ops.matmul(x, y)


def gather(reference, indices):
    """Rows of `reference` at `indices` (tf.keras 2's `K.gather`, axis 0)."""
    return ops.take(reference, indices, axis=0)


def repeat_elements(x, rep, axis):
    return ops.repeat(x, rep, axis=axis)


def reverse(x, axes):
    return ops.flip(x, axis=axes)


def flatten(x):
    return ops.reshape(x, (-1,))


def batch_flatten(x):
    """Flattens every sample: shape `(batch, ...)` to `(batch, prod(...))`."""
    return ops.reshape(x, (ops.shape(x)[0], -1))


def l2_normalize(x, axis=None):
    return ops.normalize(x, axis=-1 if axis is None else axis, order=2)


def binary_crossentropy(target, output, from_logits=False):
    return ops.binary_crossentropy(target, output, from_logits=from_logits)


def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    return ops.categorical_crossentropy(target, output, from_logits=from_logits, axis=axis)


def sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1):
    return ops.sparse_categorical_crossentropy(target, output, from_logits=from_logits, axis=axis)


def shape(x):
    return ops.shape(x)


def int_shape(x):
    """The static shape of `x` as a tuple of ints (`None` for unknown dimensions)."""
    return tuple(x.shape)


def ndim(x):
    return len(x.shape)


def dtype(x):
    """The dtype of `x` as a string (`"float32"`)."""
    return _backend.standardize_dtype(x.dtype)


def count_params(x):
    return int(np.prod(tuple(x.shape)))


def get_value(x):
    """The value of a variable or tensor as a NumPy array."""
    return _backend.convert_to_numpy(x)


eval = get_value


def batch_get_value(tensors):
    return [get_value(x) for x in tensors]


def set_value(x, value):
    """Assigns the NumPy `value` to the variable `x`."""
    x.assign(value)


def batch_set_value(tuples):
    for x, value in tuples:
        set_value(x, value)


def switch(condition, then_expression, else_expression):
    """Elementwise choice between two tensors (tf.keras 2's `K.switch` on tensor branches)."""
    return ops.where(condition, then_expression, else_expression)


def bias_add(x, bias, data_format=None):
    """Adds `bias` on the channels axis (last for `channels_last`, 1 for `channels_first`)."""
    data_format = data_format or _backend.image_data_format()
    if data_format == "channels_first" and len(x.shape) > 2:
        bias_shape = tuple(int(d) for d in bias.shape)
        if len(bias_shape) == 1:
            bias = ops.reshape(bias, (1, -1) + (1,) * (len(x.shape) - 2))
        else:
            # A per-position bias `(*spatial, channels)`: tf.keras 2 *reshapes* it to
            # `(1, channels, *spatial)` (no transpose); the same values land in the same places.
            bias = ops.reshape(bias, (1, bias_shape[-1]) + bias_shape[:-1])
    return ops.add(x, bias)


# ---------------------------------------------------------------------------------------------
# tf.keras 2 names Keras 3 dropped: convolutions, pooling, padding, random tensors, CTC, learning
# phase, variable updates. They follow tf.keras 2.21 (channels_last unless `data_format` says
# otherwise, TF padding rules) and compute with torch directly.

import builtins as _builtins
import contextlib as _contextlib
import warnings as _warnings

import torch as _torch

from torchkeras.backend import global_state as _global_state
from torchkeras.backend import random as _random


def _tensor(x, dtype=None):
    return _backend.convert_to_tensor(x, dtype=dtype)


def _data_format(data_format):
    data_format = data_format or _backend.image_data_format()
    if data_format not in ("channels_first", "channels_last"):
        raise ValueError(f"Unknown data_format: {data_format}")
    return data_format


def _padding(padding):
    if padding not in ("same", "valid", "causal"):
        raise ValueError(f"Unknown padding: {padding}")
    return padding


def batch_dot(x, y, axes=None):
    """Batchwise dot product: contracts `x`'s `axes[0]` with `y`'s `axes[1]`, sample by sample.

    Args:
        x: Tensor with `ndim >= 2`.
        y: Tensor with `ndim >= 2`.
        axes: Integer or pair of integers, the axes to contract. Defaults to `None` (the last axis
            of `x` with the last axis of a 2D `y`, else its second-to-last axis).

    Returns:
        A tensor with `x`'s shape less the contracted axis, then `y`'s shape less its batch and
        contracted axes; a rank-1 result is reshaped to `(batch_size, 1)`.
    """
    x, y = _tensor(x), _tensor(y)
    if x.ndim < 2 or y.ndim < 2:
        raise ValueError(
            "Cannot do batch_dot on inputs with rank < 2. Received inputs with shapes "
            f"{tuple(x.shape)} and {tuple(y.shape)}."
        )
    if x.shape[0] != y.shape[0]:
        raise ValueError(
            "Cannot do batch_dot on inputs with different batch sizes. Received inputs with "
            f"shapes {tuple(x.shape)} and {tuple(y.shape)}."
        )
    if isinstance(axes, int):
        axes = [axes, axes]
    if axes is None:
        axes = [x.ndim - 1, y.ndim - 1 if y.ndim == 2 else y.ndim - 2]
    if _builtins.any(isinstance(a, (list, tuple)) for a in axes):
        raise ValueError(
            "Multiple target dimensions are not supported. Expected: None, int, (int, int), "
            f"Provided: {axes}"
        )
    a0, a1 = [a + n if a < 0 else a for a, n in zip(axes, (x.ndim, y.ndim))]
    if a0 == 0 or a1 == 0:
        raise ValueError(
            "Cannot perform batch_dot over axis 0. If your inputs are not batched, add a dummy "
            "batch dimension to your inputs using K.expand_dims(x, 0)"
        )
    if x.shape[a0] != y.shape[a1]:
        raise ValueError(
            f"Cannot do batch_dot on inputs with shapes {tuple(x.shape)} and {tuple(y.shape)} "
            f"with axes={axes}. x.shape[{axes[0]}] != y.shape[{axes[1]}] "
            f"({x.shape[a0]} != {y.shape[a1]})."
        )
    x = _torch.movedim(x, a0, -1)  # (batch, *x_rest, k)
    y = _torch.movedim(y, a1, 1)  # (batch, k, *y_rest)
    x_rest, y_rest = x.shape[1:-1], y.shape[2:]
    out = _torch.bmm(x.reshape(x.shape[0], -1, x.shape[-1]), y.reshape(y.shape[0], y.shape[1], -1))
    out = out.reshape(x.shape[0], *x_rest, *y_rest)
    return out.unsqueeze(1) if out.ndim == 1 else out


def batch_normalization(x, mean, var, beta, gamma, axis=-1, epsilon=1e-3):
    """Applies `gamma * (x - mean) / sqrt(var + epsilon) + beta`; 1D statistics apply on `axis`."""
    x = _tensor(x)

    def along_axis(t):
        if t is None:
            return None
        t = _tensor(t, dtype=x.dtype)
        if t.ndim == 1 and x.ndim > 1:
            shape = [1] * x.ndim
            shape[axis] = -1
            t = t.reshape(shape)
        return t

    mean, var, beta, gamma = along_axis(mean), along_axis(var), along_axis(beta), along_axis(gamma)
    out = (x - mean) * _torch.rsqrt(var + epsilon)
    if gamma is not None:
        out = out * gamma
    if beta is not None:
        out = out + beta
    return out


def normalize_batch_in_training(x, gamma, beta, reduction_axes, epsilon=1e-3):
    """Normalizes `x` by its batch statistics over `reduction_axes`.

    Returns:
        `(normalized, mean, variance)`. As in tf.keras 2 (its fused kernel), the variance of a 4D
        input reduced over `[0, 1, 2]` or `[0, 2, 3]` is the unbiased (Bessel-corrected) one.
    """
    x = _tensor(x)
    reduction_axes = [a % x.ndim for a in reduction_axes]
    mean = _torch.mean(x, dim=reduction_axes, keepdim=True)
    var = _torch.var(x, dim=reduction_axes, keepdim=True, correction=0)
    normed = (x - mean) * _torch.rsqrt(var + epsilon)
    kept = [d for d in range(x.ndim) if d not in reduction_axes]
    stat_shape = [x.shape[d] for d in kept]

    def broadcast(t):
        if t is None:
            return None
        t = _tensor(t, dtype=x.dtype)
        return t.reshape([x.shape[d] if d in kept else 1 for d in range(x.ndim)])

    gamma, beta = broadcast(gamma), broadcast(beta)
    if gamma is not None:
        normed = normed * gamma
    if beta is not None:
        normed = normed + beta
    if x.ndim == 4 and reduction_axes in ([0, 1, 2], [0, 2, 3]):
        count = 1
        for d in reduction_axes:
            count *= x.shape[d]
        var = var * (count / _builtins.max(count - 1, 1))
    return normed, mean.reshape(stat_shape), var.reshape(stat_shape)


def binary_focal_crossentropy(
    target, output, apply_class_balancing=False, alpha=0.25, gamma=2.0, from_logits=False
):
    """Elementwise binary focal crossentropy (no reduction over the last axis)."""
    target, output = _tensor(target), _tensor(output)
    target = target.to(output.dtype)
    if from_logits:
        output = _torch.sigmoid(output)
    bce = binary_crossentropy(target, output)
    p_t = target * output + (1 - target) * (1 - output)
    focal = _torch.pow(1.0 - p_t, gamma) * bce
    if apply_class_balancing:
        focal = (target * alpha + (1 - target) * (1 - alpha)) * focal
    return focal


def categorical_focal_crossentropy(target, output, alpha=0.25, gamma=2.0, from_logits=False, axis=-1):
    """Categorical focal crossentropy, summed over `axis`."""
    target, output = _tensor(target), _tensor(output)
    target = target.to(output.dtype)
    if from_logits:
        output = _torch.softmax(output, dim=axis)
    output = output / _torch.sum(output, dim=axis, keepdim=True)
    eps = _backend.epsilon()
    output = _torch.clamp(output, eps, 1.0 - eps)
    ce = -target * _torch.log(output)
    focal = alpha * _torch.pow(1.0 - output, gamma) * ce
    return _torch.sum(focal, dim=axis)


def _conv(x, kernel, strides, padding, data_format, dilation_rate):
    padding = _padding(padding)
    data_format = _data_format(data_format)
    if padding == "causal":
        # Causal: pad the steps on the left only, then a valid convolution.
        kernel = _tensor(kernel)
        left = dilation_rate * (kernel.shape[0] - 1) if isinstance(dilation_rate, int) else (
            dilation_rate[0] * (kernel.shape[0] - 1))
        x = _tensor(x)
        pad = (0, 0, left, 0) if data_format == "channels_last" else (left, 0)
        x = _torch.nn.functional.pad(x, pad)
        padding = "valid"
    return ops.conv(x, kernel, strides=strides, padding=padding, data_format=data_format,
                    dilation_rate=dilation_rate)


def conv1d(x, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1):
    """1D convolution; `kernel` is `(kernel_size, in_channels, filters)`; `padding` may be `"causal"`."""
    return _conv(x, kernel, strides, padding, data_format, dilation_rate)


def conv2d(x, kernel, strides=(1, 1), padding="valid", data_format=None, dilation_rate=(1, 1)):
    """2D convolution; `kernel` is `(rows, cols, in_channels, filters)`."""
    return _conv(x, kernel, strides, padding, data_format, dilation_rate)


def conv3d(x, kernel, strides=(1, 1, 1), padding="valid", data_format=None,
           dilation_rate=(1, 1, 1)):
    """3D convolution; `kernel` is `(depth, rows, cols, in_channels, filters)`."""
    return _conv(x, kernel, strides, padding, data_format, dilation_rate)


def conv2d_transpose(x, kernel, output_shape, strides=(1, 1), padding="valid", data_format=None,
                     dilation_rate=(1, 1)):
    """2D transposed convolution to `output_shape` (`(batch, rows, cols, filters)` for
    channels_last); `kernel` is `(rows, cols, filters, in_channels)`."""
    data_format = _data_format(data_format)
    padding = _padding(padding)
    x, kernel = _tensor(x), _tensor(kernel)
    strides = (strides, strides) if isinstance(strides, int) else tuple(strides)
    dilation_rate = (dilation_rate,) * 2 if isinstance(dilation_rate, int) else tuple(dilation_rate)
    output_shape = tuple(int(d) for d in (output_shape.tolist() if hasattr(output_shape, "tolist")
                                          else output_shape))
    if data_format == "channels_last":
        x = x.permute(0, 3, 1, 2)
        out_hw = output_shape[1:3]
    else:
        out_hw = output_shape[2:4]
    weight = kernel.permute(3, 2, 0, 1)  # (in, filters, rows, cols)
    pads, extras = [], []
    for i in range(2):
        k = (kernel.shape[i] - 1) * dilation_rate[i] + 1
        if padding == "valid":
            total = 0
        else:
            # TF "same": the forward convolution of the output pads max(k - s, 0) (or to the
            # stride remainder), extra on the right; the transpose removes those pads.
            total = _builtins.max((x.shape[2 + i] - 1) * strides[i] + k - out_hw[i], 0)
        left = total // 2
        natural = (x.shape[2 + i] - 1) * strides[i] + k - 2 * left
        pads.append(left)
        extras.append(out_hw[i] - natural)
    # A negative extra means one more pad on the right: crop it after.
    out = _torch.nn.functional.conv_transpose2d(
        x, weight, stride=strides, padding=tuple(pads),
        output_padding=tuple(_builtins.max(e, 0) for e in extras), dilation=dilation_rate,
    )
    out = out[:, :, :out_hw[0], :out_hw[1]]
    if data_format == "channels_last":
        out = out.permute(0, 2, 3, 1)
    return out


def depthwise_conv2d(x, depthwise_kernel, strides=(1, 1), padding="valid", data_format=None,
                     dilation_rate=(1, 1)):
    """Depthwise 2D convolution; `depthwise_kernel` is `(rows, cols, in_channels, multiplier)`."""
    return ops.depthwise_conv(x, depthwise_kernel, strides=strides, padding=_padding(padding),
                              data_format=_data_format(data_format), dilation_rate=dilation_rate)


def separable_conv2d(x, depthwise_kernel, pointwise_kernel, strides=(1, 1), padding="valid",
                     data_format=None, dilation_rate=(1, 1)):
    """Depthwise then pointwise 2D convolution."""
    return ops.separable_conv(x, depthwise_kernel, pointwise_kernel, strides=strides,
                              padding=_padding(padding), data_format=_data_format(data_format),
                              dilation_rate=dilation_rate)


def _pool(x, pool_size, strides, padding, data_format, pool_mode):
    data_format = _data_format(data_format)
    if padding not in ("same", "valid"):
        raise ValueError(f"Invalid padding: {padding}")
    if pool_mode == "max":
        return ops.max_pool(x, pool_size, strides=strides, padding=padding, data_format=data_format)
    if pool_mode == "avg":
        return ops.average_pool(x, pool_size, strides=strides, padding=padding,
                                data_format=data_format)
    raise ValueError(f"Invalid pooling mode: {pool_mode}")


def pool2d(x, pool_size, strides=(1, 1), padding="valid", data_format=None, pool_mode="max"):
    """2D pooling; `pool_mode` is `"max"` or `"avg"` (note: `strides` default to 1, not the pool)."""
    return _pool(x, pool_size, strides, padding, data_format, pool_mode)


def pool3d(x, pool_size, strides=(1, 1, 1), padding="valid", data_format=None, pool_mode="max"):
    """3D pooling; `pool_mode` is `"max"` or `"avg"`."""
    return _pool(x, pool_size, strides, padding, data_format, pool_mode)


def _local_conv(inputs, kernel, kernel_size, strides, output_shape, data_format):
    from torchkeras.layers.locally_connected.local_conv import local_conv

    return local_conv(_tensor(inputs), _tensor(kernel), kernel_size, strides, output_shape,
                      _data_format(data_format))


def local_conv1d(inputs, kernel, kernel_size, strides, data_format=None):
    """Unshared-weight 1D convolution; `kernel` is `(output_length, kernel_size * channels, filters)`."""
    kernel_size = (kernel_size,) if isinstance(kernel_size, int) else tuple(kernel_size)
    strides = (strides,) if isinstance(strides, int) else tuple(strides)
    return _local_conv(inputs, kernel, kernel_size, strides, (kernel.shape[0],), data_format)


def local_conv2d(inputs, kernel, kernel_size, strides, output_shape, data_format=None):
    """Unshared-weight 2D convolution; `kernel` is
    `(output_rows * output_cols, rows * cols * channels, filters)`."""
    return _local_conv(inputs, kernel, tuple(kernel_size), tuple(strides), tuple(output_shape),
                       data_format)


def temporal_padding(x, padding=(1, 1)):
    """Zero-pads the middle axis of a 3D tensor by `padding = (left, right)`."""
    x = _tensor(x)
    if len(padding) != 2:
        raise ValueError(f"temporal_padding: `padding` must be a pair. Received: padding={padding}")
    return _torch.nn.functional.pad(x, (0, 0, padding[0], padding[1]))


def _spatial_padding(x, padding, data_format, rank):
    x = _tensor(x)
    data_format = _data_format(data_format)
    if len(padding) != rank or _builtins.any(len(p) != 2 for p in padding):
        raise ValueError(
            f"spatial_{rank}d_padding: `padding` must be {rank} pairs. Received: padding={padding}"
        )
    pads = []
    for before, after in reversed(padding):
        pads += [before, after]
    if data_format == "channels_last":
        pads = [0, 0] + pads
    return _torch.nn.functional.pad(x, pads)


def spatial_2d_padding(x, padding=((1, 1), (1, 1)), data_format=None):
    """Zero-pads the rows and columns of a 4D tensor."""
    return _spatial_padding(x, padding, data_format, 2)


def spatial_3d_padding(x, padding=((1, 1), (1, 1), (1, 1)), data_format=None):
    """Zero-pads the depth, rows and columns of a 5D tensor."""
    return _spatial_padding(x, padding, data_format, 3)


def repeat(x, n):
    """Repeats a 2D tensor `(batch, dim)` `n` times into `(batch, n, dim)`."""
    x = _tensor(x)
    if x.ndim != 2:
        raise ValueError(f"repeat: `x` must be 2D. Received: x.shape={tuple(x.shape)}")
    return x.unsqueeze(1).expand(x.shape[0], n, x.shape[1])


_INTERPOLATIONS = ("area", "bicubic", "bilinear", "gaussian", "lanczos3", "lanczos5",
                   "mitchellcubic", "nearest")


def resize_images(x, height_factor, width_factor, data_format, interpolation="nearest"):
    """Resizes the images of a 4D tensor by integer factors."""
    if data_format not in ("channels_first", "channels_last"):
        raise ValueError(f"Invalid `data_format` argument: {data_format}")
    if interpolation not in _INTERPOLATIONS:
        names = '"' + '", "'.join(_INTERPOLATIONS) + '"'
        raise ValueError(
            f'`interpolation` argument should be one of: {names}. Received: "{interpolation}".'
        )
    x = _tensor(x)
    if interpolation == "nearest":
        # Integer upscaling by nearest neighbour repeats each pixel exactly.
        rows = 2 if data_format == "channels_first" else 1
        return _torch.repeat_interleave(
            _torch.repeat_interleave(x, height_factor, dim=rows), width_factor, dim=rows + 1)
    rows = 2 if data_format == "channels_first" else 1
    size = (x.shape[rows] * height_factor, x.shape[rows + 1] * width_factor)
    return ops.image.resize(x, size, interpolation=interpolation, data_format=data_format)


def resize_volumes(x, depth_factor, height_factor, width_factor, data_format):
    """Resizes the volumes of a 5D tensor by repeating each voxel."""
    if data_format not in ("channels_first", "channels_last"):
        raise ValueError(f"Invalid data_format: {data_format}")
    x = _tensor(x)
    first = 2 if data_format == "channels_first" else 1
    for offset, factor in enumerate((depth_factor, height_factor, width_factor)):
        x = _torch.repeat_interleave(x, factor, dim=first + offset)
    return x


# --- random tensors ------------------------------------------------------------------------------

def _generator(seed):
    if seed is None:
        return None
    return _random.make_generator(int(seed), device=_backend.get_device())


def _random_dtype(dtype):
    return _backend.to_torch_dtype(dtype or _backend.floatx())


def random_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    """A tensor of samples from a normal distribution."""
    out = _torch.empty(tuple(shape), dtype=_random_dtype(dtype), device=_backend.get_device())
    return out.normal_(mean, stddev, generator=_generator(seed))


def random_uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None):
    """A tensor of samples from a uniform distribution on `[minval, maxval)`."""
    out = _torch.empty(tuple(shape), dtype=_random_dtype(dtype), device=_backend.get_device())
    return out.uniform_(minval, maxval, generator=_generator(seed))


def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    """A tensor of normal samples re-drawn when more than two standard deviations from `mean`."""
    out = _torch.empty(tuple(shape), dtype=_random_dtype(dtype), device=_backend.get_device())
    gen = _generator(seed)
    out.normal_(0.0, 1.0, generator=gen)
    bad = out.abs() > 2.0
    while bool(bad.any()):
        out[bad] = _torch.empty(int(bad.sum()), dtype=out.dtype, device=out.device).normal_(
            0.0, 1.0, generator=gen)
        bad = out.abs() > 2.0
    return out * stddev + mean


def random_bernoulli(shape, p=0.0, dtype=None, seed=None):
    """A tensor of 0/1 samples, 1 with probability `p`."""
    u = _torch.empty(tuple(shape), dtype=_random_dtype(dtype), device=_backend.get_device())
    u.uniform_(0.0, 1.0, generator=_generator(seed))
    return (u <= p).to(u.dtype)


def random_binomial(shape, p=0.0, dtype=None, seed=None):
    """Deprecated alias of `random_bernoulli` (as in tf.keras 2)."""
    _warnings.warn(
        "`tf.keras.backend.random_binomial` is deprecated, and will be removed in a future "
        "version.Please use `tf.keras.backend.random_bernoulli` instead.",
        stacklevel=2,
    )
    return random_bernoulli(shape, p, dtype, seed)


def random_normal_variable(shape, mean, scale, dtype=None, name=None, seed=None):
    """A variable initialized with normal samples."""
    value = random_normal(shape, mean, scale, dtype=dtype, seed=seed)
    return _backend.Variable(value, dtype=dtype or _backend.floatx(), name=name)


def random_uniform_variable(shape, low, high, dtype=None, name=None, seed=None):
    """A variable initialized with uniform samples on `[low, high)`."""
    value = random_uniform(shape, low, high, dtype=dtype, seed=seed)
    return _backend.Variable(value, dtype=dtype or _backend.floatx(), name=name)


def dropout(x, level, noise_shape=None, seed=None):
    """Zeroes entries of `x` with probability `level` and scales the rest by `1 / (1 - level)`."""
    x = _tensor(x)
    shape = tuple(x.shape) if noise_shape is None else tuple(
        x.shape[i] if d is None else d for i, d in enumerate(noise_shape))
    keep = random_uniform(shape, dtype=_backend.standardize_dtype(x.dtype), seed=seed) >= level
    return x * keep.to(x.dtype) / (1.0 - level)


# --- higher-order functions ----------------------------------------------------------------------

def map_fn(fn, elems, name=None, dtype=None):
    """Applies `fn` to each element of `elems` along its first axis and stacks the results."""
    results = [fn(e) for e in _tensor(elems)]
    out = _torch.stack([_tensor(r) for r in results])
    return out.to(_backend.to_torch_dtype(dtype)) if dtype is not None else out


def _fold(fn, elems, initializer, reverse):
    elems = _tensor(elems)
    items = list(elems.flip(0) if reverse else elems)
    if initializer is None:
        acc, items = items[0], items[1:]
    else:
        acc = initializer
    for item in items:
        acc = fn(acc, item)
    return acc


def foldl(fn, elems, initializer=None, name=None):
    """Reduces `elems` left to right with `fn(accumulator, element)`."""
    return _fold(fn, elems, initializer, reverse=False)


def foldr(fn, elems, initializer=None, name=None):
    """Reduces `elems` right to left with `fn(accumulator, element)`."""
    return _fold(fn, elems, initializer, reverse=True)


def in_top_k(predictions, targets, k):
    """Whether each target is among the `k` largest predictions of its row."""
    return ops.in_top_k(targets, predictions, k)


# --- CTC -----------------------------------------------------------------------------------------

def ctc_label_dense_to_sparse(labels, label_lengths):
    """The first `label_lengths[i]` labels of each row of `labels`, as a torch sparse COO tensor."""
    labels = _tensor(labels)
    lengths = _tensor(label_lengths).to(_torch.int64).reshape(-1)
    mask = _torch.arange(labels.shape[1], device=labels.device)[None, :] < lengths[:, None]
    indices = mask.nonzero().T  # (2, n): (row, position), row-major as tf.keras 2 orders them
    return _torch.sparse_coo_tensor(
        indices, labels[mask], tuple(labels.shape), check_invariants=False
    ).coalesce()


def ctc_batch_cost(y_true, y_pred, input_length, label_length):
    """CTC loss of each sample, shape `(samples, 1)`.

    Args:
        y_true: `(samples, max_label_length)` labels.
        y_pred: `(samples, time_steps, num_categories)` softmax output; the last category is the
            blank.
        input_length: `(samples, 1)` lengths of `y_pred`'s sequences.
        label_length: `(samples, 1)` lengths of `y_true`'s sequences.
    """
    y_pred = _tensor(y_pred)
    log_probs = _torch.log(y_pred + _backend.epsilon()).transpose(0, 1)  # (time, samples, classes)
    targets = _tensor(y_true).to(_torch.int64)
    input_length = _tensor(input_length).to(_torch.int64).reshape(-1)
    label_length = _tensor(label_length).to(_torch.int64).reshape(-1)
    loss = _torch.nn.functional.ctc_loss(
        log_probs, targets, input_length, label_length, blank=y_pred.shape[-1] - 1,
        reduction="none",
    )
    return loss.unsqueeze(1)


def ctc_decode(y_pred, input_length, greedy=True, beam_width=100, top_paths=1):
    """Decodes a softmax output `(samples, time_steps, num_categories)` (blank last).

    Returns:
        `([decoded], log_prob)`: `decoded` is `(samples, time_steps)`, padded with `-1`;
        `log_prob` is `(samples, 1)`, the negative sum of each step's largest log-probability.
    """
    y_pred = _tensor(y_pred)
    steps = y_pred.shape[1]
    log_probs = _torch.log(y_pred + _backend.epsilon())
    decoded, scores = ops.ctc_decode(
        log_probs, input_length, strategy="greedy" if greedy else "beam_search",
        beam_width=beam_width, top_paths=top_paths, mask_index=y_pred.shape[-1] - 1,
    )
    paths = []
    for path in decoded:
        width = path.shape[-1]
        if width < steps:
            path = _torch.nn.functional.pad(path, (0, steps - width), value=-1)
        paths.append(path[:, :steps])
    return paths, scores


# --- variables, learning phase, naming -----------------------------------------------------------

def update(x, new_x):
    """Assigns `new_x` to the variable `x` and returns it."""
    x.assign(new_x)
    return x


def update_add(x, increment):
    """Adds `increment` to the variable `x` and returns it."""
    x.assign_add(increment)
    return x


def update_sub(x, decrement):
    """Subtracts `decrement` from the variable `x` and returns it."""
    x.assign_sub(decrement)
    return x


def moving_average_update(x, value, momentum):
    """`x = x * momentum + value * (1 - momentum)` on the variable `x`; returns it."""
    x.assign_sub((x.value - _tensor(value, dtype=x.dtype)) * (1 - momentum))
    return x


def print_tensor(x, message="", summarize=3):
    """Prints `message` and the value of `x`, and returns `x`."""
    with np.printoptions(threshold=2 * summarize + 1, edgeitems=summarize):
        print(message, _backend.convert_to_numpy(x))
    return x


_LEARNING_PHASE = [None]


def learning_phase():
    """The learning phase: 0 (test) unless `set_learning_phase`/`learning_phase_scope` set it.

    Only `in_train_phase`/`in_test_phase` read it; layers follow their `training` argument.
    """
    return 0 if _LEARNING_PHASE[0] is None else _LEARNING_PHASE[0]


def _check_phase(value):
    if value not in (0, 1):
        raise ValueError("Expected learning phase to be 0 or 1.")


def set_learning_phase(value):
    """Deprecated: sets the learning phase to 0 or 1."""
    _warnings.warn(
        "`tf.keras.backend.set_learning_phase` is deprecated and will be removed after "
        "2020-10-11. To update it, simply pass a True/False value to the `training` argument of "
        "the `__call__` method of your layer or model.",
        stacklevel=2,
    )
    _check_phase(value)
    _LEARNING_PHASE[0] = value


@_contextlib.contextmanager
def learning_phase_scope(value):
    """Context in which `learning_phase()` is `value` (0 or 1)."""
    _check_phase(value)
    previous = _LEARNING_PHASE[0]
    _LEARNING_PHASE[0] = value
    try:
        yield
    finally:
        _LEARNING_PHASE[0] = previous


def in_train_phase(x, alt, training=None):
    """`x` in the training phase, else `alt` (either may be a callable)."""
    if training is None:
        training = learning_phase()
    if isinstance(training, _torch.Tensor):
        x, alt = x() if callable(x) else x, alt() if callable(alt) else alt
        return ops.where(training.to(_torch.bool), x, alt)
    chosen = x if training in (1, True) else alt
    return chosen() if callable(chosen) else chosen


def in_test_phase(x, alt, training=None):
    """`x` in the test phase, else `alt` (either may be a callable)."""
    return in_train_phase(alt, x, training=training)


def get_uid(prefix=""):
    """1, 2, 3, ... on successive calls with the same `prefix` (shared with layer naming)."""
    return _global_state.get_uid(prefix)


def reset_uids():
    """Resets the counters behind `get_uid` and automatic layer names."""
    _global_state._NAME_UIDS.clear()


@_contextlib.contextmanager
def name_scope(name):
    """A no-op context kept for tf.keras 2 code: torch has no graph name scopes."""
    yield name


def is_keras_tensor(x):
    """Whether `x` is a symbolic Keras tensor (a functional-API input or output)."""
    from torchkeras.backend.keras_tensor import KerasTensor

    if isinstance(x, KerasTensor):
        return True
    if not isinstance(x, _torch.Tensor):
        raise ValueError(
            f"Unexpectedly found an instance of type `{type(x)}`. Expected a symbolic tensor "
            "instance."
        )
    return False


def is_sparse(tensor):
    """Whether `tensor` is a torch sparse tensor."""
    return isinstance(tensor, _torch.Tensor) and tensor.is_sparse


def to_dense(tensor):
    """The dense form of a sparse tensor (other tensors unchanged)."""
    return tensor.to_dense() if is_sparse(tensor) else tensor


_MANUAL_INIT = [False]


def manual_variable_initialization(value):
    """Kept for tf.keras 2 code: torch variables are always initialized when created."""
    _MANUAL_INIT[0] = bool(value)


def _graph_only(symbol, alternative):
    def unsupported(*args, **kwargs):
        raise NotImplementedError(
            f"`keras.backend.{symbol}` builds a TF1 graph, which torchkeras does not have. "
            f"{alternative} See compat/DIFFERENCES.md."
        )

    unsupported.__name__ = symbol
    unsupported.__doc__ = f"tf.keras 2's graph-only `K.{symbol}`: raises NotImplementedError."
    return unsupported


placeholder = _graph_only("placeholder", "Use `keras.Input(shape)` or pass tensors directly.")
function = _graph_only("function", "Call the model or the Python function eagerly instead.")
gradients = _graph_only(
    "gradients", "Use `loss.backward()` or `torch.autograd.grad(loss, variables)` instead."
)


class _Experimental:
    """`keras.backend.experimental`: tf.keras 2's TF random-generator switches (no-ops here)."""

    _enabled = [True]

    @staticmethod
    def is_tf_random_generator_enabled():
        return _Experimental._enabled[0]

    @staticmethod
    def enable_tf_random_generator():
        _Experimental._enabled[0] = True

    @staticmethod
    def disable_tf_random_generator():
        _Experimental._enabled[0] = False


experimental = _Experimental()


def variable(value, dtype=None, name=None, constraint=None):
    """A variable holding `value` (tf.keras 2's `K.variable`)."""
    var = _backend.Variable(_tensor(value, dtype=dtype or _backend.floatx()),
                            dtype=dtype or _backend.floatx(), name=name)
    if constraint is not None:
        var.constraint = constraint
    return var


def rnn(step_function, inputs, initial_states, go_backwards=False, mask=None, constants=None,
        unroll=False, input_length=None, time_major=False, zero_output_for_mask=False,
        return_all_outputs=True):
    """Iterates `step_function(step_input, states) -> (output, new_states)` over the time axis.

    Returns:
        `(last_output, outputs, new_states)`. `unroll` and `input_length` change nothing here.
    """
    from torchkeras.backend import rnn as _rnn_module

    inputs = _tensor(inputs)
    if time_major:
        inputs = inputs.transpose(0, 1)
        if mask is not None:
            mask = _tensor(mask).transpose(0, 1)
    step = step_function
    if constants:
        def step_with_constants(x, states):
            return step_function(x, list(states) + list(constants))

        step = step_with_constants
    last, outputs, states = _rnn_module.rnn(
        step, inputs, initial_states, go_backwards=go_backwards, mask=mask,
        zero_output_for_mask=zero_output_for_mask, return_all_outputs=return_all_outputs,
    )
    if time_major and outputs is not None:
        outputs = outputs.transpose(0, 1)
    return last, outputs, states
