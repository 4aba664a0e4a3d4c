"""RandomHue: shift the hue of images by a random amount during training."""

import torch

from torchkeras.layers.preprocessing.image_preprocessing import image_ops
from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


class RandomHue(BaseImagePreprocessingLayer):
    """Randomly adjusts the hue of RGB images during training.

    For each image a shift `f / 2` (with `f` drawn from the factor range, and a random sign) is
    added to the HSV hue, which wraps around.

    Args:
        factor: A float in `[0, 1]` (range `[0, factor]`) or a `(lower, upper)` pair.
        value_range: The range of the input values, `[low, high]`. Defaults to `(0, 255)`.
        data_format: `"channels_last"` or `"channels_first"`.
        seed: Integer. Used to create a random seed.
    """

    _USE_BASE_FACTOR = True
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, factor, value_range=(0, 255), data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.value_range = value_range
        self._make_seed_generator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        images = self._images_of(data)
        batch_size = self._batch_size(images)
        generator = self._random_generator(images.device)
        invert = torch.rand((batch_size,), generator=generator, device=images.device)
        invert = torch.where(invert > 0.5, -1.0, 1.0)
        factor = self._uniform((batch_size,), self.factor[0], self.factor[1], generator,
                               images.device)
        return {"factor": invert * factor * 0.5}

    def transform_images(self, images, transformation=None, training=True):
        if not training:
            return images
        images = images.to(self._torch_compute_dtype)
        images = self._transform_value_range(images, self.value_range, (0, 1))
        factors = transformation["factor"].to(images.dtype).reshape(-1, 1, 1)
        hsv = image_ops.rgb_to_hsv(self._to_channels_last(images))
        hue = hsv[..., 0] + factors
        hue = torch.where(hue > 1.0, hue - 1.0, hue)
        hue = torch.where(hue < 0.0, hue + 1.0, hue)
        hsv = torch.stack([hue, hsv[..., 1], hsv[..., 2]], dim=-1)
        images = self._from_channels_last(image_ops.hsv_to_rgb(hsv)).clamp(0, 1)
        return self._transform_value_range(images, (0, 1), self.value_range)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        config = super().get_config()
        config.update({"factor": self.factor, "value_range": self.value_range,
                       "seed": self.seed})
        return config
