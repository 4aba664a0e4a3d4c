"""`keras.ops` core functions: conversion, casting, shapes, gradients."""

import torch

from torchkeras import backend
from torchkeras.backend import dtypes


def convert_to_tensor(x, dtype=None, sparse=None, ragged=None):
    """Convert a NumPy array, Python value or tensor to a tensor on the default device."""
    return backend.convert_to_tensor(x, dtype=dtype)


def convert_to_numpy(x):
    """Convert a tensor to a NumPy array."""
    return backend.convert_to_numpy(x)


def cast(x, dtype):
    """Cast a tensor to `dtype`."""
    return convert_to_tensor(x).to(dtypes.to_torch_dtype(dtype))


def shape(x):
    """The shape of `x`, as a tuple of ints."""
    return tuple(x.shape)


def dtype(x):
    """The dtype of `x`, as a string such as `"float32"`."""
    return dtypes.standardize_dtype(x.dtype)


def is_tensor(x):
    """Whether `x` is a backend (torch) tensor."""
    return isinstance(x, torch.Tensor)


def stop_gradient(variable):
    """Stop gradient computation through `variable`."""
    return variable.detach()
