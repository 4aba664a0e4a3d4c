"""SpectralNormalization: constrain the spectral norm of a wrapped layer's kernel."""

import torch

from torchkeras import backend
from torchkeras import initializers
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer


def _normalize(x):
    """L2-normalize all of `x`, as `keras.ops.normalize(x, axis=None)` does."""
    inv_norm = torch.rsqrt(x.square().sum()).clamp(max=1.0 / backend.epsilon())
    return x * inv_norm


class SpectralNormalization(Layer):
    """Performs spectral normalization on the weights of a target layer.

    This wrapper controls the Lipschitz constant of a layer by dividing its kernel by the
    kernel's largest singular value, estimated by power iteration, which can stabilize the
    training of GANs. The normalization happens in training calls (`training=True`): the
    estimate `vector_u` (a non-trainable weight) and the kernel are updated in place, as Keras
    does, then the wrapped layer runs. Inference calls use the kernel as it is.

    Args:
        layer: A `keras.layers.Layer` instance that has either a `kernel` (e.g. `Conv2D`,
            `Dense`...) or an `embeddings` attribute (`Embedding` layer).
        power_iterations: int, the number of iterations during normalization. Defaults to `1`.
        **kwargs: Base wrapper keyword arguments, such as `name`.

    Example:

    >>> x = np.random.uniform(size=(2, 10, 10, 3)).astype("float32")
    >>> conv2d = keras.layers.SpectralNormalization(keras.layers.Conv2D(2, 2))
    >>> conv2d(x, training=True).shape
    torch.Size([2, 9, 9, 2])
    """

    def __init__(self, layer, power_iterations=1, **kwargs):
        if not isinstance(layer, Layer):
            raise ValueError(
                f"Layer {layer} supplied to Wrapper isn't a supported layer type. Please "
                "ensure wrapped layer is a valid Keras layer."
            )
        super().__init__(**kwargs)
        self.layer = layer
        if power_iterations <= 0:
            raise ValueError(
                "`power_iterations` should be greater than zero. Received: "
                f"`power_iterations={power_iterations}`"
            )
        self.power_iterations = power_iterations

    def build(self, input_shape):
        if not self.layer.built:
            self.layer._build_with_scope({"input_shape": input_shape})
        self.input_spec = InputSpec(min_ndim=1, axes={-1: input_shape[-1]})
        if hasattr(self.layer, "kernel"):
            kernel = self.layer.kernel
        elif hasattr(self.layer, "embeddings"):
            kernel = self.layer.embeddings
        else:
            raise ValueError(
                f"{type(self.layer).__name__} object has no attribute 'kernel' nor 'embeddings'"
            )
        # Tracked as this layer's own weight too, as in Keras: the weights read
        # `[kernel, vector_u, <the wrapped layer's other weights>]`.
        self.kernel = kernel
        self.kernel_shape = tuple(kernel.shape)
        self.vector_u = self.add_weight(
            shape=(1, self.kernel_shape[-1]),
            initializer=initializers.TruncatedNormal(stddev=0.02), trainable=False,
            name="vector_u", dtype=backend.standardize_dtype(kernel.dtype),
        )
        self.built = True

    def call(self, inputs, training=False):
        if training:
            with torch.no_grad():
                new_vector_u, new_kernel = self.normalized_weights()
                # An all-zero kernel has no direction to normalize: keep everything as is.
                # (Selected on the device, without reading the condition on the host.)
                all_zero = torch.all(self.kernel == 0)
                self.vector_u.copy_(torch.where(all_zero, self.vector_u, new_vector_u))
                self.kernel.copy_(torch.where(all_zero, self.kernel, new_kernel))
        output = self.layer(inputs)
        return output.to(inputs.dtype)

    def normalized_weights(self):
        """The next power-iteration estimate `vector_u` and the kernel divided by its
        spectral norm (the values `call` assigns in training)."""
        weights = self.kernel.reshape(-1, self.kernel_shape[-1])  # (rows, units)
        vector_u = self.vector_u
        for _ in range(self.power_iterations):
            vector_v = _normalize(vector_u @ weights.T)  # (1, rows)
            vector_u = _normalize(vector_v @ weights)  # (1, units)
        vector_u = vector_u.detach()
        vector_v = vector_v.detach()
        sigma = (vector_v @ weights) @ vector_u.T  # (1, 1)
        kernel = (self.kernel / sigma).reshape(self.kernel_shape)
        return vector_u.to(self.vector_u.dtype), kernel.to(self.kernel.dtype)

    def compute_output_shape(self, input_shape):
        return self.layer.compute_output_shape(input_shape)

    def get_config(self):
        from torchkeras.saving import serialization

        config = {"layer": serialization.serialize_keras_object(self.layer)}
        config = {**super().get_config(), **config}
        config["power_iterations"] = self.power_iterations
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from torchkeras import layers

        config = dict(config)
        config["layer"] = layers.deserialize(config["layer"], custom_objects=custom_objects)
        return super().from_config(config)
