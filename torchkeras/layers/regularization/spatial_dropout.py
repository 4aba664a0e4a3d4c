"""SpatialDropout1D/2D/3D: dropout of whole feature maps (channels) rather than single units."""

import torch

from torchkeras import backend
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.regularization.dropout import Dropout


class BaseSpatialDropout(Dropout):
    """Dropout that draws one keep/drop decision per (sample, channel), shared over space."""

    def __init__(self, rate, seed=None, name=None, dtype=None):
        super().__init__(rate, seed=seed, name=name, dtype=dtype)

    def _noise_shape(self, inputs):
        raise NotImplementedError

    def call(self, inputs, training=False):
        if not training or self.rate <= 0:
            return inputs
        if self.rate >= 1:
            return torch.zeros_like(inputs)
        generator = (
            self._seed_generator.next_generator(inputs.device.type)
            if self._seed_generator is not None
            else None
        )
        keep = torch.rand(self._noise_shape(inputs), generator=generator,
                          device=inputs.device) >= self.rate
        # The (batch, 1, ..., channels) mask broadcasts over the spatial axes.
        return inputs * (keep.to(inputs.dtype) / (1.0 - self.rate))

    def get_config(self):
        # Keras writes these four keys only, with `dtype` as a plain string.
        return {"rate": self.rate, "seed": self.seed, "name": self.name, "dtype": self.dtype}


class SpatialDropout1D(BaseSpatialDropout):
    """Spatial 1D version of Dropout.

    It drops entire 1D feature maps instead of individual elements: adjacent frames within
    feature maps are strongly correlated, and regular dropout would not regularize the
    activations. Only active at training time; kept units are scaled by `1 / (1 - rate)`.

    Args:
        rate: Float between 0 and 1. Fraction of the input units to drop.
        seed: Integer, optional random seed. Defaults to `None`.

    Input shape: 3D tensor with shape `(samples, timesteps, channels)`.
    Output shape: Same as input.
    """

    def __init__(self, rate, seed=None, name=None, dtype=None):
        super().__init__(rate, seed=seed, name=name, dtype=dtype)
        self.input_spec = InputSpec(ndim=3)

    def _noise_shape(self, inputs):
        return (inputs.shape[0], 1, inputs.shape[2])


class SpatialDropout2D(BaseSpatialDropout):
    """Spatial 2D version of Dropout.

    It drops entire 2D feature maps (channels) instead of individual elements. Only active at
    training time; kept units are scaled by `1 / (1 - rate)`.

    Args:
        rate: Float between 0 and 1. Fraction of the input units to drop.
        data_format: `"channels_first"` or `"channels_last"`. Defaults to the
            `image_data_format` value (`"channels_last"`).
        seed: Integer, optional random seed. Defaults to `None`.

    Input shape: 4D tensor `(samples, rows, cols, channels)` (channels_last).
    Output shape: Same as input.
    """

    def __init__(self, rate, data_format=None, seed=None, name=None, dtype=None):
        super().__init__(rate, seed=seed, name=name, dtype=dtype)
        self.data_format = backend.standardize_data_format(data_format)
        self.input_spec = InputSpec(ndim=4)

    def _noise_shape(self, inputs):
        if self.data_format == "channels_first":
            return (inputs.shape[0], inputs.shape[1], 1, 1)
        return (inputs.shape[0], 1, 1, inputs.shape[3])

    def get_config(self):
        config = super().get_config()
        config["data_format"] = self.data_format
        return config


class SpatialDropout3D(BaseSpatialDropout):
    """Spatial 3D version of Dropout.

    It drops entire 3D feature maps (channels) instead of individual elements. Only active at
    training time; kept units are scaled by `1 / (1 - rate)`.

    Args:
        rate: Float between 0 and 1. Fraction of the input units to drop.
        data_format: `"channels_first"` or `"channels_last"`. Defaults to the
            `image_data_format` value (`"channels_last"`).
        seed: Integer, optional random seed. Defaults to `None`.

    Input shape: 5D tensor `(samples, dim1, dim2, dim3, channels)` (channels_last).
    Output shape: Same as input.
    """

    def __init__(self, rate, data_format=None, seed=None, name=None, dtype=None):
        super().__init__(rate, seed=seed, name=name, dtype=dtype)
        self.data_format = backend.standardize_data_format(data_format)
        self.input_spec = InputSpec(ndim=5)

    def _noise_shape(self, inputs):
        if self.data_format == "channels_first":
            return (inputs.shape[0], inputs.shape[1], 1, 1, 1)
        return (inputs.shape[0], 1, 1, 1, inputs.shape[4])

    def get_config(self):
        config = super().get_config()
        config["data_format"] = self.data_format
        return config
