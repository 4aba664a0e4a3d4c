"""ReversibleEmbedding: an Embedding that can also project vectors back onto the vocabulary."""

import torch

from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.layers.core.embedding import Embedding


class ReversibleEmbedding(Embedding):
    """An embedding layer which can project backwards to the input dimension.

    Called with `reverse=True`, the layer maps vectors of size `output_dim` to logits over the
    vocabulary, with the transposed embeddings (`tie_weights=True`) or a separate
    `reverse_embeddings` matrix of shape `(output_dim, input_dim)`. This is the usual tied input
    and output embedding of a language model.

    Args:
        input_dim: Integer. Size of the vocabulary, i.e. maximum integer index + 1.
        output_dim: Integer. Dimension of the dense embedding.
        tie_weights: Boolean, whether the reverse projection uses the transposed embeddings.
            Defaults to `True`.
        embeddings_initializer: Initializer for the `embeddings` matrix. Defaults to
            `"uniform"`.
        embeddings_regularizer: Regularizer function applied to the `embeddings` matrix.
        embeddings_constraint: Constraint function applied to the `embeddings` matrix.
        mask_zero: Boolean, whether the input value 0 is a masked padding value.
            Defaults to `False`.
        reverse_dtype: The dtype of the reverse projection. Defaults to `None` (the compute
            dtype).
        logit_soft_cap: If set, the reverse logits are soft-capped:
            `tanh(logits / logit_soft_cap) * logit_soft_cap`. Defaults to `None`.

    Call arguments:
        inputs: The tensor inputs to the layer.
        reverse: Boolean. If `True` the layer projects vectors back to vocabulary logits.
            Defaults to `False`.

    Example:

    >>> layer = keras.layers.ReversibleEmbedding(100, 8)
    >>> hidden = layer(np.array([[1, 2, 3]]))
    >>> layer(hidden, reverse=True).shape
    torch.Size([1, 3, 100])
    """

    def __init__(self, input_dim, output_dim, tie_weights=True, embeddings_initializer="uniform",
                 embeddings_regularizer=None, embeddings_constraint=None, mask_zero=False,
                 reverse_dtype=None, logit_soft_cap=None, **kwargs):
        super().__init__(
            input_dim, output_dim, embeddings_initializer=embeddings_initializer,
            embeddings_regularizer=embeddings_regularizer,
            embeddings_constraint=embeddings_constraint, mask_zero=mask_zero, **kwargs,
        )
        self.tie_weights = tie_weights
        self.reverse_dtype = reverse_dtype
        self.logit_soft_cap = logit_soft_cap

    def build(self, input_shape=None):
        if self.built:
            return
        super().build(input_shape)
        if not self.tie_weights:
            self.reverse_embeddings = self.add_weight(
                name="reverse_embeddings", shape=(self.output_dim, self.input_dim),
                initializer=self.embeddings_initializer, trainable=True,
            )

    def call(self, inputs, reverse=False):
        if not reverse:
            result = super().call(inputs)
            if self.mask_zero:
                result._keras_mask = inputs != 0
            return result
        kernel = self.embeddings.t() if self.tie_weights else self.reverse_embeddings
        if self.reverse_dtype is not None:
            from torchkeras import backend

            dtype = backend.to_torch_dtype(self.reverse_dtype)
            inputs = inputs.to(dtype)
            kernel = kernel.to(dtype)
        logits = torch.matmul(inputs, kernel)  # (batch, ..., input_dim)
        if self.logit_soft_cap is not None:
            logits = torch.tanh(logits / self.logit_soft_cap) * self.logit_soft_cap
        return logits

    def compute_mask(self, inputs, mask=None):
        # The mask is attached in `call`, where the direction is known.
        return None

    def compute_output_shape(self, input_shape, reverse=False):
        output_shape = list(input_shape)
        if reverse:
            output_shape[-1] = self.input_dim
        else:
            output_shape.append(self.output_dim)
        return tuple(output_shape)

    def compute_output_spec(self, inputs, reverse=False):
        return KerasTensor(self.compute_output_shape(inputs.shape, reverse),
                           dtype=self.compute_dtype)

    def get_config(self):
        config = super().get_config()
        config.update({
            "tie_weights": self.tie_weights,
            "reverse_dtype": self.reverse_dtype,
            "logit_soft_cap": self.logit_soft_cap,
        })
        return config
