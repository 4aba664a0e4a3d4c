"""Counting and statistics in `keras.ops.numpy`: bincount, histogram, corrcoef, diff, trapezoid."""

import torch

from torchkeras.ops import op_utils
from torchkeras.ops.op_utils import to_tensor
from torchkeras.ops.symbolic import keras_op


@keras_op
def bincount(x, weights=None, minlength=0, sparse=False):
    """Count the number of occurrences of each value in a tensor of integers.

    Args:
        x: Input tensor. It must be of dimension 1, and it must only contain non-negative
            integer(s).
        weights: Weight tensor. It must have the same length as `x`. The default value is
            `None`. If specified, `x` is weighted by it, i.e. if `n = x[i]`, `out[n] +=
            weight[i]` instead of the default behavior `out[n] += 1`.
        minlength: An integer. The default value is 0. If specified, there will be at least this
            number of bins in the output tensor. If greater than `max(x) + 1`, each value of the
            output at an index higher than `max(x)` is set to 0.
        sparse: Whether to return a sparse tensor; for backends that support sparse tensors.

    Returns:
        1D tensor where each element gives the number of occurrence(s) of its index value in x.
        Its length is the maximum between `max(x) + 1` and minlength.
    """
    if sparse:
        raise NotImplementedError(
            "bincount: `sparse=True` is not supported by torchkeras (torch has no sparse "
            "outputs for this op). Use `sparse=False`. See compat/DIFFERENCES.md."
        )
    x = to_tensor(x)
    if weights is None:
        dtype = torch.int32
    else:
        weights = to_tensor(weights)
        dtype = op_utils.result_dtype(x, weights)
    x64 = x.to(torch.int64)
    if x.dim() == 1:
        length = max(int(x64.max()) + 1 if x64.numel() else 0, minlength)
        w = None if weights is None else weights.to(torch.float64)
        return torch.bincount(x64, w, minlength=length).to(dtype)
    # Batched (2-D) input: one histogram per row, as Keras counts along the last axis.
    length = max(int(x64.max()) + 1 if x64.numel() else 0, minlength)
    rows = x64.shape[0]
    offsets = x64 + torch.arange(rows, device=x.device).unsqueeze(1) * length
    w = None if weights is None else weights.to(torch.float64).reshape(-1)
    counts = torch.bincount(offsets.reshape(-1), w, minlength=rows * length)
    return counts.reshape(rows, length).to(dtype)


@keras_op
def histogram(x, bins=10, range=None):
    """Computes a histogram of the data tensor `x`.

    Args:
        x: Input tensor (1-D).
        bins: An integer representing the number of histogram bins. Defaults to 10.
        range: A tuple representing the lower and upper range of the bins. If not specified, it
            will use the min and max of `x`.

    Returns:
        A tuple containing a tensor representing the counts of elements in each bin and a
        tensor representing the bin edges.
    """
    if not isinstance(bins, int):
        raise TypeError(f"Argument `bins` must be of type `int`. Received: bins={bins}")
    if bins < 0:
        raise ValueError(f"Argument `bins` should be a non-negative integer. Received: bins={bins}")
    if range:
        if len(range) < 2 or not isinstance(range, tuple):
            raise ValueError(
                f"Argument `range` must be a tuple of two elements. Received: range={range}"
            )
        if range[1] < range[0]:
            raise ValueError(
                "The second element of `range` must be greater than the first. "
                f"Received: range={range}"
            )
    x = to_tensor(x)
    if x.dim() > 1:
        raise ValueError(
            f"Input tensor must be 1-dimensional. Received: input.shape={tuple(x.shape)}"
        )
    if range is None:
        low, high = x.min(), x.max()
    else:
        low = torch.tensor(range[0], dtype=x.dtype, device=x.device)
        high = torch.tensor(range[1], dtype=x.dtype, device=x.device)
    x = x[(x >= low) & (x <= high)]
    edge_dtype = x.dtype if op_utils.is_float(x.dtype) else torch.float32
    fraction = torch.linspace(0, 1, bins + 1, dtype=torch.float64, device=x.device)
    edges = (low.to(torch.float64) + (high - low).to(torch.float64) * fraction).to(edge_dtype)
    edges = edges.to(x.dtype)
    index = torch.searchsorted(edges[1:-1].contiguous(), x.contiguous(), right=True)
    counts = torch.zeros(bins, dtype=x.dtype, device=x.device)
    counts = counts.index_add(0, index, torch.ones_like(x))
    return counts, edges


@keras_op
def diff(a, n=1, axis=-1):
    """Calculate the n-th discrete difference along the given axis.

    The first difference is given by `out[i] = a[i+1] - a[i]` along the given axis, higher
    differences are calculated by using diff recursively.

    Args:
        a: Input tensor.
        n: The number of times values are differenced. Defaults to `1`.
        axis: Axis to compute discrete difference(s) along. Defaults to `-1` (last axis).

    Returns:
        Tensor of diagonals.
    """
    a = to_tensor(a)
    if n == 0:
        return a
    if n < 0:
        raise ValueError(f"Order `n` must be non-negative. Received n={n}")
    if a.dim() == 0:
        raise ValueError(f"`diff` requires input that is at least one dimensional. Received: a={a}")
    for _ in range(n):
        upper = a.narrow(axis, 1, a.shape[axis] - 1)
        lower = a.narrow(axis, 0, a.shape[axis] - 1)
        a = torch.ne(upper, lower) if a.dtype == torch.bool else upper - lower
    return a


@keras_op
def trapezoid(y, x=None, dx=1.0, axis=-1):
    """Integrate along the given axis using the composite trapezoidal rule.

    Args:
        y: Input tensor.
        x: Optional tensor specifying sample points corresponding to `y`. If `None`, spacing is
            assumed to be `dx`.
        dx: Spacing between sample points when `x` is `None`.
        axis: Axis along which to integrate. Default is -1 (last axis).

    Returns:
        A tensor containing the integrated values.
    """
    y = to_tensor(y)
    y = y.to(op_utils.result_dtype(y, float))
    y = torch.movedim(y, axis, -1)
    heights = 0.5 * (y[..., 1:] + y[..., :-1])
    if x is None:
        return torch.sum(heights * dx, dim=-1)
    x = to_tensor(x, y.dtype)
    spacing = torch.diff(x, dim=axis)
    spacing = torch.movedim(spacing, axis, -1) if spacing.dim() > 1 else spacing
    return torch.sum(heights * spacing, dim=-1)


@keras_op
def corrcoef(x):
    """Compute the Pearson correlation coefficient matrix.

    Args:
        x: A 2D tensor of shape `(N, D)`, where N is the number of variables and D is the number
            of observations.

    Returns:
        A tensor of shape `(N, N)` representing the correlation matrix.
    """
    x = to_tensor(x)
    if x.dtype in (torch.bool, torch.int8, torch.int16, torch.int32, torch.uint8, torch.uint16):
        x = x.to(op_utils.floatx_torch())
    elif x.dtype == torch.int64:
        x = x.to(torch.float64)
    if x.dim() == 0:
        return torch.tensor(float("nan"), dtype=op_utils.floatx_torch(), device=x.device)
    centered = x - torch.mean(x, dim=-1, keepdim=True)
    samples = x.shape[-1]
    cov = torch.matmul(centered, centered.conj().transpose(-1, -2)) / (samples - 1)
    std = torch.sqrt(torch.real(torch.diagonal(cov, dim1=-2, dim2=-1)))
    corr = cov / torch.outer(std, std).to(cov.dtype)
    if corr.dtype in op_utils.COMPLEX:
        return torch.complex(torch.real(corr).clamp(-1, 1), torch.imag(corr).clamp(-1, 1))
    return corr.clamp(-1, 1)
