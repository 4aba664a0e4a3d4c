"""Solarization: invert the pixels above a (random) threshold, after a (random) addition."""

import torch

from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


class Solarization(BaseImagePreprocessingLayer):
    """Applies `(max_value - pixel + min_value)` to the pixels above a threshold.

    In training, a value drawn from `[0, addition * 255]` is added to each image (clipped to
    `[0, 255]`), then pixels at or above a threshold drawn from `[0, threshold * 255]` are
    inverted. Inputs are mapped from `value_range` to `[0, 255]` and back.

    Args:
        addition_factor: A float in `[0, 1]` (range `[0, factor]`) or a `(lower, upper)` pair:
            the fraction of 255 added to each image. Defaults to `0.0`.
        threshold_factor: A float in `[0, 1]` or a `(lower, upper)` pair: the fraction of 255
            of the threshold. Defaults to `0.0`.
        value_range: The range of the input values, `[low, high]`. Defaults to `(0, 255)`.
        seed: Integer. Used to create a random seed.
    """

    _USE_BASE_FACTOR = False
    _FACTOR_VALIDATION_ERROR = (
        "The `addition_factor` and `threshold_factor` arguments "
        "should be a number (or a list of two numbers) "
        "in the range [0, 1]. "
    )

    def __init__(self, addition_factor=0.0, threshold_factor=0.0, value_range=(0, 255),
                 seed=None, **kwargs):
        super().__init__(**kwargs)
        self._make_seed_generator(seed)
        self.addition_factor = self._set_range(addition_factor, "addition_factor")
        self.threshold_factor = self._set_range(threshold_factor, "threshold_factor")
        self._set_value_range(value_range)

    def _set_range(self, factor, factor_name):
        if isinstance(factor, (tuple, list)):
            if len(factor) != 2:
                raise ValueError(
                    self._FACTOR_VALIDATION_ERROR + f"Received: {factor_name}={factor}"
                )
            self._check_factor_range(factor[0])
            self._check_factor_range(factor[1])
            return tuple(sorted(factor))
        if isinstance(factor, (int, float)):
            self._check_factor_range(factor)
            return 0, factor
        raise ValueError(self._FACTOR_VALIDATION_ERROR + f"Received: {factor_name}={factor}")

    def _check_factor_range(self, input_number):
        if input_number > 1.0 or input_number < 0:
            raise ValueError(
                self._FACTOR_VALIDATION_ERROR + f"Received: input_number={input_number}"
            )

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = self._images_of(data)
        shape = (images.shape[0], 1, 1, 1) if images.dim() == 4 else (1, 1, 1)
        generator = self._random_generator(images.device)
        dtype = self._torch_compute_dtype
        return {
            "additions": self._uniform(shape, self.addition_factor[0],
                                       self.addition_factor[1] * 255, generator, images.device,
                                       dtype),
            "thresholds": self._uniform(shape, self.threshold_factor[0],
                                        self.threshold_factor[1] * 255, generator,
                                        images.device, dtype),
        }

    def transform_images(self, images, transformation, training=True):
        images = images.to(self._torch_compute_dtype)
        if not training or transformation is None:
            return images
        images = self._transform_value_range(images, self.value_range, (0, 255),
                                             dtype=images.dtype)
        results = (images + transformation["additions"]).clamp(0, 255)
        results = torch.where(results < transformation["thresholds"], results, 255 - results)
        return self._transform_value_range(results, (0, 255), self.value_range,
                                           dtype=images.dtype)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        config = super().get_config()
        config.update({"value_range": self.value_range, "addition_factor": self.addition_factor,
                       "threshold_factor": self.threshold_factor, "seed": self.seed})
        return config
