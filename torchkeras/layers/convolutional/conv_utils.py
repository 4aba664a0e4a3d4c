"""Shared helpers of the convolution and pooling layers: argument checks, output shapes, and the
torch calls behind Keras's convolutions.

Layout: Keras data is channels_last by default, torch's convolutions want channels first. A permute
of a channels_last tensor *is* a channels-first tensor in `torch.channels_last` memory format, which
torch's convolutions and poolings take without a copy (and answer in the same format), so the data
never moves. Kernels stay in Keras layout (`kernel_size + (in, out)`) and are handed to torch as
permuted views too. One-dimensional layers run as two-dimensional ones on a height-1 view: torch's
2-D kernels take the channels_last view directly, its 1-D ones copy it.

Padding follows TensorFlow: `"same"` pads `total = max((ceil(n / s) - 1) * s + k - n, 0)` with the
odd element at the end, which torch's symmetric padding cannot express when `total` is odd.
"""

import torch.nn.functional as F


def standardize_tuple(value, n, name, allow_zero=False):
    """Turn an int or an iterable of ints into a tuple of `n` positive (or non-negative) ints."""
    error_msg = (
        f"The `{name}` argument must be a tuple of {n} integers. Received {name}={value}"
    )
    if isinstance(value, int):
        value_tuple = (value,) * n
    else:
        try:
            value_tuple = tuple(value)
        except TypeError:
            raise ValueError(error_msg)
        if len(value_tuple) != n:
            raise ValueError(error_msg)
        for single_value in value_tuple:
            try:
                int(single_value)
            except (ValueError, TypeError):
                error_msg += f"including element {single_value} of type {type(single_value)}"
                raise ValueError(error_msg)
        value_tuple = tuple(int(v) for v in value_tuple)
    if allow_zero:
        unqualified = {v for v in value_tuple if v < 0}
        requirement = ">= 0"
    else:
        unqualified = {v for v in value_tuple if v <= 0}
        requirement = "> 0"
    if unqualified:
        error_msg += (
            f", including values {unqualified} that do not satisfy `value {requirement}`"
        )
        raise ValueError(error_msg)
    return value_tuple


def standardize_padding(value, allow_causal=False):
    """Lower-case and check a `padding` string: `"valid"`, `"same"` (or `"causal"`)."""
    if isinstance(value, (list, tuple)):
        return value
    padding = str(value).lower()
    allowed = ("causal", "same", "valid") if allow_causal else ("same", "valid")
    if padding not in allowed:
        # Keras prints a set here (in arbitrary order); a sorted one reads the same and is stable.
        choices = "{" + ", ".join(repr(a) for a in allowed) + "}"
        raise ValueError(
            f"The `padding` argument must be a list/tuple or one of {choices}. "
            f"Received: {padding}"
        )
    return padding


def check_filters(filters):
    if filters is not None and filters <= 0:
        raise ValueError(
            "Invalid value for argument `filters`. Expected a strictly "
            f"positive value. Received filters={filters}."
        )


def check_depth_multiplier(depth_multiplier):
    if depth_multiplier is not None and depth_multiplier <= 0:
        raise ValueError(
            "Invalid value for argument `depth_multiplier`. Expected a "
            "strictly positive value. Received "
            f"depth_multiplier={depth_multiplier}."
        )


def check_strides_and_dilation(strides, dilation_rate):
    if max(strides) > 1 and max(dilation_rate) > 1:
        raise ValueError(
            "`strides > 1` not supported in conjunction with "
            f"`dilation_rate > 1`. Received: strides={strides} and "
            f"dilation_rate={dilation_rate}"
        )


def channel_axis(data_format):
    return -1 if data_format == "channels_last" else 1


def spatial_dims(shape, data_format):
    return tuple(shape[1:-1]) if data_format == "channels_last" else tuple(shape[2:])


def output_shape(input_shape, channels, spatial, data_format):
    """Assemble `(batch, *spatial, channels)` or `(batch, channels, *spatial)`."""
    if data_format == "channels_last":
        return (input_shape[0],) + tuple(spatial) + (channels,)
    return (input_shape[0], channels) + tuple(spatial)


def compute_conv_output_shape(input_shape, filters, kernel_size, strides, padding, data_format,
                              dilation_rate):
    """Keras's `compute_conv_output_shape`, with its errors."""
    input_shape = tuple(input_shape)
    kernel_shape = tuple(kernel_size) + (input_shape[channel_axis(data_format)], filters)
    if len(kernel_shape) != len(input_shape):
        raise ValueError(
            "Kernel shape must have the same length as input, but received "
            f"kernel of shape {kernel_shape} and input of shape {input_shape}."
        )
    spatial = spatial_dims(input_shape, data_format)
    out = []
    for size, k, s, d in zip(spatial, kernel_size, strides, dilation_rate):
        if size is None:
            out.append(None)
        elif padding == "valid":
            length = (size - d * (k - 1) - 1) // s + 1
            if length <= 0:
                raise ValueError(
                    "Computed output size would be zero or negative. Received "
                    f"`inputs shape={input_shape}`, `kernel shape={kernel_shape}`, "
                    f"`dilation_rate=[{' '.join(str(d) for d in dilation_rate)}]`, "
                    f"`strides={tuple(strides)}`, "
                    f"`padding={padding}`."
                )
            out.append(length)
        elif padding in ("same", "causal"):
            out.append((size - 1) // s + 1)
        else:
            raise ValueError(
                f"`padding` must be either `'valid'` or `'same'`. Received {padding}."
            )
    return output_shape(input_shape, filters, out, data_format)


def transpose_output_length(size, kernel_size, stride, padding, output_padding, dilation):
    """The output length of a transposed convolution, as Keras computes it."""
    if size is None:
        return None
    k = (kernel_size - 1) * dilation + 1
    if padding == "valid":
        if output_padding is None:
            output_padding = max(k, stride) - k
        return (size - 1) * stride + k + output_padding
    if output_padding is None:
        return size * stride
    return (size - 1) * stride + k % 2 + output_padding


def same_padding(size, kernel_size, stride, dilation=1):
    """TensorFlow's `"same"` padding `(before, after)` of one spatial dimension."""
    k = (kernel_size - 1) * dilation + 1
    out = -(-size // stride)
    total = max((out - 1) * stride + k - size, 0)
    return total // 2, total - total // 2


# -- layout ----------------------------------------------------------------------------------
# (batch, *spatial, channels) <-> (batch, channels, *spatial), and Keras kernels
# `kernel_size + (in, out)` -> torch `(out, in, *kernel_size)`: permutations, i.e. views.
_TO_CHANNELS_FIRST = {1: (0, 2, 1), 2: (0, 3, 1, 2), 3: (0, 4, 1, 2, 3)}
_TO_CHANNELS_LAST = {1: (0, 2, 1), 2: (0, 2, 3, 1), 3: (0, 2, 3, 4, 1)}
_KERNEL_TO_TORCH = {1: (2, 1, 0), 2: (3, 2, 0, 1), 3: (4, 3, 0, 1, 2)}


def to_channels_first(x, rank, data_format):
    """A channels-first view of Keras data, 2-D for `rank == 1` (torch's 2-D kernels are the
    ones that take a channels_last view without copying it)."""
    if data_format == "channels_last":
        x = x.permute(_TO_CHANNELS_FIRST[rank])
    if rank == 1:
        x = x.unsqueeze(2)  # (batch, channels, 1, steps)
    return x


def from_channels_first(y, rank, data_format):
    """Undo `to_channels_first` on an output: again views only."""
    if rank == 1:
        y = y.squeeze(2)
    if data_format == "channels_last":
        y = y.permute(_TO_CHANNELS_LAST[rank])
    return y


def kernel_to_torch(kernel, rank):
    """Keras `kernel_size + (in, out)` -> torch `(out, in, *kernel_size)`, as a view.

    The same permutation turns a transposed-convolution kernel `kernel_size + (filters, in)`
    into torch's `(in, filters, *kernel_size)`."""
    weight = kernel.permute(_KERNEL_TO_TORCH[rank])
    if rank == 1:
        weight = weight.unsqueeze(2)  # (out, in, 1, k)
    return weight


def depthwise_kernel_to_torch(kernel, rank):
    """Keras `kernel_size + (in, multiplier)` -> torch `(in * multiplier, 1, *kernel_size)`.

    Output channel `c * multiplier + m` of torch's grouped convolution is Keras's channel order
    too, so this is a reshape and a permute of the stored kernel: views only."""
    flat = kernel.reshape(*kernel.shape[:rank], -1)  # kernel_size + (in * multiplier,)
    weight = flat.permute(rank, *range(rank)).unsqueeze(1)
    if rank == 1:
        weight = weight.unsqueeze(2)
    return weight


_CONV = {1: F.conv2d, 2: F.conv2d, 3: F.conv3d}
_CONV_TRANSPOSE = {1: F.conv_transpose2d, 2: F.conv_transpose2d, 3: F.conv_transpose3d}


class ConvPlan:
    """What one convolution needs for one input size: torch's padding, and an explicit
    asymmetric pad of the input (TF `"same"`/`"causal"`) when torch cannot express it.

    Made once per input spatial shape and cached by the layer, so a call does no arithmetic.
    """

    __slots__ = ("torch_padding", "input_pad")

    def __init__(self, spatial, kernel_size, strides, padding, dilation_rate, data_format):
        rank = len(kernel_size)
        pads = []
        for size, k, s, d in zip(spatial, kernel_size, strides, dilation_rate):
            if padding == "valid":
                pads.append((0, 0))
            elif padding == "causal":
                pads.append((d * (k - 1), 0))
            else:
                pads.append(same_padding(size, k, s, d))
        if all(before == after for before, after in pads):
            self.torch_padding = tuple(before for before, _ in pads)
            self.input_pad = None
        else:
            self.torch_padding = (0,) * rank
            # F.pad lists the last dimension first; channels_last data has channels last.
            flat = []
            for before, after in reversed(pads):
                flat.extend((before, after))
            if data_format == "channels_last":
                flat = [0, 0] + flat
            self.input_pad = tuple(flat)
        if rank == 1:
            self.torch_padding = (0,) + self.torch_padding


def conv(inputs, weight, bias, strides, plan, dilation_rate, groups, rank, data_format):
    """Run a (grouped) convolution on Keras-layout data with a torch-layout `weight` view."""
    if plan.input_pad is not None:
        inputs = F.pad(inputs, plan.input_pad)
    x = to_channels_first(inputs, rank, data_format)
    if rank == 1:
        strides = (1,) + tuple(strides)
        dilation_rate = (1,) + tuple(dilation_rate)
    y = _CONV[rank](x, weight, bias, strides, plan.torch_padding, dilation_rate, groups)
    return from_channels_first(y, rank, data_format)


class ConvTransposePlan:
    """torch arguments that give TensorFlow's transposed convolution for one input size.

    TF defines the output `y` (length `O`, from Keras's formula) as the adjoint of a convolution
    of `y` with TF padding: `y[j] = full[j + before]`, where `full` is the un-cropped transposed
    convolution (length `(n - 1) * s + k`, zero beyond) and `before = max(len(full) - O, 0) // 2`.
    torch computes `full[j + padding]` up to `len(full) - 2 * padding + output_padding`, so
    `padding = before` and a trailing slice (when the crop is odd) express it exactly.
    """

    __slots__ = ("torch_padding", "torch_output_padding", "crop", "extend", "out_sizes")

    def __init__(self, spatial, kernel_size, strides, padding, output_padding, dilation_rate):
        rank = len(kernel_size)
        torch_padding, torch_output_padding, crop, extend, out_sizes = [], [], [], [], []
        for i, (size, k, s, d) in enumerate(zip(spatial, kernel_size, strides, dilation_rate)):
            op = None if output_padding is None else output_padding[i]
            out = transpose_output_length(size, k, s, padding, op, d)
            full = (size - 1) * s + (k - 1) * d + 1
            before = max(full - out, 0) // 2 if padding == "same" else 0
            extra = out - full + 2 * before
            if 0 <= extra < max(s, d):
                torch_padding.append(before)
                torch_output_padding.append(extra)
                crop.append(None)
                extend.append(0)
            elif extra < 0:
                torch_padding.append(before)
                torch_output_padding.append(0)
                crop.append(out)
                extend.append(0)
            else:
                # Not reachable with Keras's argument checks; computed the long way round.
                torch_padding.append(0)
                torch_output_padding.append(0)
                crop.append(slice(before, before + out))
                extend.append(max(before + out - full, 0))
            out_sizes.append(out)
        if rank == 1:
            torch_padding.insert(0, 0)
            torch_output_padding.insert(0, 0)
        self.torch_padding = tuple(torch_padding)
        self.torch_output_padding = tuple(torch_output_padding)
        self.crop = None if all(c is None for c in crop) and not any(extend) else (crop, extend)
        self.out_sizes = tuple(out_sizes)


def conv_transpose(inputs, weight, bias, strides, plan, dilation_rate, rank, data_format):
    """Run TensorFlow's transposed convolution on Keras-layout data."""
    x = to_channels_first(inputs, rank, data_format)
    if rank == 1:
        strides = (1,) + tuple(strides)
        dilation_rate = (1,) + tuple(dilation_rate)
    extended = plan.crop is not None and any(plan.crop[1])
    # With a zero extension the bias goes after it (TF adds it to every output position).
    y = _CONV_TRANSPOSE[rank](
        x, weight, None if extended else bias, strides, plan.torch_padding,
        plan.torch_output_padding, 1, dilation_rate,
    )
    if plan.crop is not None:
        # A crop is a view (e.g. "same", stride 2, odd kernel: the last row of torch's output).
        crops, extends = plan.crop
        offset = 3 if rank == 1 else 2
        for i, c in enumerate(crops):
            if isinstance(c, slice):
                y = y.narrow(offset + i, c.start, min(c.stop, y.shape[offset + i]) - c.start)
            elif c is not None:
                y = y.narrow(offset + i, 0, c)
        if extended:
            pad = []
            for e in reversed(extends):
                pad.extend((0, e))
            y = F.pad(y, pad)
            if bias is not None:
                y = y + bias.view(-1, *([1] * (y.dim() - 2)))
    return from_channels_first(y, rank, data_format)
