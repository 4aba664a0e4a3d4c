"""Permute: permutes the non-batch axes of the input."""

from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer


class Permute(Layer):
    """Permutes the dimensions of the input according to a given pattern.

    Useful e.g. connecting RNNs and convnets.

    Args:
        dims: Tuple of integers. Permutation pattern, does not include the batch dimension.
            Indexing starts at 1. For instance, `(2, 1)` permutes the first and second
            dimensions of the input.

    Input shape: Arbitrary.
    Output shape: Same as the input shape, but with the dimensions re-ordered according to the
        specified pattern.

    Example:

    >>> x = keras.Input(shape=(10, 64))
    >>> keras.layers.Permute((2, 1))(x).shape
    (None, 64, 10)
    """

    def __init__(self, dims, **kwargs):
        super().__init__(**kwargs)
        self.dims = tuple(dims)
        if sorted(dims) != list(range(1, len(dims) + 1)):
            raise ValueError(
                "Invalid permutation argument `dims` for Permute Layer. The set of indices in "
                f"`dims` must be consecutive and start from 1. Received dims={dims}"
            )
        self._perm = (0,) + self.dims
        self.input_spec = InputSpec(ndim=len(self.dims) + 1)
        self.built = True

    def call(self, inputs):
        return inputs.permute(self._perm)  # a view

    def compute_output_shape(self, input_shape):
        return (input_shape[0],) + tuple(input_shape[d] for d in self.dims)

    def compute_output_spec(self, inputs, *args, **kwargs):
        # The dtype is the input's (integers stay integers).
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=inputs.dtype)

    def get_config(self):
        config = super().get_config()
        config["dims"] = self.dims
        return config
