"""Dropout: randomly zeroes inputs during training, scaling the rest by `1 / (1 - rate)`."""

import torch
import torch.nn.functional as F

from torchkeras.backend import random as random_lib
from torchkeras.layers.layer import Layer


class Dropout(Layer):
    """Applies dropout to the input.

    During training, input units are set to 0 with frequency `rate` and the others are scaled up
    by `1 / (1 - rate)`, so the expected sum is unchanged. In inference it does nothing.

    Args:
        rate: Float between 0 and 1. Fraction of the input units to drop.
        noise_shape: 1D integer tuple, the shape of the binary dropout mask that is multiplied
            with the input (`None` entries take the input's size). Defaults to `None`.
        seed: Integer seed of the random generator. Defaults to `None`.

    Call arguments:
        inputs: Input tensor (of any rank).
        training: Whether the layer runs in training mode (adding dropout).
    """

    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        if not isinstance(rate, (int, float)) or isinstance(rate, bool) or not 0 <= rate <= 1:
            raise ValueError(
                "Invalid value received for argument `rate`. Expected a float value between 0 "
                f"and 1. Received: rate={rate}"
            )
        self.rate = rate
        self.seed = seed
        self.noise_shape = None if noise_shape is None else tuple(noise_shape)
        self._seed_generator = random_lib.SeedGenerator(seed) if seed is not None else None
        self.supports_masking = True
        self.built = True

    def call(self, inputs, training=False):
        if not training or self.rate <= 0:
            return inputs
        if self.rate >= 1:
            return torch.zeros_like(inputs)
        if self.noise_shape is None and self._seed_generator is None:
            return F.dropout(inputs, p=self.rate, training=True)
        shape = inputs.shape if self.noise_shape is None else tuple(
            size if want is None else want for want, size in zip(self.noise_shape, inputs.shape)
        )
        generator = (
            self._seed_generator.next_generator(inputs.device.type)
            if self._seed_generator is not None
            else None
        )
        keep = torch.rand(shape, generator=generator, device=inputs.device) >= self.rate
        return inputs * keep.to(inputs.dtype) / (1.0 - self.rate)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update({"rate": self.rate, "seed": self.seed, "noise_shape": self.noise_shape})
        return config
