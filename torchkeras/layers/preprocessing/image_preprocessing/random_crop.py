"""RandomCrop: crop images at a random position during training."""

import random as python_random

import torch

from torchkeras.layers.preprocessing.image_preprocessing import image_ops
from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


class RandomCrop(BaseImagePreprocessingLayer):
    """A preprocessing layer which randomly crops images during training.

    In training, a `height x width` window is cropped at a random position (the same for the
    whole batch); an image smaller than the target is center-cropped to the target aspect ratio
    and resized. In inference the input is returned unchanged, as Keras 3 does.

    Args:
        height: Integer, the height of the output shape.
        width: Integer, the width of the output shape.
        seed: Integer. Used to create a random seed. Defaults to a random integer.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to
            `keras.config.image_data_format()`.
        **kwargs: Base layer keyword arguments, such as `name` and `dtype`.
    """

    _USE_BASE_FACTOR = False

    def __init__(self, height, width, seed=None, data_format=None, name=None, **kwargs):
        super().__init__(name=name, data_format=data_format, **kwargs)
        self.height = height
        self.width = width
        self._make_seed_generator(seed if seed is not None else python_random.randint(1, int(1e9)))
        self.supports_masking = False

    def get_random_transformation(self, data, training=True, seed=None):
        images = self._images_of(data)
        input_height, input_width = self._image_size(images)
        if training and input_height > self.height and input_width > self.width:
            generator = self._random_generator(images.device)
            draws = torch.rand(2, generator=generator, device=images.device)
            # One position for the whole batch, as in Keras.
            h_start = int(draws[0] * float(input_height - self.height + 1))
            w_start = int(draws[1] * float(input_width - self.width + 1))
        else:
            crop_height = max(min(input_height, int(input_width * self.height / self.width)), 1)
            crop_width = max(min(input_width, int(input_height * self.width / self.height)), 1)
            h_start = int((input_height - crop_height) / 2)
            w_start = int((input_width - crop_width) / 2)
        return h_start, w_start

    def transform_images(self, images, transformation, training=True):
        if not training:
            return images
        images = images.to(self._torch_compute_dtype)
        h_start, w_start = transformation
        h_axis, w_axis = self._hw_axes(images.dim())
        images = images.narrow(h_axis, h_start, min(self.height, images.shape[h_axis] - h_start))
        images = images.narrow(w_axis, w_start, min(self.width, images.shape[w_axis] - w_start))
        if images.shape[h_axis] != self.height or images.shape[w_axis] != self.width:
            batched = images.dim() == 4
            x = images if batched else images.unsqueeze(0)
            x = self._from_channels_last(image_ops.resize(
                self._to_channels_last(x), (self.height, self.width), "bilinear"))
            images = (x if batched else x.squeeze(0)).to(self._torch_compute_dtype)
        return images

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return self.transform_images(segmentation_masks, transformation, training)

    def compute_output_shape(self, input_shape, *args, **kwargs):
        input_shape = list(input_shape)
        h_axis, w_axis = self._hw_axes(len(input_shape))
        input_shape[h_axis] = self.height
        input_shape[w_axis] = self.width
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config.update({"height": self.height, "width": self.width, "seed": self.seed,
                       "data_format": self.data_format})
        return config
