"""Attention: dot-product (Luong-style) attention over `[query, value]` or `[query, value, key]`."""

import torch
import torch.nn.functional as F

from torchkeras.backend import random as random_lib
from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.layers.layer import Layer


class Attention(Layer):
    """Dot-product attention layer, a.k.a. Luong-style attention.

    Inputs are a list with 2 or 3 elements: a `query` tensor of shape `(batch_size, Tq, dim)`, a
    `value` tensor of shape `(batch_size, Tv, dim)` and an optional `key` tensor of shape
    `(batch_size, Tv, dim)` (defaults to `value`). The calculation follows the steps:

    1. Calculate attention scores using `query` and `key` with shape `(batch_size, Tq, Tv)`.
    2. Use scores to calculate a softmax distribution with shape `(batch_size, Tq, Tv)`.
    3. Use the softmax distribution to create a linear combination of `value` with shape
       `(batch_size, Tq, dim)`.

    Args:
        use_scale: If `True`, creates a scalar variable `scale` (initialized to 1) that scales
            the attention scores. Defaults to `False`.
        score_mode: Function to use to compute attention scores, one of `{"dot", "concat"}`.
            `"dot"` is the dot product between the query and key vectors. `"concat"` is the
            hyperbolic tangent of the sum of the query and key vectors, summed over features
            and scaled by a scalar variable `concat_score_weight`. Defaults to `"dot"`.
        dropout: Float between 0 and 1. Fraction of the units to drop for the attention
            scores. Defaults to `0.0`.
        seed: An integer to use as random seed in case of `dropout`.

    Call arguments:
        inputs: List of `[query, value]` or `[query, value, key]`.
        mask: List of `[query_mask, value_mask]`: boolean masks of shape `(batch_size, Tq)`
            and `(batch_size, Tv)`. Defaults to the masks attached to the inputs.
        training: Whether the layer runs in training mode (adding dropout).
        return_attention_scores: If `True`, also returns the attention scores (after
            masking and softmax). Defaults to `False`.
        use_causal_mask: If `True`, position `i` cannot attend to positions `j > i`.
            Defaults to `False`.

    Output: Attention outputs of shape `(batch_size, Tq, dim)`, and optionally the attention
    scores after masking and softmax, of shape `(batch_size, Tq, Tv)`.

    Example:

    >>> query = np.ones((2, 3, 4), "float32")
    >>> value = np.ones((2, 5, 4), "float32")
    >>> keras.layers.Attention()([query, value]).shape
    torch.Size([2, 3, 4])
    """

    def __init__(self, use_scale=False, score_mode="dot", dropout=0.0, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.use_scale = use_scale
        self.score_mode = score_mode
        self.dropout = dropout
        self.seed = seed
        self._seed_generator = random_lib.SeedGenerator(seed) if seed is not None else None
        if self.score_mode not in ["dot", "concat"]:
            raise ValueError(
                "Invalid value for argument score_mode. Expected one of {'dot', 'concat'}. "
                f"Received: score_mode={score_mode}"
            )
        self.supports_masking = True

    def build(self, input_shape):
        self._validate_inputs(input_shape)
        # (Weights are assigned once: a `None` placeholder first would shadow them.)
        if self.use_scale:
            self.scale = self.add_weight(name="scale", shape=(), initializer="ones")
        else:
            self.scale = None
        if self.score_mode == "concat":
            self.concat_score_weight = self.add_weight(
                name="concat_score_weight", shape=(), initializer="ones"
            )
        else:
            self.concat_score_weight = None
        self.built = True

    def _calculate_scores(self, query, key):
        """Attention scores of shape `(batch_size, Tq, Tv)` from the query and the key."""
        if self.score_mode == "dot":
            scores = torch.matmul(query, key.transpose(-2, -1))
            if self.scale is not None:
                scores = scores * self.scale
            return scores
        # concat: sum(tanh(q + k)) over features, broadcasting (B, Tq, 1, d) + (B, 1, Tv, d).
        summed = query.unsqueeze(-2) + key.unsqueeze(-3)
        if self.scale is not None:
            summed = self.scale * summed
        return self.concat_score_weight * torch.sum(torch.tanh(summed), dim=-1)

    def _apply_scores(self, scores, value, scores_mask=None, training=False):
        """Softmax of the masked `scores`, then the weighted sum of `value`.

        Masked positions get `scores - 1e9` (`- 65504` in float16), as in Keras.

        Returns:
            `(outputs (batch_size, Tq, dim), weights (batch_size, Tq, Tv))`.
        """
        if scores_mask is not None:
            padding_mask = ~scores_mask
            max_value = 65504.0 if scores.dtype == torch.float16 else 1.0e9
            if padding_mask.dim() == 2:
                padding_mask = padding_mask.unsqueeze(-2)
            scores = torch.where(padding_mask, scores - max_value, scores)
        weights = torch.softmax(scores, dim=-1)
        if training and self.dropout > 0:
            if self._seed_generator is None:
                weights = F.dropout(weights, p=self.dropout, training=True)
            else:
                generator = self._seed_generator.next_generator(weights.device.type)
                keep = torch.rand(weights.shape, generator=generator,
                                  device=weights.device) >= self.dropout
                weights = weights * keep.to(weights.dtype) / (1.0 - self.dropout)
        return torch.matmul(weights, value), weights

    def _calculate_score_mask(self, scores, v_mask, use_causal_mask):
        if not use_causal_mask:
            return v_mask
        # (1, Tq, Tv): position i cannot attend to positions j > i.
        causal = torch.ones(scores.shape[-2:], dtype=torch.bool,
                            device=scores.device).tril_().unsqueeze(0)
        if v_mask is not None:
            return v_mask.unsqueeze(-2) & causal
        return causal

    def call(self, inputs, mask=None, training=False, return_attention_scores=False,
             use_causal_mask=False):
        if mask is None and isinstance(inputs, (list, tuple)):
            # Keras hands a layer called on a list the list of its inputs' masks.
            masks = [getattr(x, "_keras_mask", None) for x in inputs]
            mask = masks if any(m is not None for m in masks) else None
        self._validate_inputs(inputs=inputs, mask=mask)
        q, v = inputs[0], inputs[1]
        k = inputs[2] if len(inputs) > 2 else v
        q_mask = mask[0] if mask else None
        v_mask = mask[1] if mask else None
        if v_mask is not None and v_mask.dtype != torch.bool:
            v_mask = v_mask.to(torch.bool)
        scores = self._calculate_scores(query=q, key=k)
        scores_mask = self._calculate_score_mask(scores, v_mask, use_causal_mask)
        outputs, weights = self._apply_scores(scores, v, scores_mask=scores_mask,
                                              training=training)
        if q_mask is not None:
            q_mask = q_mask.to(torch.bool)
            outputs = torch.where(q_mask.unsqueeze(-1), outputs, 0.0)  # (B, Tq, dim)
            outputs._keras_mask = q_mask
        if return_attention_scores:
            return outputs, weights
        return outputs

    def compute_mask(self, inputs, mask=None):
        self._validate_inputs(inputs=inputs, mask=mask)
        if mask is None or mask[0] is None:
            return None
        return mask[0]

    def compute_output_shape(self, input_shape):
        return (*input_shape[0][:-1], input_shape[1][-1])

    def compute_output_spec(self, inputs, mask=None, return_attention_scores=False,
                            training=None, use_causal_mask=False):
        self._validate_inputs(inputs, mask)
        query, value = inputs[0], inputs[1]
        key = inputs[2] if len(inputs) > 2 else value
        output_spec = KerasTensor(
            self.compute_output_shape([query.shape, value.shape, key.shape]),
            dtype=self.compute_dtype,
        )
        if return_attention_scores:
            scores_shape = (*query.shape[:-1], key.shape[-2])  # (*batch_dims, Tq, Tv)
            return output_spec, KerasTensor(scores_shape, dtype=self.compute_dtype)
        return output_spec

    def _validate_inputs(self, inputs, mask=None):
        class_name = self.__class__.__name__
        if not isinstance(inputs, list):
            raise ValueError(
                f"{class_name} layer must be called on a list of inputs, namely [query, value] "
                f"or [query, value, key]. Received: inputs={inputs}."
            )
        if len(inputs) < 2 or len(inputs) > 3:
            raise ValueError(
                f"{class_name} layer accepts inputs list of length 2 or 3, namely [query, "
                f"value] or [query, value, key]. Received length: {len(inputs)}."
            )
        if mask is not None:
            if not isinstance(mask, list):
                raise ValueError(
                    f"{class_name} layer mask must be a list, namely [query_mask, value_mask]. "
                    f"Received: mask={mask}."
                )
            if len(mask) < 2 or len(mask) > 3:
                raise ValueError(
                    f"{class_name} layer accepts mask list of length 2 or 3. Received: "
                    f"inputs={inputs}, mask={mask}."
                )

    def get_config(self):
        config = super().get_config()
        config.update({
            "use_scale": self.use_scale,
            "score_mode": self.score_mode,
            "dropout": self.dropout,
            "seed": self.seed,
        })
        return config
