"""The tensor functions of `tensorflow` that Keras scripts use, with TF's names and arguments."""

import numpy as np
import torch

from torchkeras import backend
from torchkeras.backend import dtypes


def _t(x, dtype=None):
    return backend.convert_to_tensor(x, dtype=dtype)


def _axis(axis):
    return tuple(axis) if isinstance(axis, (list, tuple)) else axis


def constant(value, dtype=None, shape=None, name=None):
    x = _t(value, dtype)
    return x.reshape(shape) if shape is not None else x


def convert_to_tensor(value, dtype=None, dtype_hint=None, name=None):
    return _t(value, dtype)


def cast(x, dtype, name=None):
    return _t(x).to(dtypes.to_torch_dtype(dtype))


def shape(input, out_type=None, name=None):
    return torch.tensor(tuple(_t(input).shape))


def reshape(tensor, shape, name=None):
    return _t(tensor).reshape(tuple(shape))


def concat(values, axis, name="concat"):
    return torch.cat([_t(v) for v in values], dim=axis)


def stack(values, axis=0, name="stack"):
    return torch.stack([_t(v) for v in values], dim=axis)


def one_hot(indices, depth, on_value=1.0, off_value=0.0, axis=-1, dtype=None, name=None):
    out = torch.nn.functional.one_hot(_t(indices).long(), depth).to(
        dtypes.to_torch_dtype(dtype or "float32")
    )
    out = out * (on_value - off_value) + off_value
    return out.movedim(-1, axis) if axis != -1 else out


def argmax(input, axis=None, output_type="int64", name=None):
    return torch.argmax(_t(input), dim=0 if axis is None else axis)


def argmin(input, axis=None, output_type="int64", name=None):
    return torch.argmin(_t(input), dim=0 if axis is None else axis)


def _reduce(fn):
    def reduce(input_tensor, axis=None, keepdims=False, name=None):
        x = _t(input_tensor)
        if axis is None:
            return fn(x)
        return fn(x, dim=_axis(axis), keepdim=keepdims)

    return reduce


reduce_sum = _reduce(torch.sum)
reduce_mean = _reduce(torch.mean)
reduce_prod = _reduce(lambda x, dim=None, keepdim=False: torch.prod(x) if dim is None else (
    torch.prod(x, dim=dim, keepdim=keepdim) if isinstance(dim, int) else torch.prod(
        x.flatten(dim[0], dim[-1]), dim=dim[0], keepdim=keepdim)))
reduce_max = _reduce(torch.amax)
reduce_min = _reduce(torch.amin)
reduce_any = _reduce(lambda x, dim=None, keepdim=False: torch.any(x) if dim is None else torch.any(
    x, dim=dim, keepdim=keepdim))
reduce_all = _reduce(lambda x, dim=None, keepdim=False: torch.all(x) if dim is None else torch.all(
    x, dim=dim, keepdim=keepdim))
reduce_logsumexp = _reduce(lambda x, dim=None, keepdim=False: torch.logsumexp(
    x, dim=tuple(range(x.dim())) if dim is None else dim, keepdim=keepdim))


def matmul(a, b, transpose_a=False, transpose_b=False, name=None):
    a, b = _t(a), _t(b)
    if transpose_a:
        a = a.transpose(-1, -2)
    if transpose_b:
        b = b.transpose(-1, -2)
    return torch.matmul(a, b)


def zeros(shape, dtype="float32", name=None):
    return torch.zeros(tuple(shape), dtype=dtypes.to_torch_dtype(dtype),
                       device=backend.get_device())


def ones(shape, dtype="float32", name=None):
    return torch.ones(tuple(shape), dtype=dtypes.to_torch_dtype(dtype),
                      device=backend.get_device())


def zeros_like(input, dtype=None, name=None):
    x = _t(input)
    return torch.zeros_like(x, dtype=dtypes.to_torch_dtype(dtype) if dtype else None)


def ones_like(input, dtype=None, name=None):
    x = _t(input)
    return torch.ones_like(x, dtype=dtypes.to_torch_dtype(dtype) if dtype else None)


def range(start, limit=None, delta=1, dtype=None, name="range"):
    if limit is None:
        start, limit = 0, start
    return torch.arange(start, limit, delta, device=backend.get_device(),
                        dtype=dtypes.to_torch_dtype(dtype) if dtype else None)


def expand_dims(input, axis, name=None):
    return _t(input).unsqueeze(axis)


def squeeze(input, axis=None, name=None):
    x = _t(input)
    return x.squeeze() if axis is None else x.squeeze(axis)


def transpose(a, perm=None, conjugate=False, name="transpose"):
    x = _t(a)
    return x.permute(*(perm if perm is not None else reversed(np.arange(x.dim()).tolist())))


def where(condition, x=None, y=None, name=None):
    if x is None and y is None:
        return torch.nonzero(_t(condition))
    return torch.where(_t(condition), _t(x), _t(y))


def clip_by_value(t, clip_value_min, clip_value_max, name=None):
    return torch.clamp(_t(t), clip_value_min, clip_value_max)


def identity(input, name=None):
    return _t(input)


def stop_gradient(input, name=None):
    return _t(input).detach()


def square(x, name=None):
    return torch.square(_t(x))


def sqrt(x, name=None):
    return torch.sqrt(_t(x))


def exp(x, name=None):
    return torch.exp(_t(x))


def abs(x, name=None):
    return torch.abs(_t(x))


def add(x, y, name=None):
    return torch.add(_t(x), _t(y))


def subtract(x, y, name=None):
    return torch.subtract(_t(x), _t(y))


def multiply(x, y, name=None):
    return torch.multiply(_t(x), _t(y))


def divide(x, y, name=None):
    return torch.divide(_t(x), _t(y))


def maximum(x, y, name=None):
    return torch.maximum(_t(x), _t(y))


def minimum(x, y, name=None):
    return torch.minimum(_t(x), _t(y))


def equal(x, y, name=None):
    return torch.eq(_t(x), _t(y))


def function(func=None, input_signature=None, autograph=True, jit_compile=None,
             reduce_retracing=False, experimental_compile=None, **kwargs):
    """`tf.function`: runs the function eagerly (torch has no graph to trace into)."""
    if func is None:
        return lambda f: f
    return func

__all__ = [
    "abs",
    "add",
    "argmax",
    "argmin",
    "cast",
    "clip_by_value",
    "concat",
    "constant",
    "convert_to_tensor",
    "divide",
    "equal",
    "exp",
    "expand_dims",
    "function",
    "identity",
    "matmul",
    "maximum",
    "minimum",
    "multiply",
    "one_hot",
    "ones",
    "ones_like",
    "range",
    "reduce_all",
    "reduce_any",
    "reduce_logsumexp",
    "reduce_max",
    "reduce_mean",
    "reduce_min",
    "reduce_prod",
    "reduce_sum",
    "reshape",
    "shape",
    "sqrt",
    "square",
    "squeeze",
    "stack",
    "stop_gradient",
    "subtract",
    "transpose",
    "where",
    "zeros",
    "zeros_like",
]
