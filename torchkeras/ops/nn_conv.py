"""Convolutions and pooling of `keras.ops.nn`, with Keras kernel layouts and TF-style padding.

Kernels are in Keras layout (`(*kernel_size, in_channels / groups, filters)`; transposed
convolutions `(*kernel_size, filters, in_channels)`; depthwise `(*kernel_size, in_channels,
multiplier)`). Inputs default to `channels_last` and are moved to torch's channels-first layout
around the torch kernel. `padding="same"` pads as TensorFlow does: the odd extra element goes to
the end, for any stride.
"""

import math

import torch
import torch.nn.functional as F

from torchkeras.backend import config
from torchkeras.ops import op_utils
from torchkeras.ops.op_utils import to_tensor
from torchkeras.ops.symbolic import keras_op

_CONV = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}
_CONV_T = {1: F.conv_transpose1d, 2: F.conv_transpose2d, 3: F.conv_transpose3d}
_MAX_POOL = {1: F.max_pool1d, 2: F.max_pool2d, 3: F.max_pool3d}
_AVG_POOL = {1: F.avg_pool1d, 2: F.avg_pool2d, 3: F.avg_pool3d}
_ADAPTIVE_AVG = {1: F.adaptive_avg_pool1d, 2: F.adaptive_avg_pool2d, 3: F.adaptive_avg_pool3d}
_ADAPTIVE_MAX = {1: F.adaptive_max_pool1d, 2: F.adaptive_max_pool2d, 3: F.adaptive_max_pool3d}


def _tuple(value, n):
    if isinstance(value, int):
        return (value,) * n
    return tuple(int(v) for v in value)


def _to_channels_first(x, data_format):
    return torch.movedim(x, -1, 1) if data_format == "channels_last" else x


def _from_channels_first(x, data_format):
    return torch.movedim(x, 1, -1) if data_format == "channels_last" else x


def _check_padding(padding):
    padding = padding.lower()
    if padding not in ("valid", "same"):
        raise ValueError(
            f"The `padding` argument must be one of 'valid', 'same'. Received: padding={padding}"
        )
    return padding


def _same_pads(sizes, kernel, strides, dilation):
    """TensorFlow's "same" padding: `(before, after)` per spatial dim, extra at the end."""
    pads = []
    for size, k, s, d in zip(sizes, kernel, strides, dilation):
        effective = (k - 1) * d + 1
        out = -(-size // s)
        total = max((out - 1) * s + effective - size, 0)
        pads.append((total // 2, total - total // 2))
    return pads


def _pad_spatial(x, pads, value=0.0):
    flat = []
    for before, after in reversed(pads):
        flat.extend((before, after))
    if not any(flat):
        return x
    return F.pad(x, flat, value=value)


def _check_channels(inputs, channels_in_kernel, data_format):
    channels = inputs.shape[-1] if data_format == "channels_last" else inputs.shape[1]
    if channels_in_kernel is not None and channels % channels_in_kernel != 0:
        raise ValueError(
            "The number of input channels must match the kernel's input channels. Received: "
            f"input channels={channels}, kernel input channels={channels_in_kernel}, "
            f"data_format='{data_format}'."
        )
    return channels


def _compute_pair(inputs, kernel):
    """Convert both to tensors of one float dtype (Keras's result dtype with `float`)."""
    inputs = to_tensor(inputs)
    kernel = to_tensor(kernel)
    dtype = op_utils.result_dtype(inputs, kernel, float)
    return inputs.to(dtype), kernel.to(dtype)


@keras_op
def conv(inputs, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1):
    """General N-D convolution.

    This ops supports 1D, 2D and 3D convolution.

    Args:
        inputs: Tensor of rank N+2. `inputs` has shape `(batch_size,) + inputs_spatial_shape +
            (num_channels,)` if `data_format="channels_last"`, or `(batch_size, num_channels) +
            inputs_spatial_shape` if `data_format="channels_first"`.
        kernel: Tensor of rank N+2. `kernel` has shape `(kernel_spatial_shape,
            num_input_channels, num_output_channels)`. `num_input_channels` should match the
            number of channels in `inputs` (or divide it: grouped convolution).
        strides: int or int tuple/list of `len(inputs_spatial_shape)`, specifying the strides
            of the convolution along each spatial dimension.
        padding: string, either `"valid"` or `"same"`. `"valid"` means no padding is applied,
            and `"same"` results in padding evenly to the left/right or up/down of the input
            such that output has the same height/width dimension as the input when
            `strides=1`.
        data_format: A string, either `"channels_last"` or `"channels_first"`. Defaults to the
            `image_data_format` value found in your Keras config file.
        dilation_rate: int or int tuple/list of `len(inputs_spatial_shape)`, specifying the
            dilation rate to use for dilated convolution.

    Returns:
        A tensor of rank N+2, the result of the conv operation.
    """
    data_format = config.standardize_data_format(data_format)
    padding = _check_padding(padding)
    inputs, kernel = _compute_pair(inputs, kernel)
    n = inputs.dim() - 2
    if n not in _CONV:
        raise ValueError(
            "Inputs to conv operation should have ndim=3, 4, or 5, corresponding to 1D, 2D and "
            f"3D inputs. Received input shape: {tuple(inputs.shape)}."
        )
    channels = _check_channels(inputs, kernel.shape[-2], data_format)
    groups = channels // kernel.shape[-2]
    strides = _tuple(strides, n)
    dilation = _tuple(dilation_rate, n)
    x = _to_channels_first(inputs, data_format)
    # (*k, in/groups, out) -> (out, in/groups, *k)
    weight = kernel.permute(n + 1, n, *range(n))
    if padding == "same":
        x = _pad_spatial(x, _same_pads(x.shape[2:], kernel.shape[:n], strides, dilation))
    if any(size < (k - 1) * d + 1 for size, k, d in zip(x.shape[2:], kernel.shape[:n], dilation)):
        shape = list(inputs.shape)
        spatial = range(1, n + 1) if data_format == "channels_last" else range(2, n + 2)
        for i, size, k, d, s in zip(spatial, x.shape[2:], kernel.shape[:n], dilation, strides):
            shape[i] = max((size - (k - 1) * d - 1) // s + 1, 0)
        shape[-1 if data_format == "channels_last" else 1] = kernel.shape[-1]
        raise ValueError(
            "The convolution operation resulted in an empty output. Output shape: "
            f"{tuple(shape)}. This can happen if the input is too small for the given kernel "
            "size, strides, dilation rate, and padding mode. Please check the input shape and "
            "convolution parameters."
        )
    out = _CONV[n](x, weight, None, strides, 0, dilation, groups)
    return _from_channels_first(out, data_format)


def _depthwise_weight(kernel, n):
    # (*k, in, multiplier) -> (in * multiplier, 1, *k): output channel c * multiplier + m.
    k = kernel.reshape(*kernel.shape[:n], -1)
    return k.permute(n, *range(n)).unsqueeze(1)


@keras_op
def depthwise_conv(inputs, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1):
    """General N-D depthwise convolution.

    This ops supports 1D and 2D depthwise convolution.

    Args:
        inputs: Tensor of rank N+2 (`channels_last` or `channels_first`, see `conv`).
        kernel: Tensor of rank N+2. `kernel` has shape `[kernel_spatial_shape,
            num_input_channels, num_channels_multiplier]`, `num_input_channels` should match
            the number of channels in `inputs`.
        strides: int or int tuple/list of `len(inputs_spatial_shape)`, specifying the strides
            of the convolution along each spatial dimension.
        padding: string, either `"valid"` or `"same"`.
        data_format: A string, either `"channels_last"` or `"channels_first"`.
        dilation_rate: int or int tuple/list of `len(inputs_spatial_shape)`, specifying the
            dilation rate to use for dilated convolution.

    Returns:
        A tensor of rank N+2, the result of the depthwise conv operation.
    """
    data_format = config.standardize_data_format(data_format)
    padding = _check_padding(padding)
    inputs, kernel = _compute_pair(inputs, kernel)
    n = inputs.dim() - 2
    if n > 2:
        raise ValueError(
            f"`inputs` rank must be 3 (1D conv) or 4 (2D conv). Received: {inputs.dim()}."
        )
    channels = _check_channels(inputs, kernel.shape[-2], data_format)
    if channels != kernel.shape[-2]:
        _raise_channel_mismatch(channels, kernel.shape[-2], data_format)
    strides = _tuple(strides, n)
    dilation = _tuple(dilation_rate, n)
    x = _to_channels_first(inputs, data_format)
    if padding == "same":
        x = _pad_spatial(x, _same_pads(x.shape[2:], kernel.shape[:n], strides, dilation))
    out = _CONV[n](x, _depthwise_weight(kernel, n), None, strides, 0, dilation, channels)
    return _from_channels_first(out, data_format)


def _raise_channel_mismatch(channels, kernel_channels, data_format):
    raise ValueError(
        "The number of input channels must match the kernel's input channels. Received: "
        f"input channels={channels}, kernel input channels={kernel_channels}, "
        f"data_format='{data_format}'."
    )


@keras_op
def separable_conv(
    inputs,
    depthwise_kernel,
    pointwise_kernel,
    strides=1,
    padding="valid",
    data_format=None,
    dilation_rate=1,
):
    """General N-D separable convolution: a depthwise convolution, then a pointwise one.

    This ops supports 1D and 2D separable convolution.

    Args:
        inputs: Tensor of rank N+2 (`channels_last` or `channels_first`, see `conv`).
        depthwise_kernel: Tensor of rank N+2. `depthwise_kernel` has shape
            `[kernel_spatial_shape, num_input_channels, num_channels_multiplier]`.
        pointwise_kernel: Tensor of rank N+2. `pointwise_kernel` has shape
            `(*ones_like(kernel_spatial_shape), num_input_channels * num_channels_multiplier,
            num_output_channels)`.
        strides: int or int tuple/list of `len(inputs_spatial_shape)`, specifying the strides
            of the convolution along each spatial dimension.
        padding: string, either `"valid"` or `"same"`.
        data_format: A string, either `"channels_last"` or `"channels_first"`.
        dilation_rate: int or int tuple/list of `len(inputs_spatial_shape)`, specifying the
            dilation rate to use for dilated convolution.

    Returns:
        A tensor of rank N+2, the result of the depthwise conv operation.
    """
    data_format = config.standardize_data_format(data_format)
    inputs = to_tensor(inputs)
    if inputs.dim() - 2 > 2:
        raise ValueError(
            f"`num_spatial_dims` must be 1 or 2. Received: num_spatial_dims={inputs.dim() - 2}."
        )
    depthwise = depthwise_conv.__wrapped__(
        inputs, depthwise_kernel, strides, padding, data_format, dilation_rate
    )
    return conv.__wrapped__(depthwise, pointwise_kernel, 1, "valid", data_format, 1)


@keras_op
def conv_transpose(
    inputs,
    kernel,
    strides=1,
    padding="valid",
    output_padding=None,
    data_format=None,
    dilation_rate=1,
):
    """General N-D convolution transpose.

    Also known as de-convolution. This ops supports 1D, 2D and 3D convolution.

    Args:
        inputs: Tensor of rank N+2 (`channels_last` or `channels_first`, see `conv`).
        kernel: Tensor of rank N+2. `kernel` has shape `[kernel_spatial_shape,
            num_output_channels, num_input_channels]`, `num_input_channels` should match the
            number of channels in `inputs`.
        strides: int or int tuple/list of `len(inputs_spatial_shape)`, specifying the strides
            of the convolution along each spatial dimension.
        padding: string, either `"valid"` or `"same"`.
        output_padding: int or int tuple/list of `len(inputs_spatial_shape)`, specifying the
            amount of padding along the height and width of the output tensor. Can be a single
            integer to specify the same value for all spatial dimensions. The amount of output
            padding along a given dimension must be lower than the stride along that same
            dimension. If set to `None` (default), the output shape is inferred.
        data_format: A string, either `"channels_last"` or `"channels_first"`.
        dilation_rate: int or int tuple/list of `len(inputs_spatial_shape)`, specifying the
            dilation rate to use for dilated convolution.

    Returns:
        A tensor of rank N+2, the result of the conv operation.
    """
    data_format = config.standardize_data_format(data_format)
    padding = _check_padding(padding)
    inputs, kernel = _compute_pair(inputs, kernel)
    n = inputs.dim() - 2
    channels = inputs.shape[-1] if data_format == "channels_last" else inputs.shape[1]
    if channels != kernel.shape[-1]:
        _raise_channel_mismatch(channels, kernel.shape[-1], data_format)
    strides = _tuple(strides, n)
    dilation = _tuple(dilation_rate, n)
    output_padding = None if output_padding is None else _tuple(output_padding, n)
    x = _to_channels_first(inputs, data_format)
    # (*k, out, in) -> (in, out, *k)
    weight = kernel.permute(n + 1, n, *range(n))
    full = _CONV_T[n](x, weight, None, strides, 0, 0, 1, dilation)
    # Crop (or zero-extend) the full transposed convolution to TensorFlow's output window.
    pads = []
    for i in range(n):
        size = x.shape[2 + i]
        effective = (kernel.shape[i] - 1) * dilation[i] + 1
        extra = None if output_padding is None else output_padding[i]
        if padding == "valid":
            if extra is None:
                extra = max(effective, strides[i]) - effective
            target = (size - 1) * strides[i] + effective + extra
            before = 0
        else:
            target = (
                size * strides[i]
                if extra is None
                else (size - 1) * strides[i] + effective % 2 + extra
            )
            before = max((size - 1) * strides[i] + effective - target, 0) // 2
        available = full.shape[2 + i]
        pads.append((-before, target - (available - before)))
    out = _pad_spatial(full, pads)
    return _from_channels_first(out, data_format)


# -- pooling ------------------------------------------------------------------------------------
def _pool_args(inputs, pool_size, strides, padding, data_format):
    data_format = config.standardize_data_format(data_format)
    padding = _check_padding(padding)
    inputs = to_tensor(inputs)
    n = inputs.dim() - 2
    if n not in _MAX_POOL:
        raise ValueError(
            "Pooling inputs's shape must be 3, 4 or 5, corresponding to 1D, 2D and 3D inputs. "
            f"But received shape: {tuple(inputs.shape)}."
        )
    pool_size = _tuple(pool_size, n)
    strides = pool_size if strides is None else _tuple(strides, n)
    return inputs, n, pool_size, strides, padding, data_format


@keras_op
def max_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    """Max pooling operation.

    Args:
        inputs: Tensor of rank N+2 (`channels_last` or `channels_first`).
        pool_size: int or tuple/list of integers of size `len(inputs_spatial_shape)`, specifying
            the size of the pooling window for each spatial dimension of the input tensor. If
            `pool_size` is int, then every spatial dimension shares the same `pool_size`.
        strides: int or tuple/list of integers of size `len(inputs_spatial_shape)`. The stride
            of the sliding window for each spatial dimension of the input tensor. If `strides`
            is int, then every spatial dimension shares the same `strides`. Defaults to
            `pool_size`.
        padding: string, either `"valid"` or `"same"`.
        data_format: A string, either `"channels_last"` or `"channels_first"`.

    Returns:
        A tensor of rank N+2, the result of the max pooling operation.
    """
    inputs, n, pool_size, strides, padding, data_format = _pool_args(
        inputs, pool_size, strides, padding, data_format
    )
    x = _to_channels_first(inputs, data_format)
    if padding == "same":
        # Padded positions never win the max (TensorFlow ignores them).
        fill = float("-inf") if op_utils.is_float(x.dtype) else torch.iinfo(x.dtype).min
        x = _pad_spatial(x, _same_pads(x.shape[2:], pool_size, strides, (1,) * n), value=fill)
    out = _MAX_POOL[n](x, pool_size, strides)
    return _from_channels_first(out, data_format)


@keras_op
def average_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    """Average pooling operation.

    Args:
        inputs: Tensor of rank N+2 (`channels_last` or `channels_first`).
        pool_size: int or tuple/list of integers of size `len(inputs_spatial_shape)`, specifying
            the size of the pooling window for each spatial dimension of the input tensor.
        strides: int or tuple/list of integers of size `len(inputs_spatial_shape)`. The stride
            of the sliding window for each spatial dimension of the input tensor. Defaults to
            `pool_size`.
        padding: string, either `"valid"` or `"same"`. With `"same"`, padded positions are
            left out of the average.
        data_format: A string, either `"channels_last"` or `"channels_first"`.

    Returns:
        A tensor of rank N+2, the result of the average pooling operation.
    """
    inputs, n, pool_size, strides, padding, data_format = _pool_args(
        inputs, pool_size, strides, padding, data_format
    )
    x = _to_channels_first(inputs, data_format)
    if padding == "valid":
        out = _AVG_POOL[n](x, pool_size, strides)
        return _from_channels_first(out, data_format)
    pads = _same_pads(x.shape[2:], pool_size, strides, (1,) * n)
    padded = _pad_spatial(x, pads)
    count = _pad_spatial(torch.ones((1, 1, *x.shape[2:]), dtype=x.dtype, device=x.device), pads)
    volume = math.prod(pool_size)
    sums = _AVG_POOL[n](padded, pool_size, strides) * volume
    counts = _AVG_POOL[n](count, pool_size, strides) * volume
    return _from_channels_first(sums / counts, data_format)


def _adaptive(table, inputs, output_size, data_format):
    data_format = config.standardize_data_format(data_format)
    inputs = to_tensor(inputs)
    n = inputs.dim() - 2
    if n not in table:
        raise ValueError(
            "Adaptive pooling inputs must be 3D, 4D or 5D (1D, 2D or 3D spatial pooling). "
            f"Received input shape: {tuple(inputs.shape)}."
        )
    x = _to_channels_first(inputs, data_format)
    out = table[n](x, _tuple(output_size, n))
    return _from_channels_first(out, data_format)


@keras_op
def adaptive_average_pool(inputs, output_size, data_format=None):
    """Adaptive average pooling: windows are chosen so the output has `output_size`.

    Args:
        inputs: Tensor of rank N+2 (`channels_last` or `channels_first`).
        output_size: int or tuple/list of integers, the output's spatial size.
        data_format: A string, either `"channels_last"` or `"channels_first"`.

    Returns:
        A tensor of rank N+2.
    """
    return _adaptive(_ADAPTIVE_AVG, inputs, output_size, data_format)


@keras_op
def adaptive_max_pool(inputs, output_size, data_format=None):
    """Adaptive max pooling: windows are chosen so the output has `output_size`.

    Args:
        inputs: Tensor of rank N+2 (`channels_last` or `channels_first`).
        output_size: int or tuple/list of integers, the output's spatial size.
        data_format: A string, either `"channels_last"` or `"channels_first"`.

    Returns:
        A tensor of rank N+2.
    """
    return _adaptive(_ADAPTIVE_MAX, inputs, output_size, data_format)


# -- patches and rearrangements -------------------------------------------------------------------
@keras_op
def unfold(x, kernel_size, dilation=1, padding=0, stride=1):
    """Extract sliding local blocks from a 4-D NCHW input (batched images).

    Args:
        x: 4-D tensor of shape `(N, C, H, W)`.
        kernel_size: int or tuple of 2 ints, the size of the sliding blocks.
        dilation: int or tuple of 2 ints, the stride of elements within a block. Defaults to 1.
        padding: int or tuple of 2 ints, the zero padding added to both sides. Defaults to 0.
        stride: int or tuple of 2 ints, the stride of the sliding blocks. Defaults to 1.

    Returns:
        A 3-D tensor of shape `(N, C * kernel_h * kernel_w, L)`.
    """
    x = to_tensor(x)
    if x.dim() != 4:
        raise ValueError(f"Input must be a 4D tensor. Received: input.shape={tuple(x.shape)}")
    return F.unfold(x, kernel_size, dilation=dilation, padding=padding, stride=stride)


@keras_op
def fold(x, output_size, kernel_size, dilation=1, padding=0, stride=1):
    """Combine an array of sliding local blocks into a large tensor (the inverse of `unfold`).

    Overlapping values are summed.

    Args:
        x: 3-D tensor of shape `(N, C * kernel_h * kernel_w, L)`.
        output_size: int or tuple of 2 ints, the spatial size of the output.
        kernel_size: int or tuple of 2 ints, the size of the sliding blocks.
        dilation: int or tuple of 2 ints. Defaults to 1.
        padding: int or tuple of 2 ints. Defaults to 0.
        stride: int or tuple of 2 ints. Defaults to 1.

    Returns:
        A 4-D tensor of shape `(N, C, output_h, output_w)`.
    """
    x = to_tensor(x)
    if x.dim() != 3:
        raise ValueError(f"Input must be a 3D tensor. Received: input.shape={tuple(x.shape)}")
    return F.fold(x, output_size, kernel_size, dilation=dilation, padding=padding, stride=stride)


def _check_block_size(block_size):
    if block_size < 2:
        raise ValueError(f"`block_size` must be at least 2. Received: block_size={block_size}")


@keras_op
def depth_to_space(x, block_size, data_format="channels_last"):
    """Rearranges data from depth into blocks of spatial data (TensorFlow's channel order).

    Args:
        x: 4-D tensor.
        block_size: An integer, at least 2.
        data_format: `"channels_last"` or `"channels_first"`.

    Returns:
        A tensor of shape `(N, H * block_size, W * block_size, C / block_size**2)` (for
        `channels_last`).
    """
    data_format = config.standardize_data_format(data_format)
    _check_block_size(block_size)
    x = to_tensor(x)
    if data_format == "channels_first":
        x = x.permute(0, 2, 3, 1)
    b, h, w, c = x.shape
    bs = block_size
    out = x.reshape(b, h, w, bs, bs, c // (bs * bs)).permute(0, 1, 3, 2, 4, 5)
    out = out.reshape(b, h * bs, w * bs, c // (bs * bs))
    return out.permute(0, 3, 1, 2) if data_format == "channels_first" else out


@keras_op
def space_to_depth(x, block_size, data_format="channels_last"):
    """Rearranges blocks of spatial data into depth (TensorFlow's channel order).

    Args:
        x: 4-D tensor.
        block_size: An integer, at least 2.
        data_format: `"channels_last"` or `"channels_first"`.

    Returns:
        A tensor of shape `(N, H / block_size, W / block_size, C * block_size**2)` (for
        `channels_last`).
    """
    data_format = config.standardize_data_format(data_format)
    _check_block_size(block_size)
    x = to_tensor(x)
    if data_format == "channels_first":
        x = x.permute(0, 2, 3, 1)
    b, h, w, c = x.shape
    bs = block_size
    out = x.reshape(b, h // bs, bs, w // bs, bs, c).permute(0, 1, 3, 2, 4, 5)
    out = out.reshape(b, h // bs, w // bs, bs * bs * c)
    return out.permute(0, 3, 1, 2) if data_format == "channels_first" else out
