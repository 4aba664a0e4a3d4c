"""Unshared-weight (locally connected) convolution: patches unfolded, one batched matmul."""

import torch


def local_conv(x, kernel, kernel_size, strides, output_shape, data_format):
    """Unshared-weight convolution (tf.keras 2's `K.local_conv`, LocallyConnected's
    implementation 1).

    Args:
        x: `(batch, *spatial, channels)` (channels_last) or `(batch, channels, *spatial)`.
        kernel: `(prod(output_shape), prod(kernel_size) * channels, filters)`; each patch is
            flattened as `(*kernel, channels)` (channels_last) or `(channels, *kernel)`.
        kernel_size, strides, output_shape: Tuples, one entry per spatial axis.
        data_format: `"channels_last"` or `"channels_first"`.
    """
    ndims = len(output_shape)
    spatial = list(range(1, ndims + 1)) if data_format == "channels_last" else list(
        range(2, ndims + 2))
    for d, axis in enumerate(spatial):
        x = x.unfold(axis, kernel_size[d], strides[d])
    # channels_last: (batch, *out, channels, *kernel); channels_first: (batch, channels, *out, *kernel)
    if data_format == "channels_last":
        # Patches flatten as (*kernel, channels): tf.keras 2 slices `inputs[pos]` in that order.
        perm = [0, *range(1, ndims + 1), *range(ndims + 2, 2 * ndims + 2), ndims + 1]
    else:
        perm = [0, *range(2, ndims + 2), 1, *range(ndims + 2, 2 * ndims + 2)]
    patches = x.permute(perm).reshape(x.shape[0], kernel.shape[0], kernel.shape[1])
    out = torch.einsum("bpf,pfo->bpo", patches, kernel)  # (batch, positions, filters)
    out = out.reshape(x.shape[0], *output_shape, kernel.shape[-1])
    if data_format == "channels_first":
        out = torch.movedim(out, -1, 1)
    return out
