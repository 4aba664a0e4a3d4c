"""`keras.ops` NumPy-like functions (the foundation subset; Keras semantics for axis/keepdims)."""

import torch

from torchkeras.ops.core import convert_to_tensor


def _axis(axis):
    return tuple(axis) if isinstance(axis, list) else axis


def sum(x, axis=None, keepdims=False):
    """Sum of tensor elements over a given axis."""
    x = convert_to_tensor(x)
    return x.sum() if axis is None and not keepdims else torch.sum(
        x, dim=_axis(axis) if axis is not None else tuple(range(x.dim())), keepdim=keepdims
    )


def mean(x, axis=None, keepdims=False):
    """Mean of tensor elements over a given axis."""
    x = convert_to_tensor(x)
    if not x.is_floating_point():
        x = x.float()
    return x.mean() if axis is None and not keepdims else torch.mean(
        x, dim=_axis(axis) if axis is not None else tuple(range(x.dim())), keepdim=keepdims
    )


def square(x):
    """Elementwise square."""
    return torch.square(convert_to_tensor(x))


def sqrt(x):
    """Elementwise square root."""
    return torch.sqrt(convert_to_tensor(x))


def abs(x):
    """Elementwise absolute value."""
    return torch.abs(convert_to_tensor(x))


def matmul(x1, x2):
    """Matrix product of two tensors."""
    return torch.matmul(convert_to_tensor(x1), convert_to_tensor(x2))


def add(x1, x2):
    return torch.add(convert_to_tensor(x1), convert_to_tensor(x2))


def subtract(x1, x2):
    return torch.subtract(convert_to_tensor(x1), convert_to_tensor(x2))


def multiply(x1, x2):
    return torch.multiply(convert_to_tensor(x1), convert_to_tensor(x2))


def divide(x1, x2):
    return torch.divide(convert_to_tensor(x1), convert_to_tensor(x2))


def exp(x):
    return torch.exp(convert_to_tensor(x))


def log(x):
    return torch.log(convert_to_tensor(x))


def reshape(x, newshape):
    return torch.reshape(convert_to_tensor(x), tuple(newshape))


def concatenate(xs, axis=0):
    return torch.cat([convert_to_tensor(x) for x in xs], dim=axis)


def argmax(x, axis=None, keepdims=False):
    return torch.argmax(convert_to_tensor(x), dim=axis, keepdim=keepdims)


def ones(shape, dtype=None):
    from torchkeras import backend

    return torch.ones(tuple(shape), dtype=backend.to_torch_dtype(dtype),
                      device=backend.get_device())


def zeros(shape, dtype=None):
    from torchkeras import backend

    return torch.zeros(tuple(shape), dtype=backend.to_torch_dtype(dtype),
                       device=backend.get_device())
