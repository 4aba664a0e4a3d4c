"""`tf.math` element-wise, segment and counting functions (also `tf.*` where TF exports them)."""

import builtins
import collections

import numpy as np
import torch

from torchkeras.compat.tensorflow import errors
from torchkeras.compat.tensorflow._convert import axis_arg
from torchkeras.compat.tensorflow._convert import match
from torchkeras.compat.tensorflow._convert import require_float
from torchkeras.compat.tensorflow._convert import to_tensor as _t
from torchkeras.compat.tensorflow._convert import torch_dtype


def _unary_float(op, fn):
    def apply(x, name=None):
        return fn(require_float(op, _t(x)))

    apply.__name__ = fn.__name__
    return apply


log = _unary_float("Log", torch.log)
log1p = _unary_float("Log1p", torch.log1p)
expm1 = _unary_float("Expm1", torch.expm1)
rsqrt = _unary_float("Rsqrt", torch.rsqrt)
sin = _unary_float("Sin", torch.sin)
cos = _unary_float("Cos", torch.cos)
tan = _unary_float("Tan", torch.tan)
asin = _unary_float("Asin", torch.asin)
acos = _unary_float("Acos", torch.acos)
atan = _unary_float("Atan", torch.atan)
sinh = _unary_float("Sinh", torch.sinh)
cosh = _unary_float("Cosh", torch.cosh)
tanh = _unary_float("Tanh", torch.tanh)
asinh = _unary_float("Asinh", torch.asinh)
acosh = _unary_float("Acosh", torch.acosh)
atanh = _unary_float("Atanh", torch.atanh)
erf = _unary_float("Erf", torch.erf)
erfc = _unary_float("Erfc", torch.erfc)
lgamma = _unary_float("Lgamma", torch.lgamma)
digamma = _unary_float("Digamma", torch.digamma)
sigmoid = _unary_float("Sigmoid", torch.sigmoid)
floor = _unary_float("Floor", torch.floor)
ceil = _unary_float("Ceil", torch.ceil)
is_nan = _unary_float("IsNan", torch.isnan)
is_inf = _unary_float("IsInf", torch.isinf)
is_finite = _unary_float("IsFinite", torch.isfinite)


erfinv = _unary_float("Erfinv", torch.erfinv)
ndtri = _unary_float("Ndtri", torch.special.ndtri)
rint = _unary_float("Rint", torch.round)
bessel_i0 = _unary_float("BesselI0", torch.special.i0)
bessel_i0e = _unary_float("BesselI0e", torch.special.i0e)
bessel_i1 = _unary_float("BesselI1", torch.special.i1)
bessel_i1e = _unary_float("BesselI1e", torch.special.i1e)


def reciprocal_no_nan(x, name=None):
    x = _t(x)
    return torch.where(x == 0, torch.zeros_like(x), 1 / torch.where(x == 0, torch.ones_like(x), x))


def xdivy(x, y, name=None):
    x, y = match("Xdivy", x, y, name=name or "")
    return torch.where(x == 0, torch.zeros_like(x), x / y)


def xlog1py(x, y, name=None):
    x, y = match("Xlog1py", x, y, name=name or "")
    return torch.special.xlog1py(x, y)


def igamma(a, x, name=None):
    a, x = match("Igamma", a, x, name=name or "")
    return torch.special.gammainc(a, x)


def igammac(a, x, name=None):
    a, x = match("Igammac", a, x, name=name or "")
    return torch.special.gammaincc(a, x)


def polygamma(a, x, name=None):
    a, x = match("Polygamma", a, x, name=name or "")
    return torch.special.polygamma(int(a.reshape(-1)[0]), x) if a.numel() == 1 else torch.stack(
        [torch.special.polygamma(int(n), v) for n, v in zip(a.reshape(-1), x.reshape(-1))]
    ).reshape(x.shape)


def zeta(x, q, name=None):
    x, q = match("Zeta", x, q, name=name or "")
    return torch.special.zeta(x, q)


def lbeta(x, name=None):
    """`log(|Beta(x)|)` over the last axis: `sum(lgamma(x)) - lgamma(sum(x))`."""
    x = _t(x)
    return torch.lgamma(x).sum(-1) - torch.lgamma(x.sum(-1))


def conj(x, name=None):
    x = _t(x)
    return torch.conj(x).resolve_conj() if x.is_complex() else x


def real(input, name=None):
    x = _t(input)
    return torch.real(x) if x.is_complex() else x


def imag(input, name=None):
    x = _t(input)
    return torch.imag(x) if x.is_complex() else torch.zeros_like(x)


def angle(input, name=None):
    return torch.angle(_t(input))


def cumulative_logsumexp(x, axis=0, exclusive=False, reverse=False, name=None):
    x = _t(x)
    axis = int(axis)
    if reverse:
        x = x.flip(axis)
    out = torch.logcumsumexp(x, dim=axis)
    if exclusive:
        first = torch.full_like(x.narrow(axis, 0, 1), float("-inf"))
        out = torch.cat([first, out.narrow(axis, 0, x.shape[axis] - 1)], dim=axis)
    return out.flip(axis) if reverse else out


def is_non_decreasing(x, name=None):
    x = _t(x).reshape(-1)
    return torch.all(x[1:] >= x[:-1])


def is_strictly_increasing(x, name=None):
    x = _t(x).reshape(-1)
    return torch.all(x[1:] > x[:-1])


def invert_permutation(x, name=None):
    x = _t(x)
    out = torch.empty_like(x)
    out[x.long()] = torch.arange(x.shape[0], dtype=x.dtype, device=x.device)
    return out


def nextafter(x1, x2, name=None):
    x1, x2 = match("NextAfter", x1, x2, name=name or "")
    return torch.nextafter(x1, x2)


def softmax(logits, axis=None, name=None):
    return torch.softmax(_t(logits), dim=-1 if axis is None else int(axis))


def log_softmax(logits, axis=None, name=None):
    return torch.log_softmax(_t(logits), dim=-1 if axis is None else int(axis))


def zero_fraction(value, name=None):
    return torch.mean((_t(value) == 0).to(torch.float32))


def log_sigmoid(x, name=None):
    return torch.nn.functional.logsigmoid(require_float("Softplus", _t(x)))


def softplus(features, name=None):
    x = require_float("Softplus", _t(features))
    return torch.nn.functional.softplus(x)


def softsign(features, name=None):
    return torch.nn.functional.softsign(require_float("Softsign", _t(features)))


def negative(x, name=None):
    return torch.negative(_t(x))


def sign(x, name=None):
    return torch.sign(_t(x))


def round(x, name=None):
    # Half to even, as TF (and torch.round) do.
    x = _t(x)
    return torch.round(x) if x.is_floating_point() else x


def reciprocal(x, name=None):
    x = _t(x)
    return torch.reciprocal(x) if x.is_floating_point() else torch.div(1, x, rounding_mode="trunc")


def square(x, name=None):
    return torch.square(_t(x))


def pow(x, y, name=None):
    x, y = match("Pow", x, y, name=name or "")
    return torch.pow(x, y)


def scalar_mul(scalar, x, name=None):
    x = _t(x)
    return x * scalar


def floordiv(x, y, name=None):
    x, y = match("FloorDiv", x, y, name=name or "")
    return torch.div(x, y, rounding_mode="floor")


def floormod(x, y, name=None):
    x, y = match("FloorMod", x, y, name=name or "")
    return torch.remainder(x, y)


mod = floormod


def truncatemod(x, y, name=None):
    x, y = match("TruncateMod", x, y, name=name or "")
    return torch.fmod(x, y)


def divide_no_nan(x, y, name=None):
    x, y = match("DivNoNan", x, y, name=name or "")
    return torch.where(y == 0, torch.zeros_like(x), x / torch.where(y == 0, torch.ones_like(y), y))


def multiply_no_nan(x, y, name=None):
    x, y = match("MulNoNan", x, y, name=name or "")
    return torch.where(y == 0, torch.zeros_like(x), x * y)


def squared_difference(x, y, name=None):
    x, y = match("SquaredDifference", x, y, name=name or "")
    return torch.square(x - y)


def xlogy(x, y, name=None):
    x, y = match("Xlogy", x, y, name=name or "")
    return torch.xlogy(x, y)


def atan2(y, x, name=None):
    y, x = match("Atan2", y, x, name=name or "")
    return torch.atan2(y, x)


def add_n(inputs, name=None):
    tensors = match("AddN", *inputs, name=name or "")
    return builtins.sum(tensors[1:], tensors[0])


def polyval(coeffs, x, name=None):
    x = _t(x)
    out = torch.zeros_like(x)
    for c in coeffs:
        out = out * x + c
    return out


def _logical(op, fn):
    def apply(x, y, name=None):
        for value in (x, y):
            if not isinstance(value, torch.Tensor) and np.asarray(value).dtype != np.bool_:
                raise TypeError(f"Cannot convert {value!r} to EagerTensor of dtype bool")
        x, y = match(op, x, y, name=name or "")
        if x.dtype != torch.bool:
            raise errors.InvalidArgumentError(
                f"cannot compute {op} as input #0(zero-based) was expected to be a bool tensor "
                f"but is a {_tf_name(x.dtype)} tensor [Op:{op}] name: "
            )
        return fn(x, y)

    return apply


def _tf_name(dtype):
    from torchkeras.compat.tensorflow._convert import tf_name

    return tf_name(dtype)


logical_and = _logical("LogicalAnd", torch.logical_and)
logical_or = _logical("LogicalOr", torch.logical_or)
logical_xor = _logical("LogicalXor", torch.logical_xor)


def logical_not(x, name=None):
    return torch.logical_not(_t(x))


def count_nonzero(input, axis=None, keepdims=None, dtype="int64", name=None):
    x = _t(input)
    axis = axis_arg(axis)
    dims = tuple(builtins.range(x.dim())) if axis is None else (
        (axis,) if isinstance(axis, int) else axis)
    out = torch.sum(x != 0, dim=dims, keepdim=bool(keepdims))
    return out.to(torch_dtype(dtype))


TopKV2 = collections.namedtuple("TopKV2", ["values", "indices"])


def top_k(input, k=1, sorted=True, index_type="int32", name=None):
    values, indices = torch.topk(_t(input), int(k), dim=-1, sorted=True)
    return TopKV2(values, indices.to(torch_dtype(index_type)))


def in_top_k(targets, predictions, k, name=None):
    # TF's signature in TF 2 is (targets, predictions, k); ties count as in the top k.
    predictions, targets = _t(predictions), _t(targets).long()
    target_scores = predictions.gather(1, targets.unsqueeze(1))
    higher = (predictions > target_scores).sum(dim=1)
    finite = torch.isfinite(target_scores.squeeze(1))
    return (higher < int(k)) & finite


def confusion_matrix(labels, predictions, num_classes=None, weights=None, dtype="int32",
                     name=None):
    labels, predictions = _t(labels).long().reshape(-1), _t(predictions).long().reshape(-1)
    if num_classes is None:
        num_classes = int(builtins.max(labels.max().item(), predictions.max().item())) + 1
    num_classes = int(num_classes)
    dtype = torch_dtype(dtype)
    values = torch.ones_like(labels, dtype=dtype) if weights is None else (
        _t(weights).reshape(-1).to(dtype))
    out = torch.zeros(num_classes * num_classes, dtype=dtype, device=labels.device)
    out.index_add_(0, labels * num_classes + predictions, values)
    return out.reshape(num_classes, num_classes)


def unsorted_segment_sum(data, segment_ids, num_segments, name=None):
    return _segment_reduce(data, segment_ids, int(num_segments), "sum")


def unsorted_segment_max(data, segment_ids, num_segments, name=None):
    return _segment_reduce(data, segment_ids, int(num_segments), "amax")


def unsorted_segment_min(data, segment_ids, num_segments, name=None):
    return _segment_reduce(data, segment_ids, int(num_segments), "amin")


def unsorted_segment_mean(data, segment_ids, num_segments, name=None):
    return _segment_reduce(data, segment_ids, int(num_segments), "mean")


def unsorted_segment_prod(data, segment_ids, num_segments, name=None):
    return _segment_reduce(data, segment_ids, int(num_segments), "prod")


def segment_sum(data, segment_ids, name=None):
    ids = _t(segment_ids)
    return _segment_reduce(data, ids, int(ids.max().item()) + 1 if ids.numel() else 0, "sum")


def segment_mean(data, segment_ids, name=None):
    ids = _t(segment_ids)
    return _segment_reduce(data, ids, int(ids.max().item()) + 1 if ids.numel() else 0, "mean")


def segment_max(data, segment_ids, name=None):
    ids = _t(segment_ids)
    return _segment_reduce(data, ids, int(ids.max().item()) + 1 if ids.numel() else 0, "amax")


def segment_min(data, segment_ids, name=None):
    ids = _t(segment_ids)
    return _segment_reduce(data, ids, int(ids.max().item()) + 1 if ids.numel() else 0, "amin")


def segment_prod(data, segment_ids, name=None):
    ids = _t(segment_ids)
    return _segment_reduce(data, ids, int(ids.max().item()) + 1 if ids.numel() else 0, "prod")


def unsorted_segment_sqrt_n(data, segment_ids, num_segments, name=None):
    """The segment sums divided by the square root of each segment's size."""
    total = _segment_reduce(data, segment_ids, int(num_segments), "sum")
    ones = torch.ones(_t(segment_ids).shape, dtype=total.dtype, device=total.device)
    count = _segment_reduce(ones, segment_ids, int(num_segments), "sum")
    count = count.reshape(count.shape + (1,) * (total.dim() - 1))
    return total / torch.sqrt(torch.clamp(count, min=1))


def _segment_reduce(data, segment_ids, num_segments, reduce):
    data, ids = _t(data), _t(segment_ids).long()
    # Rows of `data` (over the leading ids.dim() dims) go to segment ids[row].
    rows = data.reshape(-1, *data.shape[ids.dim():])
    ids = ids.reshape(-1)
    index = ids.reshape(-1, *([1] * (rows.dim() - 1))).expand_as(rows)
    if reduce in ("amax", "amin"):
        # Empty segments hold the dtype's lowest (max) or highest (min) value, as in TF.
        info = torch.finfo(rows.dtype) if rows.is_floating_point() else torch.iinfo(rows.dtype)
        fill = info.min if reduce == "amax" else info.max
    else:
        fill = 1 if reduce == "prod" else 0
    out = torch.full((num_segments, *rows.shape[1:]), fill, dtype=rows.dtype, device=rows.device)
    include_self = reduce not in ("mean",)
    out = out.scatter_reduce(0, index, rows, reduce, include_self=include_self)
    if reduce == "mean" and not rows.is_floating_point():
        out = out.to(rows.dtype)
    return out


def bincount(arr, weights=None, minlength=None, maxlength=None, dtype="int32", name=None,
             axis=None, binary_output=False):
    arr = _t(arr)
    flat = arr.reshape(-1).long()
    length = int(flat.max().item()) + 1 if flat.numel() else 0
    if minlength is not None:
        length = builtins.max(length, int(minlength))
    if maxlength is not None:
        length = builtins.min(length, int(maxlength))
        keep = flat < length
        flat = flat[keep]
        if weights is not None:
            weights = _t(weights).reshape(-1)[keep]
    if weights is not None:
        weights = _t(weights).reshape(-1)
        out = torch.zeros(length, dtype=weights.dtype, device=flat.device)
        return out.index_add_(0, flat, weights)
    out = torch.bincount(flat, minlength=length)[:length]
    if binary_output:
        out = (out > 0).to(out.dtype)
    return out.to(torch_dtype(dtype))


__all__ = [
    "acos", "acosh", "add_n", "angle", "asin", "asinh", "atan", "atan2", "atanh", "bessel_i0",
    "bessel_i0e", "bessel_i1", "bessel_i1e", "bincount", "ceil", "confusion_matrix", "conj", "cos",
    "cosh", "count_nonzero", "cumulative_logsumexp", "digamma", "divide_no_nan", "erf", "erfc",
    "erfinv", "expm1", "floor", "floordiv", "floormod", "igamma", "igammac", "imag", "in_top_k",
    "invert_permutation", "is_finite", "is_inf", "is_nan", "is_non_decreasing",
    "is_strictly_increasing", "lbeta", "lgamma", "log", "log1p", "log_sigmoid", "log_softmax",
    "logical_and", "logical_not", "logical_or", "logical_xor", "mod", "multiply_no_nan", "ndtri",
    "negative", "nextafter", "polygamma", "polyval", "pow", "real", "reciprocal",
    "reciprocal_no_nan", "rint", "round", "rsqrt", "scalar_mul", "segment_max", "segment_mean",
    "segment_min", "segment_prod", "segment_sum", "sigmoid", "sign", "sin", "sinh", "softmax",
    "softplus", "softsign", "squared_difference", "tan", "tanh", "top_k", "truncatemod",
    "unsorted_segment_max", "unsorted_segment_mean", "unsorted_segment_min",
    "unsorted_segment_prod", "unsorted_segment_sqrt_n", "unsorted_segment_sum", "xdivy", "xlog1py",
    "xlogy", "zero_fraction", "zeta",
]
