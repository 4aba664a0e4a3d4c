"""CategoryEncoding: integer features as one-hot, multi-hot or count vectors."""

import torch

from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.layers.layer import Layer
from torchkeras.layers.preprocessing import preprocessing_utils as utils


class CategoryEncoding(Layer):
    """A preprocessing layer which encodes integer features.

    This layer provides options for condensing data into a categorical encoding when the total
    number of tokens is known in advance. It accepts integer values as inputs and outputs a
    dense (or sparse) representation. Inputs must be in `[0, num_tokens)`; values outside are
    dropped.

    Args:
        num_tokens: The total number of tokens the layer should support.
        output_mode: `"one_hot"` encodes each element into an array of size `num_tokens` (a
            last dimension of size 1 is replaced, any other gets a new axis appended);
            `"multi_hot"` encodes each sample (the last axis) into one array with a 1 for each
            token present; `"count"` is like `"multi_hot"` but counts occurrences.
            Defaults to `"multi_hot"`.
        sparse: Whether to return a sparse (COO) tensor. Defaults to `False`.

    Call arguments:
        inputs: A tensor of integer inputs.
        count_weights: A tensor of the inputs' shape with weights summed in `"count"` mode.

    Example:

    >>> layer = keras.layers.CategoryEncoding(num_tokens=4, output_mode="one_hot")
    >>> layer(np.array([3, 2, 0, 1]))
    tensor([[0., 0., 0., 1.],
            [0., 0., 1., 0.],
            [1., 0., 0., 0.],
            [0., 1., 0., 0.]])
    """

    def __init__(self, num_tokens=None, output_mode="multi_hot", sparse=False, **kwargs):
        super().__init__(**kwargs)
        if output_mode == "binary":
            output_mode = "multi_hot"
        if output_mode not in ("count", "one_hot", "multi_hot"):
            raise ValueError(f"Unknown arg for output_mode: {output_mode}")
        if num_tokens is None:
            raise ValueError(
                "num_tokens must be set to use this layer. If the "
                "number of tokens is not known beforehand, use the "
                "IntegerLookup layer instead."
            )
        if num_tokens < 1:
            raise ValueError(
                f"`num_tokens` must be >= 1. Received: num_tokens={num_tokens}."
            )
        self.num_tokens = num_tokens
        self.output_mode = output_mode
        self.sparse = sparse
        self.built = True

    def call(self, inputs, count_weights=None):
        inputs = utils.ensure_tensor(inputs)
        if count_weights is not None:
            if self.output_mode != "count":
                raise ValueError(
                    "`count_weights` is not used when `output_mode` is not "
                    f"`'count'`. Received `count_weights={count_weights}`."
                )
            count_weights = torch.as_tensor(
                utils.to_numpy(count_weights), dtype=self._torch_compute_dtype,
                device=inputs.device,
            )
        if inputs.is_floating_point():
            inputs = inputs.to(torch.int64)
        return utils.encode_categorical_inputs(
            inputs, self.output_mode, self.num_tokens,
            dtype=self._torch_compute_dtype, sparse=self.sparse, count_weights=count_weights,
        )

    def compute_output_shape(self, input_shape):
        if input_shape is not None and len(input_shape) == 0:
            return (self.num_tokens,)
        if self.output_mode == "one_hot":
            if input_shape[-1] != 1 or len(input_shape) == 1:
                return tuple(input_shape) + (self.num_tokens,)
            return tuple(input_shape[:-1]) + (self.num_tokens,)
        return tuple(input_shape[:-1]) + (self.num_tokens,)

    def compute_output_spec(self, inputs, count_weights=None):
        return KerasTensor(
            self.compute_output_shape(inputs.shape), dtype=self.compute_dtype, sparse=self.sparse
        )

    def get_config(self):
        config = super().get_config()
        config.update({"num_tokens": self.num_tokens, "output_mode": self.output_mode})
        return config
