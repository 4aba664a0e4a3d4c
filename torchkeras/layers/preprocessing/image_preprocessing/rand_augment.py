"""RandAugment: apply `num_ops` randomly chosen augmentations of a fixed magnitude."""

import torch

from torchkeras.layers.preprocessing.image_preprocessing.auto_contrast import AutoContrast
from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)
from torchkeras.layers.preprocessing.image_preprocessing.equalization import Equalization
from torchkeras.layers.preprocessing.image_preprocessing.random_brightness import (
    RandomBrightness,
)
from torchkeras.layers.preprocessing.image_preprocessing.random_color_degeneration import (
    RandomColorDegeneration,
)
from torchkeras.layers.preprocessing.image_preprocessing.random_contrast import RandomContrast
from torchkeras.layers.preprocessing.image_preprocessing.random_posterization import (
    RandomPosterization,
)
from torchkeras.layers.preprocessing.image_preprocessing.random_rotation import RandomRotation
from torchkeras.layers.preprocessing.image_preprocessing.random_sharpness import (
    RandomSharpness,
)
from torchkeras.layers.preprocessing.image_preprocessing.random_shear import RandomShear
from torchkeras.layers.preprocessing.image_preprocessing.random_translation import (
    RandomTranslation,
)
from torchkeras.layers.preprocessing.image_preprocessing.solarization import Solarization


def make_augmentation_layers(host, names, value_range, interpolation, seed, data_format):
    """Create the sub-layers AugMix and RandAugment draw from, as attributes of `host`; they
    draw their randomness from `host`'s seed sequence."""
    factor = host.factor
    builders = {
        "random_shear": lambda: RandomShear(x_factor=factor, y_factor=factor,
                                            interpolation=interpolation, seed=seed,
                                            data_format=data_format),
        "random_translation": lambda: RandomTranslation(
            height_factor=factor, width_factor=factor, interpolation=interpolation, seed=seed,
            data_format=data_format),
        "random_rotation": lambda: RandomRotation(factor=factor, interpolation=interpolation,
                                                  seed=seed, data_format=data_format),
        "random_brightness": lambda: RandomBrightness(factor=factor, value_range=value_range,
                                                      seed=seed, data_format=data_format),
        "random_color_degeneration": lambda: RandomColorDegeneration(
            factor=factor, value_range=value_range, seed=seed, data_format=data_format),
        "random_contrast": lambda: RandomContrast(factor=factor, value_range=value_range,
                                                  seed=seed, data_format=data_format),
        "random_sharpness": lambda: RandomSharpness(factor=factor, value_range=value_range,
                                                    seed=seed, data_format=data_format),
        "random_posterization": lambda: RandomPosterization(
            factor=max(1, int(8 * factor[1])), value_range=value_range, seed=seed,
            data_format=data_format),
        "solarization": lambda: Solarization(addition_factor=factor, threshold_factor=factor,
                                             value_range=value_range, seed=seed,
                                             data_format=data_format),
        "auto_contrast": lambda: AutoContrast(value_range=value_range, data_format=data_format),
        "equalization": lambda: Equalization(value_range=value_range, data_format=data_format),
    }
    for name in names:
        layer = builders[name]()
        layer.generator = host.generator
        setattr(host, name, layer)


class RandAugment(BaseImagePreprocessingLayer):
    """RandAugment performs the Rand Augment operation on input images.

    In training, `num_ops` augmentations are chosen at random (the same for the whole batch)
    among shear, translation, rotation, brightness, color degeneration, contrast, sharpness,
    posterization, solarization, auto-contrast and equalization, each with magnitude `factor`,
    and applied in turn.

    Args:
        value_range: The range of the input values, `[low, high]`. Defaults to `(0, 255)`.
        num_ops: Number of augmentations applied per call. Defaults to `2`.
        factor: Magnitude of the augmentations, a float in `[0, 1]` or a `(lower, upper)` pair.
            Defaults to `0.5`.
        interpolation: `"nearest"` or `"bilinear"` for the geometric operations. Defaults to
            `"bilinear"`.
        seed: Integer. Used to create a random seed.
        data_format: `"channels_last"` or `"channels_first"`.
    """

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)
    _AUGMENT_LAYERS = [
        "random_shear", "random_translation", "random_rotation", "random_brightness",
        "random_color_degeneration", "random_contrast", "random_sharpness",
        "random_posterization", "solarization", "auto_contrast", "equalization",
    ]

    def __init__(self, value_range=(0, 255), num_ops=2, factor=0.5, interpolation="bilinear",
                 seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.value_range = value_range
        self.num_ops = num_ops
        self._set_factor(factor)
        self.interpolation = interpolation
        self._make_seed_generator(seed)
        make_augmentation_layers(self, self._AUGMENT_LAYERS, value_range, interpolation, seed,
                                 data_format)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        # The operation indices are drawn on the host: no device sync to read them back.
        generator = self.generator.next_generator("cpu")
        indices = torch.randint(0, len(self._AUGMENT_LAYERS), (self.num_ops,),
                                generator=generator).tolist()
        transforms = {
            name: getattr(self, name).get_random_transformation(data, training=training)
            for name in self._AUGMENT_LAYERS
        }
        return {"transforms": transforms, "layer_idxes": indices}

    def transform_images(self, images, transformation, training=True):
        images = images.to(self._torch_compute_dtype)
        if training:
            for index in transformation["layer_idxes"]:
                name = self._AUGMENT_LAYERS[index]
                images = getattr(self, name).transform_images(
                    images, transformation["transforms"][name]).to(self._torch_compute_dtype)
        return images

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        if training:
            for index in transformation["layer_idxes"]:
                name = self._AUGMENT_LAYERS[index]
                segmentation_masks = getattr(self, name).transform_segmentation_masks(
                    segmentation_masks, transformation["transforms"][name])
        return segmentation_masks

    def get_config(self):
        config = super().get_config()
        config.update({"value_range": self.value_range, "num_ops": self.num_ops,
                       "factor": self.factor, "interpolation": self.interpolation,
                       "seed": self.seed})
        return config
