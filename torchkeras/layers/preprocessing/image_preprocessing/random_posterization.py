"""RandomPosterization: keep only the top bits of each 8-bit value during training."""

import torch

from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


class RandomPosterization(BaseImagePreprocessingLayer):
    """Reduces the number of bits of each color channel during training.

    For each image a number of bits `b` is drawn from the factor range (an integer in
    `[lower, upper)`, or exactly `lower` when both are equal); values (mapped to `[0, 255]`)
    keep their top `b` bits.

    Args:
        factor: An integer in `[1, 8]` (range `[1, factor]`) or a `(lower, upper)` pair.
        value_range: The range of the input values, `[low, high]`. Defaults to `(0, 255)`.
        data_format: `"channels_last"` or `"channels_first"`.
        seed: Integer. Used to create a random seed.
    """

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (1, 8)
    _MAX_FACTOR = 8

    def __init__(self, factor, value_range=(0, 255), data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self._set_value_range(value_range)
        self._make_seed_generator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        images = self._images_of(data)
        batch_size = self._batch_size(images, message_colon=True)
        generator = self._random_generator(images.device)
        if self.factor[0] != self.factor[1]:
            factor = torch.randint(int(self.factor[0]), int(self.factor[1]), (batch_size,),
                                   generator=generator, device=images.device)
        else:
            factor = torch.full((batch_size,), int(self.factor[0]), device=images.device)
        return {"shift_factor": (self._MAX_FACTOR - factor).to(torch.uint8)}

    def transform_images(self, images, transformation=None, training=True):
        if not training:
            return images
        dtype = self._torch_compute_dtype
        shift = transformation["shift_factor"].reshape(-1, 1, 1, 1)
        images = self._transform_value_range(images, self.value_range, (0, 255), dtype=dtype)
        images = images.to(torch.uint8)
        images = torch.bitwise_left_shift(torch.bitwise_right_shift(images, shift), shift)
        images = images.to(dtype)
        return self._transform_value_range(images, (0, 255), self.value_range, dtype=dtype)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        config = super().get_config()
        config.update({"factor": self.factor, "value_range": self.value_range,
                       "seed": self.seed})
        return config
