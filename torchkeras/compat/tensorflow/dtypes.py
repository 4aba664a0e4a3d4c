"""`tf.dtypes`: TensorFlow's dtype names, as torch dtypes (so `x.dtype == tf.float32` holds)."""

import numpy as np
import torch

from torchkeras.backend import dtypes as _dtypes

DType = torch.dtype
float16 = half = torch.float16
bfloat16 = torch.bfloat16
float32 = torch.float32
float64 = double = torch.float64
int8 = torch.int8
int16 = torch.int16
int32 = torch.int32
int64 = torch.int64
uint8 = torch.uint8
uint16 = torch.uint16
uint32 = torch.uint32
uint64 = torch.uint64
bool = torch.bool
complex64 = torch.complex64
complex128 = torch.complex128


def as_dtype(type_value):
    """A torch dtype from a name, NumPy dtype, torch dtype or Python type."""
    if isinstance(type_value, torch.dtype):
        return type_value
    if type_value is float:
        return torch.float32
    if type_value is int:
        return torch.int32
    if isinstance(type_value, type) and issubclass(type_value, np.generic):
        type_value = np.dtype(type_value).name
    if isinstance(type_value, np.dtype):
        type_value = type_value.name
    if type_value in ("string", "str") or type_value is str:
        raise NotImplementedError(
            "tf.string tensors are not provided by torchkeras.compat (torch has no string "
            "tensors). Keep strings in Python lists or NumPy arrays."
        )
    return _dtypes.to_torch_dtype(type_value)


def cast(x, dtype, name=None):
    from torchkeras.compat.tensorflow.ops import cast as _cast

    return _cast(x, dtype)


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(
        f"tf.dtypes.{name} is not provided by torchkeras.compat (torch has no such dtype). "
        "See compat/DIFFERENCES.md."
    )


__all__ = [
    "DType", "as_dtype", "bfloat16", "bool", "cast", "complex128", "complex64", "double",
    "float16", "float32", "float64", "half", "int16", "int32", "int64", "int8", "uint16",
    "uint32", "uint64", "uint8",
]
