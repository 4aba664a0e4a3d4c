"""`tf.*` array functions: indexing, tiling, padding, splitting, sorting, reshaping by value."""

import builtins

import numpy as np
import torch

from torchkeras.compat.tensorflow import errors
from torchkeras.compat.tensorflow._convert import axis_arg
from torchkeras.compat.tensorflow._convert import int_list
from torchkeras.compat.tensorflow._convert import match
from torchkeras.compat.tensorflow._convert import shape_arg
from torchkeras.compat.tensorflow._convert import to_tensor as _t
from torchkeras.compat.tensorflow._convert import torch_dtype

newaxis = None


def gather(params, indices, validate_indices=None, axis=None, batch_dims=0, name=None):
    params, indices = _t(params), _t(indices).long()
    axis = batch_dims if axis is None else int(axis) % params.dim()
    batch_dims = int(batch_dims) % builtins.max(indices.dim(), 1) if batch_dims < 0 else batch_dims
    if batch_dims == 0:
        # out.shape = params.shape[:axis] + indices.shape + params.shape[axis+1:]
        flat = torch.index_select(params, axis, indices.reshape(-1))
        return flat.reshape(*params.shape[:axis], *indices.shape, *params.shape[axis + 1:])
    # Batched gather: the leading `batch_dims` dims of params and indices are paired.
    lead = params.shape[:batch_dims]
    p = params.reshape(-1, *params.shape[batch_dims:])
    i = indices.reshape(-1, *indices.shape[batch_dims:])
    outs = [gather(p[b], i[b], axis=axis - batch_dims) for b in builtins.range(p.shape[0])]
    return torch.stack(outs).reshape(*lead, *outs[0].shape)


def gather_nd(params, indices, batch_dims=0, name=None, bad_indices_policy=""):
    params, indices = _t(params), _t(indices).long()
    if batch_dims:
        lead = params.shape[:batch_dims]
        p = params.reshape(-1, *params.shape[batch_dims:])
        i = indices.reshape(-1, *indices.shape[batch_dims:])
        outs = [gather_nd(p[b], i[b]) for b in builtins.range(p.shape[0])]
        return torch.stack(outs).reshape(*lead, *outs[0].shape)
    depth = indices.shape[-1]
    # out.shape = indices.shape[:-1] + params.shape[depth:]
    flat = indices.reshape(-1, depth)
    picked = params[tuple(flat[:, j] for j in builtins.range(depth))]
    return picked.reshape(*indices.shape[:-1], *params.shape[depth:])


def tile(input, multiples, name=None):
    return _t(input).repeat(*shape_arg(multiples))


def pad(tensor, paddings, mode="CONSTANT", constant_values=0, name=None):
    x = _t(tensor)
    pads = [tuple(int(p) for p in row) for row in int_list(paddings)]
    mode = mode.upper()
    if mode == "CONSTANT":
        flat = [p for row in reversed(pads) for p in row]
        value = constant_values.item() if isinstance(constant_values, torch.Tensor) else (
            constant_values)
        return torch.nn.functional.pad(x, flat, mode="constant", value=value)
    if mode not in ("REFLECT", "SYMMETRIC"):
        raise ValueError(
            f'Value of argument `mode` expected to be one of "CONSTANT", "REFLECT", or '
            f'"SYMMETRIC". Received `mode` = {mode}'
        )
    # Mirror padding one axis at a time by indexing (works for any rank and integer dtypes).
    offset = 0 if mode == "SYMMETRIC" else 1
    for axis, (before, after) in enumerate(pads):
        n = x.shape[axis]
        limit = n if mode == "SYMMETRIC" else n - 1
        if before > limit or after > limit:
            relation = ("less than", "not less than") if offset else (
                "no greater than", "greater than")
            raise errors.InvalidArgumentError(
                f"paddings must be {relation[0]} the dimension size: {before}, {after} "
                f"{relation[1]} {n} [Op:MirrorPad]"
            )
        index = list(builtins.range(before - 1 + offset, offset - 1, -1)) if before else []
        index += list(builtins.range(n))
        index += list(builtins.range(n - 1 - offset, n - 1 - offset - after, -1)) if after else []
        x = torch.index_select(x, axis, torch.tensor(index, device=x.device))
    return x


def split(value, num_or_size_splits, axis=0, num=None, name="split"):
    x = _t(value)
    axis = int(axis)
    if isinstance(num_or_size_splits, (int, np.integer)):
        n = int(num_or_size_splits)
        if x.shape[axis] % n:
            raise errors.InvalidArgumentError(
                f"Number of ways to split should evenly divide the split dimension, but got "
                f"split_dim {axis} (size = {x.shape[axis]}) and num_split {n} [Op:Split] name: "
                f"{name}"
            )
        return list(torch.chunk(x, n, dim=axis))
    sizes = [int(s) for s in int_list(num_or_size_splits)]
    if -1 in sizes:
        sizes[sizes.index(-1)] = x.shape[axis] - (builtins.sum(sizes) + 1)
    return list(torch.split(x, sizes, dim=axis))


def unstack(value, num=None, axis=0, name="unstack"):
    return list(torch.unbind(_t(value), dim=int(axis)))


def tensordot(a, b, axes, name=None):
    a, b = match("MatMul", a, b, name=name or "")
    if isinstance(axes, torch.Tensor):
        axes = axes.tolist()
    if isinstance(axes, (list, tuple)) and len(axes) == 2 and isinstance(axes[0], (list, tuple)):
        axes = ([int(d) for d in axes[0]], [int(d) for d in axes[1]])
    elif isinstance(axes, (list, tuple)):
        axes = ([int(axes[0])], [int(axes[1])])
    else:
        axes = int(axes)
    return torch.tensordot(a, b, dims=axes)


def einsum(equation, *inputs, **kwargs):
    return torch.einsum(equation, *match("Einsum", *inputs))


def boolean_mask(tensor, mask, axis=None, name="boolean_mask"):
    x, mask = _t(tensor), _t(mask).bool()
    axis = 0 if axis is None else int(axis) % x.dim()
    # Flatten the masked dims into one, then keep the selected entries.
    lead = x.shape[:axis]
    flat = x.reshape(*lead, -1, *x.shape[axis + mask.dim():])
    return flat[(slice(None),) * axis + (mask.reshape(-1),)]


def sort(values, axis=-1, direction="ASCENDING", name=None):
    descending = _direction(direction)
    return torch.sort(_t(values), dim=int(axis), descending=descending, stable=True).values


def argsort(values, axis=-1, direction="ASCENDING", stable=False, name=None):
    descending = _direction(direction)
    out = torch.sort(_t(values), dim=int(axis), descending=descending, stable=True).indices
    return out.to(torch.int32)


def _direction(direction):
    if direction not in ("ASCENDING", "DESCENDING"):
        raise ValueError(
            "Argument `direction` should be one of ASCENDING, DESCENDING. Received: "
            f"direction={direction}"
        )
    return direction == "DESCENDING"


def _scan(fn, x, axis, exclusive, reverse, identity):
    x = _t(x)
    axis = int(axis)
    if reverse:
        x = x.flip(axis)
    out = fn(x, dim=axis).to(x.dtype)
    if exclusive:
        # Shift by one along `axis`, filling the first slot with the identity.
        first = torch.full_like(x.narrow(axis, 0, 1), identity)
        out = torch.cat([first, out.narrow(axis, 0, x.shape[axis] - 1)], dim=axis)
    return out.flip(axis) if reverse else out


def cumsum(x, axis=0, exclusive=False, reverse=False, name=None):
    return _scan(torch.cumsum, x, axis, exclusive, reverse, 0)


def cumprod(x, axis=0, exclusive=False, reverse=False, name=None):
    return _scan(torch.cumprod, x, axis, exclusive, reverse, 1)


def meshgrid(*args, **kwargs):
    indexing = kwargs.get("indexing", "xy")
    return list(torch.meshgrid(*match("Meshgrid", *args), indexing=indexing))


def broadcast_to(input, shape, name=None):
    return _t(input).expand(shape_arg(shape)).clone()


def repeat(input, repeats, axis=None, name=None):
    x = _t(input)
    if axis is None:
        x, axis = x.reshape(-1), 0
    if isinstance(repeats, (int, np.integer)):
        return torch.repeat_interleave(x, int(repeats), dim=int(axis))
    return torch.repeat_interleave(x, _t(repeats).long().to(x.device), dim=int(axis))


def roll(input, shift, axis, name=None):
    shift = axis_arg(shift)
    return torch.roll(_t(input), shifts=shift, dims=axis_arg(axis))


def reverse(tensor, axis, name=None):
    axis = axis_arg(axis)
    return _t(tensor).flip(axis if isinstance(axis, tuple) else (axis,))


def unique(x, out_idx="int32", name=None):
    """`tf.unique`: values in order of first appearance, and each element's index into them."""
    import collections

    x = _t(x)
    values, inverse = torch.unique(x, sorted=True, return_inverse=True)
    # Reorder from sorted to first-appearance order.
    first = torch.full((values.shape[0],), x.shape[0], dtype=torch.long, device=x.device)
    first.scatter_reduce_(0, inverse, torch.arange(x.shape[0], device=x.device), "amin")
    order = torch.argsort(first)
    rank = torch.empty_like(order)
    rank[order] = torch.arange(order.shape[0], device=x.device)
    result = collections.namedtuple("Unique", ["y", "idx"])
    return result(values[order], rank[inverse].to(torch_dtype(out_idx)))


def scatter_nd(indices, updates, shape, name=None, bad_indices_policy=""):
    updates = _t(updates)
    out = torch.zeros(shape_arg(shape), dtype=updates.dtype, device=updates.device)
    return tensor_scatter_nd_add(out, indices, updates)


def tensor_scatter_nd_update(tensor, indices, updates, name=None):
    x, updates = match("TensorScatterUpdate", tensor, updates, name=name or "")
    x, index = x.clone(), _nd_index(indices)
    x[index] = updates.reshape(-1, *x.shape[len(index):]) if index else updates
    return x


def tensor_scatter_nd_add(tensor, indices, updates, name=None, bad_indices_policy=""):
    x, updates = match("TensorScatterAdd", tensor, updates, name=name or "")
    x, index = x.clone(), _nd_index(indices)
    x.index_put_(index, updates.reshape(-1, *x.shape[len(index):]), accumulate=True)
    return x


def _nd_index(indices):
    indices = _t(indices).long()
    flat = indices.reshape(-1, indices.shape[-1])
    return tuple(flat[:, j] for j in builtins.range(flat.shape[1]))


def searchsorted(sorted_sequence, values, side="left", out_type="int32", name=None):
    seq, values = match("LowerBound", sorted_sequence, values)
    return torch.searchsorted(seq, values, right=side == "right").to(torch_dtype(out_type))


__all__ = [
    "argsort", "boolean_mask", "broadcast_to", "cumsum", "einsum", "gather", "gather_nd",
    "meshgrid", "newaxis", "pad", "repeat", "reverse", "roll", "scatter_nd", "searchsorted",
    "sort", "split", "tensor_scatter_nd_add", "tensor_scatter_nd_update", "tensordot", "tile",
    "unique", "unstack",
]
