"""The rest of `keras.ops.nn`: encodings, crossentropies, normalizations, attention, CTC, PSNR."""

import math

import torch
import torch.nn.functional as F

from torchkeras.backend import config
from torchkeras.losses import crossentropy_ops
from torchkeras.ops import op_utils
from torchkeras.ops.op_utils import to_tensor
from torchkeras.ops.symbolic import keras_op


@keras_op
def one_hot(x, num_classes, axis=-1, dtype=None, sparse=False):
    """Converts integer tensor `x` into a one-hot tensor.

    The one-hot encoding is a representation where each integer value is converted into a
    binary vector with a length equal to `num_classes`, and the index corresponding to the
    integer value is marked as 1, while all other indices are marked as 0. Values outside
    `[0, num_classes)` give all-zero vectors.

    Args:
        x: Integer tensor to be encoded. The shape can be arbitrary, but the dtype should be
            integer.
        num_classes: Number of classes for the one-hot encoding.
        axis: Axis along which the encoding is performed. `-1` represents the last axis.
            Defaults to `-1`.
        dtype: (Optional) Data type of the output tensor. If not provided, it defaults to the
            default data type of the backend.
        sparse: Whether to return a sparse tensor; for backends that support sparse tensors.

    Returns:
        Integer tensor: One-hot encoded tensor with the same shape as `x` except for the
        specified `axis` dimension, which will have a length of `num_classes`.
    """
    if sparse:
        raise NotImplementedError(
            "one_hot: `sparse=True` is not supported by torchkeras. Use `sparse=False`. "
            "See compat/DIFFERENCES.md."
        )
    x = to_tensor(x)
    if not op_utils.is_int(x.dtype):
        x = x.to(torch.int64)
    dtype = op_utils.floatx_torch() if dtype is None else op_utils.torch_dtype(dtype)
    classes = torch.arange(num_classes, device=x.device, dtype=x.dtype)
    out = (x.unsqueeze(-1) == classes).to(dtype)
    if axis != -1:
        out = torch.movedim(out, -1, axis)
    return out


@keras_op
def multi_hot(inputs, num_classes=None, axis=-1, dtype=None, sparse=False, **kwargs):
    """Encodes integer labels as multi-hot vectors.

    This function encodes integer labels as multi-hot vectors, where each label is mapped to a
    binary value in the resulting vector.

    Args:
        inputs: Tensor of integer labels to be converted to multi-hot vectors.
        num_classes: Integer, the total number of unique classes.
        axis: (optional) Axis along which the multi-hot encoding should be added. Defaults to
            `-1`, which corresponds to the last dimension.
        dtype: (optional) The data type of the resulting tensor. Default is backend's float
            type.
        sparse: Whether to return a sparse tensor; for backends that support sparse tensors.

    Returns:
        Tensor: The multi-hot encoded tensor.
    """
    if num_classes is None and "num_tokens" in kwargs:
        num_classes = kwargs.pop("num_tokens")
    if num_classes is None:
        raise ValueError("Argument `num_classes` must be specified.")
    inputs = to_tensor(inputs)
    reduction_axis = 1 if inputs.dim() > 1 else 0
    encoded = one_hot.__wrapped__(inputs, num_classes, axis=axis, dtype=dtype, sparse=sparse)
    if encoded.dtype == torch.bool:
        return torch.any(encoded, dim=reduction_axis)
    return torch.amax(encoded, dim=reduction_axis)


# -- crossentropies ---------------------------------------------------------------------------
@keras_op
def binary_crossentropy(target, output, from_logits=False):
    """Computes binary cross-entropy loss between target and output tensor.

    Args:
        target: The target tensor representing the true binary labels. Its shape should match
            the shape of the `output` tensor.
        output: The output tensor representing the predicted probabilities. Its shape should
            match the shape of the `target` tensor.
        from_logits: (optional) Whether `output` is a tensor of logits or probabilities. Set it
            to `True` if `output` represents logits; otherwise, set it to `False` if `output`
            represents probabilities. Defaults to `False`.

    Returns:
        Integer tensor: The computed binary cross-entropy loss between `target` and `output`.
    """
    return crossentropy_ops.binary_crossentropy(to_tensor(target), to_tensor(output), from_logits)


@keras_op
def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    """Computes categorical cross-entropy loss between target and output tensor.

    Args:
        target: The target tensor representing the true categorical labels. Its shape should
            match the shape of the `output` tensor except for the last dimension.
        output: The output tensor representing the predicted probabilities or logits. Its
            shape should match the shape of the `target` tensor except for the last dimension.
        from_logits: (optional) Whether `output` is a tensor of logits or probabilities. Set it
            to `True` if `output` represents logits; otherwise, set it to `False` if `output`
            represents probabilities. Defaults to `False`.
        axis: (optional) The axis along which the categorical cross-entropy is computed.
            Defaults to `-1`, which corresponds to the last dimension of the tensors.

    Returns:
        Integer tensor: The computed categorical cross-entropy loss between `target` and
        `output`.
    """
    return crossentropy_ops.categorical_crossentropy(
        to_tensor(target), to_tensor(output), from_logits, axis
    )


@keras_op
def sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1):
    """Computes sparse categorical cross-entropy loss.

    The sparse categorical cross-entropy loss is similar to categorical cross-entropy, but it
    is used when the target tensor contains integer class labels instead of one-hot encoded
    vectors.

    Args:
        target: The target tensor representing the true class labels as integers. Its shape
            should match the shape of the `output` tensor except for the last dimension.
        output: The output tensor representing the predicted probabilities or logits. Its
            shape should match the shape of the `target` tensor except for the last dimension.
        from_logits: (optional) Whether `output` is a tensor of logits or probabilities. Set it
            to `True` if `output` represents logits; otherwise, set it to `False` if `output`
            represents probabilities. Defaults to `False`.
        axis: (optional) The axis along which the sparse categorical cross-entropy is computed.
            Defaults to `-1`, which corresponds to the last dimension of the tensors.

    Returns:
        Integer tensor: The computed sparse categorical cross-entropy loss between `target`
        and `output`.
    """
    return crossentropy_ops.sparse_categorical_crossentropy(
        to_tensor(target), to_tensor(output), from_logits, axis
    )


# -- normalization ---------------------------------------------------------------------------
def _axes(axes, ndim):
    axes = (axes,) if isinstance(axes, int) else tuple(axes)
    return tuple(op_utils.canonical_axis(a, ndim) for a in axes)


@keras_op
def moments(x, axes, keepdims=False, synchronized=False):
    """Calculates the mean and variance of `x`.

    The mean and variance are calculated by aggregating the contents of `x` across `axes`. If
    `x` is 1-D and `axes = [0]` this is just the mean and variance of a vector.

    Args:
        x: Input tensor.
        axes: A list of axes which to compute mean and variance.
        keepdims: If this is set to `True`, the axes which are reduced are left in the result
            as dimensions with size one.
        synchronized: Only applicable with the TensorFlow backend. If `True`, synchronizes the
            global batch statistics (mean and variance) across all devices at each training
            step in a distributed training strategy. If `False`, each replica uses its own
            local batch statistics.

    Returns:
        A tuple containing two tensors - mean and variance.
    """
    x = to_tensor(x)
    dtype = x.dtype
    if dtype in (torch.float16, torch.bfloat16):
        # Statistics in half precision overflow; compute in float32 and clip back.
        x = x.to(torch.float32)
    dims = _axes(axes, x.dim())
    mean = torch.mean(x, dim=dims, keepdim=True)
    variance = torch.mean(torch.square(x - mean.detach()), dim=dims, keepdim=True)
    if not keepdims:
        mean = torch.squeeze(mean, dims)
        variance = torch.squeeze(variance, dims)
    if dtype in (torch.float16, torch.bfloat16):
        limit = torch.finfo(torch.float16).max
        mean = torch.clamp(mean, -limit, limit).to(dtype)
        variance = torch.clamp(variance, -limit, limit).to(dtype)
    return mean, variance


def _along(v, axis, ndim):
    """Reshape a per-channel vector so it broadcasts along `axis` of an `ndim` tensor."""
    if v is None or axis == -1 or axis == ndim - 1:
        return v
    shape = [1] * ndim
    shape[axis] = -1
    return v.reshape(shape)


@keras_op
def batch_normalization(x, mean, variance, axis, offset=None, scale=None, epsilon=1e-3):
    """Normalizes `x` by `mean` and `variance`.

    This op is typically used by the batch normalization step in a neural network. It
    normalizes the input tensor along the given axis.

    Args:
        x: Input tensor.
        mean: A mean vector of the same length as the `axis` dimension of the input tensor.
        variance: A variance vector of the same length as the `axis` dimension of the input
            tensor.
        axis: Integer, the axis that should be normalized.
        offset: An offset vector of the same length as the `axis` dimension of the input
            tensor. If not `None`, `offset` is added to the normalized tensor. Defaults to
            `None`.
        scale: A scale vector of the same length as the `axis` dimension of the input tensor.
            If not `None`, the normalized tensor is multiplied by `scale`. Defaults to `None`.
        epsilon: Small float added to variance to avoid dividing by zero. Defaults to 1e-3.

    Returns:
        The normalized tensor.
    """
    x = to_tensor(x)
    ndim = x.dim()
    mean = _along(to_tensor(mean, x.dtype), axis, ndim)
    variance = _along(to_tensor(variance, x.dtype), axis, ndim)
    inv = torch.rsqrt(variance + epsilon)
    if scale is not None:
        inv = inv * _along(to_tensor(scale, x.dtype), axis, ndim)
    shift = -mean * inv
    if offset is not None:
        shift = shift + _along(to_tensor(offset, x.dtype), axis, ndim)
    return x * inv + shift


def _trailing(axes, ndim):
    return axes == tuple(range(ndim - len(axes), ndim))


@keras_op
def layer_normalization(x, gamma=None, beta=None, axis=-1, epsilon=None, **kwargs):
    """Layer normalization layer (Ba et al., 2016).

    Normalize the activations of the previous layer for each given example in a batch
    independently, rather than across a batch like Batch Normalization. i.e. applies a
    transformation that maintains the mean activation within each example close to 0 and the
    activation standard deviation close to 1.

    Args:
        x: Input tensor.
        gamma: Optional scaling factor for the normalization.
        beta: Optional add offset for the normalized tensor.
        axis: The axis or axes along which to perform normalization. Default to `-1`.
        epsilon: A lower bound value for the norm. Defaults to `backend.epsilon()`.

    Returns:
        The normalized array.
    """
    rms_scaling = kwargs.pop("rms_scaling", False)
    if epsilon is None:
        epsilon = config.epsilon()
    x = to_tensor(x)
    original = x.dtype
    compute = op_utils.result_dtype(x, torch.float32)
    x = x.to(compute)
    gamma = None if gamma is None else to_tensor(gamma, compute)
    beta = None if beta is None else to_tensor(beta, compute)
    axes = tuple(sorted(_axes(axis, x.dim())))
    shape = [x.shape[a] if a in axes else 1 for a in range(x.dim())]

    def broadcast(v):
        if v is not None and v.dim() != x.dim() and axes != (x.dim() - 1,):
            return v.reshape(shape)
        return v

    if rms_scaling:
        variance = torch.var(x, dim=axes, correction=0, keepdim=True)
        out = x * torch.rsqrt(variance + epsilon)
        if gamma is not None:
            out = out * broadcast(gamma)
    elif _trailing(axes, x.dim()):
        normalized_shape = tuple(x.shape[a] for a in axes)
        weight = None if gamma is None else gamma.reshape(normalized_shape)
        bias = None if beta is None else beta.reshape(normalized_shape)
        out = F.layer_norm(x, normalized_shape, weight, bias, epsilon)
    else:
        mean, variance = moments.__wrapped__(x, axes, keepdims=True)
        inv = torch.rsqrt(variance + epsilon)
        if gamma is not None:
            inv = inv * broadcast(gamma)
        shift = -mean * inv
        if beta is not None:
            shift = shift + broadcast(beta)
        out = x * inv + shift
    return out.to(original)


@keras_op
def rms_normalization(x, scale=None, axis=-1, epsilon=None):
    """Performs Root Mean Square (RMS) normalization on `x`.

    `x / sqrt(mean(x**2) + epsilon) * scale` over `axis`.

    Args:
        x: Input tensor.
        scale: Optional scaling factor for the normalization.
        axis: The axis or axes along which to perform normalization. Defaults to `-1`.
        epsilon: A lower bound value for the norm. Defaults to `backend.epsilon()`.

    Returns:
        The normalized array.
    """
    if epsilon is None:
        epsilon = config.epsilon()
    x = to_tensor(x)
    original = x.dtype
    compute = op_utils.result_dtype(x, torch.float32)
    x = x.to(compute)
    scale = None if scale is None else to_tensor(scale, compute)
    if x.dim() == 0:
        x = x.reshape(1)
    axes = tuple(sorted(_axes(axis, x.dim())))
    if _trailing(axes, x.dim()):
        normalized_shape = tuple(x.shape[a] for a in axes)
        weight = None if scale is None else torch.broadcast_to(scale, normalized_shape)
        out = F.rms_norm(x, normalized_shape, weight, epsilon)
    else:
        out = x * torch.rsqrt(torch.mean(torch.square(x), dim=axes, keepdim=True) + epsilon)
        if scale is not None:
            out = out * scale
    return out.to(original)


@keras_op
def normalize(x, axis=-1, order=2, epsilon=None):
    """Normalizes `x` over the specified axis: `x / max(norm(x, order), epsilon)`.

    Args:
        x: Input tensor.
        axis: The axis or axes along which to perform normalization. Default to -1.
        order: The exponent value in the norm formulation. Defaults to 2.
        epsilon: A lower bound value for the norm. Defaults to `backend.epsilon()`.

    Returns:
        The normalized array.
    """
    if not isinstance(order, int) or not order >= 1:
        raise ValueError(f"Argument `order` must be an int >= 1. Received: order={order}")
    x = to_tensor(x)
    if x.dim() == 0:
        x = x.reshape(1)
    if epsilon is None:
        epsilon = config.epsilon()
    dims = (axis,) if isinstance(axis, int) else tuple(axis)
    if order == 2:
        # x * rsqrt(sum(x^2)), capped at 1 / epsilon, as Keras computes the L2 case.
        inv_norm = torch.rsqrt(torch.sum(torch.square(x), dim=dims, keepdim=True))
        return x * torch.clamp(inv_norm, max=1.0 / epsilon)
    norm = torch.linalg.vector_norm(x, ord=order, dim=dims, keepdim=True)
    return x / torch.clamp(norm, min=epsilon)


# -- attention ------------------------------------------------------------------------------------
def _large_negative(dtype):
    value = 65500.0 if dtype == torch.float16 else 3.38953e38
    return value * -0.7


@keras_op
def dot_product_attention(
    query,
    key,
    value,
    bias=None,
    mask=None,
    scale=None,
    is_causal=False,
    flash_attention=None,
    attn_logits_soft_cap=None,
):
    """Scaled dot product attention function.

    Computes the attention function on Q (`query`), K (`key`), and V(`value`):
    `attention(Q, K, V) = softmax(Q * K / sqrt(d)) * V`. If we define `logits` as the output of
    `Q * K` and the `probs` as the output of `softmax`.

    Throughout this function, we utilize the following notation to represent the shape of
    array:
    - B: batch size
    - S: length of the key/value
    - T: length of the query
    - N: number of attention heads
    - H: dimensions of each attention head
    - K: number of key/value heads
    - G: number of groups, which equals to `N // K`

    Args:
        query: The query array with the shape of `(B, T, N, H)`.
        key: The key array with the shape of `(B, S, K, H)`. When `K` equals `N`, multi-headed
            attention (MHA) is performed. Otherwise, grouped query attention (GQA) is performed
            if `N` is a multiple of `K`. and multi-query attention (MQA) is performed if `K==1`
            (a special case of GQA).
        value: The value array with the same shape of `key`.
        bias: Optional bias array to be added to logits. The shape must be broadcastable to
            `(B, N, T, S)`.
        mask: Optional mask array used to filter out logits. It is a boolean mask where `True`
            indicates the element should take part in attention. For an additive mask, users
            should pass it to bias. The shape must be broadcastable to `(B, N, T, S)`.
        scale: Optional scale for the logits. If `None`, the scale will be set to
            `1.0 / sqrt(H)`.
        is_causal: Whether to apply causal mask.
        flash_attention: Whether to use flash attention. With torch, this uses
            `torch.nn.functional.scaled_dot_product_attention`.
        attn_logits_soft_cap: The value limit for maximum value of the attention logits before
            the softmax function is applied. This is only supported in JAX TPU backend.
            Defaults to None.

    Returns:
        An array of the attention output with the same shape of `query`.
    """
    if attn_logits_soft_cap is not None:
        raise ValueError(
            "attn_logits_soft_cap is only supported for JAX on TPU. Set attn_logits_soft_cap=None "
            "when not using JAX on TPU."
        )
    query = to_tensor(query)
    key = to_tensor(key)
    value = to_tensor(value)
    if query.dim() != 4:
        raise ValueError(
            "`dot_product_attention` only supports 4D inputs. Received: "
            f"query.shape={tuple(query.shape)}, key.shape={tuple(key.shape)}, "
            f"value.shape={tuple(value.shape)}."
        )
    compute = op_utils.result_dtype(query, key, value)
    query, key, value = query.to(compute), key.to(compute), value.to(compute)
    heads, kv_heads = query.shape[2], key.shape[2]
    if heads > kv_heads > 1:
        key = torch.repeat_interleave(key, heads // kv_heads, dim=2)
        value = torch.repeat_interleave(value, heads // kv_heads, dim=2)
    if scale is None:
        scale = 1.0 / math.sqrt(key.shape[-1])
    if flash_attention and mask is None and bias is None:
        out = F.scaled_dot_product_attention(
            query.transpose(1, 2),
            key.transpose(1, 2),
            value.transpose(1, 2),
            is_causal=is_causal,
            scale=scale,
        )
        return out.transpose(1, 2)
    logits_dtype = op_utils.result_dtype(query, torch.float32)
    logits = torch.einsum("btnh,bsnh->bnts", query, key).to(logits_dtype) * scale
    if bias is not None:
        logits = logits + to_tensor(bias, logits_dtype)
    if mask is not None or is_causal:
        keep = torch.ones_like(logits, dtype=torch.bool)
        if mask is not None:
            keep = keep & to_tensor(mask, torch.bool)
        if is_causal:
            t, s = logits.shape[-2], logits.shape[-1]
            keep = keep & torch.ones((t, s), dtype=torch.bool, device=logits.device).tril()
        logits = torch.where(keep, logits, _large_negative(logits.dtype))
    # The softmax always runs in (at least) float32.
    probs = torch.softmax(logits.to(op_utils.result_dtype(logits, torch.float32)), dim=-1)
    return torch.einsum("bnts,bsnh->btnh", probs.to(key.dtype), value)


# -- CTC -------------------------------------------------------------------------------------------
@keras_op
def ctc_loss(target, output, target_length, output_length, mask_index=0):
    """CTC (Connectionist Temporal Classification) loss.

    Args:
        target: A tensor of shape `(batch_size, max_length)` containing the true labels in
            integer format.
        output: A tensor of shape `(batch_size, max_length, num_classes)` containing logits (the
            output of your model).
        target_length: A tensor of shape `(batch_size,)` containing the true label lengths.
        output_length: A tensor of shape `(batch_size,)` containing the output lengths.
        mask_index: The index of the mask character in the vocabulary. Defaults to `0`.

    Returns:
        A tensor of shape `(batch_size,)`, the loss of each sequence.
    """
    target = to_tensor(target).to(torch.int64)
    output = to_tensor(output)
    result = op_utils.result_dtype(output, torch.float32)
    compute = torch.float32 if result == torch.float64 else result
    log_probs = torch.log_softmax(output.to(torch.float32), dim=-1).transpose(0, 1)
    loss = F.ctc_loss(
        log_probs,
        target,
        to_tensor(output_length).to(torch.int64),
        to_tensor(target_length).to(torch.int64),
        blank=mask_index,
        reduction="none",
        zero_infinity=False,
    )
    return loss.to(compute).to(result)


@keras_op
def ctc_decode(
    inputs,
    sequence_lengths,
    strategy="greedy",
    beam_width=100,
    top_paths=1,
    merge_repeated=True,
    mask_index=0,
):
    """Decodes the output of a CTC model.

    Args:
        inputs: A tensor of shape `(batch_size, max_length, num_classes)` containing the logits
            (the output of the model). They should *not* be normalized with softmax.
        sequence_lengths: A tensor of shape `(batch_size,)` containing the sequence lengths for
            the batch.
        strategy: A string for the decoding strategy. Supported values are `"greedy"` and
            `"beam_search"`.
        beam_width: An integer scalar beam width used in beam search. Defaults to 100.
        top_paths: An integer scalar, the number of top paths to return. Defaults to 1.
        merge_repeated: A boolean scalar, whether to merge repeated labels in the output.
            Defaults to `True`.
        mask_index: An integer scalar, the index of the mask character in the vocabulary.
            Defaults to `0`.

    Returns:
        A tuple containing:
        - The tensor representing the list of decoded sequences, of shape
          `(top_paths, batch_size, max_length)`, padded with `-1`.
        - For `strategy="greedy"`, a tensor of shape `(batch_size, 1)` representing the
          negative of the sum of the greatest logit at each timeframe.
    """
    inputs = to_tensor(inputs)
    inputs = inputs.to(op_utils.result_dtype(inputs, torch.float32))
    lengths = to_tensor(sequence_lengths).to(torch.int64)
    if strategy == "beam_search":
        raise NotImplementedError(
            "ctc_decode: `strategy='beam_search'` is not supported by torchkeras yet. Use "
            "`strategy='greedy'`. See compat/DIFFERENCES.md."
        )
    if strategy != "greedy":
        raise ValueError(
            f"Invalid strategy {strategy}. Supported values are 'greedy' and 'beam_search'."
        )
    batch, steps, classes = inputs.shape
    if mask_index is not None and mask_index < 0:
        mask_index = mask_index + classes
    best = torch.argmax(inputs, dim=-1)  # (batch, steps)
    valid = torch.arange(steps, device=inputs.device).unsqueeze(0) < lengths.unsqueeze(1)
    scores = -torch.sum(torch.where(valid, inputs.max(dim=-1).values, 0.0), dim=1, keepdim=True)
    keep = valid & (best != mask_index)
    if merge_repeated:
        previous = torch.cat([torch.full_like(best[:, :1], -1), best[:, :-1]], dim=1)
        keep = keep & (best != previous)
    # Compact the kept labels to the left of each row, padding with -1.
    position = torch.cumsum(keep.to(torch.int64), dim=1) - 1
    decoded = torch.full((batch, steps), -1, dtype=torch.int64, device=inputs.device)
    rows = torch.arange(batch, device=inputs.device).unsqueeze(1).expand(batch, steps)
    decoded[rows[keep], position[keep]] = best[keep]
    return decoded.unsqueeze(0).to(torch.int32), scores


# -- misc ------------------------------------------------------------------------------------------
@keras_op
def psnr(x1, x2, max_val):
    """Peak Signal-to-Noise Ratio (PSNR) function.

    `psnr = 20 * log10(max_val) - 10 * log10(mse(x1, x2))`.

    Args:
        x1: The first input tensor.
        x2: The second input tensor. Must have the same shape as `x1`.
        max_val: The maximum possible value in the signals.

    Returns:
        float: The PSNR value between `x1` and `x2`.
    """
    x1 = to_tensor(x1)
    x2 = to_tensor(x2)
    if x1.shape != x2.shape:
        raise ValueError(
            f"Input shapes {tuple(x1.shape)} and {tuple(x2.shape)} must match for PSNR "
            "calculation. "
        )
    max_val = to_tensor(max_val, x2.dtype)
    mse = torch.mean(torch.square(x1 - x2))
    return 20 * torch.log10(op_utils.to_float(max_val)) - 10 * torch.log10(op_utils.to_float(mse))


@keras_op
def polar(abs_, angle):
    """Constructs a complex tensor from polar coordinates: `abs_ * (cos(angle) + i sin(angle))`.

    Args:
        abs_: The magnitude (absolute value) of the complex number.
        angle: The angle (in radians) of the complex number.

    Returns:
        A complex number (or array of complex numbers) with the same shape as `abs_` and
        `angle`.
    """
    abs_ = op_utils.to_float(abs_)
    angle = op_utils.to_float(angle)
    return torch.complex(abs_ * torch.cos(angle), abs_ * torch.sin(angle))
