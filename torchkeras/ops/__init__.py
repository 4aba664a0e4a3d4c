"""`keras.ops`: backend-agnostic tensor functions, implemented on torch.

Every Keras 3 `keras.ops` name is here, flat, as in Keras, with the sub-namespaces
`keras.ops.numpy`, `keras.ops.nn`, `keras.ops.image` and `keras.ops.linalg`. Called on a symbolic
`KerasTensor` (a functional-model input), an op records a node of the graph instead of computing.
"""

from torchkeras.ops.core import associative_scan
from torchkeras.ops.core import cast
from torchkeras.ops.core import cond
from torchkeras.ops.core import convert_to_numpy
from torchkeras.ops.core import convert_to_tensor
from torchkeras.ops.core import custom_gradient
from torchkeras.ops.core import dtype
from torchkeras.ops.core import fori_loop
from torchkeras.ops.core import is_tensor
from torchkeras.ops.core import map
from torchkeras.ops.core import saturate_cast
from torchkeras.ops.core import scan
from torchkeras.ops.core import scatter
from torchkeras.ops.core import scatter_update
from torchkeras.ops.core import shape
from torchkeras.ops.core import slice
from torchkeras.ops.core import slice_update
from torchkeras.ops.core import stop_gradient
from torchkeras.ops.core import switch
from torchkeras.ops.core import unstack
from torchkeras.ops.core import vectorize
from torchkeras.ops.core import vectorized_map
from torchkeras.ops.core import while_loop
from torchkeras.ops.einops import rearrange
from torchkeras.ops.linalg import cholesky
from torchkeras.ops.linalg import cholesky_inverse
from torchkeras.ops.linalg import det
from torchkeras.ops.linalg import eig
from torchkeras.ops.linalg import eigh
from torchkeras.ops.linalg import inv
from torchkeras.ops.linalg import jvp
from torchkeras.ops.linalg import lstsq
from torchkeras.ops.linalg import lu_factor
from torchkeras.ops.linalg import matrix_rank
from torchkeras.ops.linalg import norm
from torchkeras.ops.linalg import pinv
from torchkeras.ops.linalg import qr
from torchkeras.ops.linalg import slogdet
from torchkeras.ops.linalg import solve
from torchkeras.ops.linalg import solve_triangular
from torchkeras.ops.linalg import svd
from torchkeras.ops.math import cdist
from torchkeras.ops.math import erf
from torchkeras.ops.math import erfc
from torchkeras.ops.math import erfinv
from torchkeras.ops.math import extract_sequences
from torchkeras.ops.math import fft
from torchkeras.ops.math import fft2
from torchkeras.ops.math import ifft2
from torchkeras.ops.math import in_top_k
from torchkeras.ops.math import irfft
from torchkeras.ops.math import istft
from torchkeras.ops.math import logdet
from torchkeras.ops.math import logsumexp
from torchkeras.ops.math import rfft
from torchkeras.ops.math import rsqrt
from torchkeras.ops.math import segment_max
from torchkeras.ops.math import segment_min
from torchkeras.ops.math import segment_prod
from torchkeras.ops.math import segment_sum
from torchkeras.ops.math import stft
from torchkeras.ops.math import top_k
from torchkeras.ops.math import view_as_complex
from torchkeras.ops.math import view_as_real
from torchkeras.ops.nn_activations import celu
from torchkeras.ops.nn_activations import elu
from torchkeras.ops.nn_activations import gelu
from torchkeras.ops.nn_activations import glu
from torchkeras.ops.nn_activations import hard_shrink
from torchkeras.ops.nn_activations import hard_sigmoid
from torchkeras.ops.nn_activations import hard_silu
from torchkeras.ops.nn_activations import hard_swish
from torchkeras.ops.nn_activations import hard_tanh
from torchkeras.ops.nn_activations import leaky_relu
from torchkeras.ops.nn_activations import log_sigmoid
from torchkeras.ops.nn_activations import log_softmax
from torchkeras.ops.nn_activations import relu
from torchkeras.ops.nn_activations import relu6
from torchkeras.ops.nn_activations import selu
from torchkeras.ops.nn_activations import sigmoid
from torchkeras.ops.nn_activations import silu
from torchkeras.ops.nn_activations import soft_shrink
from torchkeras.ops.nn_activations import softmax
from torchkeras.ops.nn_activations import softplus
from torchkeras.ops.nn_activations import softsign
from torchkeras.ops.nn_activations import sparse_plus
from torchkeras.ops.nn_activations import sparse_sigmoid
from torchkeras.ops.nn_activations import sparsemax
from torchkeras.ops.nn_activations import squareplus
from torchkeras.ops.nn_activations import swish
from torchkeras.ops.nn_activations import tanh_shrink
from torchkeras.ops.nn_activations import threshold
from torchkeras.ops.nn_conv import adaptive_average_pool
from torchkeras.ops.nn_conv import adaptive_max_pool
from torchkeras.ops.nn_conv import average_pool
from torchkeras.ops.nn_conv import conv
from torchkeras.ops.nn_conv import conv_transpose
from torchkeras.ops.nn_conv import depth_to_space
from torchkeras.ops.nn_conv import depthwise_conv
from torchkeras.ops.nn_conv import fold
from torchkeras.ops.nn_conv import max_pool
from torchkeras.ops.nn_conv import separable_conv
from torchkeras.ops.nn_conv import space_to_depth
from torchkeras.ops.nn_conv import unfold
from torchkeras.ops.nn_functions import batch_normalization
from torchkeras.ops.nn_functions import binary_crossentropy
from torchkeras.ops.nn_functions import categorical_crossentropy
from torchkeras.ops.nn_functions import ctc_decode
from torchkeras.ops.nn_functions import ctc_loss
from torchkeras.ops.nn_functions import dot_product_attention
from torchkeras.ops.nn_functions import layer_normalization
from torchkeras.ops.nn_functions import moments
from torchkeras.ops.nn_functions import multi_hot
from torchkeras.ops.nn_functions import normalize
from torchkeras.ops.nn_functions import one_hot
from torchkeras.ops.nn_functions import polar
from torchkeras.ops.nn_functions import psnr
from torchkeras.ops.nn_functions import rms_normalization
from torchkeras.ops.nn_functions import sparse_categorical_crossentropy
from torchkeras.ops.numpy_creation import arange
from torchkeras.ops.numpy_creation import array
from torchkeras.ops.numpy_creation import bartlett
from torchkeras.ops.numpy_creation import blackman
from torchkeras.ops.numpy_creation import empty
from torchkeras.ops.numpy_creation import empty_like
from torchkeras.ops.numpy_creation import eye
from torchkeras.ops.numpy_creation import full
from torchkeras.ops.numpy_creation import full_like
from torchkeras.ops.numpy_creation import geomspace
from torchkeras.ops.numpy_creation import hamming
from torchkeras.ops.numpy_creation import hanning
from torchkeras.ops.numpy_creation import identity
from torchkeras.ops.numpy_creation import kaiser
from torchkeras.ops.numpy_creation import linspace
from torchkeras.ops.numpy_creation import logspace
from torchkeras.ops.numpy_creation import ones
from torchkeras.ops.numpy_creation import ones_like
from torchkeras.ops.numpy_creation import tri
from torchkeras.ops.numpy_creation import vander
from torchkeras.ops.numpy_creation import zeros
from torchkeras.ops.numpy_creation import zeros_like
from torchkeras.ops.numpy_elementwise import abs
from torchkeras.ops.numpy_elementwise import absolute
from torchkeras.ops.numpy_elementwise import add
from torchkeras.ops.numpy_elementwise import allclose
from torchkeras.ops.numpy_elementwise import angle
from torchkeras.ops.numpy_elementwise import arccos
from torchkeras.ops.numpy_elementwise import arccosh
from torchkeras.ops.numpy_elementwise import arcsin
from torchkeras.ops.numpy_elementwise import arcsinh
from torchkeras.ops.numpy_elementwise import arctan
from torchkeras.ops.numpy_elementwise import arctan2
from torchkeras.ops.numpy_elementwise import arctanh
from torchkeras.ops.numpy_elementwise import bitwise_and
from torchkeras.ops.numpy_elementwise import bitwise_invert
from torchkeras.ops.numpy_elementwise import bitwise_left_shift
from torchkeras.ops.numpy_elementwise import bitwise_not
from torchkeras.ops.numpy_elementwise import bitwise_or
from torchkeras.ops.numpy_elementwise import bitwise_right_shift
from torchkeras.ops.numpy_elementwise import bitwise_xor
from torchkeras.ops.numpy_elementwise import cbrt
from torchkeras.ops.numpy_elementwise import ceil
from torchkeras.ops.numpy_elementwise import clip
from torchkeras.ops.numpy_elementwise import conj
from torchkeras.ops.numpy_elementwise import conjugate
from torchkeras.ops.numpy_elementwise import cos
from torchkeras.ops.numpy_elementwise import cosh
from torchkeras.ops.numpy_elementwise import deg2rad
from torchkeras.ops.numpy_elementwise import divide
from torchkeras.ops.numpy_elementwise import divide_no_nan
from torchkeras.ops.numpy_elementwise import equal
from torchkeras.ops.numpy_elementwise import exp
from torchkeras.ops.numpy_elementwise import exp2
from torchkeras.ops.numpy_elementwise import expm1
from torchkeras.ops.numpy_elementwise import fabs
from torchkeras.ops.numpy_elementwise import floor
from torchkeras.ops.numpy_elementwise import floor_divide
from torchkeras.ops.numpy_elementwise import fmax
from torchkeras.ops.numpy_elementwise import fmin
from torchkeras.ops.numpy_elementwise import fmod
from torchkeras.ops.numpy_elementwise import gcd
from torchkeras.ops.numpy_elementwise import greater
from torchkeras.ops.numpy_elementwise import greater_equal
from torchkeras.ops.numpy_elementwise import heaviside
from torchkeras.ops.numpy_elementwise import hypot
from torchkeras.ops.numpy_elementwise import i0
from torchkeras.ops.numpy_elementwise import imag
from torchkeras.ops.numpy_elementwise import isclose
from torchkeras.ops.numpy_elementwise import isfinite
from torchkeras.ops.numpy_elementwise import isinf
from torchkeras.ops.numpy_elementwise import isnan
from torchkeras.ops.numpy_elementwise import isneginf
from torchkeras.ops.numpy_elementwise import isposinf
from torchkeras.ops.numpy_elementwise import isreal
from torchkeras.ops.numpy_elementwise import lcm
from torchkeras.ops.numpy_elementwise import ldexp
from torchkeras.ops.numpy_elementwise import left_shift
from torchkeras.ops.numpy_elementwise import less
from torchkeras.ops.numpy_elementwise import less_equal
from torchkeras.ops.numpy_elementwise import log
from torchkeras.ops.numpy_elementwise import log10
from torchkeras.ops.numpy_elementwise import log1p
from torchkeras.ops.numpy_elementwise import log2
from torchkeras.ops.numpy_elementwise import logaddexp
from torchkeras.ops.numpy_elementwise import logaddexp2
from torchkeras.ops.numpy_elementwise import logical_and
from torchkeras.ops.numpy_elementwise import logical_not
from torchkeras.ops.numpy_elementwise import logical_or
from torchkeras.ops.numpy_elementwise import logical_xor
from torchkeras.ops.numpy_elementwise import maximum
from torchkeras.ops.numpy_elementwise import minimum
from torchkeras.ops.numpy_elementwise import mod
from torchkeras.ops.numpy_elementwise import multiply
from torchkeras.ops.numpy_elementwise import nan_to_num
from torchkeras.ops.numpy_elementwise import negative
from torchkeras.ops.numpy_elementwise import nextafter
from torchkeras.ops.numpy_elementwise import not_equal
from torchkeras.ops.numpy_elementwise import power
from torchkeras.ops.numpy_elementwise import rad2deg
from torchkeras.ops.numpy_elementwise import real
from torchkeras.ops.numpy_elementwise import reciprocal
from torchkeras.ops.numpy_elementwise import right_shift
from torchkeras.ops.numpy_elementwise import round
from torchkeras.ops.numpy_elementwise import sign
from torchkeras.ops.numpy_elementwise import signbit
from torchkeras.ops.numpy_elementwise import sin
from torchkeras.ops.numpy_elementwise import sinc
from torchkeras.ops.numpy_elementwise import sinh
from torchkeras.ops.numpy_elementwise import sqrt
from torchkeras.ops.numpy_elementwise import square
from torchkeras.ops.numpy_elementwise import subtract
from torchkeras.ops.numpy_elementwise import tan
from torchkeras.ops.numpy_elementwise import tanh
from torchkeras.ops.numpy_elementwise import true_divide
from torchkeras.ops.numpy_elementwise import trunc
from torchkeras.ops.numpy_products import correlate
from torchkeras.ops.numpy_products import cross
from torchkeras.ops.numpy_products import dot
from torchkeras.ops.numpy_products import einsum
from torchkeras.ops.numpy_products import inner
from torchkeras.ops.numpy_products import kron
from torchkeras.ops.numpy_products import matmul
from torchkeras.ops.numpy_products import outer
from torchkeras.ops.numpy_products import tensordot
from torchkeras.ops.numpy_products import trace
from torchkeras.ops.numpy_products import vdot
from torchkeras.ops.numpy_reductions import all
from torchkeras.ops.numpy_reductions import amax
from torchkeras.ops.numpy_reductions import amin
from torchkeras.ops.numpy_reductions import any
from torchkeras.ops.numpy_reductions import argmax
from torchkeras.ops.numpy_reductions import argmin
from torchkeras.ops.numpy_reductions import average
from torchkeras.ops.numpy_reductions import count_nonzero
from torchkeras.ops.numpy_reductions import cumprod
from torchkeras.ops.numpy_reductions import cumsum
from torchkeras.ops.numpy_reductions import max
from torchkeras.ops.numpy_reductions import mean
from torchkeras.ops.numpy_reductions import median
from torchkeras.ops.numpy_reductions import min
from torchkeras.ops.numpy_reductions import nanargmax
from torchkeras.ops.numpy_reductions import nanargmin
from torchkeras.ops.numpy_reductions import nancumprod
from torchkeras.ops.numpy_reductions import nancumsum
from torchkeras.ops.numpy_reductions import nanmax
from torchkeras.ops.numpy_reductions import nanmean
from torchkeras.ops.numpy_reductions import nanmedian
from torchkeras.ops.numpy_reductions import nanmin
from torchkeras.ops.numpy_reductions import nanpercentile
from torchkeras.ops.numpy_reductions import nanprod
from torchkeras.ops.numpy_reductions import nanquantile
from torchkeras.ops.numpy_reductions import nanstd
from torchkeras.ops.numpy_reductions import nansum
from torchkeras.ops.numpy_reductions import nanvar
from torchkeras.ops.numpy_reductions import percentile
from torchkeras.ops.numpy_reductions import prod
from torchkeras.ops.numpy_reductions import ptp
from torchkeras.ops.numpy_reductions import quantile
from torchkeras.ops.numpy_reductions import std
from torchkeras.ops.numpy_reductions import sum
from torchkeras.ops.numpy_reductions import var
from torchkeras.ops.numpy_selection import argpartition
from torchkeras.ops.numpy_selection import argsort
from torchkeras.ops.numpy_selection import digitize
from torchkeras.ops.numpy_selection import isin
from torchkeras.ops.numpy_selection import nonzero
from torchkeras.ops.numpy_selection import searchsorted
from torchkeras.ops.numpy_selection import select
from torchkeras.ops.numpy_selection import sort
from torchkeras.ops.numpy_selection import unique
from torchkeras.ops.numpy_selection import unravel_index
from torchkeras.ops.numpy_selection import where
from torchkeras.ops.numpy_shape import append
from torchkeras.ops.numpy_shape import array_split
from torchkeras.ops.numpy_shape import broadcast_to
from torchkeras.ops.numpy_shape import concatenate
from torchkeras.ops.numpy_shape import copy
from torchkeras.ops.numpy_shape import diag
from torchkeras.ops.numpy_shape import diagflat
from torchkeras.ops.numpy_shape import diagonal
from torchkeras.ops.numpy_shape import dsplit
from torchkeras.ops.numpy_shape import dstack
from torchkeras.ops.numpy_shape import expand_dims
from torchkeras.ops.numpy_shape import flip
from torchkeras.ops.numpy_shape import fliplr
from torchkeras.ops.numpy_shape import flipud
from torchkeras.ops.numpy_shape import get_item
from torchkeras.ops.numpy_shape import hsplit
from torchkeras.ops.numpy_shape import hstack
from torchkeras.ops.numpy_shape import meshgrid
from torchkeras.ops.numpy_shape import moveaxis
from torchkeras.ops.numpy_shape import ndim
from torchkeras.ops.numpy_shape import pad
from torchkeras.ops.numpy_shape import ravel
from torchkeras.ops.numpy_shape import repeat
from torchkeras.ops.numpy_shape import reshape
from torchkeras.ops.numpy_shape import roll
from torchkeras.ops.numpy_shape import rot90
from torchkeras.ops.numpy_shape import size
from torchkeras.ops.numpy_shape import split
from torchkeras.ops.numpy_shape import squeeze
from torchkeras.ops.numpy_shape import stack
from torchkeras.ops.numpy_shape import swapaxes
from torchkeras.ops.numpy_shape import take
from torchkeras.ops.numpy_shape import take_along_axis
from torchkeras.ops.numpy_shape import tile
from torchkeras.ops.numpy_shape import transpose
from torchkeras.ops.numpy_shape import tril
from torchkeras.ops.numpy_shape import triu
from torchkeras.ops.numpy_shape import view
from torchkeras.ops.numpy_shape import vsplit
from torchkeras.ops.numpy_shape import vstack
from torchkeras.ops.numpy_statistics import bincount
from torchkeras.ops.numpy_statistics import corrcoef
from torchkeras.ops.numpy_statistics import diff
from torchkeras.ops.numpy_statistics import histogram
from torchkeras.ops.numpy_statistics import trapezoid
from torchkeras.ops import image
from torchkeras.ops import linalg
from torchkeras.ops import nn
from torchkeras.ops import numpy

__all__ = [
    "image",
    "linalg",
    "nn",
    "numpy",
    "abs",
    "absolute",
    "adaptive_average_pool",
    "adaptive_max_pool",
    "add",
    "all",
    "allclose",
    "amax",
    "amin",
    "angle",
    "any",
    "append",
    "arange",
    "arccos",
    "arccosh",
    "arcsin",
    "arcsinh",
    "arctan",
    "arctan2",
    "arctanh",
    "argmax",
    "argmin",
    "argpartition",
    "argsort",
    "array",
    "array_split",
    "associative_scan",
    "average",
    "average_pool",
    "bartlett",
    "batch_normalization",
    "binary_crossentropy",
    "bincount",
    "bitwise_and",
    "bitwise_invert",
    "bitwise_left_shift",
    "bitwise_not",
    "bitwise_or",
    "bitwise_right_shift",
    "bitwise_xor",
    "blackman",
    "broadcast_to",
    "cast",
    "categorical_crossentropy",
    "cbrt",
    "cdist",
    "ceil",
    "celu",
    "cholesky",
    "cholesky_inverse",
    "clip",
    "concatenate",
    "cond",
    "conj",
    "conjugate",
    "conv",
    "conv_transpose",
    "convert_to_numpy",
    "convert_to_tensor",
    "copy",
    "corrcoef",
    "correlate",
    "cos",
    "cosh",
    "count_nonzero",
    "cross",
    "ctc_decode",
    "ctc_loss",
    "cumprod",
    "cumsum",
    "custom_gradient",
    "deg2rad",
    "depth_to_space",
    "depthwise_conv",
    "det",
    "diag",
    "diagflat",
    "diagonal",
    "diff",
    "digitize",
    "divide",
    "divide_no_nan",
    "dot",
    "dot_product_attention",
    "dsplit",
    "dstack",
    "dtype",
    "eig",
    "eigh",
    "einsum",
    "elu",
    "empty",
    "empty_like",
    "equal",
    "erf",
    "erfc",
    "erfinv",
    "exp",
    "exp2",
    "expand_dims",
    "expm1",
    "extract_sequences",
    "eye",
    "fabs",
    "fft",
    "fft2",
    "flip",
    "fliplr",
    "flipud",
    "floor",
    "floor_divide",
    "fmax",
    "fmin",
    "fmod",
    "fold",
    "fori_loop",
    "full",
    "full_like",
    "gcd",
    "gelu",
    "geomspace",
    "get_item",
    "glu",
    "greater",
    "greater_equal",
    "hamming",
    "hanning",
    "hard_shrink",
    "hard_sigmoid",
    "hard_silu",
    "hard_swish",
    "hard_tanh",
    "heaviside",
    "histogram",
    "hsplit",
    "hstack",
    "hypot",
    "i0",
    "identity",
    "ifft2",
    "imag",
    "in_top_k",
    "inner",
    "inv",
    "irfft",
    "is_tensor",
    "isclose",
    "isfinite",
    "isin",
    "isinf",
    "isnan",
    "isneginf",
    "isposinf",
    "isreal",
    "istft",
    "jvp",
    "kaiser",
    "kron",
    "layer_normalization",
    "lcm",
    "ldexp",
    "leaky_relu",
    "left_shift",
    "less",
    "less_equal",
    "linspace",
    "log",
    "log10",
    "log1p",
    "log2",
    "log_sigmoid",
    "log_softmax",
    "logaddexp",
    "logaddexp2",
    "logdet",
    "logical_and",
    "logical_not",
    "logical_or",
    "logical_xor",
    "logspace",
    "logsumexp",
    "lstsq",
    "lu_factor",
    "map",
    "matmul",
    "matrix_rank",
    "max",
    "max_pool",
    "maximum",
    "mean",
    "median",
    "meshgrid",
    "min",
    "minimum",
    "mod",
    "moments",
    "moveaxis",
    "multi_hot",
    "multiply",
    "nan_to_num",
    "nanargmax",
    "nanargmin",
    "nancumprod",
    "nancumsum",
    "nanmax",
    "nanmean",
    "nanmedian",
    "nanmin",
    "nanpercentile",
    "nanprod",
    "nanquantile",
    "nanstd",
    "nansum",
    "nanvar",
    "ndim",
    "negative",
    "nextafter",
    "nonzero",
    "norm",
    "normalize",
    "not_equal",
    "one_hot",
    "ones",
    "ones_like",
    "outer",
    "pad",
    "percentile",
    "pinv",
    "polar",
    "power",
    "prod",
    "psnr",
    "ptp",
    "qr",
    "quantile",
    "rad2deg",
    "ravel",
    "real",
    "rearrange",
    "reciprocal",
    "relu",
    "relu6",
    "repeat",
    "reshape",
    "rfft",
    "right_shift",
    "rms_normalization",
    "roll",
    "rot90",
    "round",
    "rsqrt",
    "saturate_cast",
    "scan",
    "scatter",
    "scatter_update",
    "searchsorted",
    "segment_max",
    "segment_min",
    "segment_prod",
    "segment_sum",
    "select",
    "selu",
    "separable_conv",
    "shape",
    "sigmoid",
    "sign",
    "signbit",
    "silu",
    "sin",
    "sinc",
    "sinh",
    "size",
    "slice",
    "slice_update",
    "slogdet",
    "soft_shrink",
    "softmax",
    "softplus",
    "softsign",
    "solve",
    "solve_triangular",
    "sort",
    "space_to_depth",
    "sparse_categorical_crossentropy",
    "sparse_plus",
    "sparse_sigmoid",
    "sparsemax",
    "split",
    "sqrt",
    "square",
    "squareplus",
    "squeeze",
    "stack",
    "std",
    "stft",
    "stop_gradient",
    "subtract",
    "sum",
    "svd",
    "swapaxes",
    "swish",
    "switch",
    "take",
    "take_along_axis",
    "tan",
    "tanh",
    "tanh_shrink",
    "tensordot",
    "threshold",
    "tile",
    "top_k",
    "trace",
    "transpose",
    "trapezoid",
    "tri",
    "tril",
    "triu",
    "true_divide",
    "trunc",
    "unfold",
    "unique",
    "unravel_index",
    "unstack",
    "vander",
    "var",
    "vdot",
    "vectorize",
    "vectorized_map",
    "view",
    "view_as_complex",
    "view_as_real",
    "vsplit",
    "vstack",
    "where",
    "while_loop",
    "zeros",
    "zeros_like",
]
