"""Helpers of the UpSampling layers: nearest repetition and TensorFlow's resize kernels."""

import math

import numpy as np
import torch
import torch.nn.functional as F

RESIZE_INTERPOLATIONS = ("bilinear", "nearest", "lanczos3", "lanczos5", "bicubic", "area")

_MATRICES = {}


def repeat_axes(x, factors):
    """Repeat each entry of `x` `factors[axis]` times along each axis, in one copy.

    `{1: 2}` turns `(b, t, c)` into `(b, 2t, c)` like `repeat_interleave`, but all axes at once.
    """
    expanded_shape, view_shape, output_shape = [], [], []
    for axis, size in enumerate(x.shape):
        factor = factors.get(axis, 1)
        view_shape.append(size)
        expanded_shape.append(size)
        if factor != 1:
            view_shape.append(1)
            expanded_shape.append(factor)
        output_shape.append(size * factor)
    return x.reshape(view_shape).expand(expanded_shape).reshape(output_shape)


def _keys_cubic(t):
    # Keys' cubic convolution kernel with a = -0.5 (TensorFlow's bicubic).
    t = abs(t)
    if t <= 1:
        return (1.5 * t - 2.5) * t * t + 1
    if t < 2:
        return ((-0.5 * t + 2.5) * t - 4) * t + 2
    return 0.0


def _interpolation_matrix(size, factor, method):
    """The `(size * factor, size)` matrix that upsamples one axis as `tf.image.resize` does
    (half-pixel centers, no antialiasing)."""
    out = np.zeros((size * factor, size))
    for o in range(size * factor):
        if method == "bicubic":
            # TensorFlow tabulates the cubic coefficients on 1/1024 steps, and drops the taps
            # that fall outside the image (renormalizing the others).
            x = float(np.float32((o + 0.5) / factor - 0.5))
            i = math.floor(x)
            t = np.round((x - i) * 1024) / 1024.0
            weights = [_keys_cubic(1 + t), _keys_cubic(t), _keys_cubic(1 - t), _keys_cubic(2 - t)]
            taps = [(j, w) for j, w in zip(range(i - 1, i + 3), weights) if 0 <= j < size]
        else:
            # Lanczos windows centered on the output sample, normalized to sum to 1.
            radius = 3 if method == "lanczos3" else 5
            center = (o + 0.5) / factor
            taps = []
            for j in range(size):
                d = (j + 0.5) - center
                if abs(d) < radius:
                    taps.append((j, float(np.sinc(d) * np.sinc(d / radius))))
        total = sum(w for _, w in taps)
        for j, w in taps:
            out[o, j] += w / total
    return out


def _matrix(size, factor, method, dtype, device):
    key = (size, factor, method, dtype, device)
    matrix = _MATRICES.get(key)
    if matrix is None:
        matrix = torch.as_tensor(_interpolation_matrix(size, factor, method), dtype=dtype,
                                 device=device)
        _MATRICES[key] = matrix
    return matrix


def resize_channels_last(x, height_factor, width_factor, interpolation):
    """Upsample `(batch, height, width, channels)` by integer factors, as `tf.image.resize`."""
    if interpolation in ("nearest", "area"):
        # For integer factors TensorFlow's area resize is a plain repetition too.
        return repeat_axes(x, {1: height_factor, 2: width_factor})
    batch, height, width, channels = x.shape
    if interpolation == "bilinear":
        # torch's `align_corners=False` bilinear is TensorFlow's half-pixel bilinear.
        y = F.interpolate(x.permute(0, 3, 1, 2), size=(height * height_factor,
                                                       width * width_factor),
                          mode="bilinear", align_corners=False)
        return y.permute(0, 2, 3, 1)
    if interpolation not in RESIZE_INTERPOLATIONS:
        raise ValueError(
            f"Invalid value for argument `interpolation`. Expected of one "
            f"{RESIZE_INTERPOLATIONS}. Received: interpolation={interpolation}"
        )
    rows = _matrix(height, height_factor, interpolation, x.dtype, x.device)
    cols = _matrix(width, width_factor, interpolation, x.dtype, x.device)
    y = torch.matmul(rows, x.reshape(batch, height, width * channels))  # (b, H, w * c)
    y = y.reshape(batch * height * height_factor, width, channels)
    y = torch.matmul(cols, y)  # (b * H, W, c)
    return y.reshape(batch, height * height_factor, width * width_factor, channels)
