"""GaussianDropout: multiplies inputs by 1-centered Gaussian noise during training."""

import math

import torch

from torchkeras.backend import random as random_lib
from torchkeras.layers.layer import Layer


class GaussianDropout(Layer):
    """Apply multiplicative 1-centered Gaussian noise.

    As it is a regularization layer, it is only active at training time. The noise has
    standard deviation `sqrt(rate / (1 - rate))`.

    Args:
        rate: Float, drop probability (as with `Dropout`), between 0 and 1.
        seed: Integer, optional random seed to enable deterministic behavior.
            Defaults to `None`.

    Call arguments:
        inputs: Input tensor (of any rank).
        training: Python boolean indicating whether the layer should behave in training mode
            (adding noise) or in inference mode (doing nothing).
    """

    def __init__(self, rate, seed=None, **kwargs):
        super().__init__(**kwargs)
        if not 0 <= rate <= 1:
            raise ValueError(
                "Invalid value received for argument `rate`. Expected a float value between 0 "
                f"and 1. Received: rate={rate}"
            )
        self.rate = rate
        self.seed = seed
        self._seed_generator = random_lib.SeedGenerator(seed) if seed is not None else None
        self.supports_masking = True
        self.built = True

    def call(self, inputs, training=False):
        if training and self.rate > 0:
            stddev = math.sqrt(self.rate / (1.0 - self.rate))
            generator = None
            if self._seed_generator is not None:
                generator = self._seed_generator.next_generator(inputs.device.type)
            noise = torch.randn(inputs.shape, generator=generator, dtype=inputs.dtype,
                                device=inputs.device)
            return inputs * (noise * stddev + 1.0)
        return inputs

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update({"rate": self.rate, "seed": self.seed})
        return config
