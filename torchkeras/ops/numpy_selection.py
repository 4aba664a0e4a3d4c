"""Selection, sorting and searching in `keras.ops.numpy`: where, sort, unique, searchsorted, ...

Index outputs are `int32`, as Keras returns them on TensorFlow.
"""

import torch

from torchkeras.ops import op_utils
from torchkeras.ops.op_utils import to_tensor
from torchkeras.ops.symbolic import keras_op


@keras_op
def where(condition, x1=None, x2=None):
    """Return elements chosen from `x1` or `x2` depending on `condition`.

    Args:
        condition: Where `True`, yield `x1`, otherwise yield `x2`.
        x1: Values from which to choose when `condition` is `True`.
        x2: Values from which to choose when `condition` is `False`.

    Returns:
        A tensor with elements from `x1` where `condition` is `True`, and elements from `x2`
        where `condition` is `False`. With only `condition`, the indices where it is true (as
        `nonzero`).
    """
    condition = to_tensor(condition)
    if condition.dtype != torch.bool:
        condition = condition != 0
    if x1 is None and x2 is None:
        return nonzero.__wrapped__(condition)
    if x1 is None or x2 is None:
        raise ValueError(
            "`x1` and `x2` either both should be `None` or both should have non-None value."
        )
    x1, x2 = op_utils.promote(x1, x2)
    return torch.where(condition, x1, x2)


@keras_op
def nonzero(x):
    """Return the indices of the elements that are non-zero.

    Args:
        x: Input tensor.

    Returns:
        Indices of elements that are non-zero, one `int32` tensor per dimension.
    """
    x = to_tensor(x)
    return [i.to(torch.int32) for i in torch.nonzero(x, as_tuple=True)]


@keras_op
def select(condlist, choicelist, default=0):
    """Return elements from `choicelist`, based on conditions in `condlist`.

    Args:
        condlist: List of boolean tensors. The list of conditions which determine from which
            array in choicelist the output elements are taken. When multiple conditions are
            satisfied, the first one encountered in condlist is used.
        choicelist: List of tensors. The list of tensors from which the output elements are
            taken. This list has to be of the same length as `condlist`.
        default: Optional scalar value. The element inserted in the output when all conditions
            evaluate to `False`.

    Returns:
        Tensor where the output at position `m` is the `m`-th element of the tensor in
        `choicelist` where the `m`-th element of the corresponding tensor in `condlist` is
        `True`.
    """
    if not isinstance(condlist, (list, tuple)) or not isinstance(choicelist, (list, tuple)):
        raise ValueError(
            "condlist and choicelist must be lists. Received: "
            f"type(condlist) = {type(condlist)}, type(choicelist) = {type(choicelist)}"
        )
    if not condlist or not choicelist:
        raise ValueError(
            "condlist and choicelist must not be empty. Received: "
            f"condlist = {list(condlist)}, choicelist = {list(choicelist)}"
        )
    choices = op_utils.promote_all(list(choicelist) + [default])
    out = choices[-1]
    for condition, choice in zip(reversed(list(condlist)), reversed(choices[:-1])):
        condition = to_tensor(condition)
        if condition.dtype != torch.bool:
            condition = condition != 0
        out = torch.where(condition, choice, out)
    return out


@keras_op
def sort(x, axis=-1):
    """Sorts the elements of `x` along a given axis in ascending order.

    Args:
        x: Input tensor.
        axis: Axis along which to sort. If `None`, the tensor is flattened before sorting.
            Defaults to `-1`; the last axis.

    Returns:
        Sorted tensor.
    """
    x = to_tensor(x)
    if axis is None:
        x = x.reshape(-1)
        axis = 0
    if x.dtype == torch.bool:
        return torch.sort(x.to(torch.uint8), dim=axis).values.bool()
    return torch.sort(x, dim=axis).values


@keras_op
def argsort(x, axis=-1):
    """Returns the indices that would sort a tensor.

    Args:
        x: Input tensor.
        axis: Axis along which to sort. Defaults to `-1` (the last axis). If `None`, the
            flattened tensor is used.

    Returns:
        Tensor of `int32` indices that sort `x` along the specified `axis`.
    """
    x = to_tensor(x)
    if x.dim() == 0:
        return torch.zeros((1,), dtype=torch.int32, device=x.device)
    if x.dtype == torch.bool:
        x = x.to(torch.uint8)
    if axis is None:
        x = x.reshape(-1)
        axis = 0
    return torch.argsort(x, dim=axis, stable=True).to(torch.int32)


@keras_op
def argpartition(x, kth, axis=-1):
    """Performs an indirect partition along the given axis.

    It returns an array of indices of the same shape as `x` that index data along the given axis
    in partitioned order: the element at position `kth` is where it would be in a sorted array,
    smaller elements come before it and larger ones after.

    Args:
        x: Array to sort.
        kth: Element index to partition by. The k-th element will be in its final sorted
            position and all smaller elements will be moved before it and all larger elements
            behind it.
        axis: Axis along which to sort. The default is -1 (the last axis). If `None`, the
            flattened array is used.

    Returns:
        Array of indices that partition `x` along the specified `axis`.
    """
    if not isinstance(kth, int):
        raise ValueError(f"kth must be an integer. Received:kth = {kth}")
    x = to_tensor(x)
    if axis is None:
        x = x.reshape(-1)
        axis = -1
    x = torch.movedim(x, axis, -1)
    n = x.shape[-1]
    kth = min(max(kth, 0), n - 1)
    if x.dtype == torch.bool:
        x = x.to(torch.uint8)
    order = torch.argsort(x, dim=-1, stable=True)
    bottom = order[..., : kth + 1]
    # The rest, largest first (the order Keras produces on TensorFlow).
    rest = order[..., kth + 1 :].flip(-1)
    out = torch.cat([bottom, rest], dim=-1).to(torch.int32)
    return torch.movedim(out, -1, axis)


@keras_op
def searchsorted(sorted_sequence, values, side="left"):
    """Perform a binary search, returning indices for insertion of `values` into
    `sorted_sequence` that maintain the sorting order.

    Args:
        sorted_sequence: 1-D input tensor, sorted along the innermost dimension.
        values: N-D tensor of query insertion values.
        side: 'left' or 'right', specifying the direction in which to insert for the equality
            case (tie-breaker).

    Returns:
        Tensor of insertion indices of same shape as `values`.
    """
    sorted_sequence = to_tensor(sorted_sequence)
    values = to_tensor(values)
    if sorted_sequence.dim() != 1:
        raise ValueError(
            "`searchsorted` only supports 1-D sorted sequences. You can use "
            "`keras.ops.vectorized_map` to extend it to N-D sequences. Received: "
            f"sorted_sequence.shape={tuple(sorted_sequence.shape)}"
        )
    dtype = op_utils.result_dtype(sorted_sequence, values)
    return torch.searchsorted(
        sorted_sequence.to(dtype), values.to(dtype), right=side == "right", out_int32=True
    )


@keras_op
def digitize(x, bins):
    """Returns the indices of the bins to which each value in `x` belongs.

    Args:
        x: Input array to be binned.
        bins: Array of bins. It has to be one-dimensional and monotonically increasing.

    Returns:
        Output array of `int32` indices, of same shape as `x`.
    """
    x = to_tensor(x)
    bins = to_tensor(bins)
    if bins.dim() != 1:
        raise ValueError(
            f"`bins` must be a 1D array. Received: bins={bins} with shape bins.shape="
            f"{tuple(bins.shape)}"
        )
    if op_utils.is_float(x.dtype) and x.dtype != torch.float64:
        x = x.to(torch.float32)
    boundaries = bins.to(torch.float64 if x.dtype == torch.float64 else torch.float32)
    return torch.bucketize(x.to(boundaries.dtype), boundaries, right=True, out_int32=True)


@keras_op
def isin(x1, x2, assume_unique=False, invert=False):
    """Test whether each element of `x1` is present in `x2`.

    Args:
        x1: Input elements.
        x2: The values against which to test each value of `x1`.
        assume_unique: Whether both inputs are unique (a speed hint). Defaults to `False`.
        invert: If `True`, the values in the returned array are inverted. Defaults to `False`.

    Returns:
        Boolean tensor of the same shape as `x1`.
    """
    x1, x2 = op_utils.promote(x1, x2)
    return torch.isin(x1, x2, assume_unique=assume_unique, invert=invert)


@keras_op
def unique(
    x,
    sorted=True,
    return_index=False,
    return_inverse=False,
    return_counts=False,
    axis=None,
    size=None,
    fill_value=None,
):
    """Return the unique elements of a tensor.

    Args:
        x: Input tensor.
        sorted: Whether to sort the unique elements in ascending order. Defaults to `True`.
        return_index: If `True`, also return the indices of the first occurrences of the
            unique values.
        return_inverse: If `True`, also return the indices to reconstruct `x` from the unique
            values.
        return_counts: If `True`, also return the number of times each unique value appears.
        axis: The axis to operate on. If `None`, `x` is flattened. Defaults to `None`.
        size: If given, the unique values are padded (with `fill_value`) or truncated to this
            size, giving a static output shape.
        fill_value: The value used to pad the unique values when `size` is given. Defaults to
            `0`.

    Returns:
        The unique values, or a tuple `(values, index, inverse, counts)` holding the requested
        extra outputs (`int32` tensors).
    """
    x = to_tensor(x)
    flat = axis is None
    source = x.reshape(-1) if flat else x
    dim = 0 if flat else op_utils.canonical_axis(axis, x.dim())
    values, inverse, counts = torch.unique(
        source, sorted=True, return_inverse=True, return_counts=True, dim=None if flat else dim
    )
    if not sorted:
        # Keep the order of first appearance, as TensorFlow's `unique` does.
        first = torch.full(
            (values.shape[dim],), source.shape[dim], dtype=torch.int64, device=x.device
        )
        first = first.scatter_reduce(
            0, inverse.reshape(-1), torch.arange(inverse.numel(), device=x.device), "amin"
        )
        order = torch.argsort(first)
        rank = torch.empty_like(order)
        rank[order] = torch.arange(order.numel(), device=x.device)
        values = torch.index_select(values, dim, order)
        counts = counts[order]
        inverse = rank[inverse]
    index = None
    if return_index:
        index = torch.full(
            (values.shape[dim],), source.shape[dim], dtype=torch.int64, device=x.device
        )
        index = index.scatter_reduce(
            0, inverse.reshape(-1), torch.arange(inverse.numel(), device=x.device), "amin"
        )
    if size is not None:
        count = values.shape[dim]
        if count >= size:
            values = values.narrow(dim, 0, size)
            counts = counts[:size]
            index = None if index is None else index[:size]
        else:
            pad_shape = list(values.shape)
            pad_shape[dim] = size - count
            fill = 0 if fill_value is None else fill_value
            values = torch.cat(
                [values, torch.full(pad_shape, fill, dtype=values.dtype, device=x.device)], dim=dim
            )
            counts = torch.cat([counts, counts.new_zeros(size - count)])
            if index is not None:
                index = torch.cat([index, index.new_ones(size - count)])
    results = [values]
    if return_index:
        results.append(index.to(torch.int32))
    if return_inverse:
        results.append(inverse.reshape(x.shape if flat else inverse.shape).to(torch.int32))
    if return_counts:
        results.append(counts.to(torch.int32))
    return tuple(results) if len(results) > 1 else results[0]


@keras_op
def unravel_index(indices, shape):
    """Convert flat indices to coordinate arrays in a given array shape.

    Args:
        indices: An integer or array of integers representing flat indices.
        shape: The shape of the array used for unraveling.

    Returns:
        Tuple of arrays for each dimension with unraveled indices.
    """
    if None in tuple(shape):
        raise ValueError(f"`shape` argument cannot contain `None`. Received: shape={shape}")
    indices = to_tensor(indices)
    coords = []
    for dim in reversed(tuple(shape)):
        coords.append(torch.remainder(indices, dim))
        indices = torch.div(indices, dim, rounding_mode="floor")
    return tuple(reversed(coords))
