"""AugMix: mix the image with several chains of random augmentations."""

import torch

from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)
from torchkeras.layers.preprocessing.image_preprocessing.rand_augment import (
    make_augmentation_layers,
)

AUGMENT_LAYERS_ALL = [
    "random_shear", "random_translation", "random_rotation", "random_posterization",
    "solarization", "auto_contrast", "equalization", "random_brightness",
    "random_color_degeneration", "random_contrast", "random_sharpness",
]
AUGMENT_LAYERS = AUGMENT_LAYERS_ALL[:7]


class AugMix(BaseImagePreprocessingLayer):
    """Performs the AugMix data augmentation technique.

    In training, `num_chains` chains of up to `chain_depth` random augmentations are applied to
    copies of the images; the chains are mixed with Dirichlet(`alpha`) weights and the result
    is mixed with the original images with a Beta(`alpha`, `alpha`) weight.

    Args:
        value_range: The range of the input values, `[low, high]`. Defaults to `(0, 255)`.
        num_chains: Number of augmentation chains. Defaults to `3`.
        chain_depth: Maximum number of operations per chain. Defaults to `3`.
        factor: Magnitude of the augmentations, a float in `[0, 1]` or a `(lower, upper)` pair.
            Defaults to `0.3`.
        alpha: Parameter of the Dirichlet and Beta distributions. Defaults to `1.0`.
        all_ops: Include brightness, color degeneration, contrast and sharpness. Defaults to
            `True`.
        interpolation: `"nearest"` or `"bilinear"`. Defaults to `"bilinear"`.
        seed: Integer. Used to create a random seed.
        data_format: `"channels_last"` or `"channels_first"`.
    """

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, value_range=(0, 255), num_chains=3, chain_depth=3, factor=0.3,
                 alpha=1.0, all_ops=True, interpolation="bilinear", seed=None,
                 data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.value_range = value_range
        self.num_chains = num_chains
        self.chain_depth = chain_depth
        self._set_factor(factor)
        self.alpha = alpha
        self.all_ops = all_ops
        self.interpolation = interpolation
        self._make_seed_generator(seed)
        self._augment_layers = AUGMENT_LAYERS_ALL if all_ops else AUGMENT_LAYERS
        make_augmentation_layers(self, self._augment_layers, value_range, interpolation, seed,
                                 data_format)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        rng = self._numpy_rng()
        gamma = rng.gamma(self.alpha, size=(self.num_chains,))
        choices = self._augment_layers + [None]
        chains = []
        for _ in range(self.num_chains):
            depth = []
            for _ in range(self.chain_depth):
                name = choices[int(rng.integers(len(choices)))]
                if name is not None:
                    depth.append({"layer_name": name,
                                  "transformation": getattr(self, name).get_random_transformation(
                                      data)})
            chains.append(depth)
        return {"chain_mixing_weights": (gamma / gamma.sum()).tolist(),
                "weight_sample": float(rng.beta(self.alpha, self.alpha)),
                "chain_transforms": chains}

    def _mix(self, values, transformation, method):
        weights = transformation["chain_mixing_weights"]
        mixed = torch.zeros_like(values)
        for weight, chain in zip(weights, transformation["chain_transforms"]):
            copied = values.clone()
            for step in chain:
                copied = getattr(getattr(self, step["layer_name"]), method)(
                    copied, step["transformation"])
            mixed = mixed + copied * weight
        sample = transformation["weight_sample"]
        return sample * values + (1 - sample) * mixed

    def transform_images(self, images, transformation, training=True):
        images = images.to(self._torch_compute_dtype)
        if training:
            images = self._mix(images, transformation, "transform_images")
            images = images.clamp(self.value_range[0], self.value_range[1])
        return images.to(self._torch_compute_dtype)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        if training:
            segmentation_masks = self._mix(segmentation_masks, transformation,
                                           "transform_segmentation_masks")
        return segmentation_masks

    def get_config(self):
        config = super().get_config()
        config.update({"value_range": self.value_range, "num_chains": self.num_chains,
                       "chain_depth": self.chain_depth, "factor": self.factor,
                       "alpha": self.alpha, "all_ops": self.all_ops,
                       "interpolation": self.interpolation, "seed": self.seed})
        return config
