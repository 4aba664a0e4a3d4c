"""`keras.ops.numpy`: the NumPy-like functions of `keras.ops` (implemented in `numpy_*.py`)."""

from torchkeras.ops.core import vectorize
from torchkeras.ops.linalg import slogdet
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

__all__ = [
    "abs",
    "absolute",
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
    "average",
    "bartlett",
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
    "cbrt",
    "ceil",
    "clip",
    "concatenate",
    "conj",
    "conjugate",
    "copy",
    "corrcoef",
    "correlate",
    "cos",
    "cosh",
    "count_nonzero",
    "cross",
    "cumprod",
    "cumsum",
    "deg2rad",
    "diag",
    "diagflat",
    "diagonal",
    "diff",
    "digitize",
    "divide",
    "divide_no_nan",
    "dot",
    "dsplit",
    "dstack",
    "einsum",
    "empty",
    "empty_like",
    "equal",
    "exp",
    "exp2",
    "expand_dims",
    "expm1",
    "eye",
    "fabs",
    "flip",
    "fliplr",
    "flipud",
    "floor",
    "floor_divide",
    "fmax",
    "fmin",
    "fmod",
    "full",
    "full_like",
    "gcd",
    "geomspace",
    "get_item",
    "greater",
    "greater_equal",
    "hamming",
    "hanning",
    "heaviside",
    "histogram",
    "hsplit",
    "hstack",
    "hypot",
    "i0",
    "identity",
    "imag",
    "inner",
    "isclose",
    "isfinite",
    "isin",
    "isinf",
    "isnan",
    "isneginf",
    "isposinf",
    "isreal",
    "kaiser",
    "kron",
    "lcm",
    "ldexp",
    "left_shift",
    "less",
    "less_equal",
    "linspace",
    "log",
    "log10",
    "log1p",
    "log2",
    "logaddexp",
    "logaddexp2",
    "logical_and",
    "logical_not",
    "logical_or",
    "logical_xor",
    "logspace",
    "matmul",
    "max",
    "maximum",
    "mean",
    "median",
    "meshgrid",
    "min",
    "minimum",
    "mod",
    "moveaxis",
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
    "not_equal",
    "ones",
    "ones_like",
    "outer",
    "pad",
    "percentile",
    "power",
    "prod",
    "ptp",
    "quantile",
    "rad2deg",
    "ravel",
    "real",
    "reciprocal",
    "repeat",
    "reshape",
    "right_shift",
    "roll",
    "rot90",
    "round",
    "searchsorted",
    "select",
    "sign",
    "signbit",
    "sin",
    "sinc",
    "sinh",
    "size",
    "slogdet",
    "sort",
    "split",
    "sqrt",
    "square",
    "squeeze",
    "stack",
    "std",
    "subtract",
    "sum",
    "swapaxes",
    "take",
    "take_along_axis",
    "tan",
    "tanh",
    "tensordot",
    "tile",
    "trace",
    "transpose",
    "trapezoid",
    "tri",
    "tril",
    "triu",
    "true_divide",
    "trunc",
    "unique",
    "unravel_index",
    "vander",
    "var",
    "vdot",
    "vectorize",
    "view",
    "vsplit",
    "vstack",
    "where",
    "zeros",
    "zeros_like",
]
