"""Masks and the dot-product attention kernel shared by MultiHeadAttention and
GroupQueryAttention.

Keras (on TensorFlow) takes two routes through dot-product attention, and they differ where a
query row has every key masked out:

- the fused route (no dropout, no returned scores, 4-D projections): masked logits are
  *replaced* by a huge negative number, so a fully masked row gets uniform weights;
- the explicit route (dropout or returned scores): a masked `Softmax` layer, which zeroes the
  masked weights, so a fully masked row gets zero weights.

`fused_attention` reproduces the first with torch's `scaled_dot_product_attention`, and
`explicit_attention` the second.
"""

import torch
import torch.nn.functional as F

from torchkeras.layers.activations.softmax import check_mask_broadcastable


def causal_mask(q_len, kv_len, device):
    """`(1, T, S)` boolean mask: query `i` sees keys `j <= i`."""
    return torch.ones((q_len, kv_len), dtype=torch.bool, device=device).tril_().unsqueeze(0)


def sliding_window_mask(q_len, kv_len, window, device):
    """`(1, T, S)` boolean band: query `i` sees keys with `|i - j| < window`."""
    rows = torch.arange(q_len, device=device).view(1, q_len, 1)
    cols = torch.arange(kv_len, device=device).view(1, 1, kv_len)
    return (rows - cols).abs() < window


def combine_masks(query, value, query_mask=None, value_mask=None, key_mask=None,
                  attention_mask=None, use_causal_mask=False, sliding_window=None):
    """The attention mask (`(B, T, S)`-broadcastable, boolean) from every mask source, or `None`.

    The query mask becomes `(B, T, 1)`, the value and key masks `(B, 1, S)`, the causal and
    sliding-window masks `(1, T, S)`; all are combined with a logical AND.
    """
    auto_mask = None
    if query_mask is not None:
        auto_mask = query_mask.to(torch.bool).unsqueeze(-1)  # (B, T, 1)
    for mask in (value_mask, key_mask):
        if mask is not None:
            mask = mask.to(torch.bool).unsqueeze(-2)  # (B, 1, S)
            auto_mask = mask if auto_mask is None else auto_mask & mask
    q_len, kv_len = query.shape[1], value.shape[1]
    if use_causal_mask:
        mask = causal_mask(q_len, kv_len, query.device)
        auto_mask = mask if auto_mask is None else auto_mask & mask
    if sliding_window is not None:
        mask = sliding_window_mask(q_len, kv_len, sliding_window, query.device)
        auto_mask = mask if auto_mask is None else auto_mask & mask
    if attention_mask is not None and attention_mask.dtype != torch.bool:
        attention_mask = attention_mask.to(torch.bool)
    if auto_mask is not None:
        attention_mask = auto_mask if attention_mask is None else attention_mask & auto_mask
    return attention_mask


def expand_mask(mask, rank, axis):
    """Insert size-1 axes at `axis` until `mask` has `rank` axes (the heads axis first)."""
    while mask.dim() < rank:
        mask = mask.unsqueeze(axis)
    return mask


def fused_attention(query, key, value, mask, is_causal, scale, enable_gqa=False):
    """Keras's fused dot-product attention on `(B, T, N, H)` projections.

    Args:
        query: `(B, T, N, H)` projected queries.
        key: `(B, S, N_kv, H)` projected keys.
        value: `(B, S, N_kv, H_v)` projected values.
        mask: Boolean mask broadcastable to `(B, N, T, S)` (1 attends), or `None`.
        is_causal: Whether to apply a causal mask (only when `mask` is `None`).
        scale: The logits' scale.
        enable_gqa: Whether query heads share key/value heads in groups.

    Returns:
        `(B, T, N, H_v)`.
    """
    q = query.transpose(1, 2)  # (B, N, T, H): views, no copies
    k = key.transpose(1, 2)
    v = value.transpose(1, 2)
    if mask is not None:
        check_mask_broadcastable((q.shape[0], q.shape[1], q.shape[2], k.shape[2]), mask.shape)
        # Keras on TensorFlow *replaces* masked logits by a huge negative number, so a query
        # row with every key masked gets uniform weights (torch's boolean mask gives zeros)
        # and no gradient reaches its logits. Such rows attend to every key here, with their
        # query zeroed: all logits 0 (uniform weights), and no gradient through the logits.
        # (A huge negative bias instead would give the right values but, in torch's fused
        # CPU kernel, wrong gradients for those rows.)
        any_key = mask.any(dim=-1, keepdim=True)  # (B|1, N|1, T, 1)
        q = q * any_key.to(q.dtype)
        mask = mask | ~any_key
    kwargs = {"enable_gqa": True} if enable_gqa else {}
    output = F.scaled_dot_product_attention(
        q, k, v, attn_mask=mask, is_causal=is_causal and mask is None, scale=scale, **kwargs
    )
    return output.transpose(1, 2)  # (B, T, N, H_v)


def explicit_attention(query, key, value, mask, scale, softmax, dropout, training):
    """Keras's explicit dot-product attention on `(B, T, N, H)` projections, with the scores.

    The masked softmax zeroes masked weights (a fully masked query row gets zero weights), and
    dropout, if any, applies to the weights.

    Returns:
        `(output (B, T, N, H_v), scores (B, N, T, S))`; the scores are taken before dropout.
    """
    q = (query * scale).transpose(1, 2)  # (B, N, T, H)
    k = key.permute(0, 2, 3, 1)  # (B, N, H, S)
    scores = torch.matmul(q, k)  # (B, N, T, S)
    if mask is not None:
        mask = expand_mask(mask, 4, -3)
    scores = softmax(scores, mask=mask)
    weights = scores if dropout is None else dropout(scores, training=training)
    output = torch.matmul(weights, value.transpose(1, 2))  # (B, N, T, H_v)
    return output.transpose(1, 2), scores


def build_sublayer(layer, input_shape):
    """Build a projection sublayer inside its name scope, so its weight paths read
    `multi_head_attention/query/kernel` as in Keras."""
    layer.build_from_config({"input_shape": tuple(input_shape)})
