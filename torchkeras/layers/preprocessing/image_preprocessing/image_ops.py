"""Image kernels of the preprocessing layers, written to give TensorFlow's numbers.

Keras's reference backend computes these with TensorFlow ops (`tf.image.resize`,
`ImageProjectiveTransformV3`). torch's `F.interpolate`/`grid_sample` use other conventions
(bicubic `a=-0.75`, no reflect/wrap fills, round-half-even), so the kernels are rebuilt here:

- `resize`: separable weight matrices reproduce TensorFlow's area, bicubic (Keys `a=-0.5` from
  its 1024-entry table), Lanczos and antialiased kernels; bilinear uses `F.interpolate`, whose
  half-pixel convention is TensorFlow's; nearest gathers the same source pixels.
- `affine_transform`: the projective sampler with TensorFlow's reflect/wrap/nearest/constant
  coordinate mapping and its nearest (round half away from zero) and bilinear reads.

Images are channels-last `(batch, height, width, channels)` unless said otherwise.
"""

import math

import numpy as np
import torch
import torch.nn.functional as F

RESIZE_INTERPOLATIONS = ("bilinear", "nearest", "lanczos3", "lanczos5", "bicubic", "area")
AFFINE_TRANSFORM_INTERPOLATIONS = ("nearest", "bilinear")
AFFINE_TRANSFORM_FILL_MODES = ("constant", "nearest", "wrap", "reflect")

_PI = np.float32(3.14159265359)
_TABLE_SIZE = 1024
_WEIGHT_CACHE = {}


# -- resize weight matrices (NumPy, float32 as the C++ kernels compute them) ----------------------
def _lanczos(radius):
    def kernel(x):
        x = np.abs(x)
        with np.errstate(divide="ignore", invalid="ignore"):
            value = (np.float32(radius) * np.sin(_PI * x) * np.sin(_PI * x / np.float32(radius))
                     / (_PI * _PI * x * x))
        value = np.where(x <= np.float32(1e-3), np.float32(1.0), value)
        return np.where(x > radius, np.float32(0.0), value).astype(np.float32)
    return kernel, float(radius)


def _triangle(x):
    x = np.abs(x)
    return np.where(x < 1.0, 1.0 - x, 0.0).astype(np.float32)


def _keys_cubic(x):
    x = np.abs(x).astype(np.float32)
    far = ((np.float32(-0.5) * x + np.float32(2.5)) * x - np.float32(4.0)) * x + np.float32(2.0)
    near = ((np.float32(1.5) * x - np.float32(2.5)) * x) * x + np.float32(1.0)
    return np.where(x >= 2.0, np.float32(0.0), np.where(x >= 1.0, far, near)).astype(np.float32)


_SCALE_AND_TRANSLATE_KERNELS = {
    "bilinear": (_triangle, 1.0),
    "bicubic": (_keys_cubic, 2.0),
    "lanczos3": _lanczos(3),
    "lanczos5": _lanczos(5),
}


def _scale_and_translate_weights(in_size, out_size, method, antialias):
    """Rows of `ScaleAndTranslate`'s spans: normalized kernel taps around each sample point."""
    kernel, radius = _SCALE_AND_TRANSLATE_KERNELS[method]
    scale = np.float32(out_size) / np.float32(in_size)
    inv_scale = np.float32(1.0 / float(scale))
    # The kernel widens only when downsampling with antialiasing (low-pass, then interpolate).
    kernel_scale = np.float32(max(inv_scale, np.float32(1.0))) if antialias else np.float32(1.0)
    one_over_kernel_scale = np.float32(1.0) / kernel_scale
    weights = np.zeros((out_size, in_size), dtype=np.float32)
    for x in range(out_size):
        sample = np.float32(np.float32(x) + np.float32(0.5)) * inv_scale
        if sample < 0 or sample > in_size:
            continue
        reach = np.float32(radius) * kernel_scale
        start = int(math.ceil(np.float32(sample - reach - np.float32(0.5))))
        end = int(math.floor(np.float32(sample + reach - np.float32(0.5))))
        start = min(max(start, 0), in_size - 1)
        end = min(max(end, 0), in_size - 1) + 1
        sources = np.arange(start, end, dtype=np.float32)
        positions = (sources + np.float32(0.5) - sample) * one_over_kernel_scale
        taps = kernel(positions.astype(np.float32))
        total = np.float32(taps.sum(dtype=np.float32))
        if abs(total) >= 1000.0 * np.finfo(np.float32).tiny:
            weights[x, start:end] = taps * (np.float32(1.0) / total)
    return weights


def _bicubic_table():
    # TensorFlow's Keys-cubic (a = -0.5) coefficients, sampled at 1/1024 steps.
    a = -0.5
    x = np.arange(_TABLE_SIZE + 1, dtype=np.float64) / _TABLE_SIZE
    near = (((a + 2) * x - (a + 3)) * x * x + 1).astype(np.float32)
    x1 = x + 1.0
    far = (((a * x1 - 5 * a) * x1 + 8 * a) * x1 - 4 * a).astype(np.float32)
    return near, far


def _bicubic_weights(in_size, out_size):
    """`resize_bicubic(half_pixel_centers=True)`: 4 taps per output, outside taps dropped and
    the rest renormalized, coefficients read from the 1024-entry table."""
    near, far = _bicubic_table()
    scale = np.float32(in_size) / np.float32(out_size)
    weights = np.zeros((out_size, in_size), dtype=np.float32)
    for x in range(out_size):
        in_f = np.float32((np.float32(x) + np.float32(0.5)) * scale - np.float32(0.5))
        in_loc = int(math.floor(in_f))
        delta = np.float32(in_f - np.float32(in_loc))
        offset = int(np.rint(delta * np.float32(_TABLE_SIZE)))
        taps = [
            (in_loc - 1, far[offset]),
            (in_loc, near[offset]),
            (in_loc + 1, near[_TABLE_SIZE - offset]),
            (in_loc + 2, far[_TABLE_SIZE - offset]),
        ]
        taps = [(i, w) for i, w in taps if 0 <= i < in_size]
        total = np.float32(sum((w for _, w in taps), np.float32(0.0)))
        if abs(total) >= 1000.0 * np.finfo(np.float32).tiny:
            for i, w in taps:
                weights[x, i] += np.float32(w * (np.float32(1.0) / total))
    return weights


def _area_weights(in_size, out_size):
    """`resize_area`: each output averages the input cells it covers, by coverage fraction."""
    scale = np.float32(in_size) / np.float32(out_size)
    weights = np.zeros((out_size, in_size), dtype=np.float32)
    for x in range(out_size):
        start_f = np.float32(np.float32(x) * scale)
        end_f = np.float32(np.float32(x + 1) * scale)
        for i in range(int(math.floor(start_f)), int(math.ceil(end_f))):
            coverage = np.float32(min(np.float32(i + 1), end_f) - max(np.float32(i), start_f))
            weights[x, min(max(i, 0), in_size - 1)] += coverage / scale
    return weights


def _nearest_indices(in_size, out_size):
    scale = np.float32(in_size) / np.float32(out_size)
    out = (np.arange(out_size, dtype=np.float32) + np.float32(0.5)) * scale
    return np.minimum(np.floor(out).astype(np.int64), in_size - 1)


def _weights(kind, in_size, out_size, antialias):
    key = (kind, in_size, out_size, antialias)
    weights = _WEIGHT_CACHE.get(key)
    if weights is None:
        if kind == "area":
            weights = _area_weights(in_size, out_size)
        elif kind == "bicubic" and not antialias:
            weights = _bicubic_weights(in_size, out_size)
        else:
            weights = _scale_and_translate_weights(in_size, out_size, kind, antialias)
        _WEIGHT_CACHE[key] = weights
    return weights


def resize(images, size, interpolation="bilinear", antialias=False):
    """Resize channels-last images to `size` as `tf.image.resize` does.

    Args:
        images: Tensor `(batch, height, width, channels)`.
        size: `(height, width)`.
        interpolation: One of `RESIZE_INTERPOLATIONS`.
        antialias: Whether to low-pass filter when downsampling (bilinear, bicubic, lanczos).

    Returns:
        A float32 tensor, except for `"nearest"` which keeps the input dtype.
    """
    out_h, out_w = int(size[0]), int(size[1])
    in_h, in_w = images.shape[1], images.shape[2]
    if interpolation == "nearest":
        rows = torch.as_tensor(_nearest_indices(in_h, out_h), device=images.device)
        cols = torch.as_tensor(_nearest_indices(in_w, out_w), device=images.device)
        return images.index_select(1, rows).index_select(2, cols)
    if not images.is_floating_point() or images.dtype != torch.float32:
        images = images.to(torch.float32)
    if interpolation == "bilinear" and not antialias:
        # torch's half-pixel bilinear is TensorFlow's `resize_bilinear(half_pixel_centers)`.
        nchw = images.permute(0, 3, 1, 2)
        out = F.interpolate(nchw, size=(out_h, out_w), mode="bilinear", align_corners=False)
        return out.permute(0, 2, 3, 1)
    weights_h = torch.as_tensor(_weights(interpolation, in_h, out_h, antialias),
                                device=images.device)
    weights_w = torch.as_tensor(_weights(interpolation, in_w, out_w, antialias),
                                device=images.device)
    out = torch.einsum("oh,bhwc->bowc", weights_h, images)  # (batch, out_h, width, channels)
    return torch.einsum("pw,bowc->bopc", weights_w, out)  # (batch, out_h, out_w, channels)


# -- projective transforms ---------------------------------------------------------------------
def _map_coordinates(coords, length, fill_mode):
    """TensorFlow's `MapCoordinate` for one axis (float32 coordinates)."""
    if fill_mode == "constant":
        return coords
    high = float(length - 1)
    if fill_mode == "nearest":
        return coords.clamp(0.0, high)
    if length <= 1:
        return torch.zeros_like(coords)
    if fill_mode == "reflect":
        size2 = 2 * length
        neg = coords < 0
        # Below zero: fold into (-2*len, 0), then mirror ([abcd] -> [dcba|abcd|dcba]).
        below = size2 * torch.trunc(-coords / size2) + coords
        below = torch.where(below < -length, below + size2, -below - 1)
        above = coords - size2 * torch.trunc(coords / size2)
        above = torch.where(above >= length, size2 - above - 1, above)
        out = torch.where(neg, below, torch.where(coords > high, above, coords))
        return out.clamp(0.0, high)
    # wrap: [abcd] -> [abcd|abcd|abcd]
    span = length - 1
    below = coords + length * (torch.trunc(-coords / span) + 1)
    above = coords - length * torch.trunc(coords / span)
    out = torch.where(coords < 0, below, torch.where(coords > high, above, coords))
    return out.clamp(0.0, high)


def affine_transform(images, transforms, interpolation="bilinear", fill_mode="constant",
                     fill_value=0.0, projective=True):
    """Apply projective transforms to channels-last images, as `ImageProjectiveTransformV3`.

    Each transform `[a0, a1, a2, b0, b1, b2, c0, c1]` maps an output pixel `(x, y)` to the input
    point `((a0 x + a1 y + a2) / k, (b0 x + b1 y + b2) / k)` with `k = c0 x + c1 y + 1`.

    Args:
        images: Tensor `(batch, height, width, channels)`.
        transforms: Tensor `(batch, 8)` or `(1, 8)`.
        interpolation: `"nearest"` or `"bilinear"`.
        fill_mode: `"constant"`, `"nearest"`, `"wrap"` or `"reflect"`.
        fill_value: Value of points outside the input in `"constant"` mode.
        projective: `False` when `c0 = c1 = 0` (affine transforms), which skips the division.
    """
    batch, height, width, channels = images.shape
    device = images.device
    dtype = images.dtype
    work = images if images.is_floating_point() else images.to(torch.float32)
    transforms = transforms.to(device=device, dtype=torch.float32)
    if transforms.shape[0] == 1 and batch > 1:
        transforms = transforms.expand(batch, 8)
    ys, xs = torch.meshgrid(torch.arange(height, device=device, dtype=torch.float32),
                            torch.arange(width, device=device, dtype=torch.float32),
                            indexing="ij")
    xs, ys = xs.reshape(1, -1), ys.reshape(1, -1)  # (1, h*w)
    t = [transforms[:, i:i + 1] for i in range(8)]  # each (batch, 1)
    in_x = t[0] * xs + t[1] * ys + t[2]  # (batch, h*w)
    in_y = t[3] * xs + t[4] * ys + t[5]
    if projective:
        projection = t[6] * xs + t[7] * ys + 1.0
        in_x, in_y = in_x / projection, in_y / projection
    x = _map_coordinates(in_x, width, fill_mode)
    y = _map_coordinates(in_y, height, fill_mode)
    fill = float(fill_value)
    constant = fill_mode == "constant"

    # Pixels as channel planes with one extra "fill" pixel per image: a read outside the image
    # is a plain gather, and one `index_select` fetches every sample of every channel.
    pixels = height * width
    planes = work.permute(3, 0, 1, 2).reshape(channels, batch, pixels)
    if constant:
        planes = torch.cat([planes, planes.new_full((channels, batch, 1), fill)], dim=2)
    table = planes.reshape(channels, -1)
    offsets = torch.arange(batch, device=device, dtype=torch.int32).unsqueeze(1) * planes.shape[2]

    def read(index):  # (batch, h*w) -> (channels, batch, h*w)
        values = table.index_select(1, (index + offsets).reshape(-1))
        return values.reshape(channels, batch, pixels)

    if interpolation == "nearest":
        # std::round: halves away from zero.
        ry = (torch.sign(y) * torch.floor(torch.abs(y) + 0.5)).to(torch.int32)
        rx = (torch.sign(x) * torch.floor(torch.abs(x) + 0.5)).to(torch.int32)
        index = ry * width + rx
        if constant:
            inside = (ry >= 0) & (ry < height) & (rx >= 0) & (rx < width)
            index = torch.where(inside, index, pixels)
        out = read(index)  # (channels, batch, h*w)
    else:
        x_floor, y_floor = torch.floor(x), torch.floor(y)
        # int32 indices: half the memory traffic of int64 (images have < 2**31 pixels).
        x0, y0 = x_floor.to(torch.int32), y_floor.to(torch.int32)
        if constant:
            x1, y1 = x0 + 1, y0 + 1
            in_x0, in_x1 = (x0 >= 0) & (x0 < width), (x1 >= 0) & (x1 < width)
            in_y0, in_y1 = (y0 >= 0) & (y0 < height), (y1 >= 0) & (y1 < height)
            base = y0 * width + x0
            corners = [
                read(torch.where(in_y0 & in_x0, base, pixels)),
                read(torch.where(in_y0 & in_x1, base + 1, pixels)),
                read(torch.where(in_y1 & in_x0, base + width, pixels)),
                read(torch.where(in_y1 & in_x1, base + width + 1, pixels)),
            ]
        else:
            # Mapped coordinates lie in [0, size - 1]: a corner past the edge has weight
            # exactly 0, so reading the edge pixel instead of `fill_value` changes nothing.
            x1 = torch.clamp_max(x0 + 1, width - 1)
            y1 = torch.clamp_max(y0 + 1, height - 1)
            row0, row1 = y0 * width, y1 * width
            corners = [read(row0 + x0), read(row0 + x1), read(row1 + x0), read(row1 + x1)]
        wx0, wx1 = x_floor + 1 - x, x - x_floor
        wy0, wy1 = y_floor + 1 - y, y - y_floor
        # The order of TensorFlow's sums: along x on both rows, then along y.
        top = wx0 * corners[0] + wx1 * corners[1]
        bottom = wx0 * corners[2] + wx1 * corners[3]
        out = wy0 * top + wy1 * bottom  # (channels, batch, h*w)
    if projective:
        # A point at infinity (projection 0) is outside the input.
        out = torch.where(projection == 0, torch.full_like(out, fill), out)
    out = out.permute(1, 2, 0).reshape(batch, height, width, channels)
    if out.dtype != dtype:
        out = out.round().clamp(*_dtype_range(dtype)).to(dtype) if not dtype.is_floating_point \
            else out.to(dtype)
    return out


def _dtype_range(dtype):
    if dtype == torch.bool:
        return 0, 1
    info = torch.iinfo(dtype)
    return info.min, info.max


def saturate_cast(x, dtype):
    """Cast `x` to `dtype`, clipping to the target's range first (Keras's `saturate_cast`)."""
    if x.dtype == dtype:
        return x
    if not dtype.is_floating_point:
        low, high = _dtype_range(dtype)
        x = x.clamp(low, high)
    return x.to(dtype)


# -- colour ------------------------------------------------------------------------------------
def rgb_to_grayscale(images, channels_axis=-1):
    """Luma `0.2989 R + 0.587 G + 0.114 B`, keeping a channel axis of size 1."""
    weights = torch.tensor([0.2989, 0.5870, 0.1140], dtype=images.dtype, device=images.device)
    images = images.movedim(channels_axis, -1)
    gray = (images * weights).sum(dim=-1, keepdim=True)
    return gray.movedim(-1, channels_axis)


def rgb_to_hsv(images):
    """RGB to HSV (hue in [0, 1)), channels last, in the operation order of TensorFlow's
    `RGBToHSV` kernel."""
    r, g, b = images.unbind(-1)
    value = torch.maximum(torch.maximum(r, g), b)
    chroma = value - torch.minimum(torch.minimum(r, g), b)
    saturation = torch.where(value > 0, chroma / value, torch.zeros_like(value))
    norm = (1.0 / chroma) * (1.0 / 6.0)
    hue = torch.where(
        r == value, norm * (g - b),
        torch.where(g == value, norm * (b - r) + 2.0 / 6.0, norm * (r - g) + 4.0 / 6.0),
    )
    hue = torch.where(chroma > 0, hue, torch.zeros_like(hue))
    hue = torch.where(hue < 0, hue + 1.0, hue)
    return torch.stack([hue, saturation, value], dim=-1)


def hsv_to_rgb(images):
    """HSV (hue in [0, 1]) to RGB, channels last, as `tf.image.hsv_to_rgb`."""
    hue, saturation, value = images.unbind(-1)
    dh = hue * 6.0
    dr = (torch.abs(dh - 3.0) - 1.0).clamp(0.0, 1.0)
    dg = (2.0 - torch.abs(dh - 2.0)).clamp(0.0, 1.0)
    db = (2.0 - torch.abs(dh - 4.0)).clamp(0.0, 1.0)
    one_minus_s = 1.0 - saturation
    r = (one_minus_s + saturation * dr) * value
    g = (one_minus_s + saturation * dg) * value
    b = (one_minus_s + saturation * db) * value
    return torch.stack([r, g, b], dim=-1)
