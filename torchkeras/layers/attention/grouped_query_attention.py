"""GroupQueryAttention: attention where groups of query heads share key/value heads."""

import math

import torch

from torchkeras import constraints
from torchkeras import initializers
from torchkeras import regularizers
from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.layers.activations.softmax import Softmax
from torchkeras.layers.attention import attention_utils
from torchkeras.layers.core.einsum_dense import EinsumDense
from torchkeras.layers.layer import Layer
from torchkeras.layers.regularization.dropout import Dropout


class GroupedQueryAttention(Layer):
    """Grouped Query Attention layer.

    This is an implementation of grouped-query attention introduced by
    [Ainslie et al., 2023](https://arxiv.org/abs/2305.13245). `num_key_value_heads` is the
    number of key/value heads; each serves `num_query_heads // num_key_value_heads` query
    heads. With `num_key_value_heads == 1` this is multi-query attention, with
    `num_key_value_heads == num_query_heads` multi-head attention.

    Weights: `query` kernel `(dim, num_query_heads, head_dim)`, `key` and `value` kernels
    `(dim, num_key_value_heads, head_dim)`, `attention_output` kernel
    `(num_query_heads, head_dim, dim)`, with their biases.

    Args:
        head_dim: Size of each attention head.
        num_query_heads: Number of query attention heads.
        num_key_value_heads: Number of key and value attention heads.
        dropout: Dropout probability on the attention weights. Defaults to `0.0`.
        use_bias: Boolean, whether the dense layers use bias vectors/matrices.
            Defaults to `True`.
        sliding_window: Optional positive integer: each query position attends only to key
            positions within `sliding_window - 1` of itself. Defaults to `None`.
        flash_attention: Accepted for compatibility; torch picks its fused kernel itself.
        kernel_initializer: Initializer for dense layer kernels. Defaults to `"glorot_uniform"`.
        bias_initializer: Initializer for dense layer biases. Defaults to `"zeros"`.
        kernel_regularizer: Regularizer for dense layer kernels.
        bias_regularizer: Regularizer for dense layer biases.
        activity_regularizer: Regularizer for dense layer activity.
        kernel_constraint: Constraint for dense layer kernels.
        bias_constraint: Constraint for dense layer biases.
        use_gate: Boolean, whether to gate the attention output with a sigmoid projection of
            the query. Defaults to `False`.
        seed: Optional integer to seed the dropout layer.

    Call arguments:
        query: Query tensor of shape `(batch_dim, target_seq_len, feature_dim)`.
        value: Value tensor of shape `(batch_dim, source_seq_len, feature_dim)`.
        key: Optional key tensor of shape `(batch_dim, source_seq_len, feature_dim)`.
            Defaults to `value`.
        attention_mask: A boolean mask of shape `(batch_dim, target_seq_len, source_seq_len)`;
            1 attends, 0 does not.
        return_attention_scores: Whether to also return the attention weights, of shape
            `(batch_dim, num_query_heads, target_seq_len, source_seq_len)`.
        training: Whether the layer runs in training mode (attention dropout).
        use_causal_mask: Whether to apply a causal mask. Defaults to `False`.

    Example:

    >>> layer = keras.layers.GroupQueryAttention(head_dim=4, num_query_heads=4,
    ...                                          num_key_value_heads=2)
    >>> layer(np.ones((2, 3, 8), "float32"), np.ones((2, 5, 8), "float32")).shape
    torch.Size([2, 3, 8])
    """

    def __init__(self, head_dim, num_query_heads, num_key_value_heads, dropout=0.0,
                 use_bias=True, sliding_window=None, flash_attention=None,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, use_gate=False, seed=None,
                 **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True
        self.head_dim = head_dim
        self.num_query_heads = num_query_heads
        self.num_key_value_heads = num_key_value_heads
        if num_query_heads % num_key_value_heads != 0:
            raise ValueError("`num_query_heads` must be divisible by `num_key_value_heads`.")
        self.num_repeats = num_query_heads // num_key_value_heads
        self.dropout = dropout
        self.use_bias = use_bias
        self.use_gate = use_gate
        if sliding_window is not None and (
            not isinstance(sliding_window, int) or sliding_window <= 0
        ):
            raise ValueError(
                "`sliding_window` must be `None` or a positive integer. "
                f"Received: sliding_window={sliding_window}"
            )
        self.sliding_window = sliding_window
        self._flash_attention = bool(flash_attention)
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        # As in Keras, the activity regularizer applies to the projections and to the output.
        self.activity_regularizer = regularizers.get(activity_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.seed = seed
        self._inverse_sqrt_head_dim = 1.0 / math.sqrt(float(self.head_dim))
        self._return_attention_scores = False
        if self._flash_attention and self.dropout > 0.0:
            raise ValueError(
                "Dropout is not supported when flash attention is enabled. Please set dropout "
                "to 0.0 to use flash attention."
            )

    def build(self, query_shape, value_shape, key_shape=None):
        # Einsum letters: b batch, q query length, k key/value length, m model dim,
        # u query heads, v key/value heads, h head dim.
        key_shape = value_shape if key_shape is None else key_shape
        self.feature_dim = query_shape[-1]

        def projection(equation, heads, bias_axes, name, activation=None):
            return EinsumDense(
                equation, output_shape=(None, heads, self.head_dim),
                bias_axes=bias_axes if self.use_bias else None, activation=activation,
                name=name, **self._sublayer_kwargs(),
            )

        self._query_dense = projection("bqm,muh->bquh", self.num_query_heads, "uh", "query")
        attention_utils.build_sublayer(self._query_dense, query_shape)
        self._key_dense = projection("bkm,mvh->bkvh", self.num_key_value_heads, "vh", "key")
        attention_utils.build_sublayer(self._key_dense, key_shape)
        if self.use_gate:
            self._gate_dense = projection("bqm,muh->bquh", self.num_query_heads, "uh", "gate",
                                          activation="sigmoid")
            attention_utils.build_sublayer(self._gate_dense, query_shape)
        self._value_dense = projection("bkm,mvh->bkvh", self.num_key_value_heads, "vh",
                                       "value")
        attention_utils.build_sublayer(self._value_dense, value_shape)
        self._softmax = Softmax(axis=-1, dtype=self.dtype_policy)
        self._dropout_layer = Dropout(rate=self.dropout, dtype=self.dtype_policy, seed=self.seed)
        self._dot_product_equation = "bquh,bkuh->buqk"
        self._combine_equation = "buqk,bkuh->bquh"
        self._output_dense = EinsumDense(
            "bquh,uhm->bqm", output_shape=(None, self.feature_dim),
            bias_axes="m" if self.use_bias else None, name="attention_output",
            **self._sublayer_kwargs(),
        )
        attention_utils.build_sublayer(
            self._output_dense, (None, None, self.num_query_heads, self.head_dim)
        )
        self._call_sublayers = self.activity_regularizer is not None
        self.built = True

    def _sublayer_kwargs(self):
        return dict(
            kernel_initializer=self.kernel_initializer.__class__.from_config(
                self.kernel_initializer.get_config()
            ),
            bias_initializer=self.bias_initializer.__class__.from_config(
                self.bias_initializer.get_config()
            ),
            kernel_regularizer=self.kernel_regularizer,
            bias_regularizer=self.bias_regularizer,
            activity_regularizer=self.activity_regularizer,
            kernel_constraint=self.kernel_constraint,
            bias_constraint=self.bias_constraint,
            dtype=self.dtype_policy,
        )

    def _project(self, layer, x):
        return layer(x) if self._call_sublayers else layer.call(x)

    def call(self, query, value, key=None, query_mask=None, value_mask=None, key_mask=None,
             attention_mask=None, return_attention_scores=False, training=None,
             use_causal_mask=False):
        if key is None:
            key = value
        # Keras fills the masks of tensor arguments from the tensors when they are not given.
        if query_mask is None:
            query_mask = getattr(query, "_keras_mask", None)
        if value_mask is None:
            value_mask = getattr(value, "_keras_mask", None)
        if key_mask is None and key is not value:
            key_mask = getattr(key, "_keras_mask", None)
        self._return_attention_scores = return_attention_scores
        custom = type(self)._compute_attention is not GroupedQueryAttention._compute_attention
        causal_only = (
            use_causal_mask and query_mask is None and value_mask is None and key_mask is None
            and attention_mask is None and self.sliding_window is None and not custom
        )
        if not causal_only:
            attention_mask = attention_utils.combine_masks(
                query, value, query_mask=query_mask, value_mask=value_mask, key_mask=key_mask,
                attention_mask=attention_mask, use_causal_mask=use_causal_mask,
                sliding_window=self.sliding_window,
            )
        if self.use_gate:
            gate = self._project(self._gate_dense, query)
        query = self._project(self._query_dense, query)  # (B, T, u, h)
        key = self._project(self._key_dense, key)  # (B, S, v, h)
        value = self._project(self._value_dense, value)  # (B, S, v, h)
        if custom:
            # An override sees Keras's contract: key/value heads repeated to the query heads.
            key = torch.repeat_interleave(key, self.num_repeats, dim=2)  # (B, S, u, h)
            value = torch.repeat_interleave(value, self.num_repeats, dim=2)
            output, scores = self._compute_attention(
                query, key, value, attention_mask=attention_mask, training=training
            )
        else:
            output, scores = self._compute_attention(
                query, key, value, attention_mask=attention_mask, training=training,
                use_causal_mask=causal_only,
            )
        if self.use_gate:
            output = output * gate
        output = self._project(self._output_dense, output)  # (B, T, dim)
        if return_attention_scores:
            return output, scores
        return output

    def _compute_attention(self, query, key, value, attention_mask=None, training=None,
                           use_causal_mask=False):
        """Dot-product attention on the projected tensors; override point.

        `key` and `value` may hold fewer heads than `query` (each serves `num_repeats`
        consecutive query heads); the fused kernel reads them in place. Returns
        `(output, scores)`, the scores `None` unless `return_attention_scores` was asked for.
        """
        if self._flash_attention and self._return_attention_scores:
            raise ValueError(
                "Returning attention scores is not supported when flash attention is enabled. "
                "Please disable flash attention to access attention scores."
            )
        repeats = query.shape[2] // key.shape[2]
        if not (self.dropout > 0.0 or self._return_attention_scores):
            if attention_mask is not None:
                attention_mask = attention_utils.expand_mask(attention_mask, 4, -3)
            output = attention_utils.fused_attention(
                query, key, value, attention_mask, use_causal_mask,
                self._inverse_sqrt_head_dim, enable_gqa=repeats > 1,
            )
            return output, None
        if use_causal_mask:
            causal = attention_utils.causal_mask(query.shape[1], value.shape[1], query.device)
            attention_mask = causal if attention_mask is None else attention_mask & causal
        if repeats > 1:
            key = torch.repeat_interleave(key, repeats, dim=2)  # (B, S, u, h)
            value = torch.repeat_interleave(value, repeats, dim=2)
        return attention_utils.explicit_attention(
            query, key, value, attention_mask, self._inverse_sqrt_head_dim, self._softmax,
            self._dropout_layer if self.dropout > 0.0 else None, training,
        )

    def compute_output_shape(self, query_shape, value_shape=None, key_shape=None):
        value_shape = query_shape if value_shape is None else value_shape
        key_shape = value_shape if key_shape is None else key_shape
        if query_shape[-1] != value_shape[-1]:
            raise ValueError(
                "The last dimension of `query_shape` and `value_shape` must be equal, but are "
                f"{query_shape[-1]}, {value_shape[-1]}. Received: query_shape={query_shape}, "
                f"value_shape={value_shape}"
            )
        if tuple(value_shape[1:-1]) != tuple(key_shape[1:-1]):
            raise ValueError(
                "All dimensions of `value` and `key`, except the last one, must be equal. "
                f"Received: value_shape={value_shape} and key_shape={key_shape}"
            )
        return tuple(query_shape)

    def compute_output_spec(self, query, value, key=None, query_mask=None, value_mask=None,
                            key_mask=None, attention_mask=None, return_attention_scores=False,
                            training=None, use_causal_mask=False):
        output_spec = KerasTensor(
            self.compute_output_shape(query.shape, value.shape,
                                      key.shape if key is not None else None),
            dtype=self.compute_dtype,
        )
        if return_attention_scores:
            kv_len = value.shape[1] if key is None else key.shape[1]
            scores_shape = (query.shape[0], self.num_query_heads, query.shape[1], kv_len)
            return output_spec, KerasTensor(scores_shape, dtype=self.compute_dtype)
        return output_spec

    def get_config(self):
        config = super().get_config()
        config.update({
            "head_dim": self.head_dim,
            "num_query_heads": self.num_query_heads,
            "num_key_value_heads": self.num_key_value_heads,
            "use_bias": self.use_bias,
            "use_gate": self.use_gate,
            "sliding_window": self.sliding_window,
            "dropout": self.dropout,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
            "seed": self.seed,
        })
        return config
