"""MultiHeadAttention: Keras's multi-head attention, with Keras's weights, on torch's kernels."""

import math
import string

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


class MultiHeadAttention(Layer):
    """MultiHeadAttention layer.

    This is an implementation of multi-headed attention as described in the paper "Attention is
    all you Need" [Vaswani et al., 2017](https://arxiv.org/abs/1706.03762). If `query`, `key`,
    `value` are the same, then this is self-attention. Each timestep in `query` attends to the
    corresponding sequence in `key`, and returns a fixed-width vector.

    The layer projects `query`, `key` and `value` per head (`EinsumDense` sublayers `query`,
    `key`, `value` with kernels of shape `(dim, num_heads, key_dim)` and biases
    `(num_heads, key_dim)`), takes the scaled dot products, softmaxes them into attention
    probabilities, interpolates the values with them, and projects the concatenated heads back
    (`attention_output`, kernel `(num_heads, value_dim, dim)`, bias `(dim,)`). With no dropout
    and no returned scores, the attention itself runs in torch's fused
    `scaled_dot_product_attention`.

    Args:
        num_heads: Number of attention heads.
        key_dim: Size of each attention head for query and key.
        value_dim: Size of each attention head for value. Defaults to `key_dim`.
        dropout: Dropout probability on the attention weights. Defaults to `0.0`.
        use_bias: Boolean, whether the dense layers use bias vectors/matrices.
            Defaults to `True`.
        output_shape: The expected shape of an output tensor, besides the batch and sequence
            dims. If not specified, projects back to the query feature dim (the query input's
            last dimension).
        attention_axes: Axes over which the attention is applied. `None` means attention over
            all axes, but batch, heads, and features.
        sliding_window: Optional positive integer: each query position attends only to key
            positions within `sliding_window - 1` of itself. Defaults to `None`.
        flash_attention: Accepted for compatibility; torch picks its fused kernel itself. When
            `True`, dropout and returned scores are refused, as in Keras.
        kernel_initializer: Initializer for dense layer kernels. Defaults to `"glorot_uniform"`.
        bias_initializer: Initializer for dense layer biases. Defaults to `"zeros"`.
        kernel_regularizer: Regularizer for dense layer kernels.
        bias_regularizer: Regularizer for dense layer biases.
        activity_regularizer: Regularizer for dense layer activity.
        kernel_constraint: Constraint for dense layer kernels.
        bias_constraint: Constraint for dense layer biases.
        use_gate: Boolean, whether to gate the attention output with a sigmoid projection of
            the query (gated attention). Defaults to `False`.
        seed: Optional integer to seed the dropout layer.

    Call arguments:
        query: Query tensor of shape `(B, T, dim)`.
        value: Value tensor of shape `(B, S, dim)`.
        key: Optional key tensor of shape `(B, S, dim)`. Defaults to `value`.
        attention_mask: A boolean mask of shape `(B, T, S)` that prevents attention to certain
            positions: 1 attends, 0 does not. Missing batch and head dimensions broadcast.
        return_attention_scores: Whether to also return the attention weights, of shape
            `(B, num_heads, T, S)`. Defaults to `False`.
        training: Whether the layer runs in training mode (attention dropout).
        use_causal_mask: Whether to apply a causal mask, so tokens cannot attend to future
            tokens (a decoder). Defaults to `False`.

    Masks attached to `query` and `value` (e.g. by `Embedding(mask_zero=True)`) are combined
    into the attention mask, and the query's mask is attached to the output.

    Example:

    >>> layer = keras.layers.MultiHeadAttention(num_heads=2, key_dim=2)
    >>> target = keras.Input(shape=[8, 16])
    >>> source = keras.Input(shape=[4, 16])
    >>> output, scores = layer(target, source, return_attention_scores=True)
    >>> output.shape, scores.shape
    ((None, 8, 16), (None, 2, 8, 4))
    """

    def __init__(self, num_heads, key_dim, value_dim=None, dropout=0.0, use_bias=True,
                 output_shape=None, attention_axes=None, sliding_window=None,
                 flash_attention=None, kernel_initializer="glorot_uniform",
                 bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None,
                 use_gate=False, seed=None, **kwargs):
        if not isinstance(num_heads, int) or num_heads <= 0:
            raise ValueError(
                "Received an invalid value for argument `num_heads`, expected a positive "
                f"integer. Received: num_heads={num_heads}"
            )
        if not isinstance(key_dim, int) or key_dim <= 0:
            raise ValueError(
                "Received an invalid value for argument `key_dim`, expected a positive "
                f"integer. Received: key_dim={key_dim}"
            )
        if value_dim is not None and (not isinstance(value_dim, int) or value_dim <= 0):
            raise ValueError(
                "Received an invalid value for argument `value_dim`, expected a positive "
                f"integer or `None`. Received: value_dim={value_dim}"
            )
        # The activity regularizer belongs to the projections, not to this layer's output.
        super().__init__(**kwargs)
        self.supports_masking = True
        self._num_heads = num_heads
        self._key_dim = key_dim
        self._value_dim = value_dim if value_dim else key_dim
        self._dropout = dropout
        self._use_bias = use_bias
        self._use_gate = use_gate
        if output_shape:
            if isinstance(output_shape, int):
                output_shape = (output_shape,)
            try:
                output_shape = tuple(output_shape)
            except TypeError:
                raise ValueError(
                    f"Invalid `output_shape`: {output_shape}. When specified, the "
                    "`output_shape` should be of type tuple, list, or int."
                )
        self._output_shape = output_shape
        self._flash_attention = bool(flash_attention)
        self._kernel_initializer = initializers.get(kernel_initializer)
        self._bias_initializer = initializers.get(bias_initializer)
        self._kernel_regularizer = regularizers.get(kernel_regularizer)
        self._bias_regularizer = regularizers.get(bias_regularizer)
        self._activity_regularizer = regularizers.get(activity_regularizer)
        self._kernel_constraint = constraints.get(kernel_constraint)
        self._bias_constraint = constraints.get(bias_constraint)
        if isinstance(attention_axes, int):
            attention_axes = (attention_axes,)
        elif attention_axes and not isinstance(attention_axes, (list, tuple)):
            raise ValueError(
                "`attention_axes` must be an int, list, or tuple."
                f"Received: attention_axes={attention_axes}"
            )
        self._attention_axes = attention_axes
        if sliding_window is not None and (
            not isinstance(sliding_window, int) or sliding_window <= 0
        ):
            raise ValueError(
                "`sliding_window` must be `None` or a positive integer. "
                f"Received: sliding_window={sliding_window}"
            )
        self._sliding_window = sliding_window
        self.seed = seed
        self._inverse_sqrt_key_dim = 1.0 / math.sqrt(float(self._key_dim))
        if self._flash_attention and self._dropout > 0.0:
            raise ValueError(
                "Dropout is not supported when flash attention is enabled. Please set dropout "
                "to 0.0 to use flash attention."
            )

    @property
    def num_heads(self):
        return self._num_heads

    @property
    def key_dim(self):
        return self._key_dim

    @property
    def value_dim(self):
        return self._value_dim

    @property
    def dropout(self):
        return self._dropout

    @property
    def use_bias(self):
        return self._use_bias

    @property
    def attention_axes(self):
        return self._attention_axes

    @property
    def query_dense(self):
        return self._query_dense

    @property
    def key_dense(self):
        return self._key_dense

    @property
    def value_dense(self):
        return self._value_dense

    @property
    def output_dense(self):
        return self._output_dense

    def build(self, query_shape, value_shape, key_shape=None):
        key_shape = value_shape if key_shape is None else key_shape
        if tuple(value_shape[1:-1]) != tuple(key_shape[1:-1]):
            raise ValueError(
                "All dimensions of `value` and `key`, except the last one, must be equal. "
                f"Received: value_shape={tuple(value_shape)} and key_shape={tuple(key_shape)}"
            )
        query_rank, value_rank, key_rank = len(query_shape), len(value_shape), len(key_shape)

        def projection(rank, dims, name, activation=None):
            equation, bias_axes, output_rank = build_proj_equation(rank - 1, 1, 2)
            return EinsumDense(
                equation, output_shape=[None] * (output_rank - 3) + dims,
                bias_axes=bias_axes if self._use_bias else None, activation=activation,
                name=name, **self._sublayer_kwargs(),
            )

        # Sublayers are built in Keras's order, which is also the order of `weights`.
        self._query_dense = projection(query_rank, [self._num_heads, self._key_dim], "query")
        attention_utils.build_sublayer(self._query_dense, query_shape)
        self._key_dense = projection(key_rank, [self._num_heads, self._key_dim], "key")
        attention_utils.build_sublayer(self._key_dense, key_shape)
        if self._use_gate:
            self._gate_dense = projection(
                query_rank, [self._num_heads, self._value_dim], "gate", activation="sigmoid"
            )
            attention_utils.build_sublayer(self._gate_dense, query_shape)
        self._value_dense = projection(value_rank, [self._num_heads, self._value_dim], "value")
        attention_utils.build_sublayer(self._value_dense, value_shape)

        self._build_attention(query_rank + 1)
        output_dims = list(self._output_shape) if self._output_shape else [query_shape[-1]]
        equation, bias_axes, output_rank = build_proj_equation(query_rank - 1, 2,
                                                               len(output_dims))
        self._output_dense = EinsumDense(
            equation, output_shape=[None] * (output_rank - 1 - len(output_dims)) + output_dims,
            bias_axes=bias_axes if self._use_bias else None, name="attention_output",
            **self._sublayer_kwargs(),
        )
        output_dense_input_shape = list(self._query_dense.compute_output_shape(query_shape))
        output_dense_input_shape[-1] = self._value_dim
        attention_utils.build_sublayer(self._output_dense, tuple(output_dense_input_shape))
        # The projections run through `call` directly (the checks of `__call__` were done on
        # this layer's inputs) unless they have an activity regularizer to apply.
        self._call_sublayers = self._activity_regularizer is not None
        self.built = True

    def _sublayer_kwargs(self):
        # Each projection gets its own initializer instance, so they draw different values.
        return dict(
            kernel_initializer=self._kernel_initializer.__class__.from_config(
                self._kernel_initializer.get_config()
            ),
            bias_initializer=self._bias_initializer.__class__.from_config(
                self._bias_initializer.get_config()
            ),
            kernel_regularizer=self._kernel_regularizer,
            bias_regularizer=self._bias_regularizer,
            activity_regularizer=self._activity_regularizer,
            kernel_constraint=self._kernel_constraint,
            bias_constraint=self._bias_constraint,
            dtype=self.dtype_policy,
        )

    def _build_attention(self, rank):
        """Attention axes, einsum equations, softmax and dropout for projections of `rank`."""
        if self._attention_axes is None:
            self._attention_axes = tuple(range(1, rank - 2))
        else:
            self._attention_axes = tuple(
                axis if axis >= 0 else (rank - 1) + axis for axis in self._attention_axes
            )
        self._dot_product_equation, self._combine_equation, scores_rank = (
            build_attention_equation(rank, attn_axes=self._attention_axes)
        )
        norm_axes = tuple(range(scores_rank - len(self._attention_axes), scores_rank))
        self._softmax = Softmax(axis=norm_axes, dtype=self.dtype_policy)
        self._dropout_layer = Dropout(rate=self._dropout, dtype=self.dtype_policy, seed=self.seed)
        self._projection_rank = rank

    def _project(self, layer, x):
        return layer(x) if self._call_sublayers else layer.call(x)

    def call(self, query, value, key=None, query_mask=None, value_mask=None, key_mask=None,
             attention_mask=None, return_attention_scores=False, training=None,
             use_causal_mask=False):
        if key is None:
            key = value
        # Keras reads the query's mask from the tensor, and fills the value and key masks from
        # the tensors when they are not given.
        query_mask = getattr(query, "_keras_mask", None)
        if value_mask is None:
            value_mask = getattr(value, "_keras_mask", None)
        if key_mask is None and key is not value:
            key_mask = getattr(key, "_keras_mask", None)
        # Keras then removes the masks from the input tensors (the layer handles them), so a
        # later consumer of the same tensors (e.g. a residual `Add`) sees no mask.
        for tensor in (query, value, key):
            if getattr(tensor, "_keras_mask", None) is not None:
                tensor._keras_mask = None

        # A causal mask alone runs in the fused kernel's causal mode: no (T, S) mask is made.
        causal_only = (
            use_causal_mask and query_mask is None and value_mask is None and key_mask is None
            and attention_mask is None and self._sliding_window is None
            # A subclass's own `_compute_attention` gets an explicit causal mask instead.
            and type(self)._compute_attention is MultiHeadAttention._compute_attention
        )
        if not causal_only:
            attention_mask = attention_utils.combine_masks(
                query, value, query_mask=query_mask, value_mask=value_mask, key_mask=key_mask,
                attention_mask=attention_mask, use_causal_mask=use_causal_mask,
                sliding_window=self._sliding_window,
            )
        if self._use_gate:
            gate = self._project(self._gate_dense, query)
        query = self._project(self._query_dense, query)  # (B, T, N, key_dim)
        key = self._project(self._key_dense, key)  # (B, S, N, key_dim)
        value = self._project(self._value_dense, value)  # (B, S, N, value_dim)
        # `use_causal_mask` is passed only when set, so overrides with Keras's older signature
        # keep working.
        extra = {"use_causal_mask": True} if causal_only else {}
        output, scores = self._compute_attention(
            query, key, value, attention_mask, training, return_attention_scores, **extra
        )
        if self._use_gate:
            output = output * gate
        output = self._project(self._output_dense, output)  # (B, T, dim)
        if query_mask is not None:
            output._keras_mask = query_mask
        if return_attention_scores:
            return output, scores
        return output

    def _compute_attention(self, query, key, value, attention_mask=None, training=None,
                           return_attention_scores=False, use_causal_mask=False):
        """Dot-product attention on the projected `query`, `key` and `value`.

        Override point for custom attention. Returns `(attention_output, attention_scores)`;
        the scores are `None` when they are not asked for (the fused kernel does not make
        them).
        """
        if self._flash_attention and return_attention_scores:
            raise ValueError(
                "Returning attention scores is not supported when flash attention is enabled. "
                "Please disable flash attention to access attention scores."
            )
        if not (self._dropout > 0.0 or return_attention_scores or query.dim() != 4):
            if attention_mask is not None:
                attention_mask = attention_utils.expand_mask(attention_mask, 4, -3)
            output = attention_utils.fused_attention(
                query, key, value, attention_mask, use_causal_mask, self._inverse_sqrt_key_dim
            )
            return output, None
        if use_causal_mask:
            # `call` left the causal mask to the fused kernel, which this route does not use.
            causal = attention_utils.causal_mask(query.shape[1], value.shape[1], query.device)
            attention_mask = causal if attention_mask is None else attention_mask & causal
        dropout = self._dropout_layer if self._dropout > 0.0 else None
        if query.dim() == 4:
            return attention_utils.explicit_attention(
                query, key, value, attention_mask, self._inverse_sqrt_key_dim, self._softmax,
                dropout, training,
            )
        # Attention over several axes: Keras's einsum formulation.
        query = query * self._inverse_sqrt_key_dim
        scores = torch.einsum(self._dot_product_equation, key, query)
        if attention_mask is not None:
            attention_mask = attention_utils.expand_mask(
                attention_mask, scores.dim(), -len(self._attention_axes) * 2 - 1
            )
        scores = self._softmax(scores, mask=attention_mask)
        weights = scores if dropout is None else dropout(scores, training=training)
        return torch.einsum(self._combine_equation, weights, value), scores

    def compute_output_shape(self, query_shape, value_shape=None, key_shape=None):
        query_shape = tuple(query_shape)
        value_shape = query_shape if value_shape is None else tuple(value_shape)
        key_shape = value_shape if key_shape is None else tuple(key_shape)
        if value_shape[1:-1] != key_shape[1:-1]:
            raise ValueError(
                "All dimensions of `value` and `key`, except the last one, must be equal. "
                f"Received: value_shape={value_shape} and key_shape={key_shape}"
            )
        if self._output_shape:
            query_shape = query_shape[:-1] + self._output_shape
        return query_shape

    def compute_output_spec(self, query, value, key=None, query_mask=None, value_mask=None,
                            key_mask=None, attention_mask=None, return_attention_scores=False,
                            training=None, use_causal_mask=False):
        key_shape = key.shape if key is not None else None
        output_spec = KerasTensor(
            self.compute_output_shape(query.shape, value.shape, key_shape),
            dtype=self.compute_dtype,
        )
        if return_attention_scores:
            # (B, N, T, S). Keras 3.15 writes (B, N, T, T), wrong when S != T.
            source = key if key is not None else value
            scores_shape = (query.shape[0], self._num_heads) + tuple(query.shape[1:-1]) + tuple(
                source.shape[1:-1]
            )
            return output_spec, KerasTensor(scores_shape, dtype=self.compute_dtype)
        return output_spec

    def get_config(self):
        config = super().get_config()
        config.update({
            "num_heads": self._num_heads,
            "key_dim": self._key_dim,
            "value_dim": self._value_dim,
            "dropout": self._dropout,
            "use_bias": self._use_bias,
            "use_gate": self._use_gate,
            "output_shape": self._output_shape,
            "attention_axes": self._attention_axes,
            "sliding_window": self._sliding_window,
            "kernel_initializer": initializers.serialize(self._kernel_initializer),
            "bias_initializer": initializers.serialize(self._bias_initializer),
            "kernel_regularizer": regularizers.serialize(self._kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self._bias_regularizer),
            "activity_regularizer": regularizers.serialize(self._activity_regularizer),
            "kernel_constraint": constraints.serialize(self._kernel_constraint),
            "bias_constraint": constraints.serialize(self._bias_constraint),
            "seed": self.seed,
        })
        return config




def _letter(i):
    return string.ascii_lowercase[i]


def build_proj_equation(free_dims, bound_dims, output_dims):
    """The einsum equation, bias axes and output rank of a projection: `free_dims` kept axes,
    `bound_dims` contracted axes, `output_dims` new axes (e.g. `abc,cde->abde`)."""
    input_str, kernel_str, output_str, bias_axes = "", "", "", ""
    for i in range(free_dims):
        input_str += _letter(i)
        output_str += _letter(i)
    for i in range(bound_dims):
        char = _letter(free_dims + i)
        input_str += char
        kernel_str += char
    for i in range(output_dims):
        char = _letter(free_dims + bound_dims + i)
        kernel_str += char
        output_str += char
        bias_axes += char
    return f"{input_str},{kernel_str}->{output_str}", bias_axes, len(output_str)


def build_attention_equation(rank, attn_axes):
    """Einsum equations of the query-key product and of the weighted sum of the values.

    Projections have the shape `(batch, <non-attention dims>, <attention dims>, heads,
    channels)`; the scores `(batch, <non-attention dims>, heads, <query attention dims>,
    <key attention dims>)`.

    Returns:
        `(dot_product_equation, combine_equation, scores_rank)`.
    """
    target = "".join(_letter(i) for i in range(rank))
    # The batch dims include the heads axis.
    batch_dims = tuple(i for i in range(rank) if i not in attn_axes and i != rank - 1)
    offset = rank
    source = ""
    for i in range(rank):
        if i in batch_dims or i == rank - 1:
            source += target[i]
        else:
            source += _letter(offset)
            offset += 1
    product = "".join(
        [target[i] for i in batch_dims] + [target[i] for i in attn_axes]
        + [source[i] for i in attn_axes]
    )
    return f"{source},{target}->{product}", f"{product},{source}->{target}", len(product)
