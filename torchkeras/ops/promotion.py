"""Keras's dtype promotion rules (`keras.backend.result_type`), as computed on TensorFlow.

Keras promotes dtypes on a JAX-like lattice rather than with NumPy's or torch's tables. Python
`int`/`float` values are *weak*: they take the dtype of the tensor they meet (`int8 + 1` stays
`int8`, `int32 + 1.0` becomes `floatx()`). torch's own promotion agrees on every pair of tensor
dtypes torchkeras uses, with a few exceptions this module settles (a `bool` tensor plus a Python
`int` is `int32` in Keras, `int64` in torch; `complex128` and `uint64` fold to their 32-bit
variants in Keras).
"""

import functools

from torchkeras.backend import config
from torchkeras.backend import dtypes

BOOL_TYPES = ("bool",)
INT_TYPES = ("uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64")
FLOAT_TYPES = ("bfloat16", "float16", "float32", "float64")
COMPLEX_TYPES = ("complex64", "complex128")
WEAK_TYPES = ("int", "float")
ALLOWED_DTYPES = (
    "float16",
    "float32",
    "float64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "int8",
    "int16",
    "int32",
    "int64",
    "bfloat16",
    "bool",
    "string",
    "complex64",
    "complex128",
)

# Each dtype and its immediately larger neighbours on the lattice.
_LATTICE = {
    "bool": ["int"],
    "uint8": ["int16", "uint16"],
    "uint16": ["int32", "uint32"],
    "uint32": ["int64", "uint64"],
    "uint64": ["float"],
    "int": ["uint8", "int8", "complex64"],
    "int8": ["int16"],
    "int16": ["int32"],
    "int32": ["int64"],
    "int64": ["float"],
    "float": ["bfloat16", "float16"],
    "bfloat16": ["float32"],
    "float16": ["float32"],
    "float32": ["float64", "complex64"],
    "float64": ["complex128"],
    "complex64": ["complex128"],
    "complex128": [],
}

# On TensorFlow, Keras keeps int64/float64 but folds these two to 32 bits.
_FOLD_64_BIT = {"uint64": "uint32", "complex128": "complex64"}


def _upper_bounds():
    bounds = {node: {node} for node in _LATTICE}
    for node in _LATTICE:
        while True:
            grown = set().union(*(_LATTICE[b] for b in bounds[node]))
            if grown.issubset(bounds[node]):
                break
            bounds[node] |= grown
    return bounds


_UPPER_BOUNDS = _upper_bounds()


@functools.lru_cache(maxsize=512)
def _least_upper_bound(*nodes):
    nodes = set(nodes)
    common = set.intersection(*(_UPPER_BOUNDS[n] for n in nodes))
    # The lattice is complete: every set of nodes has exactly one least upper bound.
    least = (common & nodes) or {c for c in common if common.issubset(_UPPER_BOUNDS[c])}
    return least.pop()


def _dtype_and_weak(value):
    if value is int or value is float:
        return ("int" if value is int else "float"), True
    if value is bool:
        return "bool", False
    if value is complex:
        return "complex128", False
    return dtypes.standardize_dtype(value), False


def _as_weak(dtype):
    if dtype == "bool":
        return dtype
    if "float" in dtype:
        return "float"
    if "int" in dtype:
        return "int"
    return "complex64"


def _resolve_weak(dtype, precision):
    """A weak `int`/`float` result takes the precision of `floatx()`."""
    if dtype == "bool":
        return "bool"
    kind = "f" if dtype == "bfloat16" else dtype[:1]
    if kind == "i":
        return f"int{precision}"
    if kind == "u":
        return f"uint{precision}"
    return f"float{precision}"


@functools.lru_cache(maxsize=1024)
def _result_type(precision, *values):
    pairs = [_dtype_and_weak(v) for v in values]
    names = [p[0] for p in pairs]
    weak = [p[1] for p in pairs]
    if len(names) == 1:
        out, out_weak = names[0], weak[0]
    elif len(set(names)) == 1 and not all(weak):
        out, out_weak = names[0], False
    elif all(weak):
        out, out_weak = _least_upper_bound(*set(names)), True
    else:
        out = _least_upper_bound(*{_as_weak(n) if w else n for n, w in zip(names, weak)})
        out_weak = out in WEAK_TYPES
    if (out != "bool" and out_weak) or out in WEAK_TYPES:
        out = _resolve_weak(out, precision)
    return _FOLD_64_BIT.get(out, out)


def result_type(*dtypes_):
    """Returns the type from applying the Keras type promotion rules.

    Each argument is a dtype (name, torch or NumPy dtype) or one of the Python types `int`,
    `float`, `bool`, which count as *weak* types that adapt to the other arguments. `None`
    stands for `floatx()`.

    Args:
        *dtypes_: Input dtypes.

    Returns:
        The result dtype, as a string.

    Example:

    >>> keras.backend.result_type("int32", "float32")
    'float32'
    >>> keras.backend.result_type("bfloat16", int)
    'bfloat16'
    """
    if not dtypes_:
        return config.floatx()
    values = []
    for d in dtypes_:
        if d is None:
            d = config.floatx()
        elif not (d is int or d is float or d is bool or d is complex or isinstance(d, str)):
            d = dtypes.standardize_dtype(d)
        values.append(d)
    return _result_type(config.floatx()[-2:], *values)
