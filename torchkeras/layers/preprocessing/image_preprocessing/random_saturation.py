"""RandomSaturation: scale the saturation of images by a random factor during training."""

import torch

from torchkeras import backend
from torchkeras.layers.preprocessing.image_preprocessing import image_ops
from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


class RandomSaturation(BaseImagePreprocessingLayer):
    """Randomly adjusts the saturation of RGB images during training.

    A value `f` is drawn from the factor range for each image and the HSV saturation is
    multiplied by `f / (1 - f)` (so 0.5 keeps it, 0 gives grayscale, values near 1 saturate),
    then clipped to `value_range`.

    Args:
        factor: A float (range `[-factor, factor]`) or a `(lower, upper)` pair in `[-1, 1]`.
        value_range: The range of the input values, `[low, high]`. Defaults to `(0, 255)`.
        data_format: `"channels_last"` or `"channels_first"`.
        seed: Integer. Used to create a random seed.
    """

    def __init__(self, factor, value_range=(0, 255), data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self._set_value_range(value_range)
        self._make_seed_generator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        images = self._images_of(data)
        batch_size = self._batch_size(images, message_colon=True)
        generator = self._random_generator(images.device)
        factor = self._uniform((batch_size,), self.factor[0], self.factor[1], generator,
                               images.device)
        return {"factor": factor / (1 - factor + backend.epsilon())}

    def transform_images(self, images, transformation=None, training=True):
        if not training:
            return images
        images = images.to(self._torch_compute_dtype)
        factors = transformation["factor"].to(images.dtype).reshape(-1, 1, 1)
        hsv = image_ops.rgb_to_hsv(self._to_channels_last(images))
        saturation = (hsv[..., 1] * factors).clamp(self.value_range[0], self.value_range[1])
        hsv = torch.stack([hsv[..., 0], saturation, hsv[..., 2]], dim=-1)
        return self._from_channels_last(image_ops.hsv_to_rgb(hsv))

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        config = super().get_config()
        config.update({"factor": self.factor, "value_range": self.value_range,
                       "seed": self.seed})
        return config
