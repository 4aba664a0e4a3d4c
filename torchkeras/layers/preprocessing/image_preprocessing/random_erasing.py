"""RandomErasing: fill a random box of each image (noise or a value) during training."""

import torch

from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)
from torchkeras.layers.preprocessing.image_preprocessing.cut_mix import box_masks
from torchkeras.layers.preprocessing.image_preprocessing.random_gaussian_blur import (
    RandomGaussianBlur,
)


class RandomErasing(BaseImagePreprocessingLayer):
    """Randomly erases a rectangular region of each image during training.

    For each image a box whose sides are `sqrt(s)` of the image's (with `s` drawn from `scale`)
    is filled with `fill_value` (or Gaussian noise scaled to the range when `None`), with a
    probability drawn from the factor range.

    Args:
        factor: A float in `[0, 1]` (range `[0, factor]`) or a `(lower, upper)` pair: the
            probability of erasing. Defaults to `1.0`.
        scale: A `(lower, upper)` pair in `[0, 1]`: the box's area fraction. Defaults to
            `(0.02, 0.33)`.
        fill_value: A number or three numbers, or `None` for noise. Defaults to `None`.
        value_range: The range of the input values, `[low, high]`. Defaults to `(0, 255)`.
        seed: Integer. Used to create a random seed.
        data_format: `"channels_last"` or `"channels_first"`.
    """

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)
    _set_factor_by_name = RandomGaussianBlur._set_factor_by_name

    def __init__(self, factor=1.0, scale=(0.02, 0.33), fill_value=None, value_range=(0, 255),
                 seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.scale = self._set_factor_by_name(scale, "scale")
        self.fill_value = fill_value
        self.value_range = value_range
        self._make_seed_generator(seed)

    def _fill(self, images, generator):
        dtype = self._torch_compute_dtype
        fill_value = self.fill_value
        if fill_value is None:
            fill = torch.randn(images.shape, generator=generator, device=images.device,
                               dtype=dtype) * self.value_range[1]
        else:
            error_msg = "The `fill_value` argument should be a number (or a list of three numbers) "
            if isinstance(fill_value, (tuple, list)):
                if len(fill_value) != 3:
                    raise ValueError(error_msg)
                fill = torch.as_tensor(fill_value, dtype=dtype, device=images.device).expand(
                    images.shape)
            elif isinstance(fill_value, (int, float)):
                fill = torch.full(images.shape, float(fill_value), dtype=dtype,
                                  device=images.device)
            else:
                raise ValueError(error_msg)
        return fill.clamp(self.value_range[0], self.value_range[1])

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = self._images_of(data)
        batch_size = self._batch_size(images)
        if images.dim() == 3:
            images = images.unsqueeze(0)
        height, width = self._image_size(images)
        device, dtype = images.device, self._torch_compute_dtype
        generator = self._random_generator(device)
        weight = torch.sqrt(self._uniform((batch_size, 2), self.scale[0], self.scale[1],
                                          generator, device, dtype))
        corners = []
        for length, ratio in ((width, weight[:, 0]), (height, weight[:, 1])):
            crop = (ratio * length).to(dtype)
            start = torch.rand((batch_size,), generator=generator, device=device,
                               dtype=dtype) * (length - crop)
            corners += [start, start + crop]
        h_axis, w_axis = self._hw_axes(4)
        channel_axis = -1 if self.data_format == "channels_last" else 1
        masks = box_masks(tuple(images.shape), corners, h_axis, w_axis, channel_axis, dtype,
                          device)
        probability = self._uniform((batch_size,), self.factor[0], self.factor[1], generator,
                                    device)
        threshold = torch.rand((batch_size,), generator=generator, device=device)
        return {"apply_erasing": threshold < probability, "batch_masks": masks,
                "fill_value": self._fill(images, generator)}

    def transform_images(self, images, transformation=None, training=True):
        images = images.to(self._torch_compute_dtype)
        if training:
            erased = torch.where(transformation["batch_masks"], transformation["fill_value"],
                                 images)
            images = torch.where(transformation["apply_erasing"][:, None, None, None], erased,
                                 images)
        return images

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        config = super().get_config()
        config.update({"factor": self.factor, "scale": self.scale,
                       "fill_value": self.fill_value, "value_range": self.value_range,
                       "seed": self.seed})
        return config
