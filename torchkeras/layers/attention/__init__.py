"""`keras.layers`: the attention family."""

from torchkeras.layers.attention.additive_attention import AdditiveAttention
from torchkeras.layers.attention.attention import Attention
from torchkeras.layers.attention.grouped_query_attention import GroupedQueryAttention
from torchkeras.layers.attention.multi_head_attention import MultiHeadAttention

# Keras exports the class `GroupedQueryAttention` as `keras.layers.GroupQueryAttention`.
GroupQueryAttention = GroupedQueryAttention

__all__ = [
    "AdditiveAttention",
    "Attention",
    "GroupQueryAttention",
    "MultiHeadAttention",
]
