"""Smaller `tf.*` names: gradient/variable enums, assertion aliases and a few array functions."""

import builtins
import collections

import numpy as np
import torch

from torchkeras.compat.tensorflow._convert import match
from torchkeras.compat.tensorflow._convert import shape_arg
from torchkeras.compat.tensorflow._convert import to_tensor as _t
from torchkeras.compat.tensorflow._convert import torch_dtype
from torchkeras.compat.tensorflow.debugging import Assert  # noqa: F401
from torchkeras.compat.tensorflow.debugging import assert_equal  # noqa: F401
from torchkeras.compat.tensorflow.debugging import assert_greater  # noqa: F401
from torchkeras.compat.tensorflow.debugging import assert_less  # noqa: F401
from torchkeras.compat.tensorflow.debugging import assert_rank  # noqa: F401


class UnconnectedGradients:
    """What `GradientTape.gradient` returns for unconnected sources (the values are TF's)."""

    NONE = "none"
    ZERO = "zero"


class VariableAggregation:
    NONE = "none"
    SUM = "sum"
    MEAN = "mean"
    ONLY_FIRST_REPLICA = "only_first_replica"


class VariableSynchronization:
    AUTO = "auto"
    NONE = "none"
    ON_WRITE = "on_write"
    ON_READ = "on_read"


def identity_n(input, name=None):
    return [_t(x) for x in input]


def shape_n(input, out_type="int32", name=None):
    from torchkeras.compat.tensorflow.ops import shape

    return [shape(x, out_type) for x in input]


def realdiv(x, y, name=None):
    x, y = match("RealDiv", x, y, name=name or "")
    return x / y


def truncatediv(x, y, name=None):
    x, y = match("TruncateDiv", x, y, name=name or "")
    return torch.div(x, y, rounding_mode="trunc")


def saturate_cast(value, dtype, name=None):
    x = _t(value)
    dtype = torch_dtype(dtype)
    if not dtype.is_floating_point and dtype != torch.bool:
        info = torch.iinfo(dtype)
        x = x.clamp(info.min, info.max)
    return x.to(dtype)


def complex(real, imag, name=None):
    real, imag = match("Complex", real, imag, name=name or "")
    return torch.complex(real, imag)


def unique_with_counts(x, out_idx="int32", name=None):
    from torchkeras.compat.tensorflow.array_ops import unique

    y, idx = unique(x, out_idx)
    count = torch.bincount(idx.long(), minlength=y.shape[0]).to(torch_dtype(out_idx))
    result = collections.namedtuple("UniqueWithCounts", ["y", "idx", "count"])
    return result(y, idx, count)


def unravel_index(indices, dims, name=None):
    indices = _t(indices)
    coords = np.unravel_index(indices.cpu().numpy(), shape_arg(dims))
    return torch.as_tensor(np.stack(coords), dtype=indices.dtype, device=indices.device)


def _scatter_reduce(tensor, indices, updates, reduce):
    from torchkeras.compat.tensorflow.array_ops import _nd_index

    x, updates = match("TensorScatter", tensor, updates)
    x, index = x.clone(), _nd_index(indices)
    rows = updates.reshape(-1, *x.shape[len(index):])
    for i in builtins.range(rows.shape[0]):
        position = builtins.tuple(j[i] for j in index)
        x[position] = reduce(x[position], rows[i])
    return x


def tensor_scatter_nd_sub(tensor, indices, updates, name=None):
    return _scatter_reduce(tensor, indices, updates, torch.subtract)


def tensor_scatter_nd_max(tensor, indices, updates, name=None):
    return _scatter_reduce(tensor, indices, updates, torch.maximum)


def tensor_scatter_nd_min(tensor, indices, updates, name=None):
    return _scatter_reduce(tensor, indices, updates, torch.minimum)


def histogram_fixed_width(values, value_range, nbins=100, dtype="int32", name=None):
    values = _t(values).reshape(-1)
    low, high = (float(v) for v in _t(value_range).tolist())
    # Values outside the range go to the first or last bin, as in TF.
    scaled = ((values.double() - low) / (high - low) * nbins).floor().clamp(0, nbins - 1).long()
    return torch.bincount(scaled, minlength=int(nbins)).to(torch_dtype(dtype))


def reverse_sequence(input, seq_lengths, seq_axis=None, batch_axis=None, name=None):
    x = _t(input)
    seq_axis = 1 if seq_axis is None else int(seq_axis)
    batch_axis = 0 if batch_axis is None else int(batch_axis)
    out = x.clone()
    for b, length in enumerate(_t(seq_lengths).tolist()):
        row = x.select(batch_axis, b)
        axis = seq_axis - (1 if seq_axis > batch_axis else 0)
        head = row.narrow(axis, 0, int(length)).flip(axis)
        out.select(batch_axis, b).narrow(axis, 0, int(length)).copy_(head)
    return out


def broadcast_static_shape(shape_x, shape_y):
    from torchkeras.compat.tensorflow.tensor_shape import TensorShape

    return TensorShape(torch.broadcast_shapes(builtins.tuple(shape_x), builtins.tuple(shape_y)))


def broadcast_dynamic_shape(shape_x, shape_y):
    out = torch.broadcast_shapes(shape_arg(shape_x), shape_arg(shape_y))
    return torch.tensor(out, dtype=torch.int32)


def get_current_name_scope():
    return ""


def no_gradient(op_type):
    return None


def recompute_grad(f):
    """Gradient checkpointing: recompute `f`'s activations in the backward pass."""
    import torch.utils.checkpoint

    def wrapped(*args, **kwargs):
        return torch.utils.checkpoint.checkpoint(f, *args, use_reentrant=False, **kwargs)

    return wrapped


def make_ndarray(tensor):
    return tensor.detach().cpu().numpy() if isinstance(tensor, torch.Tensor) else np.asarray(
        tensor)


def tuple(tensors, name=None, control_inputs=None):
    return list(tensors)


__all__ = [
    "Assert", "UnconnectedGradients", "VariableAggregation", "VariableSynchronization",
    "assert_equal", "assert_greater", "assert_less", "assert_rank", "broadcast_dynamic_shape",
    "broadcast_static_shape", "complex", "get_current_name_scope", "histogram_fixed_width",
    "identity_n", "make_ndarray", "no_gradient", "realdiv", "recompute_grad", "reverse_sequence",
    "saturate_cast", "shape_n", "tensor_scatter_nd_max", "tensor_scatter_nd_min",
    "tensor_scatter_nd_sub", "truncatediv", "tuple", "unique_with_counts", "unravel_index",
]
