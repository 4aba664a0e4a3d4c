"""Image helpers: PIL images <-> NumPy arrays, loading, saving and aspect-preserving resizing.

Pillow is optional: it is imported inside the functions that need it, so `import torchkeras`
works without it.
"""

import io
import pathlib
import warnings

import numpy as np

from torchkeras.backend import config

# Keras's names for Pillow's resampling filters, in Keras's order (the order shows in errors).
_PIL_INTERPOLATION_NAMES = ("nearest", "bilinear", "bicubic", "hamming", "box", "lanczos")


def _pil_image(function_name):
    try:
        from PIL import Image
    except ImportError:
        raise ImportError(
            f"Could not import PIL.Image. The use of `{function_name}` requires PIL. "
            "Install it with: pip install pillow"
        ) from None
    return Image


def _pil_interpolation_methods(pil_image):
    # Pillow >= 9.1 moved the filters to `Image.Resampling`; older versions keep them on `Image`.
    resampling = getattr(pil_image, "Resampling", pil_image)
    return {name: getattr(resampling, name.upper()) for name in _PIL_INTERPOLATION_NAMES}


def array_to_img(x, data_format=None, scale=True, dtype=None):
    """Converts a 3D NumPy array to a PIL Image instance.

    Example:

    ```python
    img = np.random.random(size=(100, 100, 3))
    pil_img = keras.utils.array_to_img(img)
    ```

    Args:
        x: Input data, in any form that can be converted to a NumPy array.
        data_format: Image data format, can be either `"channels_first"` or
            `"channels_last"`. Defaults to `None`, in which case the global
            setting `keras.backend.image_data_format()` is used.
        scale: Whether to rescale the image such that minimum and maximum values
            are 0 and 255 respectively. Defaults to `True`.
        dtype: Dtype to use. Defaults to `None`, meaning `keras.backend.floatx()`.

    Returns:
        A PIL Image instance.
    """
    data_format = config.standardize_data_format(data_format)
    if dtype is None:
        dtype = config.floatx()
    pil_image = _pil_image("array_to_img")
    if hasattr(x, "detach"):  # a torch tensor, possibly on an accelerator
        x = x.detach().cpu().numpy()
    x = np.asarray(x, dtype=dtype)
    if x.ndim != 3:
        raise ValueError(
            "Expected image array to have rank 3 (single image). "
            f"Got array with shape: {x.shape}"
        )
    # PIL wants (height, width, channels).
    if data_format == "channels_first":
        x = x.transpose(1, 2, 0)
    if scale:
        x = x - np.min(x)
        x_max = np.max(x)
        if x_max != 0:
            x /= x_max
        x *= 255
    channels = x.shape[2]
    if channels == 4:
        return pil_image.fromarray(x.astype("uint8"), "RGBA")
    if channels == 3:
        return pil_image.fromarray(x.astype("uint8"), "RGB")
    if channels == 1:
        if np.max(x) > 255:
            # Values beyond 8 bits: a 32-bit signed integer grayscale image (PIL mode "I").
            return pil_image.fromarray(x[:, :, 0].astype("int32"), "I")
        return pil_image.fromarray(x[:, :, 0].astype("uint8"), "L")
    raise ValueError(f"Unsupported channel number: {channels}")


def img_to_array(img, data_format=None, dtype=None):
    """Converts a PIL Image instance to a NumPy array.

    Example:

    ```python
    img = keras.utils.array_to_img(np.random.random(size=(100, 100, 3)))
    array = keras.utils.img_to_array(img)
    ```

    Args:
        img: Input PIL Image instance.
        data_format: Image data format, can be either `"channels_first"` or
            `"channels_last"`. Defaults to `None`, in which case the global
            setting `keras.backend.image_data_format()` is used.
        dtype: Dtype to use. Defaults to `None`, meaning `keras.backend.floatx()`.

    Returns:
        A 3D NumPy array.
    """
    data_format = config.standardize_data_format(data_format)
    if dtype is None:
        dtype = config.floatx()
    x = np.asarray(img, dtype=dtype)
    if x.ndim == 3:
        if data_format == "channels_first":
            x = x.transpose(2, 0, 1)
    elif x.ndim == 2:
        if data_format == "channels_first":
            x = x.reshape((1, x.shape[0], x.shape[1]))
        else:
            x = x.reshape((x.shape[0], x.shape[1], 1))
    else:
        raise ValueError(f"Unsupported image shape: {x.shape}")
    return x


def save_img(path, x, data_format=None, file_format=None, scale=True, **kwargs):
    """Saves an image stored as a NumPy array to a path or file object.

    Args:
        path: Path or file object.
        x: NumPy array.
        data_format: Image data format, either `"channels_first"` or
            `"channels_last"`. Defaults to `None` (the global setting).
        file_format: Optional file format override. If omitted, the format to
            use is determined from the filename extension. If a file object was
            used instead of a filename, this parameter should always be used.
        scale: Whether to rescale image values to be within `[0, 255]`. Defaults to `True`.
        **kwargs: Additional keyword arguments passed to `PIL.Image.save()`.
    """
    data_format = config.standardize_data_format(data_format)
    if file_format is None and isinstance(path, (str, pathlib.Path)):
        file_format = pathlib.Path(path).suffix[1:].lower()
    # Pillow knows the format as "jpeg" only.
    if file_format and file_format.lower() == "jpg":
        file_format = "jpeg"
    img = array_to_img(x, data_format=data_format, scale=scale)
    if img.mode == "RGBA" and file_format == "jpeg":
        warnings.warn("The JPEG format does not support RGBA images, converting to RGB.")
        img = img.convert("RGB")
    img.save(path, format=file_format, **kwargs)


def load_img(
    path,
    color_mode="rgb",
    target_size=None,
    interpolation="nearest",
    keep_aspect_ratio=False,
):
    """Loads an image into PIL format.

    Example:

    ```python
    image = keras.utils.load_img(image_path)
    input_arr = keras.utils.img_to_array(image)
    input_arr = np.array([input_arr])  # Convert single image to a batch.
    predictions = model.predict(input_arr)
    ```

    Args:
        path: Path to image file (str, bytes, `pathlib.Path`) or an `io.BytesIO`.
        color_mode: One of `"grayscale"`, `"rgb"`, `"rgba"`. The desired image
            format. Defaults to `"rgb"`.
        target_size: Either `None` (the original size) or tuple of ints
            `(img_height, img_width)`. Defaults to `None`.
        interpolation: Interpolation method used to resample the image if the
            target size is different from that of the loaded image: one of
            `"nearest"`, `"bilinear"`, `"bicubic"`, `"hamming"`, `"box"`,
            `"lanczos"`. Defaults to `"nearest"`.
        keep_aspect_ratio: Boolean, whether to resize images to a target
            size without aspect ratio distortion. The image is cropped in
            the center with target aspect ratio before resizing. Defaults to `False`.

    Returns:
        A PIL Image instance.
    """
    pil_image = _pil_image("load_img")
    if isinstance(path, io.BytesIO):
        img = pil_image.open(path)
    elif isinstance(path, (pathlib.Path, bytes, str)):
        if isinstance(path, pathlib.Path):
            path = str(path.resolve())
        # Read the bytes first so the file handle is closed before PIL's lazy decoding.
        with open(path, "rb") as f:
            img = pil_image.open(io.BytesIO(f.read()))
    else:
        raise TypeError(f"path should be path-like or io.BytesIO, not {type(path)}")

    if color_mode == "grayscale":
        # Keep 8-, 16- and 32-bit grayscale images as they are; convert the rest to 8-bit.
        if img.mode not in ("L", "I;16", "I"):
            img = img.convert("L")
    elif color_mode == "rgba":
        if img.mode != "RGBA":
            img = img.convert("RGBA")
    elif color_mode == "rgb":
        if img.mode != "RGB":
            img = img.convert("RGB")
    else:
        raise ValueError('color_mode must be "grayscale", "rgb", or "rgba"')
    if target_size is None:
        return img
    width_height = (target_size[1], target_size[0])
    if img.size == width_height:
        return img
    methods = _pil_interpolation_methods(pil_image)
    if interpolation not in methods:
        raise ValueError(
            f"Invalid interpolation method {interpolation} specified. Supported "
            f"methods are {', '.join(methods)}"
        )
    resample = methods[interpolation]
    if not keep_aspect_ratio:
        return img.resize(width_height, resample)
    # The largest centred crop with the target's aspect ratio, resized to the target.
    width, height = img.size
    target_width, target_height = width_height
    crop_height = min(height, (width * target_height) // target_width)
    crop_width = min(width, (height * target_width) // target_height)
    top = (height - crop_height) // 2
    left = (width - crop_width) // 2
    box = [left, top, left + crop_width, top + crop_height]
    return img.resize(width_height, resample, box=box)


def smart_resize(x, size, interpolation="bilinear", data_format="channels_last", **kwargs):
    """Resize images to a target size without aspect ratio distortion.

    The resizing process is:

    1. Take the largest centered crop of the image that has the same aspect
    ratio as the target size. For instance, if `size=(200, 200)` and the input
    image has size `(340, 500)`, we take a crop of `(340, 340)` centered along
    the width.
    2. Resize the cropped image to the target size. In the example above,
    we resize the `(340, 340)` crop to `(200, 200)`.

    Args:
        x: Input image or batch of images (as a tensor or NumPy array).
            Must be in format `(height, width, channels)`
            or `(batch_size, height, width, channels)`.
        size: Tuple of `(height, width)` integer. Target size.
        interpolation: String, interpolation to use for resizing: `"bilinear"`,
            `"nearest"`, `"bicubic"`, `"area"`, `"lanczos3"`, `"lanczos5"`.
            Defaults to `"bilinear"`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to `"channels_last"`.
        **kwargs: `backend_module`, accepted for Keras compatibility; torchkeras always resizes
            with `keras.ops.image.resize`.

    Returns:
        Array with shape `(size[0], size[1], channels)`. A NumPy input gives a NumPy array, a
        tensor input a torch tensor. As TensorFlow does, every method but `"nearest"` returns
        float32; `"nearest"` keeps the input dtype.
    """
    import torch

    from torchkeras.ops import image as image_ops

    kwargs.pop("backend_module", None)
    if kwargs:
        raise TypeError(f"smart_resize() got unexpected keyword arguments: {list(kwargs.keys())}")
    if len(size) != 2:
        raise ValueError(f"Expected `size` to be a tuple of 2 integers, but got: {size}.")
    img = x if isinstance(x, torch.Tensor) else torch.as_tensor(np.asarray(x))
    if img.dim() < 3 or img.dim() > 4:
        raise ValueError(
            "Expected an image array with shape `(height, width, "
            "channels)`, or `(batch_size, height, width, channels)`, but "
            f"got input with incorrect rank, of shape {tuple(img.shape)}."
        )
    if data_format == "channels_last":
        height, width = img.shape[-3], img.shape[-2]
    else:
        height, width = img.shape[-2], img.shape[-1]
    target_height, target_width = size
    crop_height = max(min(height, int(float(width * target_height) / target_width)), 1)
    crop_width = max(min(width, int(float(height * target_width) / target_height)), 1)
    top = int(float(height - crop_height) / 2)
    left = int(float(width - crop_width) / 2)
    rows = slice(top, top + crop_height)
    cols = slice(left, left + crop_width)
    if data_format == "channels_last":
        img = img[..., rows, cols, :]
    else:
        img = img[..., rows, cols]
    if interpolation != "nearest":
        # tf.image.resize computes (and returns) float32 for every method but "nearest".
        img = img.to(torch.float32)
    img = image_ops.resize(img, size=size, interpolation=interpolation, data_format=data_format)
    if isinstance(x, np.ndarray):
        return img.detach().cpu().numpy()
    return img
