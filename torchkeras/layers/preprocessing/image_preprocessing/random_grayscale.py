"""RandomGrayscale: turn images to grayscale with a given probability during training."""

import torch

from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.layers.preprocessing.image_preprocessing import image_ops
from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


class RandomGrayscale(BaseImagePreprocessingLayer):
    """Randomly converts RGB images to grayscale (kept as 3 equal channels) during training.

    Args:
        factor: Probability of converting each image, in `[0, 1]`. Defaults to `0.5`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to
            `keras.config.image_data_format()`.
        seed: Integer. Used to create a random seed.
    """

    _USE_BASE_FACTOR = False

    def __init__(self, factor=0.5, data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        if factor < 0 or factor > 1:
            raise ValueError(f"`factor` should be between 0 and 1. Received: factor={factor}")
        self.factor = factor
        self._make_seed_generator(seed)

    def get_random_transformation(self, images, training=True, seed=None):
        images = self._images_of(images)
        batch_size = images.shape[0] if images.dim() == 4 else 1
        generator = self._random_generator(images.device)
        values = torch.rand((batch_size,), generator=generator, device=images.device)
        return (values < self.factor).reshape(batch_size, 1, 1, 1)

    def transform_images(self, images, transformation, training=True):
        if not training:
            return images
        should_apply = (transformation if transformation is not None
                        else self.get_random_transformation(images))
        channels_axis = -1 if self.data_format == "channels_last" else 1
        gray = image_ops.rgb_to_grayscale(images, channels_axis)
        return torch.where(should_apply, gray, images)

    def compute_output_spec(self, inputs, **kwargs):
        return KerasTensor(inputs.shape, dtype=inputs.dtype, sparse=inputs.sparse)

    def transform_segmentation_masks(self, segmentation_masks, transformations=None, **kwargs):
        return segmentation_masks

    def get_config(self):
        config = super().get_config()
        config.update({"factor": self.factor})
        return config
