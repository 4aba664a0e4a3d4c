"""`tf.image`: resizing, flips, colour adjustments, crops and decoding, on HWC / NHWC tensors.

Images are `(height, width, channels)` or a batch `(n, height, width, channels)`, as in TF.
Decoding uses Pillow (imported when called).
"""

import builtins

import numpy as np
import torch

from torchkeras import backend
from torchkeras.compat.tensorflow._convert import to_tensor as _t
from torchkeras.compat.tensorflow._convert import torch_dtype


class ResizeMethod:
    BILINEAR = "bilinear"
    NEAREST_NEIGHBOR = "nearest"
    BICUBIC = "bicubic"
    AREA = "area"
    LANCZOS3 = "lanczos3"
    LANCZOS5 = "lanczos5"
    GAUSSIAN = "gaussian"
    MITCHELLCUBIC = "mitchellcubic"


def _check_image(image, name="image"):
    x = _t(image)
    if x.dim() not in (3, 4):
        shape = f" (shape {tuple(x.shape)})" if name == "image" else ""
        raise ValueError(f"'{name}'{shape} must have either 3 or 4 dimensions.")
    return x


def _generator(seed):
    return backend.random.make_generator(seed)


def _uniform(shape, low, high, seed):
    return torch.rand(shape, generator=_generator(seed)) * (high - low) + low


# -- dtype conversion --------------------------------------------------------------------------
def _max_value(dtype):
    return torch.iinfo(dtype).max if not dtype.is_floating_point else 1.0


def convert_image_dtype(image, dtype, saturate=False, name=None):
    """Convert pixel values between integer ranges (`[0, MAX]`) and float ranges (`[0, 1]`)."""
    x = _t(image)
    dtype = torch_dtype(dtype)
    if x.dtype == dtype:
        return x
    if x.is_floating_point() and dtype.is_floating_point:
        return x.to(dtype)
    if not x.is_floating_point() and not dtype.is_floating_point:
        # Integer to integer: scale by the ratio of the ranges (a shift, as TF does).
        src, dst = torch.iinfo(x.dtype), torch.iinfo(dtype)
        if src.max > dst.max:
            return torch.div(x.long(), (src.max + 1) // (dst.max + 1), rounding_mode="floor").to(
                dtype)
        return (x.long() * ((dst.max + 1) // (src.max + 1))).to(dtype)
    if x.is_floating_point():
        # Float in [0, 1] to integer: scale by MAX + 0.5 and truncate.
        scaled = x * (torch.iinfo(dtype).max + 0.5)
        if saturate:
            info = torch.iinfo(dtype)
            scaled = scaled.clamp(info.min, info.max)
        return scaled.to(dtype)
    return x.to(dtype) * (1.0 / torch.iinfo(x.dtype).max)


def _as_float(x):
    return (x, None) if x.is_floating_point() else (convert_image_dtype(x, torch.float32), x.dtype)


def _restore(x, original_dtype):
    return x if original_dtype is None else convert_image_dtype(x, original_dtype, saturate=True)


# -- resizing ----------------------------------------------------------------------------------
def resize(images, size, method=ResizeMethod.BILINEAR, preserve_aspect_ratio=False,
           antialias=False, name=None):
    """Resize to `size = (height, width)`; float32 output except for `"nearest"`."""
    from torchkeras.ops import image as ops_image

    x = _check_image(images, "images")
    size = [int(s) for s in (size.tolist() if isinstance(size, torch.Tensor) else size)]
    if len(size) != 2:
        raise ValueError("'size' must be a 1-D Tensor of 2 elements: new_height, new_width")
    height, width = x.shape[-3], x.shape[-2]
    if preserve_aspect_ratio:
        scale = builtins.min(np.float32(size[0]) / np.float32(height),
                             np.float32(size[1]) / np.float32(width))
        size = [int(np.round(scale * np.float32(height))), int(np.round(scale * np.float32(width)))]
    method = str(method).lower()
    if method == "nearest":
        out = ops_image.resize(x, size, interpolation="nearest", antialias=antialias,
                               data_format="channels_last")
        return out.to(x.dtype)
    if method not in ("bilinear", "bicubic", "area", "lanczos3", "lanczos5"):
        raise ValueError(f"Resize method is not implemented: {method}")
    return ops_image.resize(x.to(torch.float32), size, interpolation=method, antialias=antialias,
                            data_format="channels_last")


def resize_with_pad(image, target_height, target_width, method=ResizeMethod.BILINEAR,
                    antialias=False):
    """Resize keeping the aspect ratio, then pad with zeros to `(target_height, target_width)`."""
    x = _check_image(image)
    height, width = np.float32(x.shape[-3]), np.float32(x.shape[-2])
    ratio = builtins.max(width / np.float32(target_width), height / np.float32(target_height))
    resized_h, resized_w = height / ratio, width / ratio
    pad_h = builtins.max(0, int(np.floor((np.float32(target_height) - resized_h) / 2)))
    pad_w = builtins.max(0, int(np.floor((np.float32(target_width) - resized_w) / 2)))
    resized = resize(x, [int(np.floor(resized_h)), int(np.floor(resized_w))], method=method,
                     antialias=antialias)
    return pad_to_bounding_box(resized, pad_h, pad_w, target_height, target_width)


def crop_to_bounding_box(image, offset_height, offset_width, target_height, target_width):
    x = _check_image(image)
    if offset_height + target_height > x.shape[-3]:
        raise ValueError("height must be >= target + offset.")
    if offset_width + target_width > x.shape[-2]:
        raise ValueError("width must be >= target + offset.")
    return x[..., offset_height:offset_height + target_height,
             offset_width:offset_width + target_width, :]


def pad_to_bounding_box(image, offset_height, offset_width, target_height, target_width):
    x = _check_image(image)
    after_h = target_height - offset_height - x.shape[-3]
    after_w = target_width - offset_width - x.shape[-2]
    if after_h < 0:
        raise ValueError("height must be <= target - offset")
    if after_w < 0:
        raise ValueError("width must be <= target - offset")
    return torch.nn.functional.pad(x, (0, 0, offset_width, after_w, offset_height, after_h))


def resize_with_crop_or_pad(image, target_height, target_width):
    """Centre-crop or zero-pad to the target size (crops lose the extra row at the start)."""
    x = _check_image(image)
    height, width = x.shape[-3], x.shape[-2]
    crop_h, crop_w = builtins.max(height - target_height, 0), builtins.max(width - target_width, 0)
    x = x[..., crop_h // 2:crop_h // 2 + builtins.min(height, target_height),
          crop_w // 2:crop_w // 2 + builtins.min(width, target_width), :]
    pad_h, pad_w = builtins.max(target_height - height, 0), builtins.max(target_width - width, 0)
    return pad_to_bounding_box(x, pad_h // 2, pad_w // 2, target_height, target_width)


def central_crop(image, central_fraction):
    x = _check_image(image)
    if central_fraction <= 0.0 or central_fraction > 1.0:
        raise ValueError("central_fraction must be within (0, 1]")
    if central_fraction == 1.0:
        return x
    height, width = x.shape[-3], x.shape[-2]
    start_h = int((float(height) - float(height) * central_fraction) / 2)
    start_w = int((float(width) - float(width) * central_fraction) / 2)
    return x[..., start_h:height - start_h, start_w:width - start_w, :]


def random_crop(value, size, seed=None, name=None):
    x = _t(value)
    size = [int(s) for s in (size.tolist() if isinstance(size, torch.Tensor) else size)]
    if len(size) != x.dim():
        raise ValueError(f"`size` must have one entry per dimension of `value`. Received: "
                         f"size={size} for shape {tuple(x.shape)}")
    generator = _generator(seed)
    slices = []
    for dim, target in zip(x.shape, size):
        if target > dim:
            from torchkeras.compat.tensorflow import errors

            # TF's assertion text (its summarized data holds the two shapes).
            from torchkeras.compat.tensorflow.debugging import Assert

            Assert(torch.tensor(False), ["Need value.shape >= size, got ", list(x.shape), size])
        start = int(torch.randint(0, dim - target + 1, (1,), generator=generator))
        slices.append(slice(start, start + target))
    return x[tuple(slices)]


# -- flips and rotations -----------------------------------------------------------------------
def flip_left_right(image):
    return _check_image(image).flip(-2)


def flip_up_down(image):
    return _check_image(image).flip(-3)


def transpose(image, name=None):
    return _check_image(image).transpose(-3, -2)


def rot90(image, k=1, name=None):
    return torch.rot90(_check_image(image), int(k), dims=(-3, -2))


def _random_flip(image, axis, seed):
    x = _check_image(image)
    if x.dim() == 3:
        flip = bool(torch.rand((), generator=_generator(seed)) < 0.5)
        return x.flip(axis) if flip else x
    # Each image of a batch is flipped on its own draw.
    flip = (torch.rand((x.shape[0],), generator=_generator(seed)) < 0.5).to(x.device)
    return torch.where(flip.reshape(-1, 1, 1, 1), x.flip(axis), x)


def random_flip_left_right(image, seed=None):
    return _random_flip(image, -2, seed)


def random_flip_up_down(image, seed=None):
    return _random_flip(image, -3, seed)


# -- colour ------------------------------------------------------------------------------------
def adjust_brightness(image, delta):
    x, original = _as_float(_t(image))
    return _restore(x + delta, original)


def adjust_contrast(images, contrast_factor):
    """`(x - mean) * contrast_factor + mean`, with the mean per image and channel."""
    x, original = _as_float(_t(images))
    mean = x.mean(dim=(-3, -2), keepdim=True)
    return _restore((x - mean) * contrast_factor + mean, original)


def adjust_gamma(image, gamma=1, gain=1):
    x, original = _as_float(_t(image))
    return _restore(gain * x ** gamma, original)


def adjust_saturation(image, saturation_factor, name=None):
    from torchkeras.ops import image as ops_image

    x, original = _as_float(_t(image))
    hsv = ops_image.rgb_to_hsv(x, data_format="channels_last")
    hsv = torch.cat([hsv[..., :1], (hsv[..., 1:2] * saturation_factor).clamp(0, 1),
                     hsv[..., 2:]], dim=-1)
    return _restore(ops_image.hsv_to_rgb(hsv, data_format="channels_last"), original)


def random_brightness(image, max_delta, seed=None):
    if max_delta < 0:
        raise ValueError("max_delta must be non-negative.")
    return adjust_brightness(image, float(_uniform((), -max_delta, max_delta, seed)))


def random_contrast(image, lower, upper, seed=None):
    if upper <= lower:
        raise ValueError("upper must be > lower.")
    if lower < 0:
        raise ValueError("lower must be non-negative.")
    return adjust_contrast(image, float(_uniform((), lower, upper, seed)))


def random_saturation(image, lower, upper, seed=None):
    if upper <= lower:
        raise ValueError("upper must be > lower.")
    if lower < 0:
        raise ValueError("lower must be non-negative.")
    return adjust_saturation(image, float(_uniform((), lower, upper, seed)))


def rgb_to_grayscale(images, name=None):
    x, original = _as_float(_t(images))
    weights = torch.tensor([0.2989, 0.5870, 0.1140], dtype=x.dtype, device=x.device)
    return _restore((x * weights).sum(-1, keepdim=True), original)


def grayscale_to_rgb(images, name=None):
    x = _t(images)
    return x.expand(*x.shape[:-1], 3).clone()


def rgb_to_hsv(images, name=None):
    from torchkeras.ops import image as ops_image

    return ops_image.rgb_to_hsv(_t(images), data_format="channels_last")


def hsv_to_rgb(images, name=None):
    from torchkeras.ops import image as ops_image

    return ops_image.hsv_to_rgb(_t(images), data_format="channels_last")


def per_image_standardization(image):
    """`(x - mean) / max(stddev, 1 / sqrt(num_pixels))` per image; float32 for integer input."""
    x = _check_image(image)
    if not x.is_floating_point():
        x = x.to(torch.float32)
    dims = (-3, -2, -1)
    count = x.shape[-3] * x.shape[-2] * x.shape[-1]
    mean = x.mean(dim=dims, keepdim=True)
    std = x.std(dim=dims, keepdim=True, correction=0)
    floor = torch.rsqrt(torch.tensor(float(count), dtype=x.dtype, device=x.device))
    return (x - mean) / torch.maximum(std, floor)


def image_gradients(image):
    x = _t(image)
    if x.dim() != 4:
        raise ValueError(f"image_gradients expects a 4D tensor [batch_size, h, w, d], not "
                         f"{tuple(x.shape)}.")
    dy = torch.nn.functional.pad(x[:, 1:] - x[:, :-1], (0, 0, 0, 0, 0, 1))
    dx = torch.nn.functional.pad(x[:, :, 1:] - x[:, :, :-1], (0, 0, 0, 1))
    return dy, dx


def total_variation(images, name=None):
    x = _t(images)
    dims = (-3, -2, -1)
    return (torch.abs(x[..., 1:, :, :] - x[..., :-1, :, :]).sum(dims)
            + torch.abs(x[..., :, 1:, :] - x[..., :, :-1, :]).sum(dims))


def psnr(a, b, max_val, name=None):
    a, b = _t(a).to(torch.float32), _t(b).to(torch.float32)
    mse = torch.mean(torch.square(a - b), dim=(-3, -2, -1))
    return 10.0 * torch.log10(float(max_val) ** 2 / mse)


def extract_patches(images, sizes, strides, rates, padding, name=None):
    """Patches of `sizes` as the last axis `(kh * kw * channels)`, in row, column, channel order."""
    from torchkeras.compat.tensorflow.nn import _resolve_padding

    x = _t(images)
    if x.dim() != 4:
        raise ValueError(f"`images` must be 4-D (batch, height, width, channels). Received: "
                         f"shape={tuple(x.shape)}")
    (kh, kw), (sh, sw), (rh, rw) = (tuple(int(v) for v in list(arg)[1:3])
                                    for arg in (sizes, strides, rates))
    channels = x.shape[-1]
    nchw = x.movedim(-1, 1)
    pads = _resolve_padding(padding, nchw.shape[2:], (kh, kw), (sh, sw), (rh, rw), True)
    nchw = torch.nn.functional.pad(nchw, [pads[1][0], pads[1][1], pads[0][0], pads[0][1]])
    # unfold gives (n, c * kh * kw, L) in channel-major order; TF wants (kh, kw, c).
    cols = torch.nn.functional.unfold(nchw.float() if not nchw.is_floating_point() else nchw,
                                      (kh, kw), dilation=(rh, rw), stride=(sh, sw))
    out_h = (nchw.shape[2] - (kh - 1) * rh - 1) // sh + 1
    out_w = (nchw.shape[3] - (kw - 1) * rw - 1) // sw + 1
    cols = cols.reshape(x.shape[0], channels, kh * kw, out_h, out_w).permute(0, 3, 4, 2, 1)
    return cols.reshape(x.shape[0], out_h, out_w, kh * kw * channels).to(x.dtype)


def _iou(box, boxes):
    """IoU of one `(y1, x1, y2, x2)` box with many (corners in any order, as TF allows)."""
    def norm(b):
        return (torch.minimum(b[..., 0], b[..., 2]), torch.minimum(b[..., 1], b[..., 3]),
                torch.maximum(b[..., 0], b[..., 2]), torch.maximum(b[..., 1], b[..., 3]))

    ay1, ax1, ay2, ax2 = norm(box)
    by1, bx1, by2, bx2 = norm(boxes)
    inter = ((torch.minimum(ay2, by2) - torch.maximum(ay1, by1)).clamp(min=0)
             * (torch.minimum(ax2, bx2) - torch.maximum(ax1, bx1)).clamp(min=0))
    union = (ay2 - ay1) * (ax2 - ax1) + (by2 - by1) * (bx2 - bx1) - inter
    return torch.where(union > 0, inter / torch.where(union > 0, union, 1.0), 0.0)


def non_max_suppression(boxes, scores, max_output_size, iou_threshold=0.5,
                        score_threshold=float("-inf"), name=None):
    """Greedy NMS: indices (int32) of kept boxes by decreasing score."""
    boxes, scores = _t(boxes).float(), _t(scores).float()
    order = torch.argsort(scores, descending=True, stable=True)
    order = order[scores[order] > score_threshold]
    keep = []
    while order.numel() and len(keep) < int(max_output_size):
        best = order[0]
        keep.append(int(best))
        rest = order[1:]
        order = rest[_iou(boxes[best], boxes[rest]) <= iou_threshold]
    return torch.tensor(keep, dtype=torch.int32, device=boxes.device)


# -- stateless random ops (seed: a shape [2] integer pair) -------------------------------------
def _seed_int(seed):
    values = [int(v) for v in (seed.tolist() if isinstance(seed, torch.Tensor) else seed)]
    return (values[0] * 1000003 + values[1]) % (2**63 - 1)


def stateless_random_flip_left_right(image, seed):
    return _random_flip(image, -2, _seed_int(seed))


def stateless_random_flip_up_down(image, seed):
    return _random_flip(image, -3, _seed_int(seed))


def stateless_random_brightness(image, max_delta, seed):
    return random_brightness(image, max_delta, _seed_int(seed))


def stateless_random_contrast(image, lower, upper, seed):
    return random_contrast(image, lower, upper, _seed_int(seed))


def stateless_random_saturation(image, lower, upper, seed):
    return random_saturation(image, lower, upper, _seed_int(seed))


def stateless_random_crop(value, size, seed, name=None):
    return random_crop(value, size, _seed_int(seed))


def _color_matrix(images, kernel):
    x = _t(images)
    k = torch.tensor(kernel, dtype=x.dtype, device=x.device)
    return torch.tensordot(x, k, dims=([x.dim() - 1], [0]))


def rgb_to_yiq(images):
    return _color_matrix(images, [[0.299, 0.59590059, 0.2115],
                                  [0.587, -0.27455667, -0.52273617],
                                  [0.114, -0.32134392, 0.31119955]])


def yiq_to_rgb(images):
    return _color_matrix(images, [[1, 1, 1], [0.95598634, -0.27201283, -1.10674021],
                                  [0.6208248, -0.64720424, 1.70423049]])


def rgb_to_yuv(images):
    return _color_matrix(images, [[0.299, -0.14714119, 0.61497538],
                                  [0.587, -0.28886916, -0.51496512],
                                  [0.114, 0.43601035, -0.10001026]])


def yuv_to_rgb(images):
    return _color_matrix(images, [[1, 1, 1], [0, -0.394642334, 2.03206185],
                                  [1.13988303, -0.58062185, 0]])


def adjust_hue(image, delta, name=None):
    from torchkeras.ops import image as ops_image

    x, original = _as_float(_t(image))
    hsv = ops_image.rgb_to_hsv(x, data_format="channels_last")
    hue = torch.remainder(hsv[..., :1] + delta, 1.0)
    rgb = ops_image.hsv_to_rgb(torch.cat([hue, hsv[..., 1:]], dim=-1),
                               data_format="channels_last")
    return _restore(rgb, original)


def random_hue(image, max_delta, seed=None):
    if max_delta > 0.5:
        raise ValueError("max_delta must be <= 0.5.")
    if max_delta < 0:
        raise ValueError("max_delta must be non-negative.")
    return adjust_hue(image, float(_uniform((), -max_delta, max_delta, seed)))


def sobel_edges(image):
    """`(n, h, w, c, 2)`: the vertical and horizontal Sobel responses (reflect padding)."""
    x = _t(image)
    ky = torch.tensor([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], dtype=x.dtype, device=x.device)
    kernels = torch.stack([ky, ky.t()])  # (2, 3, 3)
    n, h, w, c = x.shape
    planes = x.permute(0, 3, 1, 2).reshape(n * c, 1, h, w)
    planes = torch.nn.functional.pad(planes, (1, 1, 1, 1), mode="reflect")
    out = torch.nn.functional.conv2d(planes, kernels.unsqueeze(1))
    return out.reshape(n, c, 2, h, w).permute(0, 3, 4, 1, 2)


def _gaussian_kernel(size, sigma, dtype):
    coords = torch.arange(size, dtype=dtype) - (size - 1) / 2.0
    g = coords * coords * (-0.5 / (sigma * sigma))
    g = (g.reshape(1, -1) + g.reshape(-1, 1)).reshape(-1)
    return torch.softmax(g, dim=0).reshape(size, size)


def ssim(img1, img2, max_val, filter_size=11, filter_sigma=1.5, k1=0.01, k2=0.03,
         return_index_map=False):
    """Structural similarity per image (TF's Gaussian-window SSIM, averaged over channels)."""
    x, y = convert_image_dtype(_t(img1), torch.float32), convert_image_dtype(_t(img2),
                                                                            torch.float32)
    max_val = float(convert_image_dtype(_t(max_val, _t(img1).dtype), torch.float32))
    kernel = _gaussian_kernel(int(filter_size), float(filter_sigma), torch.float32).to(x.device)
    channels = x.shape[-1]
    weight = kernel.expand(channels, 1, *kernel.shape)

    def reducer(t):
        lead = t.shape[:-3]
        flat = t.reshape(-1, *t.shape[-3:]).movedim(-1, 1)
        out = torch.nn.functional.conv2d(flat, weight, groups=channels).movedim(1, -1)
        return out.reshape(*lead, *out.shape[1:])

    c1, c2 = (k1 * max_val) ** 2, (k2 * max_val) ** 2
    mean0, mean1 = reducer(x), reducer(y)
    num0 = mean0 * mean1 * 2.0
    den0 = mean0 * mean0 + mean1 * mean1
    luminance = (num0 + c1) / (den0 + c1)
    num1 = reducer(x * y) * 2.0
    den1 = reducer(x * x + y * y)
    cs = (num1 - num0 + c2) / (den1 - den0 + c2)
    value = luminance * cs
    if return_index_map:
        return value.mean(-1)
    return value.mean(dim=(-3, -2)).mean(-1)


def crop_and_resize(image, boxes, box_indices, crop_size, method="bilinear",
                    extrapolation_value=0.0, name=None):
    """Crop normalised `(y1, x1, y2, x2)` boxes from a batch and resize each to `crop_size`."""
    images = _t(image).to(torch.float32)
    boxes = _t(boxes).to(torch.float32)
    indices = _t(box_indices).long()
    crop_h, crop_w = (int(v) for v in crop_size)
    height, width = images.shape[1], images.shape[2]
    outputs = []
    for box, index in zip(boxes, indices):
        y1, x1, y2, x2 = box
        steps_y = torch.arange(crop_h, dtype=torch.float32, device=images.device)
        steps_x = torch.arange(crop_w, dtype=torch.float32, device=images.device)
        in_y = (y1 * (height - 1) + steps_y * ((y2 - y1) * (height - 1) / (crop_h - 1))
                if crop_h > 1 else (0.5 * (y1 + y2) * (height - 1)).expand(1))
        in_x = (x1 * (width - 1) + steps_x * ((x2 - x1) * (width - 1) / (crop_w - 1))
                if crop_w > 1 else (0.5 * (x1 + x2) * (width - 1)).expand(1))
        picture = images[index]
        valid = ((in_y >= 0) & (in_y <= height - 1)).reshape(-1, 1, 1) & (
            (in_x >= 0) & (in_x <= width - 1)).reshape(1, -1, 1)
        if method == "nearest":
            rows = torch.round(in_y).clamp(0, height - 1).long()
            cols = torch.round(in_x).clamp(0, width - 1).long()
            crop = picture[rows][:, cols]
        else:
            top = in_y.floor().clamp(0, height - 1)
            left = in_x.floor().clamp(0, width - 1)
            bottom = (top + 1).clamp(max=height - 1)
            right = (left + 1).clamp(max=width - 1)
            dy = (in_y - top).reshape(-1, 1, 1)
            dx = (in_x - left).reshape(1, -1, 1)
            t, b, l, r = top.long(), bottom.long(), left.long(), right.long()
            top_row = picture[t][:, l] + (picture[t][:, r] - picture[t][:, l]) * dx
            bottom_row = picture[b][:, l] + (picture[b][:, r] - picture[b][:, l]) * dx
            crop = top_row + (bottom_row - top_row) * dy
        outputs.append(torch.where(valid, crop, torch.tensor(float(extrapolation_value),
                                                             device=crop.device)))
    return torch.stack(outputs)


# -- decoding ----------------------------------------------------------------------------------
def _pillow():
    try:
        from PIL import Image
    except ImportError:
        raise ImportError(
            "tf.image.decode_* requires Pillow: pip install pillow"
        ) from None
    return Image


def _contents(contents):
    if isinstance(contents, torch.Tensor):
        return contents.cpu().numpy().tobytes()
    if isinstance(contents, str):
        return contents.encode("latin-1")
    return bytes(contents)


def _decode(contents, channels, dtype, kind):
    import io

    Image = _pillow()
    image = Image.open(io.BytesIO(_contents(contents)))
    if kind is not None and image.format not in kind:
        from torchkeras.compat.tensorflow import errors

        raise errors.InvalidArgumentError(
            f"Expected image ({'/'.join(kind)}), got {image.format or 'unknown format'}"
        )
    channels = int(channels or 0)
    if channels == 0:
        mode = {"L": "L", "LA": "LA", "RGBA": "RGBA", "P": "RGBA" if "transparency" in
                image.info else "RGB"}.get(image.mode, "RGB")
    else:
        mode = {1: "L", 2: "LA", 3: "RGB", 4: "RGBA"}[channels]
    array = np.asarray(image.convert(mode))
    if array.ndim == 2:
        array = array[..., None]
    out = torch.as_tensor(array.copy(), device=backend.get_device())
    return convert_image_dtype(out, dtype) if dtype is not None else out


def decode_jpeg(contents, channels=0, ratio=1, fancy_upscaling=True, try_recover_truncated=False,
                acceptable_fraction=1, dct_method="", name=None):
    return _decode(contents, channels, None, ("JPEG",))


def decode_png(contents, channels=0, dtype="uint8", name=None):
    return _decode(contents, channels, dtype, ("PNG",))


def decode_bmp(contents, channels=0, name=None):
    return _decode(contents, channels, None, ("BMP",))


def decode_gif(contents, name=None):
    # TF returns all frames as (frames, h, w, 3); the first frame only here.
    return _decode(contents, 3, None, ("GIF",)).unsqueeze(0)


def decode_image(contents, channels=None, dtype="uint8", name=None, expand_animations=True):
    return _decode(contents, channels, dtype, None)


def _encode(image, fmt, **options):
    import io

    Image = _pillow()
    array = _t(image).detach().cpu().numpy()
    if array.shape[-1] == 1:
        array = array[..., 0]
    buffer = io.BytesIO()
    Image.fromarray(array).save(buffer, format=fmt, **options)
    return buffer.getvalue()


def encode_png(image, compression=-1, name=None):
    return _encode(image, "PNG")


def encode_jpeg(image, format="", quality=95, progressive=False, optimize_size=False,
                chroma_downsampling=True, density_unit="in", x_density=300, y_density=300,
                xmp_metadata="", name=None):
    return _encode(image, "JPEG", quality=quality)


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(
        f"tf.image.{name} is not provided by torchkeras.compat. Use the `keras.ops.image` "
        "equivalent, or see compat/DIFFERENCES.md."
    )
