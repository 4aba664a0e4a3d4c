"""Reductions of `keras.ops.numpy`: sums, means, extrema, statistics, quantiles, cumulative ops.

Dtypes follow Keras on TensorFlow (which follows JAX): `sum`/`prod` accumulate small integers in
`int32`, `mean`/`var` of integers are `float32`, `argmax`-like ops return `int32`.
"""

import torch

from torchkeras.ops import op_utils
from torchkeras.ops.op_utils import to_tensor
from torchkeras.ops.symbolic import keras_op

_SMALL_INT_ACCUMULATOR = {
    torch.bool: torch.int32,
    torch.int8: torch.int32,
    torch.int16: torch.int32,
    torch.uint8: torch.uint32,
    torch.uint16: torch.uint32,
}
# torch has no uint32 sum/prod kernels: unsigned inputs accumulate in int64, then are cast.
_COMPUTE = {torch.uint32: torch.int64}


def _is_empty_axis(axis):
    return isinstance(axis, (tuple, list)) and len(axis) == 0


def _dims(x, axis):
    return op_utils.reduce_dims(x, axis)


def _accumulator(dtype):
    """Keras's (JAX's) accumulation dtype: small ints sum in int32, small uints in uint32."""
    return _SMALL_INT_ACCUMULATOR.get(dtype, dtype)


@keras_op
def sum(x, axis=None, keepdims=False):
    """Sum of a tensor over the given axes.

    Args:
        x: Input tensor.
        axis: Axis or axes along which the sum is computed. The default is to compute the sum
            of the flattened tensor.
        keepdims: If this is set to `True`, the axes which are reduced are left in the result
            as dimensions with size one.

    Returns:
        Output tensor containing the sum.
    """
    x = to_tensor(x)
    dtype = _accumulator(x.dtype)
    if _is_empty_axis(axis):
        return x.to(dtype)
    compute = _COMPUTE.get(dtype, dtype)
    if axis is None and not keepdims:
        out = (
            torch.sum(x)
            if compute == x.dtype and x.is_floating_point()
            else torch.sum(x, dtype=compute)
        )
    else:
        out = torch.sum(x, dim=_dims(x, axis), keepdim=keepdims, dtype=compute)
    return out if out.dtype == dtype else out.to(dtype)


@keras_op
def prod(x, axis=None, keepdims=False, dtype=None):
    """Return the product of tensor elements over a given axis.

    Args:
        x: Input tensor.
        axis: Axis or axes along which a product is performed. The default, `axis=None`, will
            compute the product of all elements in the input tensor.
        keepdims: If this is set to `True`, the axes which are reduce are left in the result as
            dimensions with size one.
        dtype: Data type of the returned tensor.

    Returns:
        Product of elements of `x` over the given axis or axes.
    """
    x = to_tensor(x)
    # Keras on TensorFlow ignores `dtype` here (the product keeps the accumulation dtype).
    dtype = _accumulator(x.dtype)
    if _is_empty_axis(axis):
        return x.to(dtype)
    compute = _COMPUTE.get(dtype, dtype)
    x = x.to(compute)
    if axis is None:
        out = torch.prod(x)
        out = out.reshape((1,) * x.dim()) if keepdims else out
    else:
        out = x
        for d in sorted(op_utils.canonical_axis(a, x.dim()) for a in _as_tuple(axis))[::-1]:
            out = torch.prod(out, dim=d, keepdim=keepdims)
    return out if out.dtype == dtype else out.to(dtype)


def _as_tuple(axis):
    return (axis,) if isinstance(axis, int) else tuple(axis)


@keras_op
def mean(x, axis=None, keepdims=False):
    """Compute the arithmetic mean along the specified axes.

    Args:
        x: Input tensor.
        axis: Axis or axes along which the means are computed. The default is to compute the
            mean of the flattened tensor.
        keepdims: If this is set to `True`, the axes which are reduced are left in the result
            as dimensions with size one.

    Returns:
        Output tensor containing the mean values (`float32` for integer inputs).
    """
    if isinstance(x, (list, tuple)) and x and isinstance(x[0], torch.Tensor):
        x = torch.stack(list(x))
    x = to_tensor(x)
    if _is_empty_axis(axis):
        return x
    dtype = x.dtype
    if dtype == torch.float32 or dtype == torch.float64:
        if axis is None and not keepdims:
            return torch.mean(x)
        return torch.mean(x, dim=_dims(x, axis), keepdim=keepdims)
    # Integers average in float32; half precision accumulates in float32 and is cast back.
    compute = op_utils.result_dtype(x, torch.float32)
    result = torch.mean(x.to(compute), dim=_dims(x, axis), keepdim=keepdims)
    return result if dtype not in op_utils.FLOATING else result.to(dtype)


def _check_not_empty(x, what):
    if x.numel() == 0:
        raise ValueError(f"Cannot compute the {what} of an empty tensor.")


def _extremum(x, axis, keepdims, initial, is_max):
    x = to_tensor(x)
    if _is_empty_axis(axis):
        return x
    if x.dtype == torch.bool:
        reduce = torch.any if is_max else torch.all
        out = (
            reduce(x)
            if axis is None and not keepdims
            else reduce(x, dim=_dims(x, axis), keepdim=keepdims)
        )
        if initial is not None:
            combine = torch.maximum if is_max else torch.minimum
            out = combine(
                out.to(torch.int32), torch.tensor(int(initial), dtype=torch.int32, device=x.device)
            ).bool()
        return out
    if initial is None:
        _check_not_empty(x, "max" if is_max else "min")
    reduce = torch.amax if is_max else torch.amin
    out = reduce(x, dim=_dims(x, axis), keepdim=keepdims)
    if initial is not None:
        combine = torch.clamp_min if is_max else torch.clamp_max
        out = combine(out, initial)
    return out


@keras_op
def max(x, axis=None, keepdims=False, initial=None):
    """Return the maximum of a tensor or maximum along an axis.

    Args:
        x: Input tensor.
        axis: Axis or axes along which to operate. By default, flattened input is used.
        keepdims: If this is set to `True`, the axes which are reduced are left in the result
            as dimensions with size one. Defaults to `False`.
        initial: The minimum value of an output element. Defaults to `None`.

    Returns:
        Maximum of `x`.
    """
    return _extremum(x, axis, keepdims, initial, True)


@keras_op
def min(x, axis=None, keepdims=False, initial=None):
    """Return the minimum of a tensor or minimum along an axis.

    Args:
        x: Input tensor.
        axis: Axis or axes along which to operate. By default, flattened input is used.
        keepdims: If this is set to `True`, the axes which are reduced are left in the result
            as dimensions with size one. Defaults to `False`.
        initial: The maximum value of an output element. Defaults to `None`.

    Returns:
        Minimum of `x`.
    """
    return _extremum(x, axis, keepdims, initial, False)


@keras_op
def amax(x, axis=None, keepdims=False):
    """Returns the maximum of a tensor or maximum along an axis.

    Args:
        x: Input tensor.
        axis: Axis along which to compute the maximum. By default (`axis=None`), find the
            maximum value in all the dimensions of the input tensor.
        keepdims: If `True`, axes which are reduced are left in the result as dimensions that
            are broadcast to the size of the original input tensor. Defaults to `False`.

    Returns:
        A tensor with the maximum value(s).
    """
    return _extremum(x, axis, keepdims, None, True)


@keras_op
def amin(x, axis=None, keepdims=False):
    """Returns the minimum of a tensor or minimum along an axis.

    Args:
        x: Input tensor.
        axis: Axis along which to compute the minimum. By default (`axis=None`), find the
            minimum value in all the dimensions of the input tensor.
        keepdims: If `True`, axes which are reduced are left in the result as dimensions that
            are broadcast to the size of the original input tensor. Defaults to `False`.

    Returns:
        A tensor with the minimum value(s).
    """
    return _extremum(x, axis, keepdims, None, False)


def _bool_reduce(fn, x, axis, keepdims):
    x = to_tensor(x)
    if x.dtype != torch.bool:
        x = x != 0
    if _is_empty_axis(axis):
        return x
    if axis is None and not keepdims:
        return fn(x)
    return fn(x, dim=_dims(x, axis), keepdim=keepdims)


@keras_op
def all(x, axis=None, keepdims=False):
    """Test whether all array elements along a given axis evaluate to `True`.

    Args:
        x: Input tensor.
        axis: An integer or tuple of integers that represent the axis along which a logical AND
            reduction is performed. The default (`axis=None`) is to perform a logical AND over
            all the dimensions of the input array. `axis` may be negative, in which case it
            counts for the last to the first axis.
        keepdims: If `True`, axes which are reduced are left in the result as dimensions with
            size one. Defaults to `False`.

    Returns:
        The tensor containing the logical AND reduction over the `axis`.
    """
    return _bool_reduce(torch.all, x, axis, keepdims)


@keras_op
def any(x, axis=None, keepdims=False):
    """Test whether any array element along a given axis evaluates to `True`.

    Args:
        x: Input tensor.
        axis: An integer or tuple of integers that represent the axis along which a logical OR
            reduction is performed. The default (`axis=None`) is to perform a logical OR over all
            the dimensions of the input array.
        keepdims: If `True`, axes which are reduced are left in the result as dimensions with
            size one. Defaults to `False`.

    Returns:
        The tensor containing the logical OR reduction over the `axis`.
    """
    return _bool_reduce(torch.any, x, axis, keepdims)


def _arg_extremum(x, axis, keepdims, is_max):
    x = to_tensor(x)
    if x.dtype == torch.bool:
        x = x.to(torch.uint8)
    elif op_utils.is_float(x.dtype) and x.dim() > 0:
        # -0.0 counts as smaller than 0.0, as in JAX (Keras works around flush-to-zero this way).
        if x.dtype != torch.float64:
            x = x.to(torch.float32)
        tiny = torch.finfo(x.dtype).tiny
        x = torch.where((x == 0) & torch.signbit(x), -tiny, x)
    fn = torch.argmax if is_max else torch.argmin
    if axis is None:
        out = fn(x.reshape(-1))
        if keepdims:
            out = out.reshape((1,) * x.dim())
    else:
        out = fn(x, dim=axis, keepdim=keepdims)
    return out.to(torch.int32)


@keras_op
def argmax(x, axis=None, keepdims=False):
    """Returns the indices of the maximum values along an axis.

    Args:
        x: Input tensor.
        axis: By default, the index is into the flattened tensor, otherwise along the specified
            axis.
        keepdims: If this is set to `True`, the axes which are reduced are left in the result as
            dimensions with size one. Defaults to `False`.

    Returns:
        Tensor of `int32` indices into the input tensor.
    """
    return _arg_extremum(x, axis, keepdims, True)


@keras_op
def argmin(x, axis=None, keepdims=False):
    """Returns the indices of the minimum values along an axis.

    Args:
        x: Input tensor.
        axis: By default, the index is into the flattened tensor, otherwise along the specified
            axis.
        keepdims: If this is set to `True`, the axes which are reduced are left in the result as
            dimensions with size one. Defaults to `False`.

    Returns:
        Tensor of `int32` indices into the input tensor.
    """
    return _arg_extremum(x, axis, keepdims, False)


@keras_op
def var(x, axis=None, keepdims=False):
    """Compute the (population) variance along the specified axes.

    Args:
        x: Input tensor.
        axis: Axis or axes along which the variance is computed. The default is to compute the
            variance of the flattened tensor.
        keepdims: If this is set to `True`, the axes which are reduced are left in the result as
            dimensions with size one.

    Returns:
        Output tensor containing the variance.
    """
    x = to_tensor(x)
    compute = op_utils.result_dtype(x, torch.float32)
    result_dtype = op_utils.result_dtype(x, float)
    out = torch.var(x.to(compute), dim=_dims(x, axis), correction=0, keepdim=keepdims)
    if compute in op_utils.COMPLEX:
        out = out.to(compute)
    return out.to(result_dtype) if out.dtype != result_dtype else out


@keras_op
def std(x, axis=None, keepdims=False):
    """Compute the (population) standard deviation along the specified axis.

    Args:
        x: Input tensor.
        axis: Axis along which to compute standard deviation. Default is to compute the
            standard deviation of the flattened tensor.
        keepdims: If this is set to `True`, the axes which are reduced are left in the result as
            dimensions with size one.

    Returns:
        Output tensor containing the standard deviation values.
    """
    x = op_utils.to_float(x)
    return torch.std(x, dim=_dims(x, axis), correction=0, keepdim=keepdims)


@keras_op
def average(x, axis=None, weights=None):
    """Compute the weighted average along the specified axis.

    Args:
        x: Input tensor.
        axis: Integer along which to average `x`. The default, `axis=None`, will average over
            all of the elements of the input tensor. If axis is negative it counts from the last
            to the first axis.
        weights: Tensor of weights associated with the values in `x`. Each value in `x`
            contributes to the average according to its associated weight. The weights array
            can either be 1-D (in which case its length must be the size of a along the given
            axis) or of the same shape as `x`. If `weights=None` (default), then all data in `x`
            are assumed to have a weight equal to one.

    Returns:
        Return the average along the specified axis.
    """
    x = to_tensor(x)
    if weights is None:
        x = x.to(op_utils.result_dtype(x, float))
        return torch.mean(x, dim=_dims(x, axis))
    weights = to_tensor(weights)
    dtype = op_utils.result_dtype(x, weights, float)
    x, weights = x.to(dtype), weights.to(dtype)
    if axis is None or x.dim() == weights.dim():
        dims = _dims(x, axis)
        return torch.sum(x * weights, dim=dims) / torch.sum(weights, dim=dims)
    return torch.tensordot(x, weights, dims=([axis], [0])) / torch.sum(weights)


@keras_op
def count_nonzero(x, axis=None):
    """Counts the number of non-zero values in `x` along the given `axis`.

    If no axis is specified then all non-zeros in the tensor are counted.

    Args:
        x: Input tensor.
        axis: Axis or tuple of axes along which to count the number of non-zeros. Defaults to
            `None`.

    Returns:
        An `int32` tensor of counts.
    """
    x = to_tensor(x)
    if _is_empty_axis(axis):
        return (x != 0).to(torch.int32)
    return torch.count_nonzero(x, dim=_dims(x, axis)).to(torch.int32)


def _cumulative(fn, x, axis, dtype):
    x = to_tensor(x, dtype)
    if x.dtype == torch.bool:
        x = x.to(torch.int32)
    if axis is None:
        x = x.reshape(-1)
        axis = 0
    return fn(x, dim=axis, dtype=x.dtype)


@keras_op
def cumsum(x, axis=None, dtype=None):
    """Returns the cumulative sum of elements along a given axis.

    Args:
        x: Input tensor.
        axis: Axis along which the cumulative sum is computed. By default the input is
            flattened.
        dtype: dtype of returned tensor. Defaults to `x.dtype`.

    Returns:
        Output tensor.
    """
    return _cumulative(torch.cumsum, x, axis, dtype)


@keras_op
def cumprod(x, axis=None, dtype=None):
    """Return the cumulative product of elements along a given axis.

    Args:
        x: Input tensor.
        axis: Axis along which the cumulative product is computed. By default the input is
            flattened.
        dtype: dtype of returned tensor. Defaults to `x.dtype`.

    Returns:
        Output tensor.
    """
    return _cumulative(torch.cumprod, x, axis, dtype)


@keras_op
def ptp(x, axis=None, keepdims=False):
    """Return the peak-to-peak (max - min) value of tensor elements over a given axis.

    Args:
        x: Input tensor.
        axis: Axes along which the range is computed. The default is to compute the variance of
            the flattened tensor.
        keepdims: If this is set to `True`, the axes which are reduced are left in the result as
            dimensions with size one.

    Returns:
        A tensor with the peak-to-peak values.
    """
    x = to_tensor(x)
    dims = _dims(x, axis)
    return torch.amax(x, dim=dims, keepdim=keepdims) - torch.amin(x, dim=dims, keepdim=keepdims)


# -- quantiles ---------------------------------------------------------------------------------
def _move_axes_last(x, axis):
    """Flatten `axis` (None: every axis) into one trailing axis; return it and the other dims."""
    if axis is None:
        return x.reshape(-1), []
    axes = sorted(op_utils.canonical_axis(a, x.dim()) for a in _as_tuple(axis))
    others = [d for d in range(x.dim()) if d not in axes]
    y = x.permute(*others, *axes)
    return y.reshape(tuple(x.shape[d] for d in others) + (-1,)), others


def _quantile_sorted(sorted_y, count, q, method):
    """Quantiles `q` of each row of `sorted_y` whose first `count` entries are the valid ones."""
    # Index arithmetic in float64 so huge axes index exactly (as Keras does).
    flat_q = q.to(torch.float64).reshape(-1)
    d = count.to(torch.float64).unsqueeze(-1)
    last = torch.clamp(d - 1, min=0)
    exact = (d - 1) * flat_q

    def index(position):
        return torch.minimum(torch.clamp(position, min=0), last)

    def gather(position):
        return torch.gather(sorted_y, -1, position.to(torch.int64))

    if method == "lower":
        out = gather(index(torch.floor(exact)))
    elif method == "higher":
        out = gather(index(torch.ceil(exact)))
    elif method == "nearest":
        out = gather(index(torch.round(exact)))
    elif method == "midpoint":
        out = 0.5 * (gather(index(torch.floor(exact))) + gather(index(torch.ceil(exact))))
    elif method == "linear":
        larger = index(torch.ceil(exact))
        smaller = torch.clamp(larger - 1, min=0)
        larger = torch.minimum(smaller + 1, last)
        fraction = (larger - exact).to(sorted_y.dtype)
        out = gather(larger) * (1 - fraction) + gather(smaller) * fraction
    else:
        raise ValueError(
            "`method` must be one of 'linear', 'lower', 'higher', 'midpoint' or 'nearest'. "
            f"Received: method={method}"
        )
    return out.reshape(tuple(out.shape[:-1]) + tuple(q.shape))


def _finish_quantile(out, x, axis, q, keepdims):
    """Put q's dimensions first and restore reduced dims for `keepdims`, as Keras does."""
    q_ndim = q.dim()
    if keepdims:
        if axis is None:
            out = out.reshape(
                tuple(out.shape[: out.dim() - q_ndim]) + (1,) * x.dim() + tuple(q.shape)
            )
        else:
            lead = out.dim() - q_ndim
            for a in sorted(op_utils.canonical_axis(a, x.dim()) for a in _as_tuple(axis)):
                out = out.unsqueeze(a if a <= lead else lead)
                lead += 1
    if q_ndim:
        n = out.dim()
        perm = list(range(n - q_ndim, n)) + list(range(n - q_ndim))
        out = out.permute(*perm)
    return out


@keras_op
def quantile(x, q, axis=None, method="linear", keepdims=False):
    """Compute the q-th quantile(s) of the data along the specified axis.

    Args:
        x: Input tensor.
        q: Probability or sequence of probabilities for the quantiles to compute. Values must be
            between 0 and 1 inclusive.
        axis: Axis or axes along which the quantiles are computed. Defaults to `axis=None` which
            is to compute the quantile(s) along a flattened version of the array.
        method: A string specifies the method to use for estimating the quantile. Available
            methods are `"linear"`, `"lower"`, `"higher"`, `"midpoint"`, and `"nearest"`.
            Defaults to `"linear"`.
        keepdims: If this is set to `True`, the axes which are reduced are left in the result as
            dimensions with size one.

    Returns:
        The quantile(s). If `q` is a sequence, the first axis of the result indexes the
        quantiles.
    """
    x = to_tensor(x)
    q = to_tensor(q)
    x = x.to(op_utils.result_dtype(x, float))
    y, _ = _move_axes_last(x, axis)
    sorted_y = torch.sort(y, dim=-1).values
    count = torch.full(y.shape[:-1], y.shape[-1], device=y.device)
    out = _quantile_sorted(sorted_y, count, q, method)
    if op_utils.is_float(x.dtype):
        # Any NaN in a reduced slice makes its quantiles NaN.
        has_nan = torch.isnan(y).any(dim=-1)
        has_nan = has_nan.reshape(tuple(has_nan.shape) + (1,) * q.dim())
        out = torch.where(has_nan, torch.full_like(out, float("nan")), out)
    return _finish_quantile(out, x, axis, q, keepdims)


@keras_op
def percentile(x, q, axis=None, method="linear", keepdims=False):
    """Compute the q-th percentile(s) of the data along the specified axis.

    Args:
        x: Input tensor.
        q: Percentile or sequence of percentiles to compute, between 0 and 100 inclusive.
        axis: Axis or axes along which the percentiles are computed. Defaults to `None` (the
            flattened tensor).
        method: Interpolation method: `"linear"`, `"lower"`, `"higher"`, `"midpoint"` or
            `"nearest"`. Defaults to `"linear"`.
        keepdims: If `True`, the reduced axes are left as dimensions with size one.

    Returns:
        The percentile(s).
    """
    q = to_tensor(q, op_utils.floatx_torch()) / 100.0
    return quantile.__wrapped__(x, q, axis=axis, method=method, keepdims=keepdims)


@keras_op
def median(x, axis=None, keepdims=False):
    """Compute the median along the specified axis.

    Args:
        x: Input tensor.
        axis: Axis or axes along which the medians are computed. Defaults to `axis=None` which
            is to compute the median(s) along a flattened version of the array.
        keepdims: If this is set to `True`, the axes which are reduce are left in the result as
            dimensions with size one.

    Returns:
        The output tensor.
    """
    return quantile.__wrapped__(x, 0.5, axis=axis, keepdims=keepdims)


# -- NaN-ignoring reductions ------------------------------------------------------------------
@keras_op
def nansum(x, axis=None, keepdims=False):
    """Sum of a tensor over the given axes, ignoring NaNs.

    Args:
        x: Input tensor.
        axis: Axis or axes along which the sum is computed. The default is to compute the sum
            of the flattened tensor.
        keepdims: If this is set to `True`, the axes which are reduced are left in the result as
            dimensions with size one.

    Returns:
        Output tensor containing the sum, with NaN values ignored.
    """
    x = to_tensor(x)
    if op_utils.is_float(x.dtype):
        x = torch.where(torch.isnan(x), torch.zeros_like(x), x)
    return sum.__wrapped__(x, axis=axis, keepdims=keepdims)


@keras_op
def nanprod(x, axis=None, keepdims=False):
    """Product of tensor elements over a given axis, treating NaNs as one.

    Args:
        x: Input tensor.
        axis: Axis or axes along which the product is computed. Defaults to `None` (all).
        keepdims: If `True`, the reduced axes are left as dimensions with size one.

    Returns:
        Output tensor containing the product, with NaN values ignored.
    """
    x = to_tensor(x)
    if op_utils.is_float(x.dtype):
        x = torch.where(torch.isnan(x), torch.ones_like(x), x)
    return prod.__wrapped__(x, axis=axis, keepdims=keepdims)


@keras_op
def nanmean(x, axis=None, keepdims=False):
    """Arithmetic mean along the specified axes, ignoring NaNs.

    Args:
        x: Input tensor.
        axis: Axis or axes along which the mean is computed. Defaults to `None` (all).
        keepdims: If `True`, the reduced axes are left as dimensions with size one.

    Returns:
        Output tensor containing the mean, with NaN values ignored.
    """
    x = to_tensor(x)
    if _is_empty_axis(axis):
        return x
    if not op_utils.is_float(x.dtype):
        return torch.mean(x.to(torch.float32), dim=_dims(x, axis), keepdim=keepdims)
    valid = ~torch.isnan(x)
    total = torch.sum(
        torch.where(valid, x, torch.zeros_like(x)), dim=_dims(x, axis), keepdim=keepdims
    )
    count = torch.sum(valid.to(x.dtype), dim=_dims(x, axis), keepdim=keepdims)
    return total / count


@keras_op
def nanvar(x, axis=None, keepdims=False):
    """Population variance along the specified axes, ignoring NaNs.

    Args:
        x: Input tensor.
        axis: Axis or axes along which the variance is computed. Defaults to `None` (all).
        keepdims: If `True`, the reduced axes are left as dimensions with size one.

    Returns:
        Output tensor containing the variance, with NaN values ignored.
    """
    x = to_tensor(x)
    x = x.to(op_utils.result_dtype(x, float))
    valid = ~torch.isnan(x)
    dims = _dims(x, axis)
    count_all = torch.sum(valid.to(x.dtype), dim=dims, keepdim=True)
    centered_mean = (
        torch.sum(torch.where(valid, x, torch.zeros_like(x)), dim=dims, keepdim=True) / count_all
    )
    centered = torch.where(valid, x - centered_mean, torch.zeros_like(x))
    squares = (
        torch.real(centered * torch.conj(centered))
        if x.dtype in op_utils.COMPLEX
        else centered * centered
    )
    count = torch.sum(valid.to(squares.dtype), dim=dims, keepdim=keepdims)
    return torch.sum(squares, dim=dims, keepdim=keepdims) / count


@keras_op
def nanstd(x, axis=None, keepdims=False):
    """Population standard deviation along the specified axes, ignoring NaNs.

    Args:
        x: Input tensor.
        axis: Axis or axes along which the deviation is computed. Defaults to `None` (all).
        keepdims: If `True`, the reduced axes are left as dimensions with size one.

    Returns:
        Output tensor containing the standard deviation, with NaN values ignored.
    """
    return torch.sqrt(nanvar.__wrapped__(x, axis=axis, keepdims=keepdims))


def _nan_extremum(x, axis, keepdims, is_max):
    x = to_tensor(x)
    if not op_utils.is_float(x.dtype):
        return _extremum(x, axis, keepdims, None, is_max)
    nan = torch.isnan(x)
    fill = float("-inf") if is_max else float("inf")
    clean = torch.where(nan, torch.full_like(x, fill), x)
    dims = _dims(x, axis)
    reduce = torch.amax if is_max else torch.amin
    out = reduce(clean, dim=dims, keepdim=keepdims)
    all_nan = torch.all(nan, dim=dims, keepdim=keepdims)
    return torch.where(all_nan, torch.full_like(out, float("nan")), out)


@keras_op
def nanmax(x, axis=None, keepdims=False):
    """Maximum of a tensor or maximum along an axis, ignoring NaNs.

    Args:
        x: Input tensor.
        axis: Axis or axes along which to operate. Defaults to `None` (all).
        keepdims: If `True`, the reduced axes are left as dimensions with size one.

    Returns:
        Maximum of `x`, NaN where a slice holds only NaNs.
    """
    return _nan_extremum(x, axis, keepdims, True)


@keras_op
def nanmin(x, axis=None, keepdims=False):
    """Minimum of a tensor or minimum along an axis, ignoring NaNs.

    Args:
        x: Input tensor.
        axis: Axis or axes along which to operate. Defaults to `None` (all).
        keepdims: If `True`, the reduced axes are left as dimensions with size one.

    Returns:
        Minimum of `x`, NaN where a slice holds only NaNs.
    """
    return _nan_extremum(x, axis, keepdims, False)


def _nan_arg_extremum(x, axis, keepdims, is_max):
    x = to_tensor(x)
    if not op_utils.is_float(x.dtype):
        return _arg_extremum(x, axis, keepdims, is_max)
    nan = torch.isnan(x)
    fill = float("-inf") if is_max else float("inf")
    out = _arg_extremum(torch.where(nan, torch.full_like(x, fill), x), axis, keepdims, is_max)
    if axis is None:
        all_nan = torch.all(nan)
        if keepdims:
            all_nan = all_nan.reshape((1,) * x.dim())
    else:
        all_nan = torch.all(nan, dim=axis, keepdim=keepdims)
    return torch.where(all_nan, torch.full_like(out, -1), out)


@keras_op
def nanargmax(x, axis=None, keepdims=False):
    """Indices of the maximum values along an axis, ignoring NaNs.

    Args:
        x: Input tensor.
        axis: Axis along which to operate. By default, the flattened tensor is used.
        keepdims: If `True`, the reduced axis is left as a dimension with size one.

    Returns:
        `int32` indices; `-1` where a slice holds only NaNs.
    """
    return _nan_arg_extremum(x, axis, keepdims, True)


@keras_op
def nanargmin(x, axis=None, keepdims=False):
    """Indices of the minimum values along an axis, ignoring NaNs.

    Args:
        x: Input tensor.
        axis: Axis along which to operate. By default, the flattened tensor is used.
        keepdims: If `True`, the reduced axis is left as a dimension with size one.

    Returns:
        `int32` indices; `-1` where a slice holds only NaNs.
    """
    return _nan_arg_extremum(x, axis, keepdims, False)


@keras_op
def nancumsum(x, axis=None, dtype=None):
    """Cumulative sum of elements along a given axis, treating NaNs as zero.

    Args:
        x: Input tensor.
        axis: Axis along which the cumulative sum is computed. By default the input is
            flattened.
        dtype: dtype of returned tensor. Defaults to `x.dtype`.

    Returns:
        Output tensor.
    """
    x = to_tensor(x)
    if op_utils.is_float(x.dtype):
        x = torch.nan_to_num(x)  # Keras also replaces infinities by the dtype's extremes here
    return _cumulative(torch.cumsum, x, axis, dtype)


@keras_op
def nancumprod(x, axis=None, dtype=None):
    """Cumulative product of elements along a given axis, treating NaNs as one.

    Args:
        x: Input tensor.
        axis: Axis along which the cumulative product is computed. By default the input is
            flattened.
        dtype: dtype of returned tensor. Defaults to `x.dtype`.

    Returns:
        Output tensor.
    """
    x = to_tensor(x)
    if op_utils.is_float(x.dtype):
        x = torch.nan_to_num(x, nan=1.0)
    return _cumulative(torch.cumprod, x, axis, dtype)


@keras_op
def nanquantile(x, q, axis=None, method="linear", keepdims=False):
    """Compute the q-th quantile(s) of the data along the specified axis, ignoring NaNs.

    Args:
        x: Input tensor.
        q: Probability or sequence of probabilities, between 0 and 1 inclusive.
        axis: Axis or axes along which the quantiles are computed. Defaults to `None` (the
            flattened tensor).
        method: Interpolation method: `"linear"`, `"lower"`, `"higher"`, `"midpoint"` or
            `"nearest"`. Defaults to `"linear"`.
        keepdims: If `True`, the reduced axes are left as dimensions with size one.

    Returns:
        The quantile(s); NaN where a slice holds only NaNs.
    """
    x = to_tensor(x)
    q = to_tensor(q, op_utils.floatx_torch())
    if not op_utils.is_float(x.dtype):
        return quantile.__wrapped__(x, q, axis=axis, method=method, keepdims=keepdims)
    y, _ = _move_axes_last(x, axis)
    # torch sorts NaNs last, so each row's valid values come first.
    sorted_y = torch.sort(y, dim=-1).values
    count = torch.sum(~torch.isnan(y), dim=-1)
    out = _quantile_sorted(sorted_y, count, q, method)
    empty = (count == 0).reshape(tuple(count.shape) + (1,) * q.dim())
    out = torch.where(empty, torch.full_like(out, float("nan")), out)
    return _finish_quantile(out, x, axis, q, keepdims)


@keras_op
def nanpercentile(x, q, axis=None, method="linear", keepdims=False):
    """Compute the q-th percentile(s) of the data along the specified axis, ignoring NaNs.

    Args:
        x: Input tensor.
        q: Percentile or sequence of percentiles, between 0 and 100 inclusive.
        axis: Axis or axes along which the percentiles are computed. Defaults to `None`.
        method: Interpolation method. Defaults to `"linear"`.
        keepdims: If `True`, the reduced axes are left as dimensions with size one.

    Returns:
        The percentile(s); NaN where a slice holds only NaNs.
    """
    q = to_tensor(q, op_utils.floatx_torch()) / 100.0
    return nanquantile.__wrapped__(x, q, axis=axis, method=method, keepdims=keepdims)


@keras_op
def nanmedian(x, axis=None, keepdims=False):
    """Median along the specified axis, ignoring NaNs.

    Args:
        x: Input tensor.
        axis: Axis or axes along which the medians are computed. Defaults to `None`.
        keepdims: If `True`, the reduced axes are left as dimensions with size one.

    Returns:
        The output tensor.
    """
    x = to_tensor(x)
    if _is_empty_axis(axis):
        return x
    return nanquantile.__wrapped__(x, 0.5, axis=axis, keepdims=keepdims)
