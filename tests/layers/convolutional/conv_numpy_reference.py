"""NumPy references for the convolution tests: direct loops over kernel offsets, TensorFlow
padding, float64. Data is channels_last; kernels are in Keras layout."""

import numpy as np


def tf_pads(size, k, s, d, padding):
    """`(before, after)` padding of one spatial dimension, as TensorFlow pads."""
    k_eff = (k - 1) * d + 1
    if padding == "valid":
        return 0, 0
    if padding == "causal":
        return k_eff - 1, 0
    out = -(-size // s)
    total = max((out - 1) * s + k_eff - size, 0)
    return total // 2, total - total // 2


def conv(x, kernel, bias=None, strides=1, padding="valid", dilation=1, groups=1):
    """`x` (batch, *spatial, in), `kernel` (*kernel_size, in // groups, filters)."""
    x = np.asarray(x, np.float64)
    kernel = np.asarray(kernel, np.float64)
    rank = kernel.ndim - 2
    strides = (strides,) * rank if np.isscalar(strides) else tuple(strides)
    dilation = (dilation,) * rank if np.isscalar(dilation) else tuple(dilation)
    spatial = x.shape[1:-1]
    pads = [tf_pads(n, k, s, d, padding)
            for n, k, s, d in zip(spatial, kernel.shape[:rank], strides, dilation)]
    xp = np.pad(x, [(0, 0)] + pads + [(0, 0)])
    out_sizes = [(xp.shape[i + 1] - d * (k - 1) - 1) // s + 1
                 for i, (k, s, d) in enumerate(zip(kernel.shape[:rank], strides, dilation))]
    filters = kernel.shape[-1]
    in_per_group = kernel.shape[-2]
    out_per_group = filters // groups
    out = np.zeros((x.shape[0], *out_sizes, filters))
    for offset in np.ndindex(*kernel.shape[:rank]):
        window = tuple(
            slice(o * d, o * d + (n - 1) * s + 1, s)
            for o, d, n, s in zip(offset, dilation, out_sizes, strides)
        )
        patch = xp[(slice(None),) + window + (slice(None),)]  # (batch, *out, in)
        for g in range(groups):
            cin = slice(g * in_per_group, (g + 1) * in_per_group)
            cout = slice(g * out_per_group, (g + 1) * out_per_group)
            out[..., cout] += patch[..., cin] @ kernel[offset][:, cout]
    if bias is not None:
        out = out + np.asarray(bias, np.float64)
    return out


def depthwise_conv(x, kernel, bias=None, strides=1, padding="valid", dilation=1):
    """`kernel` (*kernel_size, in, multiplier): a grouped convolution with one group per
    channel, output channel `c * multiplier + m`."""
    rank = kernel.ndim - 2
    channels, multiplier = kernel.shape[-2:]
    grouped = np.asarray(kernel).reshape(kernel.shape[:rank] + (1, channels * multiplier))
    return conv(x, grouped, bias, strides, padding, dilation, groups=channels)


def conv_transpose(x, kernel, out_spatial, bias=None, strides=1, padding="valid", dilation=1):
    """The adjoint of `conv` (TensorFlow's definition of a transposed convolution): `kernel`
    (*kernel_size, filters, in) maps `out_spatial`-sized data with `filters` channels to `x`'s
    shape; the transposed convolution is that linear map transposed, built column by column."""
    x = np.asarray(x, np.float64)
    filters = kernel.shape[-2]
    n_out = int(np.prod(out_spatial)) * filters
    columns = []
    for i in range(n_out):
        basis = np.zeros(n_out)
        basis[i] = 1.0
        z = basis.reshape((1, *out_spatial, filters))
        columns.append(conv(z, kernel, None, strides, padding, dilation)[0].ravel())
    matrix = np.stack(columns, axis=1)  # (in_elements, out_elements)
    flat = x.reshape(x.shape[0], -1) @ matrix
    out = flat.reshape((x.shape[0], *out_spatial, filters))
    if bias is not None:
        out = out + np.asarray(bias, np.float64)
    return out


def to_channels_first(x):
    return np.moveaxis(x, -1, 1)


def to_channels_last(x):
    return np.moveaxis(x, 1, -1)
