"""`keras.ops.image`: resizing, geometric transforms, color conversions, patches, SSIM.

Resizing follows TensorFlow's `tf.image.resize` (half-pixel centres; the kernel-based methods
and anti-aliasing use separable weight matrices, as `scale_and_translate` does); projective
transforms follow TensorFlow's `ImageProjectiveTransformV3` (pixel-index coordinates, fill
modes applied to the sampling coordinates).
"""

import math

import torch
import torch.nn.functional as F

from torchkeras.backend import config
from torchkeras.backend.random import SeedGenerator
from torchkeras.ops import op_utils
from torchkeras.ops.nn_conv import conv as _conv_op
from torchkeras.ops.op_utils import to_tensor
from torchkeras.ops.symbolic import keras_op

RESIZE_INTERPOLATIONS = ("bilinear", "nearest", "lanczos3", "lanczos5", "bicubic", "area")
AFFINE_TRANSFORM_INTERPOLATIONS = ("nearest", "bilinear")
AFFINE_TRANSFORM_FILL_MODES = ("constant", "nearest", "wrap", "reflect")
MAP_COORDINATES_FILL_MODES = {"constant", "nearest", "wrap", "mirror", "reflect"}
SCALE_AND_TRANSLATE_METHODS = {
    "linear",
    "bilinear",
    "trilinear",
    "cubic",
    "bicubic",
    "tricubic",
    "lanczos3",
    "lanczos5",
}

_conv = _conv_op.__wrapped__


def _check_rank(images, name="images"):
    if images.dim() not in (3, 4):
        raise ValueError(
            "Invalid images rank: expected rank 3 (single image) or rank 4 (batch of images). "
            f"Received input with shape: {name}.shape={tuple(images.shape)}"
        )


def _to_nhwc(images, data_format):
    """Batch of channels-last images, and a function undoing the change."""
    unbatched = images.dim() == 3
    if unbatched:
        images = images.unsqueeze(0)
    if data_format == "channels_first":
        images = images.permute(0, 2, 3, 1)

    def restore(out):
        if data_format == "channels_first":
            out = out.permute(0, 3, 1, 2)
        return out.squeeze(0) if unbatched else out

    return images, restore


# -- color -----------------------------------------------------------------------------------------
@keras_op
def rgb_to_grayscale(images, data_format=None):
    """Convert RGB images to grayscale.

    This function converts RGB images to grayscale images. It supports both 3D and 4D tensors.

    Args:
        images: Input image or batch of images. Must be 3D or 4D.
        data_format: A string specifying the data format of the input tensor. It can be either
            `"channels_last"` or `"channels_first"`. `"channels_last"` corresponds to inputs
            with shape `(batch, height, width, channels)`, while `"channels_first"` corresponds
            to inputs with shape `(batch, channels, height, width)`. If not specified, the value
            will default to `keras.config.image_data_format`.

    Returns:
        Grayscale image or batch of grayscale images.
    """
    images = to_tensor(images)
    data_format = config.standardize_data_format(data_format)
    channels_axis = -1 if data_format == "channels_last" else -3
    _check_rank(images)
    if images.shape[channels_axis] not in (1, 3):
        raise ValueError(
            "Invalid channel size: expected 3 (RGB) or 1 (Grayscale). "
            f"Received input with shape: images.shape={tuple(images.shape)}"
        )
    if images.shape[channels_axis] == 1:
        return images.clone()
    original = images.dtype
    compute = op_utils.result_dtype(images, float)
    weights = torch.tensor([0.2989, 0.5870, 0.1140], dtype=compute, device=images.device)
    gray = torch.tensordot(images.to(compute), weights, dims=([channels_axis], [0]))
    return gray.unsqueeze(channels_axis).to(original)


def _check_float_images(images):
    if not op_utils.is_float(images.dtype):
        raise ValueError(
            "Invalid images dtype: expected float dtype. "
            f"Received: images.dtype={op_utils.name(images.dtype)}"
        )


@keras_op
def rgb_to_hsv(images, data_format=None):
    """Convert RGB images to HSV.

    `images` must be of float dtype, and the output is only well defined if the values in
    `images` are in `[0, 1]`. All HSV values are in `[0, 1]`. A hue of `0` corresponds to pure
    red, `1/3` is pure green, and `2/3` is pure blue.

    Args:
        images: Input image or batch of images. Must be 3D or 4D.
        data_format: A string specifying the data format of the input tensor. It can be either
            `"channels_last"` or `"channels_first"`.

    Returns:
        HSV image or batch of HSV images.
    """
    images = to_tensor(images)
    data_format = config.standardize_data_format(data_format)
    _check_rank(images)
    _check_float_images(images)
    axis = -1 if data_format == "channels_last" else -3
    r, g, b = torch.unbind(images, dim=axis)
    value = torch.maximum(torch.maximum(r, g), b)
    span = value - torch.minimum(torch.minimum(r, g), b)
    saturation = torch.where(value > 0, span / torch.where(value > 0, value, 1), 0.0)
    norm = 1.0 / (6.0 * span)
    hue = torch.where(
        r == value,
        norm * (g - b),
        torch.where(g == value, norm * (b - r) + 2.0 / 6.0, norm * (r - g) + 4.0 / 6.0),
    )
    hue = torch.where(span > 0, hue, 0.0)
    hue = torch.where(hue < 0, hue + 1, hue)
    return torch.stack([hue, saturation, value], dim=axis).to(images.dtype)


@keras_op
def hsv_to_rgb(images, data_format=None):
    """Convert HSV images to RGB.

    `images` must be of float dtype, and the output is only well defined if the values in
    `images` are in `[0, 1]`.

    Args:
        images: Input image or batch of images. Must be 3D or 4D.
        data_format: A string specifying the data format of the input tensor. It can be either
            `"channels_last"` or `"channels_first"`.

    Returns:
        RGB image or batch of RGB images.
    """
    images = to_tensor(images)
    data_format = config.standardize_data_format(data_format)
    _check_rank(images)
    _check_float_images(images)
    axis = -1 if data_format == "channels_last" else -3
    h, s, v = torch.unbind(images, dim=axis)
    dh = h * 6
    dr = torch.clamp(torch.abs(dh - 3) - 1, 0, 1)
    dg = torch.clamp(-torch.abs(dh - 2) + 2, 0, 1)
    db = torch.clamp(-torch.abs(dh - 4) + 2, 0, 1)
    one_s = 1 - s
    rgb = [(one_s + s * d) * v for d in (dr, dg, db)]
    return torch.stack(rgb, dim=axis)


# -- resizing --------------------------------------------------------------------------------------
def _triangle(x):
    return torch.clamp(1 - torch.abs(x), min=0)


def _keys_cubic(x):
    x = torch.abs(x)
    out = ((1.5 * x - 2.5) * x) * x + 1.0
    out = torch.where(x >= 1.0, ((-0.5 * x + 2.5) * x - 4.0) * x + 2.0, out)
    return torch.where(x >= 2.0, torch.zeros_like(x), out)


def _lanczos(radius):
    def kernel(x):
        x = torch.abs(x)
        y = radius * torch.sin(math.pi * x) * torch.sin(math.pi * x / radius)
        safe = torch.where(x != 0, math.pi**2 * x**2, torch.ones_like(x))
        out = torch.where(x > 1e-3, y / safe, torch.ones_like(x))
        return torch.where(x > radius, torch.zeros_like(x), out)

    return kernel


_KERNELS = {
    "linear": _triangle,
    "cubic": _keys_cubic,
    "lanczos3": _lanczos(3.0),
    "lanczos5": _lanczos(5.0),
}


def _weight_matrix(in_size, out_size, scale, translation, kernel, antialias, dtype, device):
    """(in_size, out_size) resampling weights, as `scale_and_translate` computes them."""
    inv_scale = 1.0 / scale
    kernel_scale = max(inv_scale, 1.0) if antialias else 1.0
    sample = (torch.arange(out_size, dtype=dtype, device=device) + 0.5) * inv_scale
    sample = sample - translation * inv_scale - 0.5
    distance = torch.abs(
        sample[None, :] - torch.arange(in_size, dtype=dtype, device=device)[:, None]
    )
    weights = kernel(distance / kernel_scale)
    total = weights.sum(0, keepdim=True)
    eps = torch.finfo(torch.float32).eps
    weights = torch.where(
        torch.abs(total) > 1000.0 * eps,
        weights / torch.where(total != 0, total, torch.ones_like(total)),
        torch.zeros_like(weights),
    )
    inside = (sample >= -0.5) & (sample <= in_size - 0.5)
    return torch.where(inside[None, :], weights, torch.zeros_like(weights))


def _area_matrix(in_size, out_size, dtype, device):
    """(in_size, out_size) weights of TensorFlow's area resampling (exact pixel overlaps)."""
    scale = in_size / out_size
    start = torch.arange(out_size, dtype=torch.float64, device=device) * scale
    end = start + scale
    left = torch.arange(in_size, dtype=torch.float64, device=device)[:, None]
    overlap = torch.clamp(
        torch.minimum(end[None, :], left + 1) - torch.maximum(start[None, :], left), min=0
    )
    return (overlap / scale).to(dtype)


def _apply_weights(images, weights_h, weights_w):
    # images: (N, H, W, C); weights: (H, OH), (W, OW)
    out = torch.einsum("nhwc,ho->nowc", images, weights_h)
    return torch.einsum("nowc,wp->nopc", out, weights_w)


def _nearest_index(in_size, out_size, device):
    scale = in_size / out_size
    index = torch.floor((torch.arange(out_size, device=device, dtype=torch.float32) + 0.5) * scale)
    return torch.clamp(index.to(torch.int64), max=in_size - 1)


def _half_pixel_source(in_size, out_size, device):
    """TensorFlow's source coordinate of each output pixel: `(o + 0.5) * scale - 0.5`."""
    scale = torch.tensor(in_size / out_size, dtype=torch.float32)
    return (torch.arange(out_size, dtype=torch.float32, device=device) + 0.5) * scale - 0.5


def _bilinear_tf(x, out_h, out_w):
    """TensorFlow's ResizeBilinear (half-pixel centres): lerp along x, then along y."""

    def taps(in_size, out_size):
        source = _half_pixel_source(in_size, out_size, x.device)
        floor = torch.floor(source)
        lower = torch.clamp(floor, min=0).to(torch.int64)
        upper = torch.clamp(torch.ceil(source), max=in_size - 1).to(torch.int64)
        return lower, upper, (source - floor).to(x.dtype)

    y0, y1, y_lerp = taps(x.shape[1], out_h)
    x0, x1, x_lerp = taps(x.shape[2], out_w)
    x_lerp = x_lerp.reshape(1, 1, -1, 1)
    top, bottom = x[:, y0], x[:, y1]
    top = top[:, :, x0] + (top[:, :, x1] - top[:, :, x0]) * x_lerp
    bottom = bottom[:, :, x0] + (bottom[:, :, x1] - bottom[:, :, x0]) * x_lerp
    return top + (bottom - top) * y_lerp.reshape(1, -1, 1, 1)


_CUBIC_TABLE_SIZE = 1 << 10


def _bicubic_matrix(in_size, out_size, dtype, device):
    """(in_size, out_size) weights of TensorFlow's ResizeBicubic (Keys a=-0.5, 1024-step table,
    out-of-range taps dropped and the rest renormalized)."""
    source = _half_pixel_source(in_size, out_size, device)
    base = torch.floor(source)
    offset = torch.round((source - base) * _CUBIC_TABLE_SIZE).to(torch.int64)
    a = -0.5

    def table(i, second):
        t = i.to(torch.float64) / _CUBIC_TABLE_SIZE
        if not second:
            return (((a + 2) * t - (a + 3)) * t * t + 1).to(torch.float32)
        t = t + 1.0
        return (((a * t - 5 * a) * t + 8 * a) * t - 4 * a).to(torch.float32)

    base = base.to(torch.int64)
    taps = [
        (base - 1, table(offset, True)),
        (base, table(offset, False)),
        (base + 1, table(_CUBIC_TABLE_SIZE - offset, False)),
        (base + 2, table(_CUBIC_TABLE_SIZE - offset, True)),
    ]
    weights = [torch.where((i >= 0) & (i < in_size), w, torch.zeros_like(w)) for i, w in taps]
    total = weights[0] + weights[1] + weights[2] + weights[3]
    scale = torch.where(
        torch.abs(total) >= 1000.0 * torch.finfo(torch.float32).tiny, 1.0 / total, 1.0
    )
    matrix = torch.zeros((in_size, out_size), dtype=torch.float32, device=device)
    columns = torch.arange(out_size, device=device)
    for (index, _), weight in zip(taps, weights):
        matrix.index_put_(
            (torch.clamp(index, 0, in_size - 1), columns), weight * scale, accumulate=True
        )
    return matrix.to(dtype)


def _resize_nhwc(images, size, interpolation, antialias):
    height, width = images.shape[1], images.shape[2]
    out_h, out_w = size
    if interpolation == "nearest":
        rows = _nearest_index(height, out_h, images.device)
        cols = _nearest_index(width, out_w, images.device)
        return images[:, rows][:, :, cols]
    dtype = images.dtype if images.dtype in (torch.float32, torch.float64) else torch.float32
    x = images.to(dtype)
    if interpolation == "bilinear" and not antialias:
        return _bilinear_tf(x, out_h, out_w)
    if interpolation == "area":
        wh = _area_matrix(height, out_h, dtype, x.device)
        ww = _area_matrix(width, out_w, dtype, x.device)
    elif interpolation == "bicubic" and not antialias:
        wh = _bicubic_matrix(height, out_h, dtype, x.device)
        ww = _bicubic_matrix(width, out_w, dtype, x.device)
    else:
        kernel = _KERNELS[
            {"bilinear": "linear", "bicubic": "cubic"}.get(interpolation, interpolation)
        ]
        wh = _weight_matrix(height, out_h, out_h / height, 0.0, kernel, antialias, dtype, x.device)
        ww = _weight_matrix(width, out_w, out_w / width, 0.0, kernel, antialias, dtype, x.device)
    return _apply_weights(x, wh, ww)


@keras_op
def resize(
    images,
    size,
    interpolation="bilinear",
    antialias=False,
    crop_to_aspect_ratio=False,
    pad_to_aspect_ratio=False,
    fill_mode="constant",
    fill_value=0.0,
    data_format=None,
):
    """Resize images to size using the specified interpolation method.

    Args:
        images: Input image or batch of images. Must be 3D or 4D.
        size: Size of output image in `(height, width)` format.
        interpolation: Interpolation method. Available methods are `"nearest"`, `"bilinear"`,
            `"bicubic"`, `"area"`, `"lanczos3"` and `"lanczos5"`. Defaults to `"bilinear"`.
        antialias: Whether to use an antialiasing filter when downsampling an image. Defaults
            to `False`.
        crop_to_aspect_ratio: If `True`, resize the images without aspect ratio distortion.
            When the original aspect ratio differs from the target aspect ratio, the output
            image will be cropped so as to return the largest possible window in the image (of
            size `(height, width)`) that matches the target aspect ratio. By default
            (`crop_to_aspect_ratio=False`), aspect ratio may not be preserved.
        pad_to_aspect_ratio: If `True`, pad the images without aspect ratio distortion. When
            the original aspect ratio differs from the target aspect ratio, the output image
            will be evenly padded on the short side.
        fill_mode: When using `pad_to_aspect_ratio=True`, padded areas are filled according to
            the given mode. Only `"constant"` is supported at this time (fill with constant
            value, equal to `fill_value`).
        fill_value: Float. Padding value to use when `pad_to_aspect_ratio=True`.
        data_format: A string specifying the data format of the input tensor. It can be either
            `"channels_last"` or `"channels_first"`.

    Returns:
        Resized image or batch of images.
    """
    if len(size) != 2:
        raise ValueError(f"Expected `size` to be a tuple of 2 integers. Received: size={size}")
    if size[0] <= 0 or size[1] <= 0:
        raise ValueError(f"`size` must have positive height and width. Received: size={size}")
    images = to_tensor(images)
    _check_rank(images)
    if pad_to_aspect_ratio and crop_to_aspect_ratio:
        raise ValueError(
            "Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio` can be `True`."
        )
    if interpolation not in RESIZE_INTERPOLATIONS:
        raise ValueError(
            "Invalid value for argument `interpolation`. Expected of one "
            f"{RESIZE_INTERPOLATIONS}. Received: interpolation={interpolation}"
        )
    if fill_mode != "constant":
        raise ValueError(
            "Invalid value for argument `fill_mode`. Only `'constant'` is supported. "
            f"Received: fill_mode={fill_mode}"
        )
    data_format = config.standardize_data_format(data_format)
    original = images.dtype
    x, restore = _to_nhwc(images, data_format)
    height, width = x.shape[1], x.shape[2]
    target_h, target_w = int(size[0]), int(size[1])
    if crop_to_aspect_ratio:
        crop_h = max(min(height, int(width * target_h / target_w)), 1)
        crop_w = max(min(width, int(height * target_w / target_h)), 1)
        top = int((height - crop_h) / 2)
        left = int((width - crop_w) / 2)
        x = x[:, top : top + crop_h, left : left + crop_w, :]
    elif pad_to_aspect_ratio:
        pad_h = max(height, int(width * target_h / target_w))
        pad_w = max(width, int(height * target_w / target_h))
        top = int((pad_h - height) / 2)
        left = int((pad_w - width) / 2)
        if top > 0:
            fill = torch.full(
                (x.shape[0], top, width, x.shape[3]), fill_value, dtype=x.dtype, device=x.device
            )
            x = torch.cat([fill, x, fill], dim=1)
        if left > 0:
            fill = torch.full(
                (x.shape[0], x.shape[1], left, x.shape[3]),
                fill_value,
                dtype=x.dtype,
                device=x.device,
            )
            x = torch.cat([fill, x, fill], dim=2)
    out = _resize_nhwc(x, (target_h, target_w), interpolation, antialias)
    if out.dtype != original:
        if not (op_utils.is_float(original) or original in op_utils.COMPLEX):
            out = torch.round(out)
        out = _saturate(out, original)
    return restore(out)


def _saturate(x, dtype):
    if op_utils.is_float(dtype):
        info = torch.finfo(dtype)
    elif dtype == torch.bool:
        return x.to(dtype)
    else:
        info = torch.iinfo(dtype)
    return torch.clamp(x, info.min, info.max).to(dtype)


@keras_op
def scale_and_translate(
    images, output_shape, scale, translation, spatial_dims, method, antialias=True
):
    """Apply a scale and translation to the images.

    Generates a new image of `output_shape` by resampling from the input image using the
    sampling method corresponding to method. For 2D images, this operation transforms a
    location in the input images, (x, y), to a location in the output image according to:
    `(x * scale[1] + translation[1], y * scale[0] + translation[0])`.

    Args:
        images: The input array.
        output_shape: The output shape, as a sequence of integers with length equal to the
            number of dimensions of image.
        scale: A [K] array with the same number of dimensions as `images`, containing the scale
            to apply in each dimension.
        translation: A [K] array with the same number of dimensions as `images`, containing the
            translation to apply in each dimension.
        spatial_dims: A length K tuple specifying the spatial dimensions that the passed
            `scale` and `translation` should be applied to.
        method: A string specifying the resizing method to use. Available methods are
            `"linear"`, `"bilinear"`, `"trilinear"`, `"triangle"`, `"cubic"`, `"bicubic"`,
            `"tricubic"`, `"lanczos3"` and `"lanczos5"`.
        antialias: Whether an antialiasing filter should be applied when downsampling. Has no
            effect when upsampling. Defaults to `True`.

    Returns:
        The scale and translated images.
    """
    if method not in SCALE_AND_TRANSLATE_METHODS:
        raise ValueError(
            "Invalid value for argument `method`. Expected of one "
            f"{SCALE_AND_TRANSLATE_METHODS}. Received: method={method}"
        )
    if method in ("linear", "bilinear", "trilinear", "triangle"):
        method = "linear"
    elif method in ("cubic", "bicubic", "tricubic"):
        method = "cubic"
    images = to_tensor(images)
    scale = to_tensor(scale)
    translation = to_tensor(translation)
    dtype = op_utils.result_dtype(scale, translation)
    scale = scale.to(dtype).reshape(-1)
    translation = translation.to(dtype).reshape(-1)
    is_int = not (op_utils.is_float(images.dtype) or images.dtype in op_utils.COMPLEX)
    out = images.to(torch.float32) if is_int else images
    for i, dim in enumerate(spatial_dims):
        dim = dim % images.dim()
        weights = _weight_matrix(
            images.shape[dim],
            int(output_shape[dim]),
            float(scale[i]),
            float(translation[i]),
            _KERNELS[method],
            antialias,
            torch.float64,
            images.device,
        ).to(out.dtype)
        out = torch.movedim(torch.tensordot(out, weights, dims=([dim], [0])), -1, dim)
    if is_int:
        out = torch.clamp(torch.round(out), images.min().item(), images.max().item()).to(
            images.dtype
        )
    return out


# -- geometric transforms --------------------------------------------------------------------------
def _map_coordinate(coord, size, fill_mode):
    """TensorFlow's coordinate mapping for fill modes (applied before interpolation)."""
    if fill_mode == "constant":
        return coord
    if fill_mode == "nearest":
        return torch.clamp(coord, 0, size - 1)
    if size <= 1:
        return torch.zeros_like(coord)
    if fill_mode == "reflect":
        period = 2 * size
        low = coord < 0
        c = torch.where(
            low & (coord < period), period * torch.trunc(-coord / period) + coord, coord
        )
        c = torch.where(low, torch.where(c < -size, c + period, -c - 1), c)
        high = coord > size - 1
        h = coord - period * torch.trunc(coord / period)
        h = torch.where(h >= size, period - h - 1, h)
        c = torch.where(high, h, c)
    else:  # wrap
        span = size - 1
        c = torch.where(coord < 0, coord + size * (torch.trunc(-coord / span) + 1), coord)
        c = torch.where(coord > size - 1, coord - size * torch.trunc(coord / span), c)
    return torch.clamp(c, 0, size - 1)


def _sample(images, ys, xs, interpolation, fill_value):
    """Sample NHWC `images` at float coordinates (N, H', W'); outside pixels read `fill_value`."""
    n, height, width, channels = images.shape
    batch = torch.arange(n, device=images.device).reshape(n, 1, 1)

    def read(y, x):
        inside = (y >= 0) & (y < height) & (x >= 0) & (x < width)
        yc = torch.clamp(y, 0, height - 1).to(torch.int64)
        xc = torch.clamp(x, 0, width - 1).to(torch.int64)
        values = images[batch, yc, xc]  # (N, H', W', C)
        return torch.where(inside.unsqueeze(-1), values, torch.full_like(values, fill_value))

    if interpolation == "nearest":
        # std::round: halves away from zero.
        ry = torch.sign(ys) * torch.floor(torch.abs(ys) + 0.5)
        rx = torch.sign(xs) * torch.floor(torch.abs(xs) + 0.5)
        return read(ry, rx)
    y0 = torch.floor(ys)
    x0 = torch.floor(xs)
    y1, x1 = y0 + 1, x0 + 1
    wy1 = (ys - y0).unsqueeze(-1)
    wy0 = (y1 - ys).unsqueeze(-1)
    wx1 = (xs - x0).unsqueeze(-1)
    wx0 = (x1 - xs).unsqueeze(-1)
    top = wx0 * read(y0, x0) + wx1 * read(y0, x1)
    bottom = wx0 * read(y1, x0) + wx1 * read(y1, x1)
    return wy0 * top + wy1 * bottom


def _projective(images, transform, interpolation, fill_mode, fill_value):
    """ImageProjectiveTransformV3 on NHWC images with (N, 8) transforms."""
    n, height, width, _ = images.shape
    dtype = torch.float32
    transform = transform.to(dtype)
    if transform.shape[0] == 1 and n > 1:
        transform = transform.expand(n, 8)
    ys, xs = torch.meshgrid(
        torch.arange(height, dtype=dtype, device=images.device),
        torch.arange(width, dtype=dtype, device=images.device),
        indexing="ij",
    )
    t = [transform[:, i].reshape(n, 1, 1) for i in range(8)]
    k = t[6] * xs + t[7] * ys + 1.0
    safe_k = torch.where(k == 0, torch.ones_like(k), k)
    in_x = (t[0] * xs + t[1] * ys + t[2]) / safe_k
    in_y = (t[3] * xs + t[4] * ys + t[5]) / safe_k
    in_x = _map_coordinate(in_x, width, fill_mode)
    in_y = _map_coordinate(in_y, height, fill_mode)
    compute = images.to(dtype) if not op_utils.is_float(images.dtype) else images.to(torch.float32)
    out = _sample(compute, in_y, in_x, interpolation, float(fill_value))
    out = torch.where((k == 0).unsqueeze(-1), torch.full_like(out, float(fill_value)), out)
    return out.to(images.dtype)


def _check_transform_args(interpolation, fill_mode):
    if interpolation not in AFFINE_TRANSFORM_INTERPOLATIONS:
        raise ValueError(
            "Invalid value for argument `interpolation`. Expected of one "
            f"{AFFINE_TRANSFORM_INTERPOLATIONS}. Received: interpolation={interpolation}"
        )
    if fill_mode is not None and fill_mode not in AFFINE_TRANSFORM_FILL_MODES:
        raise ValueError(
            "Invalid value for argument `fill_mode`. Expected of one "
            f"{AFFINE_TRANSFORM_FILL_MODES}. Received: fill_mode={fill_mode}"
        )


@keras_op
def affine_transform(
    images,
    transform,
    interpolation="bilinear",
    fill_mode="constant",
    fill_value=0,
    data_format=None,
):
    """Applies the given transform(s) to the image(s).

    Args:
        images: Input image or batch of images. Must be 3D or 4D.
        transform: Projective transform matrix/matrices. A vector of length 8 or tensor of size
            N x 8. If one row of transform is `[a0, a1, a2, b0, b1, b2, c0, c1]`, then it maps
            the output point `(x, y)` to a transformed input point `(x', y') = ((a0 x + a1 y +
            a2) / k, (b0 x + b1 y + b2) / k)`, where `k = c0 x + c1 y + 1`. The transform is
            inverted compared to the transform mapping input points to output points. Note that
            gradients are not backpropagated into transformation parameters. Note that `c0` and
            `c1` are only effective when using TensorFlow backend and will be considered as `0`
            when using other backends.
        interpolation: Interpolation method. Available methods are `"nearest"`, and
            `"bilinear"`. Defaults to `"bilinear"`.
        fill_mode: Points outside the boundaries of the input are filled according to the given
            mode. Available methods are `"constant"`, `"nearest"`, `"wrap"` and `"reflect"`.
            Defaults to `"constant"`.
        fill_value: Value used for points outside the boundaries of the input if
            `fill_mode="constant"`. Defaults to `0`.
        data_format: A string specifying the data format of the input tensor. It can be either
            `"channels_last"` or `"channels_first"`.

    Returns:
        Applied affine transform image or batch of images.
    """
    data_format = config.standardize_data_format(data_format)
    _check_transform_args(interpolation, fill_mode)
    images = to_tensor(images)
    transform = to_tensor(transform)
    _check_rank(images)
    if transform.dim() not in (1, 2):
        raise ValueError(
            "Invalid transform rank: expected rank 1 (single transform) or rank 2 (batch of "
            f"transforms). Received input with shape: transform.shape={tuple(transform.shape)}"
        )
    if transform.dim() == 1:
        transform = transform.unsqueeze(0)
    x, restore = _to_nhwc(images, data_format)
    return restore(_projective(x, transform, interpolation, fill_mode, fill_value))


def _homography(start_points, end_points):
    """The (N, 8) transform mapping output (`end_points`) to input (`start_points`) corners."""
    rows = []
    targets = []
    for i in range(4):
        sx, sy = start_points[:, i, 0], start_points[:, i, 1]
        ex, ey = end_points[:, i, 0], end_points[:, i, 1]
        zero, one = torch.zeros_like(ex), torch.ones_like(ex)
        rows.append(torch.stack([ex, ey, one, zero, zero, zero, -sx * ex, -sx * ey], dim=-1))
        rows.append(torch.stack([zero, zero, zero, ex, ey, one, -sy * ex, -sy * ey], dim=-1))
        targets.extend([sx, sy])
    matrix = torch.stack(rows, dim=1)
    target = torch.stack(targets, dim=-1).unsqueeze(-1)
    return torch.linalg.solve(matrix, target).reshape(-1, 8)


@keras_op
def perspective_transform(
    images,
    start_points,
    end_points,
    interpolation="bilinear",
    fill_value=0,
    data_format=None,
):
    """Applies a perspective transformation to the image(s).

    Args:
        images: Input image or batch of images. Must be 3D or 4D.
        start_points: A tensor of shape `(N, 4, 2)` or `(4, 2)`, representing the source points
            in the original image that define the transformation.
        end_points: A tensor of shape `(N, 4, 2)` or `(4, 2)`, representing the target points
            in the output image after transformation.
        interpolation: Interpolation method. Available methods are `"nearest"`, and
            `"bilinear"`. Defaults to `"bilinear"`.
        fill_value: Value used for points outside the boundaries of the input if extrapolation
            is needed. Defaults to `0`.
        data_format: A string specifying the data format of the input tensor. It can be either
            `"channels_last"` or `"channels_first"`.

    Returns:
        Applied perspective transform image or batch of images.
    """
    data_format = config.standardize_data_format(data_format)
    start_points = to_tensor(start_points, torch.float32)
    end_points = to_tensor(end_points, torch.float32)
    _check_transform_args(interpolation, None)
    images = to_tensor(images)
    _check_rank(images)
    for name, points in (("start_points", start_points), ("end_points", end_points)):
        if points.dim() not in (2, 3) or tuple(points.shape[-2:]) != (4, 2):
            raise ValueError(
                f"Invalid {name} shape: expected (4,2) for a single image or (N,4,2) for a "
                f"batch. Received shape: {tuple(points.shape)}"
            )
    if start_points.shape != end_points.shape:
        raise ValueError(
            "start_points and end_points must have the same shape. Received "
            f"start_points.shape={tuple(start_points.shape)}, "
            f"end_points.shape={tuple(end_points.shape)}"
        )
    if start_points.dim() == 2:
        start_points, end_points = start_points.unsqueeze(0), end_points.unsqueeze(0)
    x, restore = _to_nhwc(images, data_format)
    transform = _homography(start_points.to(torch.float64), end_points.to(torch.float64))
    return restore(_projective(x, transform, interpolation, "constant", fill_value))


@keras_op
def map_coordinates(inputs, coordinates, order, fill_mode="constant", fill_value=0):
    """Map the input array to new coordinates by interpolation.

    Note that interpolation near boundaries differs from the scipy function, because we fixed
    an outstanding bug https://github.com/scipy/scipy/issues/2640.

    Args:
        inputs: The input array.
        coordinates: The coordinates at which inputs is evaluated.
        order: The order of the spline interpolation. The order must be `0` or `1`. `0`
            indicates the nearest neighbor and `1` indicates the linear interpolation.
        fill_mode: Points outside the boundaries of the inputs are filled according to the
            given mode. Available methods are `"constant"`, `"nearest"`, `"wrap"`, `"mirror"`
            and `"reflect"`. Defaults to `"constant"`.
        fill_value: Value used for points outside the boundaries of the inputs if
            `fill_mode="constant"`. Defaults to `0`.

    Returns:
        Output input or batch of inputs.
    """
    inputs = to_tensor(inputs)
    coordinates = to_tensor(coordinates)
    if coordinates.shape[0] != inputs.dim():
        raise ValueError(
            "First dim of `coordinates` must be the same as the rank of `inputs`. Received "
            f"inputs with shape: {tuple(inputs.shape)} and coordinate leading dim of "
            f"{coordinates.shape[0]}"
        )
    if coordinates.dim() < 2:
        raise ValueError(
            "Invalid coordinates rank: expected at least rank 2. Received input with shape: "
            f"{tuple(coordinates.shape)}"
        )
    if fill_mode not in MAP_COORDINATES_FILL_MODES:
        raise ValueError(
            "Invalid value for argument `fill_mode`. Expected one of "
            f"{MAP_COORDINATES_FILL_MODES}. Received: fill_mode={fill_mode}"
        )
    if order not in (0, 1):
        raise NotImplementedError("map_coordinates currently requires order<=1")
    if not op_utils.is_float(coordinates.dtype):
        coordinates = coordinates.to(torch.float32)

    def process(index, size):
        if fill_mode == "constant":
            return torch.clamp(index, 0, size - 1), (index >= 0) & (index < size)
        valid = torch.ones_like(index, dtype=torch.bool)
        if fill_mode == "nearest":
            return torch.clamp(index, 0, size - 1), valid
        if fill_mode == "mirror":
            # Reflection about the edge pixels' centres (d c b | a b c d | c b a), as JAX and
            # scipy do (TensorFlow's version indexes out of range at the far edge).
            if size == 1:
                return torch.zeros_like(index), valid
            span = size - 1
            return torch.abs(torch.remainder(index + span, 2 * span) - span), valid
        if fill_mode == "reflect":
            # Keras on TensorFlow: |i| folded at `size`, shifted by one past the far edge.
            index = torch.abs(index)
            mod = torch.remainder(index, 2 * size)
            under = mod < size
            index = torch.where(under, mod, 2 * size - mod)
            return torch.where(~under, index - 1, index), valid
        return torch.remainder(index, size), valid

    per_axis = []
    for coordinate, size in zip(torch.unbind(coordinates, 0), inputs.shape):
        if order == 0:
            nodes = [
                (torch.round(coordinate).to(torch.int64), torch.ones((), dtype=coordinate.dtype))
            ]
        else:
            lower = torch.floor(coordinate)
            upper_weight = coordinate - lower
            index = lower.to(torch.int64)
            nodes = [(index, 1 - upper_weight), (index + 1, upper_weight)]
        per_axis.append([(*process(i, size), w) for i, w in nodes])

    dtype = coordinates.dtype
    result = None
    fill = torch.tensor(fill_value, dtype=dtype, device=inputs.device)
    for combo in _product(per_axis):
        indices = tuple(item[0] for item in combo)
        gathered = inputs[indices].to(dtype)
        if fill_mode == "constant":
            all_valid = combo[0][1]
            for item in combo[1:]:
                all_valid = all_valid & item[1]
            gathered = torch.where(all_valid, gathered, fill)
        weight = combo[0][2]
        for item in combo[1:]:
            weight = weight * item[2]
        term = weight * gathered
        result = term if result is None else result + term
    if not (op_utils.is_float(inputs.dtype) or inputs.dtype in op_utils.COMPLEX):
        result = torch.round(result)
    return result.to(inputs.dtype)


def _product(lists):
    if not lists:
        yield ()
        return
    for head in lists[0]:
        for tail in _product(lists[1:]):
            yield (head,) + tail


# -- filters ---------------------------------------------------------------------------------------
def _gaussian_1d(size, sigma, dtype, device):
    x = torch.arange(size, dtype=dtype, device=device) - (size - 1) / 2
    kernel = torch.exp(-0.5 * (x / sigma) ** 2)
    return kernel / kernel.sum()


def _depthwise_same(images, kernel2d):
    """Depthwise 2-D convolution of NHWC images with one (kh, kw) kernel, TF "same" padding."""
    channels = images.shape[-1]
    x = images.permute(0, 3, 1, 2)
    kh, kw = kernel2d.shape
    pad_h, pad_w = kh - 1, kw - 1
    x = F.pad(x, (pad_w // 2, pad_w - pad_w // 2, pad_h // 2, pad_h - pad_h // 2))
    weight = kernel2d.reshape(1, 1, kh, kw).expand(channels, 1, kh, kw)
    return F.conv2d(x, weight.to(x.dtype), groups=channels).permute(0, 2, 3, 1)


@keras_op
def gaussian_blur(images, kernel_size=(3, 3), sigma=(1.0, 1.0), data_format=None):
    """Applies a Gaussian blur to the image(s).

    Args:
        images: Input image or batch of images. Must be 3D or 4D.
        kernel_size: A tuple of two integers, specifying the height and width of the Gaussian
            kernel.
        sigma: A tuple of two floats, specifying the standard deviation of the Gaussian kernel
            along height and width.
        data_format: A string specifying the data format of the input tensor. It can be either
            `"channels_last"` or `"channels_first"`.

    Returns:
        Blurred image or batch of images.
    """
    images = to_tensor(images)
    _check_rank(images)
    data_format = config.standardize_data_format(data_format)
    dtype = images.dtype if op_utils.is_float(images.dtype) else op_utils.floatx_torch()
    x, restore = _to_nhwc(images, data_format)
    sizes = [int(s) for s in kernel_size]
    sigmas = [float(s) for s in (sigma if isinstance(sigma, (list, tuple)) else (sigma, sigma))]
    kernel_x = _gaussian_1d(sizes[0], sigmas[0], dtype, x.device)
    kernel_y = _gaussian_1d(sizes[1], sigmas[1], dtype, x.device)
    kernel = torch.outer(kernel_y, kernel_x).reshape(sizes[0], sizes[1])
    return restore(_depthwise_same(x.to(dtype), kernel))


@keras_op
def elastic_transform(
    images,
    alpha=20.0,
    sigma=5.0,
    interpolation="bilinear",
    fill_mode="reflect",
    fill_value=0.0,
    seed=None,
    data_format=None,
):
    """Applies elastic transformation to the image(s).

    Random displacement fields (smoothed by a Gaussian of standard deviation `sigma` and scaled
    by `alpha`) move each pixel; the image is resampled at the displaced positions.

    Args:
        images: Input image or batch of images. Must be 3D or 4D.
        alpha: Scaling factor that controls the intensity of the deformation.
        sigma: Standard deviation of the Gaussian filter used for smoothing the displacement
            fields.
        interpolation: Interpolation method. Available methods are `"nearest"`, and
            `"bilinear"`. Defaults to `"bilinear"`.
        fill_mode: Points outside the boundaries of the input are filled according to the given
            mode. Available methods are `"constant"`, `"nearest"`, `"wrap"` and `"reflect"`.
            Defaults to `"constant"`.
        fill_value: Value used for points outside the boundaries of the input if
            `fill_mode="constant"`. Defaults to `0`.
        seed: Random seed (an integer or a `SeedGenerator`).
        data_format: A string specifying the data format of the input tensor. It can be either
            `"channels_last"` or `"channels_first"`.

    Returns:
        Transformed image or batch of images with elastic distortion.
    """
    data_format = config.standardize_data_format(data_format)
    _check_transform_args(interpolation, fill_mode)
    images = to_tensor(images)
    _check_rank(images)
    x, restore = _to_nhwc(images, data_format)
    n, height, width, channels = x.shape
    dtype = images.dtype if op_utils.is_float(images.dtype) else op_utils.floatx_torch()
    generator = (seed if isinstance(seed, SeedGenerator) else SeedGenerator(seed)).next_generator()
    noise = torch.randn((2, n, height, width), generator=generator, dtype=dtype).to(x.device)
    size = int(6 * int(sigma)) | 1
    kernel = torch.outer(
        _gaussian_1d(size, sigma, dtype, x.device), _gaussian_1d(size, sigma, dtype, x.device)
    )
    smooth = _depthwise_same((noise * sigma).reshape(2 * n, height, width, 1), kernel)
    dx, dy = smooth.reshape(2, n, height, width)
    ys, xs = torch.meshgrid(
        torch.arange(height, dtype=dtype, device=x.device),
        torch.arange(width, dtype=dtype, device=x.device),
        indexing="ij",
    )
    in_y = _reflect_like(ys + alpha * dy, height, fill_mode)
    in_x = _reflect_like(xs + alpha * dx, width, fill_mode)
    out = _sample(x.to(dtype), in_y, in_x, interpolation, float(fill_value))
    return restore(out.to(images.dtype))


def _reflect_like(coord, size, fill_mode):
    return _map_coordinate(coord, size, fill_mode)


@keras_op
def sobel_edges(images, data_format=None):
    """Apply Sobel edge detection to images.

    Args:
        images: Input image or batch of images (4D).
        data_format: A string specifying the data format of the input tensor. It can be either
            `"channels_last"` or `"channels_first"`.

    Returns:
        A tensor of shape `images.shape + (2,)` holding the vertical (`dy`) and horizontal
        (`dx`) Sobel responses.
    """
    images = to_tensor(images)
    data_format = config.standardize_data_format(data_format)
    x = images.permute(0, 2, 3, 1) if data_format == "channels_first" else images
    dtype = x.dtype if op_utils.is_float(x.dtype) else torch.float32
    x = x.to(dtype)
    channels = x.shape[-1]
    sobel_y = torch.tensor([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], dtype=dtype, device=x.device)
    kernels = torch.stack([sobel_y, sobel_y.t()])  # (2, 3, 3): dy, dx
    padded = F.pad(x.permute(0, 3, 1, 2), (1, 1, 1, 1), mode="reflect")
    weight = kernels.unsqueeze(1).repeat(channels, 1, 1, 1)  # (C*2, 1, 3, 3)
    out = F.conv2d(padded, weight, groups=channels)  # (N, C*2, H, W)
    n, _, h, w = out.shape
    out = out.reshape(n, channels, 2, h, w).permute(0, 3, 4, 1, 2)  # (N, H, W, C, 2)
    if data_format == "channels_first":
        out = out.permute(0, 3, 1, 2, 4)
    return out


# -- crops, pads, patches --------------------------------------------------------------------------
def _validate_non_negative(value, name):
    if value is not None and value < 0:
        raise ValueError(f"{name} must be >= 0. Received: {name}={value}")


def _exactly_two(a, b, c, names):
    if [a, b, c].count(None) != 1:
        raise ValueError(
            f"Must specify exactly two of {names[0]}, {names[1]}, {names[2]}. "
            f"Received: {names[0]}={a}, {names[1]}={b}, {names[2]}={c}"
        )


def _hw(images, data_format):
    if data_format == "channels_last":
        return images.shape[-3], images.shape[-2]
    return images.shape[-2], images.shape[-1]


@keras_op
def pad_images(
    images,
    top_padding=None,
    left_padding=None,
    bottom_padding=None,
    right_padding=None,
    target_height=None,
    target_width=None,
    data_format=None,
):
    """Pad `images` with zeros to the specified `height` and `width`.

    Args:
        images: Input image or batch of images. Must be 3D or 4D.
        top_padding: Number of rows of zeros to add on top.
        left_padding: Number of columns of zeros to add on the left.
        bottom_padding: Number of rows of zeros to add at the bottom.
        right_padding: Number of columns of zeros to add on the right.
        target_height: Height of output images.
        target_width: Width of output images.
        data_format: A string specifying the data format of the input tensor. It can be either
            `"channels_last"` or `"channels_first"`.

    Returns:
        Padded image or batch of images.
    """
    data_format = config.standardize_data_format(data_format)
    images = to_tensor(images)
    if images.dim() not in (3, 4):
        raise ValueError(
            "Invalid images rank: expected rank 3 (single image) or rank 4 (batch of images). "
            f"Received: images.shape={tuple(images.shape)}"
        )
    _exactly_two(
        top_padding,
        bottom_padding,
        target_height,
        ("top_padding", "bottom_padding", "target_height"),
    )
    _exactly_two(
        left_padding, right_padding, target_width, ("left_padding", "right_padding", "target_width")
    )
    for value, name in (
        (top_padding, "top_padding"),
        (bottom_padding, "bottom_padding"),
        (target_height, "target_height"),
        (left_padding, "left_padding"),
        (right_padding, "right_padding"),
        (target_width, "target_width"),
    ):
        _validate_non_negative(value, name)
    height, width = _hw(images, data_format)
    if top_padding is None:
        top_padding = target_height - bottom_padding - height
    if bottom_padding is None:
        bottom_padding = target_height - top_padding - height
    if left_padding is None:
        left_padding = target_width - right_padding - width
    if right_padding is None:
        right_padding = target_width - left_padding - width
    for value, name in (
        (top_padding, "top_padding"),
        (left_padding, "left_padding"),
        (right_padding, "right_padding"),
        (bottom_padding, "bottom_padding"),
    ):
        _validate_non_negative(value, name)
    if data_format == "channels_last":
        flat = (0, 0, left_padding, right_padding, top_padding, bottom_padding)
    else:
        flat = (left_padding, right_padding, top_padding, bottom_padding)
    if images.dtype == torch.bool:
        return F.pad(images.to(torch.uint8), flat).bool()
    return F.pad(images, flat)


@keras_op
def crop_images(
    images,
    top_cropping=None,
    left_cropping=None,
    bottom_cropping=None,
    right_cropping=None,
    target_height=None,
    target_width=None,
    data_format=None,
):
    """Crop `images` to a specified `height` and `width`.

    Args:
        images: Input image or batch of images. Must be 3D or 4D.
        top_cropping: Number of columns to crop from the top.
        left_cropping: Number of columns to crop from the left.
        bottom_cropping: Number of columns to crop from the bottom.
        right_cropping: Number of columns to crop from the right.
        target_height: Height of the output images.
        target_width: Width of the output images.
        data_format: A string specifying the data format of the input tensor. It can be either
            `"channels_last"` or `"channels_first"`.

    Returns:
        Cropped image or batch of images.
    """
    data_format = config.standardize_data_format(data_format)
    images = to_tensor(images)
    if images.dim() not in (3, 4):
        raise ValueError(
            "Invalid images rank: expected rank 3 (single image) or rank 4 (batch of images). "
            f"Received: images.shape={tuple(images.shape)}"
        )
    _exactly_two(
        top_cropping,
        bottom_cropping,
        target_height,
        ("top_cropping", "bottom_cropping", "target_height"),
    )
    _exactly_two(
        left_cropping,
        right_cropping,
        target_width,
        ("left_cropping", "right_cropping", "target_width"),
    )
    for value, name in (
        (top_cropping, "top_cropping"),
        (bottom_cropping, "bottom_cropping"),
        (target_height, "target_height"),
        (left_cropping, "left_cropping"),
        (right_cropping, "right_cropping"),
        (target_width, "target_width"),
    ):
        _validate_non_negative(value, name)
    height, width = _hw(images, data_format)
    if top_cropping is None:
        top_cropping = height - target_height - bottom_cropping
    if target_height is None:
        target_height = height - bottom_cropping - top_cropping
    if left_cropping is None:
        left_cropping = width - target_width - right_cropping
    if target_width is None:
        target_width = width - right_cropping - left_cropping
    for value, name in (
        (top_cropping, "top_cropping"),
        (target_height, "target_height"),
        (left_cropping, "left_cropping"),
        (target_width, "target_width"),
    ):
        _validate_non_negative(value, name)
    rows = slice(top_cropping, top_cropping + target_height)
    cols = slice(left_cropping, left_cropping + target_width)
    if data_format == "channels_last":
        return images[..., rows, cols, :]
    return images[..., rows, cols]


def _patches(images, size, strides, dilation_rate, padding, data_format, spatial):
    data_format = config.standardize_data_format(data_format)
    images = to_tensor(images)
    channels = images.shape[-1] if data_format == "channels_last" else images.shape[-1 - spatial]
    size = (size,) * spatial if isinstance(size, int) else tuple(size)
    out_dim = math.prod(size) * channels
    kernel = torch.eye(
        out_dim,
        dtype=images.dtype if op_utils.is_float(images.dtype) else torch.float32,
        device=images.device,
    ).reshape(*size, channels, out_dim)
    unbatched = images.dim() == spatial + 1
    if unbatched:
        images = images.unsqueeze(0)
    if not strides:
        strides = size
    out = _conv(images, kernel, strides, padding, data_format, dilation_rate)
    return out.squeeze(0) if unbatched else out


@keras_op
def extract_patches(images, size, strides=None, dilation_rate=1, padding="valid", data_format=None):
    """Extracts patches from the image(s).

    Args:
        images: Input image or batch of images. Must be 3D or 4D.
        size: Patch size int or tuple (patch_height, patch_width)
        strides: strides along height and width. If not specified, or if `None`, it defaults to
            the same value as `size`.
        dilation_rate: This is the input stride, specifying how far two consecutive patch
            samples are in the input.
        padding: The type of padding algorithm to use: `"same"` or `"valid"`.
        data_format: A string specifying the data format of the input tensor. It can be either
            `"channels_last"` or `"channels_first"`.

    Returns:
        Extracted patches 3D (if not batched) or 4D (if batched)
    """
    if not isinstance(size, int) and len(size) == 3:
        return extract_patches_3d.__wrapped__(
            images, size, strides, dilation_rate, padding, data_format
        )
    if not isinstance(size, int) and len(size) != 2:
        raise TypeError(
            "Invalid `size` argument. Expected an int or a tuple of length 2. "
            f"Received: size={size}"
        )
    return _patches(images, size, strides, dilation_rate, padding, data_format, 2)


@keras_op
def extract_patches_3d(
    volumes, size, strides=None, dilation_rate=1, padding="valid", data_format=None
):
    """Extracts patches from the volume(s).

    Args:
        volumes: Input volume or batch of volumes. Must be 4D or 5D.
        size: Patch size int or tuple (patch_depth, patch_height, patch_width)
        strides: strides along depth, height, and width. If not specified, or if `None`, it
            defaults to the same value as `size`.
        dilation_rate: This is the input stride, specifying how far two consecutive patch
            samples are in the input.
        padding: The type of padding algorithm to use: `"same"` or `"valid"`.
        data_format: A string specifying the data format of the input tensor. It can be either
            `"channels_last"` or `"channels_first"`.

    Returns:
        Extracted patches 4D (if not batched) or 5D (if batched)
    """
    if isinstance(size, int):
        size = (size, size, size)
    elif len(size) != 3:
        raise TypeError(
            "Invalid `size` argument. Expected an int or a tuple of length 3. "
            f"Received: size={size}"
        )
    if strides is None:
        strides = size
    if isinstance(strides, int):
        strides = (strides, strides, strides)
    if len(strides) != 3:
        raise ValueError(f"Invalid `strides` argument. Got: {strides}")
    return _patches(volumes, size, strides, dilation_rate, padding, data_format, 3)


@keras_op
def ssim(
    image1,
    image2,
    max_val=1.0,
    filter_size=11,
    filter_sigma=1.5,
    k1=0.01,
    k2=0.03,
    data_format=None,
):
    """Computes the Structural Similarity Index (SSIM) between two images.

    Args:
        image1: First image or batch of images. Must be 3D or 4D.
        image2: Second image or batch of images. Must have the same shape as `image1`.
        max_val: The maximum possible pixel value of the images. Defaults to `1.0`.
        filter_size: Size of the Gaussian filter used for computing SSIM. Defaults to `11`.
        filter_sigma: Standard deviation of the Gaussian filter. Defaults to `1.5`.
        k1: First stabilization constant. Defaults to `0.01`.
        k2: Second stabilization constant. Defaults to `0.03`.
        data_format: A string specifying the data format of the input tensor. It can be either
            `"channels_last"` or `"channels_first"`.

    Returns:
        A tensor of SSIM values: one per image pair for batched inputs, a scalar otherwise.
    """
    data_format = config.standardize_data_format(data_format)
    image1 = to_tensor(image1)
    image2 = to_tensor(image2)
    original = image1.dtype
    compute = op_utils.result_dtype(image1, float)
    image1, image2 = image1.to(compute), image2.to(compute)
    for name, image in (("image1", image1), ("image2", image2)):
        if image.dim() not in (3, 4):
            raise ValueError(
                f"Invalid {name} rank: expected rank 3 (single image) or rank 4 (batch of "
                f"images). Received input with shape: {name}.shape={tuple(image.shape)}"
            )
    unbatched = image1.dim() == 3
    if unbatched:
        image1, image2 = image1.unsqueeze(0), image2.unsqueeze(0)
    if data_format == "channels_first":
        image1, image2 = image1.permute(0, 2, 3, 1), image2.permute(0, 2, 3, 1)
    n, h, w, c = image1.shape
    g = _gaussian_1d(filter_size, filter_sigma, compute, image1.device)
    weight = torch.outer(g, g).reshape(1, 1, filter_size, filter_size)
    # (N, H, W, C) -> (N*C, 1, H, W): each channel filtered on its own, "valid" padding.
    a = image1.permute(0, 3, 1, 2).reshape(n * c, 1, h, w)
    b = image2.permute(0, 3, 1, 2).reshape(n * c, 1, h, w)
    mu1, mu2 = F.conv2d(a, weight), F.conv2d(b, weight)
    mu1_sq, mu2_sq, mu12 = mu1 * mu1, mu2 * mu2, mu1 * mu2
    sigma1 = F.conv2d(a * a, weight) - mu1_sq
    sigma2 = F.conv2d(b * b, weight) - mu2_sq
    sigma12 = F.conv2d(a * b, weight) - mu12
    c1 = (k1 * max_val) ** 2
    c2 = (k2 * max_val) ** 2
    ssim_map = ((2 * mu12 + c1) * (2 * sigma12 + c2)) / (
        (mu1_sq + mu2_sq + c1) * (sigma1 + sigma2 + c2)
    )
    result = ssim_map.mean(dim=(1, 2, 3)).reshape(n, c).mean(-1)
    if unbatched:
        result = result.squeeze(0)
    return result.to(original)


__all__ = [
    "affine_transform",
    "crop_images",
    "elastic_transform",
    "extract_patches",
    "extract_patches_3d",
    "gaussian_blur",
    "hsv_to_rgb",
    "map_coordinates",
    "pad_images",
    "perspective_transform",
    "resize",
    "rgb_to_grayscale",
    "rgb_to_hsv",
    "scale_and_translate",
    "sobel_edges",
    "ssim",
]
