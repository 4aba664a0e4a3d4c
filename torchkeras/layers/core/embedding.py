"""Embedding: turns non-negative integers (indices) into dense vectors of fixed size."""

import warnings

import torch
import torch.nn.functional as F

from torchkeras import constraints
from torchkeras import initializers
from torchkeras import regularizers
from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.layers.layer import Layer


class Embedding(Layer):
    """Turns nonnegative integers (indexes) into dense vectors of fixed size.

    e.g. `[[4], [20]] -> [[[0.25, 0.1]], [[0.6, -0.2]]]`. The `embeddings` matrix has shape
    `(input_dim, output_dim)`; row `i` is the vector of index `i`.

    Args:
        input_dim: Integer. Size of the vocabulary, i.e. maximum integer index + 1.
        output_dim: Integer. Dimension of the dense embedding.
        embeddings_initializer: Initializer for the `embeddings` matrix. Defaults to
            `"uniform"` (uniform on `[-0.05, 0.05]`).
        embeddings_regularizer: Regularizer function applied to the `embeddings` matrix.
        embeddings_constraint: Constraint function applied to the `embeddings` matrix.
        mask_zero: Boolean, whether the input value 0 is a special "padding" value that should
            be masked out. Downstream layers that support masking then skip those steps, so
            index 0 cannot be used in the vocabulary (`input_dim` should be vocabulary + 1).
            Defaults to `False`.
        weights: Optional floating-point matrix of shape `(input_dim, output_dim)`, the initial
            embeddings values.

    Input shape: N-D tensor with shape `(batch_size, ...)`.
    Output shape: (N+1)-D tensor with shape `(batch_size, ..., output_dim)`.

    Example:

    >>> layer = keras.layers.Embedding(1000, 64)
    >>> layer(np.random.randint(1000, size=(32, 10))).shape
    torch.Size([32, 10, 64])
    """

    def __init__(self, input_dim, output_dim, embeddings_initializer="uniform",
                 embeddings_regularizer=None, embeddings_constraint=None, mask_zero=False,
                 weights=None, lora_rank=None, lora_alpha=None, quantization_config=None,
                 **kwargs):
        if not isinstance(input_dim, int) or isinstance(input_dim, bool) or input_dim <= 0:
            raise ValueError(
                "`input_dim` must be a positive integer. "
                f"Received: input_dim={input_dim} (of type {type(input_dim).__name__})."
            )
        if not isinstance(output_dim, int) or isinstance(output_dim, bool) or output_dim <= 0:
            raise ValueError(
                "`output_dim` must be a positive integer. "
                f"Received: output_dim={output_dim} (of type {type(output_dim).__name__})."
            )
        # Keras 2's `input_length` is ignored by Keras 3 (the sequence length comes from the
        # input); accept it with the same warning.
        if kwargs.pop("input_length", None) is not None:
            warnings.warn("Argument `input_length` is deprecated. Just remove it.", stacklevel=2)
        super().__init__(**kwargs)
        if lora_rank or quantization_config is not None:
            raise NotImplementedError(
                f"Layer '{self.name}' (Embedding): LoRA and quantization are not supported yet. "
                "See compat/DIFFERENCES.md."
            )
        self.input_dim = input_dim
        self.output_dim = output_dim
        self.embeddings_initializer = initializers.get(embeddings_initializer)
        self.embeddings_regularizer = regularizers.get(embeddings_regularizer)
        self.embeddings_constraint = constraints.get(embeddings_constraint)
        self.mask_zero = mask_zero
        self.supports_masking = mask_zero
        # Indices are never cast to the float compute dtype.
        self.autocast = False
        self.lora_rank = lora_rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else lora_rank
        self.lora_enabled = False
        self.quantization_config = quantization_config
        if weights is not None:
            self.build()
            if not (isinstance(weights, list) and len(weights) == 1):
                weights = [weights]
            self.set_weights(weights)

    def build(self, input_shape=None):
        if self.built:
            return
        self.embeddings = self.add_weight(
            name="embeddings", shape=(self.input_dim, self.output_dim),
            initializer=self.embeddings_initializer, regularizer=self.embeddings_regularizer,
            constraint=self.embeddings_constraint, trainable=True,
        )
        self.built = True

    def call(self, inputs):
        if inputs.dtype not in (torch.int32, torch.int64):
            inputs = inputs.to(torch.int32)
        outputs = F.embedding(inputs, self.embeddings)  # (batch, ..., output_dim)
        if outputs.dtype != self._torch_compute_dtype:
            outputs = outputs.to(self._torch_compute_dtype)
        return outputs

    def compute_mask(self, inputs, mask=None):
        if not self.mask_zero:
            return None
        return inputs != 0

    def compute_output_shape(self, input_shape):
        return (*input_shape, self.output_dim)

    def compute_output_spec(self, inputs, *args, **kwargs):
        # The output is float whatever the (integer) input dtype.
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=self.compute_dtype)

    def get_config(self):
        config = super().get_config()
        config.update({
            "input_dim": self.input_dim,
            "output_dim": self.output_dim,
            "embeddings_initializer": initializers.serialize(self.embeddings_initializer),
            "embeddings_regularizer": regularizers.serialize(self.embeddings_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "embeddings_constraint": constraints.serialize(self.embeddings_constraint),
            "mask_zero": self.mask_zero,
            "quantization_config": None,
        })
        return config
