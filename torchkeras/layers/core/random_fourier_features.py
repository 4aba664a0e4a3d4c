"""RandomFourierFeatures (tf.keras 2): `cos(x @ W / scale + b)`, a random-features kernel map."""

import math

import numpy as np
import torch

from torchkeras import initializers
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer

_SUPPORTED_RBF_KERNEL_TYPES = ["gaussian", "laplacian"]


class RandomFourierFeatures(Layer):
    """Layer that projects its inputs into a random feature space.

    The output is `cos(x @ (unscaled_kernel / kernel_scale) + bias)`. With a Gaussian kernel
    matrix (`kernel_initializer="gaussian"`) the inner products of the outputs approximate the
    Gaussian RBF kernel; with Cauchy samples (`"laplacian"`) the Laplacian kernel. The random
    kernel and the bias (uniform on `[0, 2 pi)`) are fixed; `kernel_scale` is trainable when the
    layer is (`trainable=False` by default).

    Args:
        output_dim: Positive integer, the dimension of the random features.
        kernel_initializer: `"gaussian"`, `"laplacian"` or an initializer for the unscaled kernel.
            Defaults to `"gaussian"`.
        scale: Positive float, the initial kernel scale. Defaults to `None` (`sqrt(input_dim / 2)`
            for the Gaussian kernel, 1.0 otherwise).
        trainable: Whether `kernel_scale` is trained. Defaults to `False`.
        name: Name of the layer.

    Input shape: `(batch, input_dim)`. Output shape: `(batch, output_dim)`.

    Example:

    >>> layer = keras.layers.experimental.RandomFourierFeatures(output_dim=64)
    >>> layer(np.ones((2, 8), "float32")).shape
    torch.Size([2, 64])
    """

    def __init__(self, output_dim, kernel_initializer="gaussian", scale=None, trainable=False,
                 name=None, **kwargs):
        if output_dim <= 0:
            raise ValueError(f"`output_dim` should be a positive integer. Received: {output_dim}")
        if isinstance(kernel_initializer, str):
            if kernel_initializer.lower() not in _SUPPORTED_RBF_KERNEL_TYPES:
                raise ValueError(
                    f"Unsupported `kernel_initializer`: {kernel_initializer} "
                    f"Expected one of: {_SUPPORTED_RBF_KERNEL_TYPES}"
                )
        if scale is not None and scale <= 0.0:
            raise ValueError(f"When provided, `scale` should be a positive float. Received: {scale}")
        super().__init__(trainable=trainable, name=name, **kwargs)
        self.output_dim = output_dim
        self.kernel_initializer = kernel_initializer
        self.scale = scale

    def build(self, input_shape):
        if len(input_shape) != 2:
            raise ValueError(
                "The rank of the input tensor should be 2. Received input with rank "
                f"{len(input_shape)} instead. Full input shape received: {tuple(input_shape)}"
            )
        if input_shape[1] is None:
            raise ValueError(
                "The last dimension of the input tensor should be defined. Found `None`. Full "
                f"input shape received: {tuple(input_shape)}"
            )
        input_dim = input_shape[1]
        self.input_spec = InputSpec(ndim=2, axes={1: input_dim})
        self.unscaled_kernel = self.add_weight(
            name="unscaled_kernel", shape=(input_dim, self.output_dim), dtype="float32",
            initializer=self._features_initializer((input_dim, self.output_dim)), trainable=False,
        )
        self.bias = self.add_weight(
            name="bias", shape=(self.output_dim,), dtype="float32",
            initializer=initializers.RandomUniform(minval=0.0, maxval=2 * np.pi), trainable=False,
        )
        if self.scale is None:
            gaussian = isinstance(self.kernel_initializer, str) and (
                self.kernel_initializer.lower() == "gaussian")
            self.scale = math.sqrt(input_dim / 2.0) if gaussian else 1.0
        self.kernel_scale = self.add_weight(
            name="kernel_scale", shape=(1,), dtype="float32",
            initializer=initializers.Constant(self.scale), trainable=True, constraint="NonNeg",
        )

    def _features_initializer(self, shape):
        kind = self.kernel_initializer
        if not isinstance(kind, str):
            return kind
        if kind.lower() == "gaussian":
            return initializers.RandomNormal(stddev=1.0)
        # Laplacian kernel: standard Cauchy samples, tan(pi * (u - 0.5)).
        probs = np.random.uniform(low=0.0, high=1.0, size=shape)
        return initializers.Constant(np.tan(np.pi * (probs - 0.5)))

    def call(self, inputs):
        inputs = inputs.to(torch.float32)
        kernel = (1.0 / self.kernel_scale) * self.unscaled_kernel
        return torch.cos(torch.addmm(self.bias, inputs, kernel))

    def compute_output_shape(self, input_shape):
        if input_shape[-1] is None:
            raise ValueError(
                "The last dimension of the input tensor should be defined. Found `None`. Full "
                f"input shape received: {tuple(input_shape)}"
            )
        return tuple(input_shape[:-1]) + (self.output_dim,)

    def get_config(self):
        config = super().get_config()
        kernel_initializer = self.kernel_initializer
        if not isinstance(kernel_initializer, str):
            kernel_initializer = initializers.serialize(kernel_initializer)
        config.update({"output_dim": self.output_dim, "kernel_initializer": kernel_initializer,
                       "scale": self.scale})
        return config
