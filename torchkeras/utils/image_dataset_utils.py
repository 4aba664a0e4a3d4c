"""`keras.utils.image_dataset_from_directory`: a lazily decoded dataset of images on disk."""

import io
import math

import numpy as np
import torch

from torchkeras.backend import config
from torchkeras.utils import dataset_utils

ALLOWLIST_FORMATS = (".bmp", ".gif", ".jpeg", ".jpg", ".png")
_SUPPORTED_INTERPOLATIONS = (
    "bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5", "gaussian", "mitchellcubic",
)


def image_dataset_from_directory(
    directory,
    labels="inferred",
    label_mode="int",
    class_names=None,
    color_mode="rgb",
    batch_size=32,
    image_size=(256, 256),
    shuffle=True,
    seed=None,
    validation_split=None,
    subset=None,
    interpolation="bilinear",
    follow_links=False,
    crop_to_aspect_ratio=False,
    pad_to_aspect_ratio=False,
    data_format=None,
    format="tf",
    verbose=True,
):
    """Generates a dataset from image files in a directory.

    If your directory structure is:

    ```
    main_directory/
    ...class_a/
    ......a_image_1.jpg
    ......a_image_2.jpg
    ...class_b/
    ......b_image_1.jpg
    ......b_image_2.jpg
    ```

    Then calling `image_dataset_from_directory(main_directory, labels='inferred')` will return
    a dataset that yields batches of images from the subdirectories `class_a` and `class_b`,
    together with labels 0 and 1. Supported image formats: `.jpeg`, `.jpg`, `.png`, `.bmp`,
    `.gif` (animated gifs are truncated to the first frame). Images are decoded lazily, batch
    by batch, in a pool of threads.

    Args:
        directory: Directory where the data is located. If `labels` is `"inferred"`, it should
            contain subdirectories, each containing images for a class. Otherwise, the
            directory structure is ignored.
        labels: Either `"inferred"` (labels are generated from the directory structure), `None`
            (no labels), or a list/tuple of integer labels of the same size as the number of
            image files found in the directory, sorted in the alphanumeric order of the image
            file paths (obtained via `os.walk(directory)` in Python).
        label_mode: `"int"` (int32 labels), `"categorical"` (one-hot float32 vectors),
            `"binary"` (float32 scalars 0 or 1, shape `(batch_size, 1)`; exactly 2 classes) or
            `None` (no labels).
        class_names: Only valid if `labels` is `"inferred"`. The explicit list of class names
            (must match names of subdirectories), to control the order of the classes
            (otherwise alphanumerical order is used).
        color_mode: One of `"grayscale"`, `"rgb"`, `"rgba"`. Defaults to `"rgb"`.
        batch_size: Size of the batches of data. Defaults to 32. If `None`, the data will not be
            batched (the dataset will yield individual samples).
        image_size: Size to resize images to, `(height, width)`. Defaults to `(256, 256)`.
        shuffle: Whether to shuffle the data. Defaults to `True`. If set to `False`, sorts the
            data in alphanumeric order.
        seed: Optional random seed for shuffling and transformations.
        validation_split: Optional float between 0 and 1, fraction of data to reserve for
            validation.
        subset: Subset of the data to return: `"training"`, `"validation"`, or `"both"` (a tuple
            of the two datasets). Only used if `validation_split` is set.
        interpolation: The interpolation method used when resizing images: `"bilinear"`,
            `"nearest"`, `"bicubic"`, `"area"`, `"lanczos3"`, `"lanczos5"`. Defaults to
            `"bilinear"`.
        follow_links: Whether to visit subdirectories pointed to by symlinks. Defaults to
            `False`.
        crop_to_aspect_ratio: If `True`, resize the images without aspect ratio distortion,
            cropping the largest centred window with the target aspect ratio.
        pad_to_aspect_ratio: If `True`, resize the images without aspect ratio distortion,
            padding them (with zeros) to the target aspect ratio.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to
            `keras.config.image_data_format()`.
        format: `"tf"`, the `tf.data`-style Dataset (`"grain"` is not available). Defaults to
            `"tf"`.
        verbose: Whether to display number information on classes and number of files found.
            Defaults to `True`.

    Returns:
        A `tf.data`-style `Dataset` (`torchkeras.compat.tensorflow.data.Dataset`) with
        `class_names` and `file_paths` attributes, yielding `(images, labels)` (or `images`
        when `label_mode` is `None`): float32 images of shape
        `(batch_size, height, width, channels)` with values in `[0, 255]` (uint8 with
        `interpolation="nearest"`, as TensorFlow returns), and labels as described above.
    """
    dataset_utils.check_labels_args(labels, label_mode, class_names, "image")
    if labels is None or label_mode is None:
        labels = None
        label_mode = None
    num_channels = {"rgb": 3, "rgba": 4, "grayscale": 1}.get(color_mode)
    if num_channels is None:
        raise ValueError(
            '`color_mode` must be one of {"rgb", "rgba", "grayscale"}. '
            f"Received: color_mode={color_mode}"
        )
    if isinstance(image_size, int):
        image_size = (image_size, image_size)
    elif not isinstance(image_size, (list, tuple)) or not len(image_size) == 2:
        raise ValueError(
            "Invalid `image_size` value. Expected a tuple of 2 integers. "
            f"Received: image_size={image_size}"
        )
    interpolation = interpolation.lower()
    if interpolation not in _SUPPORTED_INTERPOLATIONS:
        raise ValueError(
            "Argument `interpolation` should be one of "
            f"{_SUPPORTED_INTERPOLATIONS}. "
            f"Received: interpolation={interpolation}"
        )
    if interpolation in ("gaussian", "mitchellcubic"):
        raise NotImplementedError(
            f"image_dataset_from_directory: interpolation={interpolation!r} is not available "
            "in torchkeras (see compat/DIFFERENCES.md). Use one of 'bilinear', 'nearest', "
            "'bicubic', 'area', 'lanczos3', 'lanczos5'."
        )
    if format not in ("tf", "grain"):
        raise ValueError(
            f'`format` should be either "tf" or "grain". Received: format={format}'
        )
    if format == "grain":
        raise NotImplementedError(
            'image_dataset_from_directory: format="grain" is not available in torchkeras (see '
            'compat/DIFFERENCES.md). Use the default format="tf", a torch-backed Dataset.'
        )
    if pad_to_aspect_ratio and crop_to_aspect_ratio:
        # Keras raises this when the first image is read; here before any file is read.
        raise ValueError(
            "Only one of `pad_to_aspect_ratio`, `crop_to_aspect_ratio` can be set to `True`."
        )
    dataset_utils.check_validation_split_arg(validation_split, subset, shuffle, seed)

    if seed is None:
        seed = np.random.randint(1e6)
    image_paths, labels, class_names = dataset_utils.index_directory(
        directory, labels, formats=ALLOWLIST_FORMATS, class_names=class_names,
        shuffle=shuffle, seed=seed, follow_links=follow_links, verbose=verbose,
    )
    dataset_utils.check_binary(label_mode, class_names)
    data_format = config.standardize_data_format(data_format)
    shuffle_buffer_size = batch_size * 8 if batch_size is not None else 1024

    def load(path):
        return load_image(path, image_size, num_channels, interpolation, data_format,
                          crop_to_aspect_ratio, pad_to_aspect_ratio)

    def build(paths, subset_labels, subset_shuffle):
        ds = dataset_utils.paths_and_labels_dataset(
            paths, subset_labels, label_mode, len(class_names) if class_names else 0, load,
            shuffle=subset_shuffle, shuffle_buffer_size=shuffle_buffer_size, seed=seed)
        if batch_size is not None:
            ds = ds.batch(batch_size)
        ds.class_names = class_names
        ds.file_paths = paths
        return ds

    if subset == "both":
        train_paths, train_labels = dataset_utils.get_training_or_validation_split(
            image_paths, labels, validation_split, "training")
        val_paths, val_labels = dataset_utils.get_training_or_validation_split(
            image_paths, labels, validation_split, "validation")
        if not train_paths:
            raise ValueError(
                f"No training images found in directory {directory}. "
                f"Allowed formats: {ALLOWLIST_FORMATS}"
            )
        if not val_paths:
            raise ValueError(
                f"No validation images found in directory {directory}. "
                f"Allowed formats: {ALLOWLIST_FORMATS}"
            )
        return [build(train_paths, train_labels, shuffle), build(val_paths, val_labels, False)]

    image_paths, labels = dataset_utils.get_training_or_validation_split(
        image_paths, labels, validation_split, subset)
    if not image_paths:
        raise ValueError(
            f"No images found in directory {directory}. Allowed formats: {ALLOWLIST_FORMATS}"
        )
    return build(image_paths, labels, shuffle)


def load_image(path, image_size, num_channels, interpolation, data_format,
               crop_to_aspect_ratio=False, pad_to_aspect_ratio=False):
    """Read one image file and resize it as `tf.image.resize` does (float32 in [0, 255]; the
    decoded dtype, uint8, for `"nearest"`)."""
    from torchkeras.ops import image as image_ops
    from torchkeras.utils import image_utils

    if num_channels == 1:
        img = _load_grayscale(path)
    else:
        color_mode = "rgb" if num_channels == 3 else "rgba"
        img = np.asarray(image_utils.load_img(path, color_mode=color_mode))
    x = torch.from_numpy(np.array(img))  # (height, width, channels)
    if interpolation != "nearest":
        x = x.to(torch.float32)
    if pad_to_aspect_ratio:
        x = _resize_with_pad(x, image_size, interpolation)
    else:
        x = image_ops.resize(x, image_size, interpolation=interpolation,
                             crop_to_aspect_ratio=crop_to_aspect_ratio,
                             data_format="channels_last")
    if data_format == "channels_first":
        x = x.permute(2, 0, 1).contiguous()
    return x


def _load_grayscale(path):
    # TensorFlow decodes a colour image to one channel with libpng's integer weights
    # (9798, 19235, 3735) / 2**15, truncated; PIL's "L" conversion rounds other weights, which
    # moves some pixels by one level. Grayscale files are read as they are (8 or 16 bits).
    try:
        from PIL import Image
    except ImportError:
        raise ImportError(
            "image_dataset_from_directory requires Pillow: pip install pillow"
        ) from None
    with open(path, "rb") as f:
        img = Image.open(io.BytesIO(f.read()))
    if img.mode in ("L", "I;16", "I"):
        return np.asarray(img)[:, :, None]
    rgb = np.asarray(img.convert("RGB")).astype(np.int64)
    gray = (9798 * rgb[..., 0] + 19235 * rgb[..., 1] + 3735 * rgb[..., 2]) >> 15
    return gray.astype(np.uint8)[:, :, None]


def _resize_with_pad(x, image_size, interpolation):
    # `tf.image.resize_with_pad`: scale to fit inside the target keeping the aspect ratio
    # (sizes floored), then pad with zeros, the extra row/column going to the bottom/right.
    from torchkeras.ops import image as image_ops

    height, width = int(x.shape[0]), int(x.shape[1])
    target_h, target_w = int(image_size[0]), int(image_size[1])
    ratio = max(width / target_w, height / target_h)
    resized_h_float, resized_w_float = height / ratio, width / ratio
    resized_h, resized_w = int(math.floor(resized_h_float)), int(math.floor(resized_w_float))
    top = max(0, int(math.floor((target_h - resized_h_float) / 2)))
    left = max(0, int(math.floor((target_w - resized_w_float) / 2)))
    resized = image_ops.resize(x, (resized_h, resized_w), interpolation=interpolation,
                               data_format="channels_last")
    out = torch.zeros((target_h, target_w, x.shape[2]), dtype=resized.dtype)
    out[top : top + resized_h, left : left + resized_w] = resized
    return out
