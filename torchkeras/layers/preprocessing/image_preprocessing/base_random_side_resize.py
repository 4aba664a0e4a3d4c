"""The shared body of tf.keras 2's RandomHeight and RandomWidth: resize one side by a random factor."""

import torch

from torchkeras import backend
from torchkeras import ops
from torchkeras.backend.random import SeedGenerator
from torchkeras.layers.layer import Layer

# The interpolations tf.keras 2 accepts, and those `ops.image.resize` computes.
_TF_KERAS_INTERPOLATIONS = ("bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5",
                            "gaussian", "mitchellcubic")
_SUPPORTED = ("bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5")


class BaseRandomSideResize(Layer):
    """Resizes the height (`_AXIS = -3`) or width (`_AXIS = -2`) of channels_last images by a
    random factor drawn once per call from `[1 + lower, 1 + upper]`; identity in inference."""

    _AXIS = -3

    def __init__(self, factor, interpolation="bilinear", seed=None, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor
        if isinstance(factor, (tuple, list)):
            self.lower, self.upper = factor[0], factor[1]
        else:
            self.lower, self.upper = -factor, factor
        if self.upper < self.lower:
            raise ValueError(
                "`factor` argument cannot have an upper bound lesser than the lower bound. "
                f"Received: factor={factor}"
            )
        if self.lower < -1.0 or self.upper < -1.0:
            raise ValueError(
                f"`factor` argument must have values larger than -1. Received: factor={factor}"
            )
        if interpolation.lower() not in _TF_KERAS_INTERPOLATIONS:
            raise NotImplementedError(
                f"Value not recognized for `interpolation`: {interpolation}. Supported values "
                f"are: {_TF_KERAS_INTERPOLATIONS}"
            )
        if interpolation.lower() not in _SUPPORTED:
            raise NotImplementedError(
                f"{self.__class__.__name__}: interpolation={interpolation!r} is not supported by "
                f"torchkeras yet. Use one of {_SUPPORTED}. See compat/DIFFERENCES.md."
            )
        self.interpolation = interpolation
        self.seed = seed
        self.generator = SeedGenerator(seed)
        self.built = True

    def call(self, inputs, training=True):
        inputs = ops.convert_to_tensor(inputs)
        if not training:
            return inputs
        generator = self.generator.next_generator(inputs.device.type)
        u = torch.rand((), generator=generator, device=inputs.device)
        # One factor per call (the whole batch), truncated to an integer size as tf.keras 2 does.
        # A host read: the new size decides the output shape.
        side = int(float((1.0 + self.lower) + u * (self.upper - self.lower)) * inputs.shape[self._AXIS])
        size = [inputs.shape[-3], inputs.shape[-2]]
        size[self._AXIS + 3] = side
        out = ops.image.resize(inputs, tuple(size), interpolation=self.interpolation.lower(),
                               data_format="channels_last")
        return out.to(backend.to_torch_dtype(self.compute_dtype))

    def compute_output_shape(self, input_shape):
        shape = list(input_shape)
        shape[self._AXIS] = None
        return tuple(shape)

    def get_config(self):
        config = super().get_config()
        config.update({"factor": self.factor, "interpolation": self.interpolation,
                       "seed": self.seed})
        return config
