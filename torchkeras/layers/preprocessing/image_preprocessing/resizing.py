"""Resizing: resize images to a target size, optionally cropping or padding to its aspect."""

import torch

from torchkeras.layers.preprocessing.image_preprocessing import image_ops
from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


def crop_or_pad_to_aspect_ratio(images, size, crop, pad, fill_value):
    """Center-crop (or pad with `fill_value`) channels-last images to the aspect of `size`,
    with the integer arithmetic of Keras's TensorFlow backend."""
    height, width = images.shape[1], images.shape[2]
    target_height, target_width = size
    if crop:
        crop_height = max(min(height, int(width * target_height / target_width)), 1)
        crop_width = max(min(width, int(height * target_width / target_height)), 1)
        top = int((height - crop_height) / 2)
        left = int((width - crop_width) / 2)
        return images[:, top:top + crop_height, left:left + crop_width, :]
    pad_height = max(height, int(width * target_height / target_width))
    pad_width = max(width, int(height * target_width / target_height))
    top = int((pad_height - height) / 2)
    left = int((pad_width - width) / 2)
    # As in Keras: the same padding on both sides (an odd difference loses a row).
    if top > 0:
        band = torch.full((images.shape[0], top, width, images.shape[3]), float(fill_value),
                          dtype=images.dtype, device=images.device)
        images = torch.cat([band, images, band], dim=1)
    if left > 0:
        band = torch.full((images.shape[0], images.shape[1], left, images.shape[3]),
                          float(fill_value), dtype=images.dtype, device=images.device)
        images = torch.cat([band, images, band], dim=2)
    return images


class Resizing(BaseImagePreprocessingLayer):
    """A preprocessing layer which resizes images.

    This layer resizes an image input to a target height and width, with the kernels of
    `tf.image.resize` (the numbers equal Keras's on TensorFlow). Integer images are rounded and
    cast back to their dtype. Input and output are `(..., height, width, channels)` in
    `"channels_last"` format.

    Args:
        height: Integer, the height of the output shape.
        width: Integer, the width of the output shape.
        interpolation: `"bilinear"`, `"nearest"`, `"bicubic"`, `"area"`, `"lanczos3"` or
            `"lanczos5"`. Defaults to `"bilinear"`.
        crop_to_aspect_ratio: Center-crop the image to the target aspect ratio before resizing,
            so it is not distorted. Defaults to `False`.
        pad_to_aspect_ratio: Pad the image (with `fill_value`) to the target aspect ratio before
            resizing. Defaults to `False`.
        fill_mode: Only `"constant"` is supported. Defaults to `"constant"`.
        fill_value: Value of the padding with `pad_to_aspect_ratio`. Defaults to `0.0`.
        antialias: Use an anti-aliasing filter when downsampling. Defaults to `False`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to
            `keras.config.image_data_format()`.

    Example:

    >>> layer = keras.layers.Resizing(2, 2)
    >>> layer(np.ones((1, 4, 4, 3), "float32")).shape
    torch.Size([1, 2, 2, 3])
    """

    _USE_BASE_FACTOR = False

    def __init__(self, height, width, interpolation="bilinear", crop_to_aspect_ratio=False,
                 pad_to_aspect_ratio=False, fill_mode="constant", fill_value=0.0,
                 antialias=False, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        if interpolation not in image_ops.RESIZE_INTERPOLATIONS:
            raise ValueError(
                "Invalid value for argument `interpolation`. Expected of one "
                f"{image_ops.RESIZE_INTERPOLATIONS}. Received: interpolation={interpolation}"
            )
        if fill_mode != "constant":
            raise ValueError(
                "Invalid value for argument `fill_mode`. Only `'constant'` "
                f"is supported. Received: fill_mode={fill_mode}"
            )
        if pad_to_aspect_ratio and crop_to_aspect_ratio:
            raise ValueError(
                "Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio` can be `True`."
            )
        self.height = height
        self.width = width
        self.interpolation = interpolation
        self.crop_to_aspect_ratio = crop_to_aspect_ratio
        self.pad_to_aspect_ratio = pad_to_aspect_ratio
        self.fill_mode = fill_mode
        self.fill_value = fill_value
        self.antialias = bool(antialias)

    def _transform_images(self, images, transformation, interpolation):
        size = (self.height, self.width)
        x = self._to_channels_last(images)
        if self.crop_to_aspect_ratio or self.pad_to_aspect_ratio:
            x = crop_or_pad_to_aspect_ratio(
                x, size, self.crop_to_aspect_ratio, self.pad_to_aspect_ratio, self.fill_value
            )
        resized = self._from_channels_last(
            image_ops.resize(x, size, interpolation, self.antialias)
        )
        if resized.dtype == images.dtype:
            return resized
        if not images.is_floating_point():
            resized = torch.round(resized)
        return image_ops.saturate_cast(resized, images.dtype)

    def transform_images(self, images, transformation=None, training=True):
        return self._transform_images(images, transformation, self.interpolation)

    def transform_segmentation_masks(self, segmentation_masks, transformation=None,
                                     training=True):
        return self._transform_images(segmentation_masks, transformation, "nearest")

    def compute_output_shape(self, input_shape):
        input_shape = list(input_shape)
        h_axis, w_axis = self._hw_axes(len(input_shape))
        input_shape[h_axis] = self.height
        input_shape[w_axis] = self.width
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config.update({
            "height": self.height,
            "width": self.width,
            "interpolation": self.interpolation,
            "crop_to_aspect_ratio": self.crop_to_aspect_ratio,
            "pad_to_aspect_ratio": self.pad_to_aspect_ratio,
            "fill_mode": self.fill_mode,
            "fill_value": self.fill_value,
            "antialias": self.antialias,
            "data_format": self.data_format,
        })
        return config
