"""Shared helpers of the `keras.ops` implementation: Keras-style conversion, casting and axes.

`to_tensor` converts as Keras does on TensorFlow (Python ints become `int32`, Python floats
`floatx()`, NumPy arrays keep their dtype, float64 included); tensors pass through untouched, so
the common case costs one `isinstance`.
"""

import numpy as np
import torch

from torchkeras.backend import config
from torchkeras.backend import device as device_lib
from torchkeras.backend import dtypes
from torchkeras.ops import promotion

_INT32_MIN = -(2**31)
_INT32_MAX = 2**31 - 1
FLOATING = (torch.float16, torch.bfloat16, torch.float32, torch.float64)
COMPLEX = (torch.complex64, torch.complex128)
_STR_TO_TORCH = dtypes._NAME_TO_TORCH


def torch_dtype(dtype):
    """The torch dtype of a dtype given in any form (`None` is `floatx()`)."""
    if isinstance(dtype, torch.dtype):
        return dtype
    if isinstance(dtype, str):
        found = _STR_TO_TORCH.get(dtype)
        if found is not None:
            return found
    return dtypes.to_torch_dtype(dtype)


def name(dtype):
    """The Keras name of a torch dtype (`torch.float32` -> `"float32"`)."""
    return dtypes._TORCH_TO_NAME[dtype]


def floatx_torch():
    return _STR_TO_TORCH[config.floatx()]


def _python_dtype(x):
    if isinstance(x, bool):
        return torch.bool
    if isinstance(x, int):
        return torch.int32 if _INT32_MIN <= x <= _INT32_MAX else torch.int64
    if isinstance(x, float):
        return floatx_torch()
    if isinstance(x, complex):
        return torch.complex64
    return None


def to_tensor(x, dtype=None):
    """Convert `x` to a tensor with Keras's rules; cast when `dtype` is given."""
    if isinstance(x, torch.Tensor):
        if dtype is None:
            return x
        dtype = torch_dtype(dtype)
        return x if x.dtype == dtype else x.to(dtype)
    device = device_lib.get_device()
    if dtype is not None:
        dtype = torch_dtype(dtype)
    if isinstance(x, (list, tuple)):
        if any(isinstance(e, torch.Tensor) for e in x):
            items = [to_tensor(e) for e in x]
            common = result_dtype(*items)
            return torch.stack([e.to(common) for e in items]).to(dtype or common)
        if dtype is None:
            leaves = _flat_leaves(x)
            if leaves and all(type(v) in (bool, int, float, complex) for v in leaves):
                dtype = _lists_dtype(leaves)
    elif dtype is None:
        dtype = _python_dtype(x)
    if dtype is None:
        array = np.asarray(x)
        if array.dtype.kind in ("U", "S", "O"):
            raise TypeError(
                f"Cannot convert a value of dtype {array.dtype} to a tensor. Received: x={x!r:.80}"
            )
        if array.dtype == np.uint32 or array.dtype == np.uint64:
            array = array.astype(np.int64)  # torch's unsigned 32/64-bit support is partial
        return torch.as_tensor(array, device=device)
    if dtype == torch.bfloat16 or not isinstance(x, (list, tuple, int, float, bool, complex)):
        return torch.as_tensor(np.asarray(x), device=device).to(dtype)
    return torch.as_tensor(x, dtype=dtype, device=device)


def _flat_leaves(x):
    out = []
    stack = [x]
    while stack:
        item = stack.pop()
        if isinstance(item, (list, tuple)):
            stack.extend(item)
        else:
            out.append(item)
    return out


def _lists_dtype(leaves):
    kinds = {type(v) for v in leaves}
    if complex in kinds:
        return torch.complex64
    if float in kinds:
        return floatx_torch()
    if int in kinds:
        big = any(not (_INT32_MIN <= v <= _INT32_MAX) for v in leaves if type(v) is int)
        return torch.int64 if big else torch.int32
    return torch.bool


def dtype_of(x):
    """The value Keras's `result_type` sees for `x`: a torch dtype, or `int`/`float`/`bool`."""
    if isinstance(x, torch.Tensor):
        return x.dtype
    if isinstance(x, bool):
        return bool
    if isinstance(x, int):
        return int
    if isinstance(x, float):
        return float
    return to_tensor(x).dtype


_RESULT_CACHE = {}


def result_dtype(*values):
    """Keras's `result_type` of tensors / Python scalars, as a torch dtype (cached)."""
    key = tuple(v.dtype if isinstance(v, torch.Tensor) else v for v in values)
    return _result_from_kinds(key)


def promote(x1, x2, extra=None, scalars=False):
    """Convert `x1`, `x2` to tensors of their Keras result dtype (with `extra`, e.g. `float`).

    With `scalars=True`, a Python scalar facing a tensor stays a scalar (the tensor is cast to
    the result dtype), so torch applies it without allocating a tensor.
    """
    t1 = isinstance(x1, torch.Tensor)
    t2 = isinstance(x2, torch.Tensor)
    if t1 and t2 and x1.dtype == x2.dtype and extra is None and x1.dtype not in _FOLDED:
        return x1, x2
    # Fast path: a Python number facing a tensor of a kind that absorbs it (weak typing).
    if scalars and extra is None:
        if t1 and not t2 and _absorbs(x1.dtype, type(x2)):
            return x1, x2
        if t2 and not t1 and _absorbs(x2.dtype, type(x1)):
            return x1, x2
    a = x1 if t1 or type(x1) in (int, float, bool) else to_tensor(x1)
    b = x2 if t2 or type(x2) in (int, float, bool) else to_tensor(x2)
    kinds = (dtype_of(a), dtype_of(b)) if extra is None else (dtype_of(a), dtype_of(b), extra)
    target = _result_from_kinds(kinds)
    if scalars and (isinstance(a, torch.Tensor) or isinstance(b, torch.Tensor)):
        return _as(a, target, True), _as(b, target, True)
    return _as(a, target), _as(b, target)


_FOLDED = (torch.complex128, torch.uint64)
_SIGNED_INTS = (torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8)


def _absorbs(dtype, kind):
    if kind is float:
        return dtype in FLOATING
    if kind is int:
        return dtype in FLOATING or dtype in _SIGNED_INTS
    return False


def _result_from_kinds(kinds):
    # Weak types resolve with `floatx()`, so it is part of the cache key.
    key = (config._FLOATX,) + kinds
    found = _RESULT_CACHE.get(key)
    if found is None:
        names = [name(k) if isinstance(k, torch.dtype) else k for k in kinds]
        found = torch_dtype(promotion.result_type(*names))
        _RESULT_CACHE[key] = found
    return found


def _as(x, dtype, keep_scalar=False):
    if isinstance(x, torch.Tensor):
        return x if x.dtype == dtype else x.to(dtype)
    if keep_scalar:
        # A Python bool facing a number tensor takes part as the number 0 or 1.
        return int(x) if isinstance(x, bool) and dtype != torch.bool else x
    return torch.tensor(x, dtype=dtype, device=device_lib.get_device())


def promote_all(xs, extra=None):
    """Convert a sequence of values to tensors of one common Keras dtype."""
    xs = [to_tensor(x) if not isinstance(x, (torch.Tensor, int, float, bool)) else x for x in xs]
    kinds = tuple(dtype_of(x) for x in xs) + ((extra,) if extra is not None else ())
    target = _result_from_kinds(kinds)
    return [_as(x, target) for x in xs]


def is_float(dtype):
    return dtype in FLOATING


def is_int(dtype):
    return not (dtype in FLOATING or dtype in COMPLEX or dtype == torch.bool)


def float_dtype(dtype):
    """Keras's dtype for a float-valued unary op: ints and bools become `floatx()`."""
    if dtype in FLOATING or dtype in COMPLEX:
        return dtype
    return floatx_torch()


def to_float(x):
    """`x` as a tensor, cast to `floatx()` unless it is already float or complex."""
    x = to_tensor(x)
    if x.dtype in FLOATING or x.dtype in COMPLEX:
        return x
    return x.to(floatx_torch())


def canonical_axis(axis, ndim):
    """A non-negative axis, with NumPy's error for one out of range."""
    if not -ndim <= axis < max(ndim, 1):
        raise ValueError(f"axis {axis} is out of bounds for an array of dimension {ndim}")
    return axis % ndim if ndim else 0


def axis_arg(axis):
    """Keras `axis` (None, int, list or tuple) as a torch `dim` (None, int or tuple)."""
    if axis is None or isinstance(axis, int):
        return axis
    return tuple(int(a) for a in axis)


def reduce_dims(x, axis):
    """`axis` as the `dim` argument of a torch reduction (every axis when `None`)."""
    if axis is None:
        return tuple(range(x.dim()))
    if isinstance(axis, int):
        return axis
    return tuple(int(a) for a in axis)


def shape_tuple(shape):
    """A shape given as int, list, tuple or 1-D tensor, as a tuple of ints."""
    if isinstance(shape, int):
        return (shape,)
    if isinstance(shape, torch.Tensor):
        return tuple(int(s) for s in shape.tolist())
    return tuple(int(s) for s in shape)
