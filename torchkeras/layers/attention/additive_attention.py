"""AdditiveAttention: Bahdanau-style attention, `sum(scale * tanh(query + key))` scores."""

import torch

from torchkeras.layers.attention.attention import Attention


class AdditiveAttention(Attention):
    """Additive attention layer, a.k.a. Bahdanau-style attention.

    Inputs are a list with 2 or 3 elements: a `query` tensor of shape `(batch_size, Tq, dim)`, a
    `value` tensor of shape `(batch_size, Tv, dim)` and an optional `key` tensor of shape
    `(batch_size, Tv, dim)` (defaults to `value`). The scores are
    `sum(scale * tanh(query + key), axis=-1)` with shape `(batch_size, Tq, Tv)`; their softmax
    weighs `value` into an output of shape `(batch_size, Tq, dim)`.

    Args:
        use_scale: If `True`, creates a variable `scale` of shape `(dim,)` (glorot uniform)
            that scales the attention scores. Defaults to `True`.
        dropout: Float between 0 and 1. Fraction of the units to drop for the attention
            scores. Defaults to `0.0`.

    Call arguments: as `Attention`.

    Example:

    >>> query = np.ones((2, 3, 4), "float32")
    >>> value = np.ones((2, 5, 4), "float32")
    >>> keras.layers.AdditiveAttention()([query, value]).shape
    torch.Size([2, 3, 4])
    """

    def __init__(self, use_scale=True, dropout=0.0, **kwargs):
        super().__init__(use_scale=use_scale, dropout=dropout, **kwargs)

    def build(self, input_shape):
        self._validate_inputs(input_shape)
        dim = input_shape[0][-1]
        if self.use_scale:
            self.scale = self.add_weight(name="scale", shape=[dim],
                                         initializer="glorot_uniform")
        else:
            self.scale = None
        self.concat_score_weight = None
        self.built = True

    def _calculate_scores(self, query, key):
        # (B, Tq, 1, dim) + (B, 1, Tv, dim) -> (B, Tq, Tv)
        summed = torch.tanh(query.unsqueeze(-2) + key.unsqueeze(-3))
        if self.use_scale:
            summed = self.scale * summed
        return torch.sum(summed, dim=-1)

    def get_config(self):
        config = super().get_config()
        del config["score_mode"]
        return config
