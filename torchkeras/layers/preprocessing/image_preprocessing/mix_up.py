"""MixUp: blend each image (and label) with another of the batch during training."""

import torch

from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


class MixUp(BaseImagePreprocessingLayer):
    """MixUp implements the MixUp data augmentation technique.

    Each image (and label) of a batch becomes `w * x + (1 - w) * x[perm]`, with a random
    permutation of the batch and weights `w ~ Beta(alpha, alpha)`. Pass a dict with `"images"`
    and `"labels"` to mix the labels as well.

    Args:
        alpha: The Beta distribution's parameter. Defaults to `0.2`.
        data_format: `"channels_last"` or `"channels_first"`.
        seed: Integer. Used to create a random seed.
    """

    _USE_BASE_FACTOR = False

    def __init__(self, alpha=0.2, data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.alpha = alpha
        self._make_seed_generator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        images = self._images_of(data)
        batch_size = 1 if images.dim() == 3 else images.shape[0]
        generator = self._random_generator(images.device)
        return {
            "permutation_order": self._permutation(batch_size, generator, images.device),
            "mix_weight": torch.as_tensor(
                self._numpy_rng().beta(self.alpha, self.alpha, size=(batch_size,)),
                dtype=torch.float32, device=images.device),
        }

    def transform_images(self, images, transformation=None, training=True):
        if not training:
            return images
        images = images.to(self._torch_compute_dtype)
        weight = transformation["mix_weight"].reshape(-1, 1, 1, 1).to(images.dtype)
        shuffled = images[transformation["permutation_order"]]
        return weight * images + (1.0 - weight) * shuffled

    def transform_labels(self, labels, transformation, training=True):
        if not training:
            return labels
        weight = transformation["mix_weight"].reshape(-1, 1)
        return weight * labels + (1.0 - weight) * labels[transformation["permutation_order"]]

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        if not training:
            return segmentation_masks
        weight = transformation["mix_weight"].reshape(-1, 1, 1, 1)
        shuffled = segmentation_masks[transformation["permutation_order"]]
        return weight * segmentation_masks + (1.0 - weight) * shuffled

    def get_config(self):
        config = super().get_config()
        config.update({"alpha": self.alpha, "seed": self.seed})
        return config
