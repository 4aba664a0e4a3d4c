"""RandomColorJitter: random brightness, contrast, saturation and hue, in that order."""

from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)
from torchkeras.layers.preprocessing.image_preprocessing.random_brightness import (
    RandomBrightness,
)
from torchkeras.layers.preprocessing.image_preprocessing.random_contrast import RandomContrast
from torchkeras.layers.preprocessing.image_preprocessing.random_hue import RandomHue
from torchkeras.layers.preprocessing.image_preprocessing.random_saturation import (
    RandomSaturation,
)


class RandomColorJitter(BaseImagePreprocessingLayer):
    """Randomly applies brightness, contrast, saturation and hue changes during training.

    Each adjustment given a factor runs in the order brightness, contrast, saturation, hue,
    with the semantics of the corresponding layer.

    Args:
        value_range: The range of the input values, `[low, high]`. Defaults to `(0, 255)`.
        brightness_factor: Factor of `RandomBrightness`. Defaults to `None` (skipped).
        contrast_factor: Factor of `RandomContrast`. Defaults to `None` (skipped).
        saturation_factor: Factor of `RandomSaturation`. Defaults to `None` (skipped).
        hue_factor: Factor of `RandomHue`. Defaults to `None` (skipped).
        seed: Integer. Used to create a random seed.
        data_format: `"channels_last"` or `"channels_first"`.
    """

    _USE_BASE_FACTOR = False

    def __init__(self, value_range=(0, 255), brightness_factor=None, contrast_factor=None,
                 saturation_factor=None, hue_factor=None, seed=None, data_format=None,
                 **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.value_range = value_range
        self.brightness_factor = brightness_factor
        self.contrast_factor = contrast_factor
        self.saturation_factor = saturation_factor
        self.hue_factor = hue_factor
        self._make_seed_generator(seed)
        self.random_brightness = None if brightness_factor is None else RandomBrightness(
            brightness_factor, value_range=value_range, seed=seed)
        self.random_contrast = None if contrast_factor is None else RandomContrast(
            contrast_factor, value_range=value_range, seed=seed)
        self.random_saturation = None if saturation_factor is None else RandomSaturation(
            saturation_factor, value_range=value_range, seed=seed)
        self.random_hue = None if hue_factor is None else RandomHue(
            hue_factor, value_range=value_range, seed=seed)

    def transform_images(self, images, transformation, training=True):
        if not training:
            return images
        images = images.to(self._torch_compute_dtype)
        for layer in (self.random_brightness, self.random_contrast, self.random_saturation,
                      self.random_hue):
            if layer is not None:
                layer.generator = self.generator
                images = layer.transform_images(images, layer.get_random_transformation(images))
        return images.to(self._torch_compute_dtype)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        config = super().get_config()
        config.update({
            "value_range": self.value_range,
            "brightness_factor": self.brightness_factor,
            "contrast_factor": self.contrast_factor,
            "saturation_factor": self.saturation_factor,
            "hue_factor": self.hue_factor,
            "seed": self.seed,
        })
        return config
