"""Shape manipulation in `keras.ops.numpy`: reshape, transpose, joins, splits, flips, padding.

Most of these are torch views; joins promote their inputs to one Keras result dtype first.
"""

import numpy as np
import torch
import torch.nn.functional as F

from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.ops import op_utils
from torchkeras.ops.op_utils import to_tensor
from torchkeras.ops.symbolic import keras_op


@keras_op
def reshape(x, newshape):
    """Gives a new shape to a tensor without changing its data.

    Args:
        x: Input tensor.
        newshape: The new shape should be compatible with the original shape. One shape
            dimension can be -1 in which case the value is inferred from the length of the array
            and remaining dimensions.

    Returns:
        The reshaped tensor.
    """
    return torch.reshape(to_tensor(x), op_utils.shape_tuple(newshape))


@keras_op
def transpose(x, axes=None):
    """Returns a tensor with `axes` transposed.

    Args:
        x: Input tensor.
        axes: Sequence of integers. Permutation of the dimensions of `x`. By default, the order
            of the axes are reversed.

    Returns:
        `x` with its axes permuted.
    """
    x = to_tensor(x)
    if axes is None:
        return x.permute(*range(x.dim() - 1, -1, -1))
    axes = tuple(op_utils.canonical_axis(int(a), x.dim()) for a in axes)
    if len(set(axes)) != len(axes):
        raise ValueError(
            "`axes` must be a valid permutation of the input dimensions (no duplicates). "
            f"Received: axes={list(axes)} for input of rank {x.dim()}."
        )
    return x.permute(*axes)


@keras_op
def expand_dims(x, axis):
    """Expand the shape of a tensor.

    Insert a new axis at the `axis` position in the expanded tensor shape.

    Args:
        x: Input tensor.
        axis: Position in the expanded axes where the new axis (or axes) is placed.

    Returns:
        Output tensor with the number of dimensions increased.
    """
    x = to_tensor(x)
    if isinstance(axis, int):
        return torch.unsqueeze(x, axis)
    out_ndim = x.dim() + len(axis)
    for a in sorted(op_utils.canonical_axis(a, out_ndim) for a in axis):
        x = torch.unsqueeze(x, a)
    return x


@keras_op
def squeeze(x, axis=None):
    """Remove axes of length one from `x`.

    Args:
        x: Input tensor.
        axis: Select a subset of the entries of length one in the shape.

    Returns:
        The input tensor with all or a subset of the dimensions of length 1 removed.
    """
    x = to_tensor(x)
    if axis is None:
        return torch.squeeze(x)
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    for a in axes:
        if x.shape[a] != 1:
            raise ValueError(f"Cannot squeeze axis={a}, because the dimension is not 1.")
    return torch.squeeze(x, tuple(op_utils.canonical_axis(a, x.dim()) for a in axes))


@keras_op
def moveaxis(x, source, destination):
    """Move axes of a tensor to new positions.

    Args:
        x: Tensor whose axes should be reordered.
        source: Original positions of the axes to move. These must be unique.
        destination: Destinations positions for each of the original axes. These must also be
            unique.

    Returns:
        Tensor with moved axes.
    """
    x = to_tensor(x)
    source_t = (source,) if isinstance(source, int) else tuple(source)
    destination_t = (destination,) if isinstance(destination, int) else tuple(destination)
    if len(source_t) != len(destination_t):
        raise ValueError(
            "Inconsistent number of `source` and `destination`. "
            f"Received: source={source}, destination={destination}"
        )
    return torch.movedim(x, source_t, destination_t)


@keras_op
def swapaxes(x, axis1, axis2):
    """Interchange two axes of a tensor.

    Args:
        x: Input tensor.
        axis1: First axis.
        axis2: Second axis.

    Returns:
        A tensor with the axes swapped.
    """
    return torch.swapaxes(to_tensor(x), axis1, axis2)


@keras_op
def ravel(x):
    """Return a contiguous flattened tensor.

    Args:
        x: Input tensor.

    Returns:
        Output tensor.
    """
    return torch.reshape(to_tensor(x), (-1,))


@keras_op
def broadcast_to(x, shape):
    """Broadcast a tensor to a new shape.

    Args:
        x: The tensor to broadcast.
        shape: The shape of the desired tensor. A single integer `i` is interpreted as `(i,)`.

    Returns:
        A tensor with the desired shape.
    """
    return torch.broadcast_to(to_tensor(x), op_utils.shape_tuple(shape))


# -- joins ----------------------------------------------------------------------------------------
def _common(xs):
    xs = [to_tensor(x) for x in xs]
    if len({x.dtype for x in xs}) > 1:
        return op_utils.promote_all(xs)
    return xs


@keras_op
def concatenate(xs, axis=0):
    """Join a sequence of tensors along an existing axis.

    Args:
        xs: The sequence of tensors to concatenate.
        axis: The axis along which the tensors will be joined. Defaults to `0`.

    Returns:
        The concatenated tensor.
    """
    xs = _common(xs)
    if axis is None:
        return torch.cat([x.reshape(-1) for x in xs])
    return torch.cat(xs, dim=axis)


@keras_op
def stack(x, axis=0):
    """Join a sequence of tensors along a new axis.

    Args:
        x: A sequence of tensors.
        axis: Axis along which to stack. Defaults to `0`.

    Returns:
        The stacked tensor.
    """
    return torch.stack(_common(x), dim=axis)


@keras_op
def hstack(xs):
    """Stack tensors in sequence horizontally (column wise).

    This is equivalent to concatenation along the first axis for 1-D tensors, and along the
    second axis for all other tensors.

    Args:
        xs: Sequence of tensors.

    Returns:
        The tensor formed by stacking the given tensors.
    """
    xs = _common(xs)
    return torch.cat(xs, dim=0 if xs[0].dim() == 1 else 1)


@keras_op
def vstack(xs):
    """Stack tensors in sequence vertically (row wise).

    Args:
        xs: Sequence of tensors.

    Returns:
        Tensor formed by stacking the given tensors.
    """
    return torch.cat(_common(xs), dim=0)


@keras_op
def dstack(xs):
    """Stack tensors in sequence depth wise (along the third axis).

    Args:
        xs: Sequence of tensors.

    Returns:
        The tensor formed by stacking the given tensors.
    """
    return torch.dstack(_common(xs))


@keras_op
def append(x1, x2, axis=None):
    """Append tensor `x2` to the end of tensor `x1`.

    Args:
        x1: First input tensor.
        x2: Second input tensor.
        axis: Axis along which tensor `x2` is appended to tensor `x1`. If `None`, both tensors
            are flattened before use.

    Returns:
        A tensor with the values of `x2` appended to `x1`.
    """
    x1, x2 = op_utils.promote(x1, x2)
    if axis is None:
        return torch.cat([x1.reshape(-1), x2.reshape(-1)])
    return torch.cat([x1, x2], dim=axis)


# -- splits ---------------------------------------------------------------------------------------
@keras_op
def split(x, indices_or_sections, axis=0):
    """Split a tensor into chunks.

    Args:
        x: Input tensor.
        indices_or_sections: If an integer, N, the tensor will be split into N equal sections
            along `axis`. If a 1-D array of sorted integers, the entries indicate indices at
            which the tensor will be split along `axis`.
        axis: Axis along which to split. Defaults to `0`.

    Returns:
        A list of tensors.
    """
    x = to_tensor(x)
    if isinstance(indices_or_sections, int):
        size = x.shape[axis]
        if size % indices_or_sections != 0:
            raise ValueError(
                "`x` size on given `axis` must be dividible by `indices_or_sections` when "
                f"`indices_or_sections` is an int. But received {size} and "
                f"{indices_or_sections}."
            )
        return list(torch.tensor_split(x, indices_or_sections, dim=axis))
    if isinstance(indices_or_sections, torch.Tensor):
        indices_or_sections = indices_or_sections.tolist()
    indices = [int(i) for i in np.asarray(indices_or_sections).reshape(-1)]
    return list(torch.tensor_split(x, indices, dim=axis))


@keras_op
def array_split(x, indices_or_sections, axis=0):
    """Split a tensor into sub-tensors of near-equal size.

    Unlike `split`, the number of sections does not need to divide the size of the axis: the
    first `size % sections` chunks get one more element.

    Args:
        x: Input tensor.
        indices_or_sections: An integer, the number of sections.
        axis: Axis along which to split. Defaults to `0`.

    Returns:
        A list of tensors.
    """
    if not isinstance(indices_or_sections, int):
        raise TypeError(
            "Argument `indices_or_sections` must be of type `int`. "
            f"Received: indices_or_sections={indices_or_sections}"
        )
    if indices_or_sections <= 0:
        raise ValueError(
            "Argument `indices_or_sections` must be a positive integer. "
            f"Received: indices_or_sections={indices_or_sections}"
        )
    return list(torch.tensor_split(to_tensor(x), indices_or_sections, dim=axis))


@keras_op
def hsplit(x, indices_or_sections):
    """Split a tensor into multiple sub-tensors horizontally (column-wise).

    Args:
        x: Input tensor.
        indices_or_sections: Number of equal sections, or the split indices.

    Returns:
        A list of tensors.
    """
    x = to_tensor(x)
    return split.__wrapped__(x, indices_or_sections, axis=0 if x.dim() == 1 else 1)


@keras_op
def vsplit(x, indices_or_sections):
    """Split a tensor into multiple sub-tensors vertically (row-wise).

    Args:
        x: Input tensor.
        indices_or_sections: Number of equal sections, or the split indices.

    Returns:
        A list of tensors.
    """
    return split.__wrapped__(x, indices_or_sections, axis=0)


@keras_op
def dsplit(x, indices_or_sections):
    """Split a tensor into multiple sub-tensors along the 3rd axis (depth).

    Args:
        x: Input tensor.
        indices_or_sections: Number of equal sections, or the split indices.

    Returns:
        A list of tensors.
    """
    return split.__wrapped__(x, indices_or_sections, axis=2)


# -- reordering -----------------------------------------------------------------------------------
@keras_op
def flip(x, axis=None):
    """Reverse the order of elements in the tensor along the given axis.

    Args:
        x: Input tensor.
        axis: Axis or axes along which to flip the tensor. The default, `axis=None`, will flip
            over all of the axes of the input tensor.

    Returns:
        Output tensor with entries of `axis` reversed.
    """
    x = to_tensor(x)
    if axis is None:
        return torch.flip(x, tuple(range(x.dim())))
    return torch.flip(x, (axis,) if isinstance(axis, int) else tuple(axis))


@keras_op
def fliplr(x):
    """Reverse the order of elements along axis 1 (left/right).

    Args:
        x: Input tensor, at least 2-D.

    Returns:
        Output tensor.
    """
    x = to_tensor(x)
    if x.dim() < 2:
        raise ValueError(f"Input tensor must be at least 2-D. Received: x.shape={tuple(x.shape)}")
    return torch.flip(x, (1,))


@keras_op
def flipud(x):
    """Reverse the order of elements along axis 0 (up/down).

    Args:
        x: Input tensor.

    Returns:
        Output tensor.
    """
    return torch.flip(to_tensor(x), (0,))


@keras_op
def rot90(array, k=1, axes=(0, 1)):
    """Rotate an array by 90 degrees in the plane specified by axes.

    Args:
        array: Input tensor, at least 2-D.
        k: Number of times the array is rotated by 90 degrees. Defaults to `1`.
        axes: A tuple of two integers, the plane of rotation. Defaults to `(0, 1)`.

    Returns:
        Rotated tensor.
    """
    array = to_tensor(array)
    if array.dim() < 2:
        raise ValueError(
            "Input array must have at least 2 dimensions. " f"Received: array.ndim={array.dim()}"
        )
    if len(axes) != 2 or axes[0] == axes[1]:
        raise ValueError(f"Invalid axes: {axes}. Axes must be a tuple of two different dimensions.")
    return torch.rot90(array, k, dims=tuple(axes))


@keras_op
def roll(x, shift, axis=None):
    """Roll tensor elements along a given axis.

    Elements that roll beyond the last position are re-introduced at the first.

    Args:
        x: Input tensor.
        shift: The number of places by which elements are shifted.
        axis: The axis along which elements are shifted. By default, the array is flattened
            before shifting, after which the original shape is restored.

    Returns:
        Output tensor.
    """
    x = to_tensor(x)
    if axis is None:
        return torch.roll(x.reshape(-1), shift).reshape(x.shape)
    return torch.roll(x, shift, dims=axis)


@keras_op
def tile(x, repeats):
    """Repeat `x` the number of times given by `repeats`.

    If `repeats` has length `d`, the result will have dimension of `max(d, x.ndim)`. If
    `x.ndim < d`, `x` is promoted to be d-dimensional by prepending new axes. If `x.ndim > d`,
    `repeats` is promoted to `x.ndim` by prepending 1's to it.

    Args:
        x: Input tensor.
        repeats: The number of repetitions of `x` along each axis.

    Returns:
        The tiled output tensor.
    """
    return torch.tile(to_tensor(x), op_utils.shape_tuple(repeats))


@keras_op
def repeat(x, repeats, axis=None):
    """Repeat each element of a tensor after themselves.

    Args:
        x: Input tensor.
        repeats: The number of repetitions for each element.
        axis: The axis along which to repeat values. By default, use the flattened input array,
            and return a flat output array.

    Returns:
        Output tensor.
    """
    x = to_tensor(x)
    if axis is None:
        x = x.reshape(-1)
        axis = 0
    if not isinstance(repeats, int):
        repeats = to_tensor(repeats, torch.int64).reshape(-1)
        if repeats.numel() == 1:
            repeats = int(repeats[0])
    return torch.repeat_interleave(x, repeats, dim=axis)


# -- padding ---------------------------------------------------------------------------------------
def _pad_widths(pad_width, shape):
    ndim = len(shape)
    if isinstance(pad_width, torch.Tensor):
        pad_width = pad_width.tolist()
    if isinstance(pad_width, int):
        return [(pad_width, pad_width)] * ndim
    pad_width = [p for p in pad_width]
    if isinstance(pad_width[0], int):
        if len(pad_width) == 1:
            return [(pad_width[0], pad_width[0])] * ndim
        return [tuple(pad_width)] * ndim
    widths = []
    for p in pad_width:
        p = tuple(int(v) for v in p)
        widths.append((p[0], p[0]) if len(p) == 1 else p)
    if len(widths) == 1:
        return widths * ndim
    if len(widths) != ndim:
        raise ValueError(
            "`pad_width` must have the same length as `x.shape`. "
            f"Received: pad_width={pad_width} (of length {len(widths)}) and "
            f"x.shape={tuple(shape)} (of length {ndim})"
        )
    return widths


def _pad_indices(size, before, after, mode, device):
    """Source index of every padded position along one axis, for the non-constant modes."""
    positions = torch.arange(-before, size + after, device=device)
    if mode == "edge":
        return positions.clamp(0, size - 1)
    if mode == "wrap" or mode == "circular":
        return positions.remainder(size)
    if mode == "reflect":
        if size == 1:
            return torch.zeros_like(positions)
        period = 2 * (size - 1)
        p = positions.remainder(period)
        return torch.where(p < size, p, period - p)
    # symmetric: the edge value is repeated.
    period = 2 * size
    p = positions.remainder(period)
    return torch.where(p < size, p, period - 1 - p)


@keras_op
def pad(x, pad_width, mode="constant", constant_values=None):
    """Pad a tensor.

    Args:
        x: Tensor to pad.
        pad_width: Number of values padded to the edges of each axis.
            `((before_1, after_1), ...(before_N, after_N))` unique pad widths for each axis.
            `((before, after),)` yields same before and after pad for each axis. `(pad,)` or
            `int` is a shortcut for `before = after = pad` width for all axes.
        mode: One of `"constant"`, `"edge"`, `"reflect"`, `"symmetric"`, `"wrap"` or
            `"circular"`. Defaults to `"constant"`.
        constant_values: value to pad with if `mode == "constant"`. Defaults to `0`. A
            `ValueError` is raised if not None and `mode != "constant"`.

    Returns:
        Padded tensor.
    """
    x = to_tensor(x)
    if constant_values is not None and mode != "constant":
        raise ValueError(
            "Argument `constant_values` can only be provided when `mode == 'constant'`. "
            f"Received: mode={mode}"
        )
    widths = _pad_widths(pad_width, x.shape)
    if mode == "constant":
        flat = []
        for before, after in reversed(widths):
            flat.extend((before, after))
        value = 0 if constant_values is None else constant_values
        if isinstance(value, torch.Tensor):
            value = value.item()
        if x.dtype == torch.bool:
            return F.pad(x.to(torch.uint8), flat, value=int(bool(value))).bool()
        return F.pad(x, flat, value=value)
    if mode not in ("edge", "reflect", "symmetric", "wrap", "circular"):
        raise ValueError(
            "`mode` must be one of 'constant', 'edge', 'reflect', 'symmetric', 'wrap' or "
            f"'circular'. Received: mode={mode}"
        )
    for axis, (before, after) in enumerate(widths):
        if before or after:
            index = _pad_indices(x.shape[axis], before, after, mode, x.device)
            x = torch.index_select(x, axis, index)
    return x


# -- diagonals and triangles ----------------------------------------------------------------------
@keras_op
def diag(x, k=0):
    """Extract a diagonal or construct a diagonal array.

    Args:
        x: Input tensor. If `x` is 2-D, returns the k-th diagonal of `x`. If `x` is 1-D, return
            a 2-D tensor with `x` on the k-th diagonal.
        k: The diagonal to consider. Defaults to `0`. Use `k > 0` for diagonals above the main
            diagonal, and `k < 0` for diagonals below the main diagonal.

    Returns:
        The extracted diagonal or constructed diagonal tensor.
    """
    x = to_tensor(x)
    if x.dim() not in (1, 2):
        raise ValueError(f"`x` must be 1d or 2d. Received: x.shape={tuple(x.shape)}")
    return torch.diag(x, k)


@keras_op
def diagflat(x, k=0):
    """Create a two-dimensional array with the flattened input on the k-th diagonal.

    Args:
        x: Input tensor to be flattened and placed on the diagonal.
        k: The diagonal to place the flattened input. Defaults to `0`.

    Returns:
        A 2-D tensor with the flattened input on the specified diagonal.
    """
    return torch.diag(to_tensor(x).reshape(-1), k)


@keras_op
def diagonal(x, offset=0, axis1=0, axis2=1):
    """Return specified diagonals.

    Args:
        x: Input tensor.
        offset: Offset of the diagonal from the main diagonal. Can be positive or negative.
            Defaults to `0` (main diagonal).
        axis1: Axis to be used as the first axis of the 2-D sub-arrays. Defaults to `0`.
        axis2: Axis to be used as the second axis of the 2-D sub-arrays. Defaults to `1`.

    Returns:
        Tensor of diagonals, appended as the last axis.
    """
    return torch.diagonal(to_tensor(x), offset=offset, dim1=axis1, dim2=axis2)


@keras_op
def tril(x, k=0):
    """Return lower triangle of a tensor.

    For tensors with `ndim` exceeding 2, `tril` will apply to the final two axes.

    Args:
        x: Input tensor.
        k: Diagonal above which to zero elements. Defaults to `0`, the main diagonal.

    Returns:
        Lower triangle of `x`, of same shape and data type as `x`.
    """
    x = to_tensor(x)
    if x.dtype == torch.bool:
        return torch.tril(x.to(torch.uint8), int(k)).bool()
    return torch.tril(x, int(k))


@keras_op
def triu(x, k=0):
    """Return upper triangle of a tensor.

    For tensors with `ndim` exceeding 2, `triu` will apply to the final two axes.

    Args:
        x: Input tensor.
        k: Diagonal below which to zero elements. Defaults to `0`, the main diagonal.

    Returns:
        Upper triangle of `x`, of same shape and data type as `x`.
    """
    x = to_tensor(x)
    if x.dtype == torch.bool:
        return torch.triu(x.to(torch.uint8), int(k)).bool()
    return torch.triu(x, int(k))


# -- indexing --------------------------------------------------------------------------------------
@keras_op
def get_item(x, key):
    """Return `x[key]`."""
    if isinstance(key, list):
        key = tuple(key)
    return to_tensor(x)[key]


@keras_op
def take(x, indices, axis=None):
    """Take elements from a tensor along an axis.

    Args:
        x: Source tensor.
        indices: The indices of the values to extract. Negative indices count from the end.
        axis: The axis over which to select values. By default, the flattened input tensor is
            used.

    Returns:
        The corresponding tensor of values.
    """
    x = to_tensor(x)
    indices = to_tensor(indices)
    if not op_utils.is_int(indices.dtype):
        indices = indices.to(torch.int64)
    if axis is None:
        x = x.reshape(-1)
        axis = 0
    axis = op_utils.canonical_axis(axis, x.dim())
    size = x.shape[axis]
    flat = indices.reshape(-1).to(torch.int64)
    flat = torch.where(flat < 0, flat + size, flat)
    out = torch.index_select(x, axis, flat)
    return out.reshape(*x.shape[:axis], *indices.shape, *x.shape[axis + 1 :])


@keras_op
def take_along_axis(x, indices, axis=None):
    """Select values from `x` at the 1-D `indices` along the given axis.

    Args:
        x: Source tensor.
        indices: The indices of the values to extract (broadcast against `x`).
        axis: The axis over which to select values. By default, the flattened input tensor is
            used.

    Returns:
        The corresponding tensor of values.
    """
    x = to_tensor(x)
    indices = to_tensor(indices, torch.int64)
    if axis is None:
        if indices.dim() != 1:
            raise ValueError(
                f"`indices` must be 1D if axis=None. Received: indices.shape={tuple(indices.shape)}"
            )
        x = x.reshape(-1)
        axis = 0
    size = x.shape[axis]
    indices = torch.where(indices < 0, indices + size, indices)
    return torch.take_along_dim(x, indices, dim=axis)


def ndim(x):
    """Return the number of dimensions of a tensor.

    Args:
        x: Input tensor.

    Returns:
        The number of dimensions in `x`.
    """
    if isinstance(x, KerasTensor):
        return len(x.shape)
    return to_tensor(x).dim()


@keras_op
def size(x):
    """Return the number of elements in a tensor.

    Args:
        x: Input tensor.

    Returns:
        Number of elements in `x`, as an `int32` scalar tensor.
    """
    x = to_tensor(x)
    return torch.tensor(x.numel(), dtype=torch.int32, device=x.device)


@keras_op
def copy(x):
    """Returns a copy of `x`.

    Args:
        x: Input tensor.

    Returns:
        A copy of `x`.
    """
    return to_tensor(x).clone()


@keras_op
def view(x, dtype=None):
    """Create a new bitwise view of the same data with the specified dtype.

    Args:
        x: Input tensor.
        dtype: Data-type descriptor of the returned view, e.g., float32 or int16.

    Returns:
        View of a tensor with data type dtype.
    """
    x = to_tensor(x)
    if dtype is None:
        return x
    new = op_utils.torch_dtype(dtype)
    old_size = x.element_size()
    new_size = torch.empty((), dtype=new).element_size()
    last = x.shape[-1] if x.dim() else -1
    if (last == -1 and old_size != new_size) or (last * old_size) % new_size != 0:
        raise ValueError(
            f"Cannot view array of shape {tuple(x.shape)} and dtype {op_utils.name(x.dtype)} as "
            f"dtype {op_utils.name(new)} because the total number of bytes is not divisible by "
            "the new itemsize."
        )
    return x.contiguous().view(new)


@keras_op
def meshgrid(*x, indexing="xy"):
    """Creates grids of coordinates from coordinate vectors.

    Args:
        *x: 1-D tensors representing the coordinates of a grid.
        indexing: `"xy"` or `"ij"`. "xy" is cartesian; `"ij"` is matrix indexing of output.
            Defaults to `"xy"`.

    Returns:
        Sequence of N tensors.
    """
    if indexing not in ("xy", "ij"):
        raise ValueError(f"Valid values for `indexing` are 'xy' and 'ij', but received {indexing}.")
    return list(torch.meshgrid(*_common(x), indexing=indexing))
