"""GaussianNoise: adds zero-centered Gaussian noise during training."""

import torch

from torchkeras.backend import random as random_lib
from torchkeras.layers.layer import Layer


class GaussianNoise(Layer):
    """Apply additive zero-centered Gaussian noise.

    This is useful to mitigate overfitting (you could see it as a form of random data
    augmentation). As it is a regularization layer, it is only active at training time.

    Args:
        stddev: Float, standard deviation of the noise distribution, between 0 and 1.
        seed: Integer, optional random seed to enable deterministic behavior.
            Defaults to `None`.

    Call arguments:
        inputs: Input tensor (of any rank).
        training: Python boolean indicating whether the layer should behave in training mode
            (adding noise) or in inference mode (doing nothing).
    """

    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        if not 0 <= stddev <= 1:
            raise ValueError(
                "Invalid value received for argument `stddev`. Expected a float value between "
                f"0 and 1. Received: stddev={stddev}"
            )
        self.stddev = stddev
        self.seed = seed
        self._seed_generator = random_lib.SeedGenerator(seed) if seed is not None else None
        self.supports_masking = True
        self.built = True

    def call(self, inputs, training=False):
        if training and self.stddev > 0:
            generator = None
            if self._seed_generator is not None:
                generator = self._seed_generator.next_generator(inputs.device.type)
            noise = torch.randn(inputs.shape, generator=generator, dtype=inputs.dtype,
                                device=inputs.device)
            return inputs + noise * self.stddev
        return inputs

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update({"stddev": self.stddev, "seed": self.seed})
        return config
