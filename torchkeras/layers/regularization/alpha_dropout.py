"""AlphaDropout: dropout that keeps the mean and variance of its inputs (for SELU networks)."""

import torch

from torchkeras.backend import random as random_lib
from torchkeras.layers.layer import Layer

_ALPHA = 1.6732632423543772848170429916717
_SCALE = 1.0507009873554804934193349852946


class AlphaDropout(Layer):
    """Applies Alpha Dropout to the input.

    Alpha Dropout keeps the mean and variance of the inputs at their original values, to
    ensure the self-normalizing property even after this dropout. Dropped units are set to the
    negative saturation value of SELU, then an affine transformation restores the moments.

    Args:
        rate: Float between 0 and 1. The multiplicative noise will have standard deviation
            `sqrt(rate / (1 - rate))`.
        noise_shape: 1D integer tuple, the shape of the binary dropout mask (`None` entries
            take the input's size). Defaults to `None`.
        seed: Integer, optional random seed to enable deterministic behavior.
            Defaults to `None`.

    Call arguments:
        inputs: Input tensor (of any rank).
        training: Python boolean indicating whether the layer should behave in training mode
            (adding alpha dropout) or in inference mode (doing nothing).
    """

    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        if not 0 <= rate <= 1:
            raise ValueError(
                "Invalid value received for argument `rate`. Expected a float value between 0 "
                f"and 1. Received: rate={rate}"
            )
        self.rate = rate
        self.seed = seed
        self.noise_shape = noise_shape
        self._seed_generator = random_lib.SeedGenerator(seed) if seed is not None else None
        self.supports_masking = True
        self.built = True

    def call(self, inputs, training=False):
        if not (training and self.rate > 0):
            return inputs
        shape = inputs.shape if self.noise_shape is None else tuple(
            size if want is None else want for want, size in zip(self.noise_shape, inputs.shape)
        )
        generator = None
        if self._seed_generator is not None:
            generator = self._seed_generator.next_generator(inputs.device.type)
        kept = (torch.rand(shape, generator=generator, device=inputs.device) >= self.rate).to(
            inputs.dtype
        )
        alpha_p = -_ALPHA * _SCALE
        a = ((1 - self.rate) * (1 + self.rate * alpha_p**2)) ** -0.5
        b = -a * alpha_p * self.rate
        x = inputs * kept + alpha_p * (1 - kept)
        return a * x + b

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update({"rate": self.rate, "seed": self.seed, "noise_shape": self.noise_shape})
        return config
