"""RandomInvert: invert image values (`high - x`) with a random probability during training."""

import torch

from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


class RandomInvert(BaseImagePreprocessingLayer):
    """Randomly inverts images during training: `value_range[1] - x`.

    For each image a probability is drawn from the factor range and the image is inverted with
    that probability.

    Args:
        factor: A float in `[0, 1]` (range `[0, factor]`) or a `(lower, upper)` pair.
            Defaults to `1.0`.
        value_range: The range of the input values, `[low, high]`. Defaults to `(0, 255)`.
        seed: Integer. Used to create a random seed.
        data_format: `"channels_last"` or `"channels_first"`.
    """

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, factor=1.0, value_range=(0, 255), seed=None, data_format=None,
                 **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.value_range = value_range
        self._make_seed_generator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = self._images_of(data)
        batch_size = self._batch_size(images)
        generator = self._random_generator(images.device)
        probability = self._uniform((batch_size,), self.factor[0], self.factor[1], generator,
                                    images.device)
        threshold = torch.rand((batch_size,), generator=generator, device=images.device)
        return {"apply_inversion": threshold < probability}

    def transform_images(self, images, transformation, training=True):
        if not training:
            return images
        images = images.to(self._torch_compute_dtype)
        apply = transformation["apply_inversion"][:, None, None, None]
        return torch.where(apply, self.value_range[1] - images, images)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        config = super().get_config()
        config.update({"factor": self.factor, "value_range": self.value_range,
                       "seed": self.seed})
        return config
