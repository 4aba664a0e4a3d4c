"""RandomSharpness: blend images with a smoothed version by a random factor."""

import torch
import torch.nn.functional as F

from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


def depthwise_conv_same(images, kernel):
    """Channels-last depthwise correlation with one 2D `kernel`, zero "same" padding."""
    channels = images.shape[-1]
    weight = kernel.to(images.dtype).expand(channels, 1, *kernel.shape)
    nchw = images.permute(0, 3, 1, 2)
    pad_h, pad_w = (kernel.shape[0] - 1) // 2, (kernel.shape[1] - 1) // 2
    out = F.conv2d(nchw, weight, padding=(pad_h, pad_w), groups=channels)
    return out.permute(0, 2, 3, 1)


class RandomSharpness(BaseImagePreprocessingLayer):
    """Randomly performs the sharpness operation on given images during training.

    Each image becomes `image + (1 - 2f) * (smoothed - image)`, `smoothed` being the image
    filtered by the 3x3 kernel `[[1, 1, 1], [1, 5, 1], [1, 1, 1]] / 13`: `f = 0` blurs,
    `f = 0.5` keeps, `f = 1` sharpens. The result is clipped to `value_range`.

    Args:
        factor: A float in `[0, 1]` (range `[0, factor]`) or a `(lower, upper)` pair.
        value_range: The range of the input values, `[low, high]`. Defaults to `(0, 255)`.
        data_format: `"channels_last"` or `"channels_first"`.
        seed: Integer. Used to create a random seed.
    """

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, factor, value_range=(0, 255), data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self._set_value_range(value_range)
        self._make_seed_generator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        images = self._images_of(data)
        batch_size = self._batch_size(images, message_colon=True)
        generator = self._random_generator(images.device)
        return {"factor": self._uniform((batch_size,), self.factor[0], self.factor[1],
                                        generator, images.device)}

    def transform_images(self, images, transformation=None, training=True):
        images = images.to(self._torch_compute_dtype)
        if not training:
            return images
        x = self._to_channels_last(images)
        sharpness = (transformation["factor"] * 2).to(x.dtype).reshape(-1, 1, 1, 1)
        a, b = 1.0 / 13.0, 5.0 / 13.0
        kernel = torch.tensor([[a, a, a], [a, b, a], [a, a, a]], device=x.device)
        smoothed = depthwise_conv_same(x, kernel)
        x = (x + (1.0 - sharpness) * (smoothed - x)).clamp(self.value_range[0],
                                                           self.value_range[1])
        return self._from_channels_last(x)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        config = super().get_config()
        config.update({"factor": self.factor, "value_range": self.value_range,
                       "seed": self.seed})
        return config
