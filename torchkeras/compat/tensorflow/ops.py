"""The core tensor functions of `tensorflow` (creation, casting, shapes, reductions, arithmetic).

Arguments follow TensorFlow: `axis`/`keepdims`, `name=` accepted and ignored, TF's default dtypes
(`1` is int32, `1.0` float32) and no mixed-dtype promotion (see `_convert`).
"""

import builtins

import numpy as np
import torch

from torchkeras import backend
from torchkeras.compat.tensorflow._convert import axis_arg
from torchkeras.compat.tensorflow._convert import match
from torchkeras.compat.tensorflow._convert import is_fake
from torchkeras.compat.tensorflow._convert import require_float
from torchkeras.compat.tensorflow._convert import shape_arg
from torchkeras.compat.tensorflow._convert import to_tensor as _t
from torchkeras.compat.tensorflow._convert import torch_dtype
from torchkeras.compat.tensorflow.string_tensor import StringTensor
from torchkeras.compat.tensorflow.string_tensor import as_string_array


def _string_constant(value, dtype):
    """A string tensor for string values (`tf.constant(["a", "b"])`), else `None`."""
    if dtype not in (None, "string", str) or isinstance(value, torch.Tensor):
        return None
    return as_string_array(value)


def constant(value, dtype=None, shape=None, name="Const"):
    strings = _string_constant(value, dtype)
    if strings is not None:
        return strings if shape is None else np.broadcast_to(
            strings, tuple(shape_arg(shape))).copy().view(StringTensor)
    x = _t(value, dtype)
    if isinstance(value, torch.Tensor):
        x = x.clone()
    if shape is not None:
        shape = shape_arg(shape)
        # A scalar fills the whole shape, as in TensorFlow.
        x = x.expand(shape).clone() if x.numel() == 1 else x.reshape(shape)
    return x


def convert_to_tensor(value, dtype=None, dtype_hint=None, name=None):
    strings = _string_constant(value, dtype)
    if strings is not None:
        return strings
    if dtype is None and dtype_hint is not None and not isinstance(value, torch.Tensor):
        try:
            return _t(value, dtype_hint)
        except (TypeError, ValueError, RuntimeError):
            pass
    return _t(value, dtype)


def cast(x, dtype, name=None):
    return _t(x).to(torch_dtype(dtype))


def is_tensor(x):
    return isinstance(x, torch.Tensor)


def _static(value, x, out_type):
    """A shape value as a tensor; during Keras's shape inference on fake tensors, a NumPy value
    instead, so `tf.shape(x)[0]` stays readable (a fake tensor's values cannot be read)."""
    dtype = torch_dtype(out_type or "int32")
    if is_fake(x):
        return np.asarray(value, dtype=str(dtype).replace("torch.", ""))
    return torch.tensor(value, dtype=dtype, device=backend.get_device())


def _strings(value):
    """`value` as a string tensor (NumPy array of bytes) if it is one, else `None`."""
    if isinstance(value, np.ndarray) and value.dtype.kind in ("O", "U", "S"):
        return as_string_array(value)
    return None


def shape(input, out_type=None, name=None):
    if _strings(input) is not None:
        return torch.tensor(np.shape(input), dtype=torch.int32)
    x = _t(input)
    return _static(tuple(x.shape), x, out_type)


def size(input, out_type=None, name=None):
    x = _t(input)
    return _static(x.numel(), x, out_type)


def rank(input, name=None):
    x = _t(input)
    return _static(x.dim(), x, None)


def reshape(tensor, shape, name=None):
    if _strings(tensor) is not None:
        return _strings(tensor).reshape(tuple(int(d) for d in shape_arg(shape)))
    return _t(tensor).reshape(shape_arg(shape))


def concat(values, axis, name="concat"):
    if _strings(values[0]) is not None:
        return np.concatenate([_strings(v).view(np.ndarray) for v in values],
                              axis=int(axis)).view(StringTensor)
    return torch.cat(match("ConcatV2", *values, name=name), dim=int(axis))


def stack(values, axis=0, name="stack"):
    if _strings(values[0]) is not None:
        return np.stack([_strings(v).view(np.ndarray) for v in values],
                        axis=int(axis)).view(StringTensor)
    return torch.stack(match("Pack", *values, name=name), dim=axis)


def one_hot(indices, depth, on_value=None, off_value=None, axis=None, dtype=None, name=None):
    if dtype is None:
        dtype = _t(on_value).dtype if on_value is not None else (
            _t(off_value).dtype if off_value is not None else torch.float32)
    dtype = torch_dtype(dtype)
    on = 1 if on_value is None else on_value
    off = 0 if off_value is None else off_value
    indices = _t(indices).long()
    # TF gives an all-`off_value` row for an out-of-range index (-1 included).
    valid = (indices >= 0) & (indices < depth)
    hot = torch.nn.functional.one_hot(torch.where(valid, indices, 0), int(depth))
    hot = hot * valid.unsqueeze(-1)
    out = torch.where(hot.bool(), torch.tensor(on, dtype=dtype, device=hot.device),
                      torch.tensor(off, dtype=dtype, device=hot.device))
    return out.movedim(-1, axis) if axis not in (None, -1) else out


def argmax(input, axis=None, output_type="int64", name=None):
    return torch.argmax(_t(input), dim=0 if axis is None else int(axis)).to(
        torch_dtype(output_type))


def argmin(input, axis=None, output_type="int64", name=None):
    return torch.argmin(_t(input), dim=0 if axis is None else int(axis)).to(
        torch_dtype(output_type))


def _dims(x, axis):
    axis = axis_arg(axis)
    if axis is None:
        return tuple(builtins.range(x.dim()))
    return (axis,) if isinstance(axis, int) else axis


def _flatten_dims(x, dims, keepdims):
    """Move `dims` to the end and merge them, for reductions torch takes one dim at a time."""
    dims = sorted(d % x.dim() for d in dims) if x.dim() else []
    kept = [d for d in builtins.range(x.dim()) if d not in dims]
    out_shape = [1 if d in dims else x.shape[d] for d in builtins.range(x.dim())] if keepdims else [
        x.shape[d] for d in kept]
    flat = x.permute(*kept, *dims).reshape(*[x.shape[d] for d in kept], -1)
    return flat, out_shape


def reduce_sum(input_tensor, axis=None, keepdims=False, name=None):
    x = _t(input_tensor)
    return torch.sum(x, dim=_dims(x, axis), keepdim=bool(keepdims)).to(x.dtype)


def reduce_mean(input_tensor, axis=None, keepdims=False, name=None):
    x = _t(input_tensor)
    dims = _dims(x, axis)
    if x.is_floating_point() or x.is_complex():
        return torch.mean(x, dim=dims, keepdim=bool(keepdims))
    # Integer mean: the sum divided by the count, truncated toward zero as TF's kernel does.
    count = int(np.prod([x.shape[d] for d in dims])) if dims else 1
    total = torch.sum(x, dim=dims, keepdim=bool(keepdims))
    return torch.div(total, builtins.max(count, 1), rounding_mode="trunc").to(x.dtype)


def reduce_prod(input_tensor, axis=None, keepdims=False, name=None):
    x = _t(input_tensor)
    if x.dim() == 0:
        return x.clone()
    flat, out_shape = _flatten_dims(x, _dims(x, axis), keepdims)
    return torch.prod(flat, dim=-1).to(x.dtype).reshape(out_shape)


def reduce_max(input_tensor, axis=None, keepdims=False, name=None):
    x = _t(input_tensor)
    return torch.amax(x, dim=_dims(x, axis), keepdim=bool(keepdims))


def reduce_min(input_tensor, axis=None, keepdims=False, name=None):
    x = _t(input_tensor)
    return torch.amin(x, dim=_dims(x, axis), keepdim=bool(keepdims))


def reduce_any(input_tensor, axis=None, keepdims=False, name=None):
    x = _t(input_tensor)
    return torch.any(x, dim=_dims(x, axis), keepdim=bool(keepdims))


def reduce_all(input_tensor, axis=None, keepdims=False, name=None):
    x = _t(input_tensor)
    return torch.all(x, dim=_dims(x, axis), keepdim=bool(keepdims))


def reduce_logsumexp(input_tensor, axis=None, keepdims=False, name=None):
    x = _t(input_tensor)
    return torch.logsumexp(x, dim=_dims(x, axis), keepdim=bool(keepdims))


def reduce_variance(input_tensor, axis=None, keepdims=False, name=None):
    x = _t(input_tensor)
    return torch.var(x, dim=_dims(x, axis), keepdim=bool(keepdims), correction=0)


def reduce_std(input_tensor, axis=None, keepdims=False, name=None):
    x = _t(input_tensor)
    return torch.std(x, dim=_dims(x, axis), keepdim=bool(keepdims), correction=0)


def reduce_euclidean_norm(input_tensor, axis=None, keepdims=False, name=None):
    x = _t(input_tensor)
    out = torch.sqrt(torch.sum(x * x, dim=_dims(x, axis), keepdim=bool(keepdims)))
    return out.to(x.dtype)


def matmul(a, b, transpose_a=False, transpose_b=False, adjoint_a=False, adjoint_b=False,
           a_is_sparse=False, b_is_sparse=False, output_type=None, grad_a=False, grad_b=False,
           name=None):
    a, b = match("MatMul", a, b, name=name or "")
    if transpose_a or adjoint_a:
        a = a.transpose(-1, -2).conj() if adjoint_a else a.transpose(-1, -2)
    if transpose_b or adjoint_b:
        b = b.transpose(-1, -2).conj() if adjoint_b else b.transpose(-1, -2)
    return torch.matmul(a, b)


def zeros(shape, dtype="float32", name=None, layout=None):
    return torch.zeros(shape_arg(shape), dtype=torch_dtype(dtype), device=backend.get_device())


def ones(shape, dtype="float32", name=None, layout=None):
    return torch.ones(shape_arg(shape), dtype=torch_dtype(dtype), device=backend.get_device())


def zeros_like(input, dtype=None, name=None, layout=None):
    return torch.zeros_like(_t(input), dtype=torch_dtype(dtype))


def ones_like(input, dtype=None, name=None, layout=None):
    return torch.ones_like(_t(input), dtype=torch_dtype(dtype))


def fill(dims, value, name=None, layout=None):
    if isinstance(value, torch.Tensor):
        return value.expand(shape_arg(dims)).clone()
    dtype = torch.float32 if isinstance(value, float) else (
        torch.bool if isinstance(value, builtins.bool) else None)
    if dtype is None:
        dtype = _t(np.asarray(value)).dtype if isinstance(value, np.generic) else torch.int32
    return torch.full(shape_arg(dims), value, dtype=dtype, device=backend.get_device())


def eye(num_rows, num_columns=None, batch_shape=None, dtype="float32", name=None):
    out = torch.eye(int(num_rows), int(num_columns if num_columns is not None else num_rows),
                    dtype=torch_dtype(dtype), device=backend.get_device())
    if batch_shape is not None:
        out = out.expand(*shape_arg(batch_shape), *out.shape).clone()
    return out


def range(start, limit=None, delta=1, dtype=None, name="range"):
    if limit is None:
        start, limit = 0, start
    values = [v.item() if isinstance(v, torch.Tensor) else v for v in (start, limit, delta)]
    if dtype is None:
        is_float = builtins.any(isinstance(v, float) for v in values)
        dtype = torch.float32 if is_float else torch.int32
    return torch.arange(*values, device=backend.get_device(), dtype=torch_dtype(dtype))


def linspace(start, stop, num, name=None, axis=0):
    start, stop = _t(start), _t(stop)
    # Integer endpoints give float64, as in TF.
    dtype = start.dtype if start.is_floating_point() else torch.float64
    start, stop = start.to(dtype), stop.to(dtype)
    steps = torch.arange(int(num), dtype=dtype, device=start.device)
    denom = builtins.max(int(num) - 1, 1)
    shape = (-1,) + (1,) * start.dim()
    out = start + (stop - start) * (steps.reshape(shape) / denom)
    if int(num) > 1:
        out[-1] = stop  # the last value is exactly `stop`
    return out.movedim(0, axis) if axis != 0 else out


def expand_dims(input, axis, name=None):
    if _strings(input) is not None:
        return np.expand_dims(_strings(input), int(axis))
    return _t(input).unsqueeze(int(axis))


def squeeze(input, axis=None, name=None):
    if _strings(input) is not None:
        return np.squeeze(_strings(input), axis=None if axis is None else axis_arg(axis))
    x = _t(input)
    if axis is None:
        return x.squeeze()
    return x.squeeze(axis_arg(axis))


def transpose(a, perm=None, conjugate=False, name="transpose"):
    x = _t(a)
    if perm is None:
        perm = list(reversed(builtins.range(x.dim())))
    out = x.permute(*axis_arg(perm))
    return out.conj() if conjugate else out


def where(condition, x=None, y=None, name=None):
    if x is None and y is None:
        return torch.nonzero(_t(condition))
    x, y = match("SelectV2", x, y, name=name or "")
    return torch.where(_t(condition).bool(), x, y)


def clip_by_value(t, clip_value_min, clip_value_max, name=None):
    t = _t(t)
    low, high = (v if isinstance(v, torch.Tensor) else torch.tensor(v, dtype=t.dtype)
                 for v in (clip_value_min, clip_value_max))
    return torch.minimum(torch.maximum(t, low.to(t.device)), high.to(t.device))


def identity(input, name=None):
    if _strings(input) is not None:
        return input
    return _t(input)


def stop_gradient(input, name=None):
    return _t(input).detach()


def square(x, name=None):
    return torch.square(_t(x))


def sqrt(x, name=None):
    return torch.sqrt(require_float("Sqrt", _t(x)))


def exp(x, name=None):
    return torch.exp(require_float("Exp", _t(x)))


def abs(x, name=None):
    return torch.abs(_t(x))


def add(x, y, name=None):
    x, y = match("AddV2", x, y, name=name or "")
    return torch.add(x, y)


def subtract(x, y, name=None):
    x, y = match("Sub", x, y, name=name or "")
    return torch.subtract(x, y)


def multiply(x, y, name=None):
    x, y = match("Mul", x, y, name=name or "")
    return torch.multiply(x, y)


def truediv(x, y, name=None):
    x, y = match("RealDiv", x, y, name=name or "")
    if not (x.is_floating_point() or x.is_complex()):
        # TF divides small integers in float32 and int32/int64 in float64.
        wide = x.dtype in (torch.int32, torch.int64, torch.uint32, torch.uint64)
        dtype = torch.float64 if wide else torch.float32
        x, y = x.to(dtype), y.to(dtype)
    return torch.divide(x, y)


def divide(x, y, name=None):
    return truediv(x, y, name=name)


def maximum(x, y, name=None):
    x, y = match("Maximum", x, y, name=name or "")
    return torch.maximum(x, y)


def minimum(x, y, name=None):
    x, y = match("Minimum", x, y, name=name or "")
    return torch.minimum(x, y)


def equal(x, y, name=None):
    x, y = match("Equal", x, y, name=name or "")
    return torch.eq(x, y)


def not_equal(x, y, name=None):
    x, y = match("NotEqual", x, y, name=name or "")
    return torch.ne(x, y)


def greater(x, y, name=None):
    x, y = match("Greater", x, y, name=name or "")
    return torch.gt(x, y)


def greater_equal(x, y, name=None):
    x, y = match("GreaterEqual", x, y, name=name or "")
    return torch.ge(x, y)


def less(x, y, name=None):
    x, y = match("Less", x, y, name=name or "")
    return torch.lt(x, y)


def less_equal(x, y, name=None):
    x, y = match("LessEqual", x, y, name=name or "")
    return torch.le(x, y)


def function(func=None, input_signature=None, autograph=True, jit_compile=None,
             reduce_retracing=False, experimental_compile=None, **kwargs):
    """`tf.function`: runs the function eagerly (torch has no graph to trace into)."""
    if func is None:
        return lambda f: f
    return func


def ensure_shape(x, shape, name=None):
    """Check that `x`'s shape is compatible with `shape` (`None` dims match anything)."""
    x = _t(x)
    from torchkeras.compat.tensorflow.tensor_shape import TensorShape

    if not TensorShape(shape).is_compatible_with(TensorShape(tuple(x.shape))):
        from torchkeras.compat.tensorflow import errors

        expected = ",".join("?" if d is None else str(d) for d in TensorShape(shape).as_list())
        raise errors.InvalidArgumentError(
            f"Shape of tensor input [{','.join(str(d) for d in x.shape)}] is not compatible "
            f"with expected shape [{expected}]. [Op:EnsureShape] name: "
        )
    return x


# The names TF exports at the top level (reduce_std/reduce_variance are tf.math only).
__all__ = [
    "abs", "add", "argmax", "argmin", "cast", "clip_by_value", "concat", "constant",
    "convert_to_tensor", "divide", "ensure_shape", "equal", "exp", "expand_dims", "eye", "fill",
    "function", "greater", "greater_equal", "identity", "is_tensor", "less", "less_equal",
    "linspace", "matmul", "maximum", "minimum", "multiply", "not_equal", "one_hot", "ones",
    "ones_like", "range", "rank", "reduce_all", "reduce_any", "reduce_logsumexp", "reduce_max",
    "reduce_mean", "reduce_min", "reduce_prod", "reduce_sum", "reshape", "shape", "size", "sqrt",
    "square", "squeeze", "stack", "stop_gradient", "subtract", "transpose", "truediv", "where",
    "zeros", "zeros_like",
]
