"""`tf.math`: element-wise, reduction, segment and counting functions."""

from torchkeras.compat.tensorflow.array_ops import cumprod  # noqa: F401
from torchkeras.compat.tensorflow.array_ops import cumsum  # noqa: F401
from torchkeras.compat.tensorflow.linalg import l2_normalize  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import acos  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import acosh  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import add_n  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import asin  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import asinh  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import atan  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import atan2  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import atanh  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import bincount  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import ceil  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import confusion_matrix  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import cos  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import cosh  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import count_nonzero  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import digamma  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import divide_no_nan  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import erf  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import erfc  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import expm1  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import floor  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import floordiv  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import floormod  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import in_top_k  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import is_finite  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import is_inf  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import is_nan  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import lgamma  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import log  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import log1p  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import log_sigmoid  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import logical_and  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import logical_not  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import logical_or  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import logical_xor  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import mod  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import multiply_no_nan  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import negative  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import polyval  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import pow  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import reciprocal  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import round  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import rsqrt  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import scalar_mul  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import segment_max  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import segment_mean  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import segment_sum  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import sigmoid  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import sign  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import sin  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import sinh  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import softplus  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import softsign  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import squared_difference  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import tan  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import tanh  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import top_k  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import unsorted_segment_max  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import unsorted_segment_mean  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import unsorted_segment_min  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import unsorted_segment_prod  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import unsorted_segment_sum  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import xlogy  # noqa: F401
from torchkeras.compat.tensorflow.ops import abs  # noqa: F401
from torchkeras.compat.tensorflow.ops import add  # noqa: F401
from torchkeras.compat.tensorflow.ops import argmax  # noqa: F401
from torchkeras.compat.tensorflow.ops import argmin  # noqa: F401
from torchkeras.compat.tensorflow.ops import divide  # noqa: F401
from torchkeras.compat.tensorflow.ops import equal  # noqa: F401
from torchkeras.compat.tensorflow.ops import exp  # noqa: F401
from torchkeras.compat.tensorflow.ops import greater  # noqa: F401
from torchkeras.compat.tensorflow.ops import greater_equal  # noqa: F401
from torchkeras.compat.tensorflow.ops import less  # noqa: F401
from torchkeras.compat.tensorflow.ops import less_equal  # noqa: F401
from torchkeras.compat.tensorflow.ops import maximum  # noqa: F401
from torchkeras.compat.tensorflow.ops import minimum  # noqa: F401
from torchkeras.compat.tensorflow.ops import multiply  # noqa: F401
from torchkeras.compat.tensorflow.ops import not_equal  # noqa: F401
from torchkeras.compat.tensorflow.ops import reduce_all  # noqa: F401
from torchkeras.compat.tensorflow.ops import reduce_any  # noqa: F401
from torchkeras.compat.tensorflow.ops import reduce_euclidean_norm  # noqa: F401
from torchkeras.compat.tensorflow.ops import reduce_logsumexp  # noqa: F401
from torchkeras.compat.tensorflow.ops import reduce_max  # noqa: F401
from torchkeras.compat.tensorflow.ops import reduce_mean  # noqa: F401
from torchkeras.compat.tensorflow.ops import reduce_min  # noqa: F401
from torchkeras.compat.tensorflow.ops import reduce_prod  # noqa: F401
from torchkeras.compat.tensorflow.ops import reduce_std  # noqa: F401
from torchkeras.compat.tensorflow.ops import reduce_sum  # noqa: F401
from torchkeras.compat.tensorflow.ops import reduce_variance  # noqa: F401
from torchkeras.compat.tensorflow.ops import sqrt  # noqa: F401
from torchkeras.compat.tensorflow.ops import square  # noqa: F401
from torchkeras.compat.tensorflow.ops import subtract  # noqa: F401
from torchkeras.compat.tensorflow.ops import truediv  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import angle  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import bessel_i0  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import bessel_i0e  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import bessel_i1  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import bessel_i1e  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import conj  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import cumulative_logsumexp  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import erfinv  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import igamma  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import igammac  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import imag  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import invert_permutation  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import is_non_decreasing  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import is_strictly_increasing  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import lbeta  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import log_softmax  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import ndtri  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import nextafter  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import polygamma  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import real  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import reciprocal_no_nan  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import rint  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import segment_min  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import segment_prod  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import softmax  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import unsorted_segment_sqrt_n  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import xdivy  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import xlog1py  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import zero_fraction  # noqa: F401
from torchkeras.compat.tensorflow.math_ops import zeta  # noqa: F401


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(
        f"tf.math.{name} is not provided by torchkeras.compat. Use the torch or `keras.ops` "
        "equivalent, or see compat/DIFFERENCES.md."
    )


__all__ = [
    "abs",
    "acos",
    "acosh",
    "add",
    "add_n",
    "angle",
    "argmax",
    "argmin",
    "asin",
    "asinh",
    "atan",
    "atan2",
    "atanh",
    "bessel_i0",
    "bessel_i0e",
    "bessel_i1",
    "bessel_i1e",
    "bincount",
    "ceil",
    "confusion_matrix",
    "conj",
    "cos",
    "cosh",
    "count_nonzero",
    "cumprod",
    "cumsum",
    "cumulative_logsumexp",
    "digamma",
    "divide",
    "divide_no_nan",
    "equal",
    "erf",
    "erfc",
    "erfinv",
    "exp",
    "expm1",
    "floor",
    "floordiv",
    "floormod",
    "greater",
    "greater_equal",
    "igamma",
    "igammac",
    "imag",
    "in_top_k",
    "invert_permutation",
    "is_finite",
    "is_inf",
    "is_nan",
    "is_non_decreasing",
    "is_strictly_increasing",
    "l2_normalize",
    "lbeta",
    "less",
    "less_equal",
    "lgamma",
    "log",
    "log1p",
    "log_sigmoid",
    "log_softmax",
    "logical_and",
    "logical_not",
    "logical_or",
    "logical_xor",
    "maximum",
    "minimum",
    "mod",
    "multiply",
    "multiply_no_nan",
    "ndtri",
    "negative",
    "nextafter",
    "not_equal",
    "polygamma",
    "polyval",
    "pow",
    "real",
    "reciprocal",
    "reciprocal_no_nan",
    "reduce_all",
    "reduce_any",
    "reduce_euclidean_norm",
    "reduce_logsumexp",
    "reduce_max",
    "reduce_mean",
    "reduce_min",
    "reduce_prod",
    "reduce_std",
    "reduce_sum",
    "reduce_variance",
    "rint",
    "round",
    "rsqrt",
    "scalar_mul",
    "segment_max",
    "segment_mean",
    "segment_min",
    "segment_prod",
    "segment_sum",
    "sigmoid",
    "sign",
    "sin",
    "sinh",
    "softmax",
    "softplus",
    "softsign",
    "sqrt",
    "square",
    "squared_difference",
    "subtract",
    "tan",
    "tanh",
    "top_k",
    "truediv",
    "unsorted_segment_max",
    "unsorted_segment_mean",
    "unsorted_segment_min",
    "unsorted_segment_prod",
    "unsorted_segment_sqrt_n",
    "unsorted_segment_sum",
    "xdivy",
    "xlog1py",
    "xlogy",
    "zero_fraction",
    "zeta",
]
