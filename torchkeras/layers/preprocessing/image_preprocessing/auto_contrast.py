"""AutoContrast: stretch each image channel to the full value range."""

import torch

from torchkeras.layers.preprocessing.image_preprocessing import image_ops
from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


class AutoContrast(BaseImagePreprocessingLayer):
    """Performs the auto-contrast operation on an image.

    Auto contrast stretches the values of an image across the entire available `value_range`:
    per image and channel, the lowest value maps to the low end and the highest to the high end.
    Channels whose result is NaN (constant channels) are left unchanged. Applied in training
    and inference.

    Args:
        value_range: The range of the input values, `[low, high]`. Defaults to `(0, 255)`.
    """

    _USE_BASE_FACTOR = False

    def __init__(self, value_range=(0, 255), **kwargs):
        super().__init__(**kwargs)
        self._set_value_range(value_range)

    def transform_images(self, images, transformation=None, training=True):
        original = images
        dtype = self._torch_compute_dtype
        images = self._transform_value_range(images, self.value_range, (0, 255), dtype=dtype)
        images = images.to(dtype)
        low = images.amin(dim=(1, 2), keepdim=True)
        high = images.amax(dim=(1, 2), keepdim=True)
        scale = 255.0 / (high - low)
        offset = -low * scale
        results = (images * scale + offset).clamp(0.0, 255.0)
        results = self._transform_value_range(results, (0, 255), self.value_range, dtype=dtype)
        # Constant channels give NaN: leave them as they were.
        results = torch.where(torch.isnan(results), original.to(results.dtype), results)
        if results.dtype == images.dtype:
            return results
        if not images.is_floating_point():
            results = torch.round(results)
        return image_ops.saturate_cast(results, images.dtype)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        config = super().get_config()
        config.update({"value_range": self.value_range})
        return config
