"""Dtype names <-> torch dtypes."""

import numpy as np
import torch

from torchkeras.backend import config

_NAME_TO_TORCH = {
    "float16": torch.float16,
    "half": torch.float16,
    "bfloat16": torch.bfloat16,
    "float32": torch.float32,
    "float": torch.float32,
    "float64": torch.float64,
    "double": torch.float64,
    "int8": torch.int8,
    "int16": torch.int16,
    "int32": torch.int32,
    "int64": torch.int64,
    "uint8": torch.uint8,
    "uint16": torch.uint16,
    "uint32": torch.uint32,
    "uint64": torch.uint64,
    "bool": torch.bool,
    "complex64": torch.complex64,
    "complex128": torch.complex128,
}
_TORCH_TO_NAME = {
    torch.float16: "float16",
    torch.bfloat16: "bfloat16",
    torch.float32: "float32",
    torch.float64: "float64",
    torch.int8: "int8",
    torch.int16: "int16",
    torch.int32: "int32",
    torch.int64: "int64",
    torch.uint8: "uint8",
    torch.uint16: "uint16",
    torch.uint32: "uint32",
    torch.uint64: "uint64",
    torch.bool: "bool",
    torch.complex64: "complex64",
    torch.complex128: "complex128",
}


def standardize_dtype(dtype):
    """Return the Keras name (`"float32"`, ...) of a dtype given as name, torch or NumPy dtype."""
    if dtype is None:
        return config.floatx()
    if dtype is str or dtype is bytes or (
        isinstance(dtype, np.dtype) and dtype.kind in ("U", "S")
    ) or (isinstance(dtype, str) and dtype in ("string", "str")):
        # Strings: symbolic inputs of preprocessing layers (torch tensors cannot hold them).
        return "string"
    if isinstance(dtype, torch.dtype):
        return _TORCH_TO_NAME[dtype]
    if hasattr(dtype, "name") and not isinstance(dtype, str):
        dtype = dtype.name  # NumPy dtype or DTypePolicy
    elif isinstance(dtype, type) and issubclass(dtype, np.generic):
        dtype = np.dtype(dtype).name
    elif dtype is float:
        dtype = "float32"
    elif dtype is int:
        dtype = "int64"
    elif dtype is bool:
        dtype = "bool"
    dtype = str(dtype)
    if dtype.startswith("torch."):
        dtype = dtype[len("torch."):]
    if dtype not in _NAME_TO_TORCH:
        raise ValueError(f"Invalid dtype: {dtype}")
    return _TORCH_TO_NAME[_NAME_TO_TORCH[dtype]]


def to_torch_dtype(dtype):
    """Return the `torch.dtype` for a dtype given in any form; `None` means `floatx()`."""
    if isinstance(dtype, torch.dtype):
        return dtype
    name = standardize_dtype(dtype)
    if name == "string":
        raise ValueError(
            "torch tensors cannot hold strings: `dtype='string'` is for the inputs of string "
            "preprocessing layers (TextVectorization, StringLookup, Hashing), which take NumPy "
            "arrays or lists of strings. Received: dtype=string"
        )
    return _NAME_TO_TORCH[name]


def is_float_dtype(dtype):
    return standardize_dtype(dtype).startswith(("float", "bfloat"))
