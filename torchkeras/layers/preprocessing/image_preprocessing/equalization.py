"""Equalization: histogram equalization of each image channel."""

import torch

from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


class Equalization(BaseImagePreprocessingLayer):
    """Preprocessing layer for histogram equalization on image channels.

    Each channel's values are remapped through the normalized cumulative histogram (`bins`
    bins over `[0, 255]` after mapping from `value_range`), spreading them over the full range.
    As in Keras, a channel's histogram is taken over the whole batch. Applied when `training` is
    true (the default of a direct call).

    Args:
        value_range: The range of the input values, `[low, high]`. Defaults to `(0, 255)`.
        bins: Number of histogram bins. Defaults to `256`.
        data_format: `"channels_last"` or `"channels_first"`.
    """

    _USE_BASE_FACTOR = False

    def __init__(self, value_range=(0, 255), bins=256, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.bins = bins
        self._set_value_range(value_range)

    @staticmethod
    def _scale_values(values, source_range, target_range):
        scale = (target_range[1] - target_range[0]) / (source_range[1] - source_range[0])
        return values * scale + (target_range[0] - source_range[0] * scale)

    def _equalize_channel(self, channel, value_range):
        if tuple(value_range) != (0, 255):
            channel = self._scale_values(channel, value_range, (0, 255))
        values = channel.to(torch.float32)
        indices = ((values - 0.0) * (self.bins - 1) / 255.0).to(torch.int64)
        hist = torch.bincount(indices.clamp(0, self.bins - 1).reshape(-1), minlength=self.bins)
        if int(torch.count_nonzero(hist)) <= 1:
            equalized = channel
        else:
            cdf = torch.cumsum(hist, 0).to(torch.float64)
            cdf_min = cdf[torch.nonzero(cdf)[0, 0]]
            denominator = cdf[-1] - cdf_min
            denominator = torch.where(denominator == 0, torch.ones_like(denominator), denominator)
            table = torch.round((cdf - cdf_min) * 255 / denominator).clamp(0, 255)
            scaled = channel / 255.0 * (self.bins - 1)
            equalized = table[scaled.clamp(0, self.bins - 1).to(torch.int64)].to(channel.dtype)
        if tuple(value_range) != (0, 255):
            equalized = self._scale_values(equalized, (0, 255), value_range)
        return equalized

    def transform_images(self, images, transformation, training=True):
        if not training:
            return images
        images = images.to(self._torch_compute_dtype)
        axis = -1 if self.data_format == "channels_last" else -3
        channels = [self._equalize_channel(images.select(axis, i), self.value_range)
                    for i in range(images.shape[axis])]
        return torch.stack(channels, dim=axis).to(self._torch_compute_dtype)

    def compute_output_spec(self, inputs, **kwargs):
        return KerasTensor(inputs.shape, dtype=inputs.dtype)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        config = super().get_config()
        config.update({"bins": self.bins, "value_range": self.value_range})
        return config
