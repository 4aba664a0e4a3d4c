"""The `keras.ops` cases replayed against goldens recorded with real Keras.

This module imports only NumPy, so both the recorder (`record_goldens.py`, run with real Keras
3.15.1 on TensorFlow) and the test (`test_op_goldens.py`, run with torchkeras) read the same
cases. Every input comes from a fixed-seed NumPy generator, in file order: appending cases is
safe, inserting cases in the middle changes the data of the cases after them (re-record).

A case calls `ops.<op>(*args, **kwargs)`; `op` may name a sub-namespace (`"image.resize"`).
`Fn("name")` arguments are functions built from the `ops` module under test (see `FUNCTIONS`).
"""

import numpy as np

_rng = np.random.default_rng(20240915)


def f32(*shape, lo=-2.0, hi=2.0):
    return _rng.uniform(lo, hi, shape).astype("float32")


def f64(*shape, lo=-2.0, hi=2.0):
    return _rng.uniform(lo, hi, shape).astype("float64")


def i32(*shape, lo=-5, hi=5):
    return _rng.integers(lo, hi, shape).astype("int32")


def i64(*shape, lo=-5, hi=5):
    return _rng.integers(lo, hi, shape).astype("int64")


def bools(*shape):
    return _rng.integers(0, 2, shape).astype("bool")


class Case:
    """One call of an op, compared with Keras on its outputs' values, dtypes and shapes."""

    def __init__(self, name, op, *args, rtol=None, atol=None, error=False, **kwargs):
        self.name = name
        self.op = op
        self.args = args
        self.kwargs = kwargs
        self.rtol = rtol
        self.atol = atol
        self.error = error


class Fn:
    """A function argument, built from the `ops` module under test."""

    def __init__(self, name):
        self.name = name


class AsTensor:
    """An argument converted with `ops.convert_to_tensor` first (some Keras ops need tensors)."""

    def __init__(self, value):
        self.value = value


FUNCTIONS = {
    "scan_sum": lambda ops: (lambda carry, x: (ops.add(carry, x), ops.multiply(carry, x))),
    "scan_no_xs": lambda ops: (lambda carry, x: (ops.multiply(carry, 2.0), carry)),
    "map_square": lambda ops: (lambda x: ops.sum(ops.square(x))),
    "fori_body": lambda ops: (lambda i, v: ops.add(v, ops.cast(i, "float32"))),
    "while_cond": lambda ops: (lambda a, b: ops.less(a, 10)),
    "while_body": lambda ops: (lambda a, b: (ops.add(a, 3), ops.multiply(b, 2))),
    "true_fn": lambda ops: (lambda: ops.ones((2,))),
    "false_fn": lambda ops: (lambda: ops.zeros((2,))),
    "branch_0": lambda ops: (lambda x: ops.add(x, 1.0)),
    "branch_1": lambda ops: (lambda x: ops.multiply(x, 10.0)),
    "vmap_dot": lambda ops: (lambda x: ops.sum(ops.multiply(x, x))),
    "assoc_add": lambda ops: (lambda a, b: ops.add(a, b)),
    "jvp_fun": lambda ops: (lambda x: ops.sin(ops.multiply(x, x))),
}

CASES = []


def case(*args, **kwargs):
    CASES.append(Case(*args, **kwargs))


A = f32(3, 4)
B = f32(3, 4)
V = f32(5)
POS = f32(3, 4, lo=0.1, hi=3.0)
UNIT = f32(3, 4, lo=-0.9, hi=0.9)
I = i32(3, 4)
I_POS = i32(3, 4, lo=1, hi=9)
BOOL = bools(3, 4)

# -- element-wise arithmetic ---------------------------------------------------------------------
for op in (
    "add",
    "subtract",
    "multiply",
    "divide",
    "true_divide",
    "maximum",
    "minimum",
    "fmax",
    "fmin",
    "power",
    "arctan2",
    "hypot",
    "logaddexp",
    "logaddexp2",
    "divide_no_nan",
    "floor_divide",
    "mod",
    "fmod",
    "heaviside",
):
    case(f"{op}_f32", op, A, B if op != "power" else POS)
    case(f"{op}_i32", op, I, I_POS)
    case(f"{op}_scalar_int", op, A, 2)
    case(f"{op}_int_scalar_float", op, I, 2.5)
case("add_broadcast", "add", f32(3, 1), f32(1, 4))
case("add_lists", "add", [1, 2, 3], [4.0, 5.0, 6.0])
case("add_python", "add", 2, 3)
case("add_bool_int", "add", BOOL, 1)
case("add_f64_numpy", "add", f64(3), f64(3))
case("subtract_scalar_first", "subtract", 1.0, A)
case("divide_scalar_first", "divide", 1.0, POS)
case("power_scalar_first", "power", 2.0, A)
case(
    "multiply_int8_uint8",
    "multiply",
    i32(4, lo=0, hi=5).astype("int8"),
    i32(4, lo=0, hi=5).astype("uint8"),
)
case(
    "divide_no_nan_zero",
    "divide_no_nan",
    np.array([1.0, 2.0, 3.0], "float32"),
    np.array([0.0, 2.0, 0.0], "float32"),
)
case(
    "floor_divide_neg",
    "floor_divide",
    np.array([-7, 7, -7], "int32"),
    np.array([2, -2, -2], "int32"),
)
case(
    "mod_neg", "mod", np.array([-7.5, 7.5, -7.5], "float32"), np.array([2.0, -2.0, -2.0], "float32")
)
case("fmod_neg", "fmod", np.array([-7, 7, -7], "int32"), np.array([2, -2, -2], "int32"))
case(
    "heaviside_zero",
    "heaviside",
    np.array([-1.0, 0.0, 2.0], "float32"),
    np.array([0.5, 0.5, 0.5], "float32"),
)
case(
    "fmax_nan",
    "fmax",
    np.array([np.nan, 1.0, 2.0], "float32"),
    np.array([0.5, np.nan, 3.0], "float32"),
)
case(
    "maximum_nan",
    "maximum",
    np.array([np.nan, 1.0, 2.0], "float32"),
    np.array([0.5, np.nan, 3.0], "float32"),
)

# -- element-wise unary ----------------------------------------------------------------------------
for op, x in (
    ("abs", A),
    ("absolute", I),
    ("fabs", I),
    ("negative", A),
    ("sign", A),
    ("sign", I),
    ("signbit", np.array([-0.0, 0.0, -1.0, 2.0], "float32")),
    ("signbit", I),
    ("square", A),
    ("square", BOOL),
    ("sqrt", POS),
    ("sqrt", I_POS),
    ("reciprocal", POS),
    ("exp", A),
    ("exp", I),
    ("exp2", A),
    ("expm1", A),
    ("log", POS),
    ("log", I_POS),
    ("log10", POS),
    ("log1p", POS),
    ("log2", POS),
    ("sin", A),
    ("cos", A),
    ("tan", UNIT),
    ("sinh", A),
    ("cosh", A),
    ("tanh", A),
    ("arcsin", UNIT),
    ("arccos", UNIT),
    ("arctan", A),
    ("arcsinh", A),
    ("arccosh", POS + 1),
    ("arctanh", UNIT),
    ("ceil", A),
    ("ceil", I),
    ("floor", A),
    ("trunc", A),
    ("trunc", I),
    ("round", A * 3),
    ("cbrt", A),
    ("cbrt", I),
    ("deg2rad", A),
    ("deg2rad", I),
    ("rad2deg", A),
    ("i0", A),
    ("sinc", A),
    ("angle", A),
    ("conj", A),
    ("conjugate", I),
    ("real", A),
    ("imag", A),
    ("isfinite", np.array([1.0, np.inf, -np.inf, np.nan], "float32")),
    ("isfinite", I),
    ("isinf", np.array([1.0, np.inf, -np.inf, np.nan], "float32")),
    ("isnan", np.array([1.0, np.inf, -np.inf, np.nan], "float32")),
    ("isneginf", np.array([1.0, np.inf, -np.inf, np.nan], "float32")),
    ("isposinf", np.array([1.0, np.inf, -np.inf, np.nan], "float32")),
    ("isreal", A),
    ("logical_not", I),
    ("bitwise_invert", I),
    ("bitwise_not", I),
    ("nan_to_num", np.array([1.0, np.inf, -np.inf, np.nan], "float32")),
    ("erf", A),
    ("erfc", A),
    ("erfinv", UNIT),
    ("rsqrt", POS),
):
    case(f"{op}_{x.dtype}_{len(CASES)}", op, x)
case("round_decimals", "round", A * 100, decimals=1)
case("round_neg_decimals_int", "round", np.array([123, 456, -789], "int32"), decimals=-1)
case("round_half_even", "round", np.array([0.5, 1.5, 2.5, -0.5, -1.5], "float32"))
case(
    "nan_to_num_values",
    "nan_to_num",
    np.array([1.0, np.inf, -np.inf, np.nan], "float32"),
    nan=-1.0,
    posinf=9.0,
    neginf=-9.0,
)
case("clip_f32", "clip", A, -0.5, 0.5)
case("clip_i32", "clip", I, -2, 3)
case("clip_bool", "clip", BOOL, 0, 1)
case("clip_int_float_bounds", "clip", I, -1.5, 2.5)
case("ldexp", "ldexp", A, i32(3, 4, lo=-3, hi=3))
case("nextafter", "nextafter", A, B)
case("gcd", "gcd", i32(6, lo=-20, hi=20), i32(6, lo=1, hi=20))
case("lcm", "lcm", i32(6, lo=-20, hi=20), i32(6, lo=1, hi=20))
case("lcm_float_error", "lcm", A, B, error=True)

# -- comparisons and logic -------------------------------------------------------------------------
for op in ("equal", "not_equal", "greater", "greater_equal", "less", "less_equal"):
    case(f"{op}_f32", op, A, B)
    case(f"{op}_int_float", op, I, 0.5)
    case(f"{op}_scalar", op, A, 0)
for op in ("logical_and", "logical_or", "logical_xor"):
    case(f"{op}", op, BOOL, bools(3, 4))
    case(f"{op}_ints", op, I, I_POS)
for op in ("bitwise_and", "bitwise_or", "bitwise_xor"):
    case(f"{op}", op, I, I_POS)
case("left_shift", "left_shift", I_POS, 2)
case("right_shift", "right_shift", I_POS * 8, np.array(2, "int32"))
case("bitwise_left_shift", "bitwise_left_shift", I_POS, i32(3, 4, lo=0, hi=4))
case("bitwise_right_shift", "bitwise_right_shift", I_POS * 16, i32(3, 4, lo=0, hi=4))
case("isclose", "isclose", A, A + 1e-6)
case(
    "isclose_nan",
    "isclose",
    np.array([np.nan, 1.0], "float32"),
    np.array([np.nan, 1.0], "float32"),
    equal_nan=True,
)
case("allclose", "allclose", A, A + 1e-6)
case("allclose_false", "allclose", A, B)

# -- reductions ------------------------------------------------------------------------------------
R = f32(2, 3, 4)
RI = i32(2, 3, 4)
for op in (
    "sum",
    "mean",
    "max",
    "min",
    "amax",
    "amin",
    "prod",
    "std",
    "var",
    "all",
    "any",
    "argmax",
    "argmin",
    "ptp",
    "logsumexp",
    "nansum",
    "nanmean",
    "nanmax",
    "nanmin",
    "nanprod",
    "nanstd",
    "nanvar",
    "nanargmax",
    "nanargmin",
    "median",
    "nanmedian",
    "count_nonzero",
):
    case(f"{op}_all", op, R)
    case(f"{op}_axis1", op, R, axis=1)
    if op not in ("argmax", "argmin", "nanargmax", "nanargmin", "count_nonzero"):
        case(f"{op}_axes_keepdims", op, R, axis=(0, 2), keepdims=True)
    if op in ("argmax", "argmin", "nanargmax", "nanargmin"):
        case(f"{op}_keepdims", op, R, axis=-1, keepdims=True)
    case(f"{op}_int", op, RI, axis=0)
case("count_nonzero_axes", "count_nonzero", RI, axis=(0, 1))
case("sum_bool", "sum", BOOL)
case("sum_int8", "sum", I.astype("int8"), axis=1)
case("sum_empty_axis", "sum", A, axis=())
case("mean_f16", "mean", A.astype("float16"), axis=0)
case("max_initial", "max", A, axis=0, initial=0.5)
case("min_initial_bool", "min", BOOL, axis=0, initial=0)
case("prod_dtype", "prod", I_POS, axis=1, dtype="float32")
case("argmax_negative_zero", "argmax", np.array([-0.0, 0.0, -1.0], "float32"))
NAN = np.array([[1.0, np.nan, 3.0], [np.nan, np.nan, np.nan], [2.0, 5.0, np.nan]], "float32")
for op in (
    "nansum",
    "nanmean",
    "nanmax",
    "nanmin",
    "nanprod",
    "nanstd",
    "nanvar",
    "nanargmax",
    "nanargmin",
    "nanmedian",
    "nancumsum",
    "nancumprod",
):
    case(f"{op}_nan", op, NAN, axis=1)
case("nancumsum_flat", "nancumsum", NAN)
case("cumsum_flat", "cumsum", A)
case("cumsum_axis", "cumsum", A, axis=1)
case("cumsum_int8", "cumsum", I.astype("int8"), axis=0)
case("cumsum_bool", "cumsum", BOOL, axis=0)
case("cumsum_dtype", "cumsum", I, axis=0, dtype="float32")
case("cumprod_axis", "cumprod", A, axis=0)
case("average", "average", A)
case("average_axis_weights", "average", A, axis=1, weights=POS)
case("average_1d_weights", "average", A, axis=1, weights=np.array([1.0, 2.0, 3.0, 4.0], "float32"))
Q = f32(5, 7)
for method in ("linear", "lower", "higher", "midpoint", "nearest"):
    case(f"quantile_{method}", "quantile", Q, 0.3, axis=1, method=method)
case(
    "quantile_vector_q", "quantile", Q, np.array([0.1, 0.5, 0.9], "float32"), axis=0, keepdims=True
)
case("quantile_flat", "quantile", Q, 0.25)
case("quantile_int", "quantile", i32(9), 0.4)
case("percentile", "percentile", Q, 30.0, axis=1)
case("percentile_vector", "percentile", Q, [10.0, 90.0])
case("nanquantile", "nanquantile", NAN, 0.5, axis=1)
case("nanpercentile", "nanpercentile", NAN, [25.0, 75.0], axis=0)
case("median_even", "median", f32(4, 6), axis=1)

# -- shapes ----------------------------------------------------------------------------------------
S = f32(2, 3, 4)
case("reshape", "reshape", S, (4, -1))
case("reshape_int", "reshape", S, 24)
case("transpose", "transpose", S)
case("transpose_axes", "transpose", S, (1, 0, 2))
case("transpose_duplicate", "transpose", S, (0, 0, 1), error=True)
case("expand_dims", "expand_dims", S, 1)
case("expand_dims_tuple", "expand_dims", S, (0, -1))
case("squeeze", "squeeze", f32(1, 3, 1))
case("squeeze_axis", "squeeze", f32(1, 3, 1), axis=2)
case("squeeze_error", "squeeze", f32(1, 3, 1), axis=1, error=True)
case("moveaxis", "moveaxis", S, 0, -1)
case("moveaxis_multi", "moveaxis", S, (0, 1), (2, 0))
case("moveaxis_error", "moveaxis", S, (0, 1), (2,), error=True)
case("swapaxes", "swapaxes", S, 0, 2)
case("ravel", "ravel", S)
case("broadcast_to", "broadcast_to", V, (2, 5))
case("concatenate", "concatenate", [A, B], axis=1)
case("concatenate_mixed", "concatenate", [I, A], axis=0)
case("stack", "stack", [A, B], axis=1)
case("stack_mixed", "stack", [I, BOOL])
case("hstack", "hstack", [A, B])
case("hstack_1d", "hstack", [V, V])
case("vstack", "vstack", [A, B])
case("dstack", "dstack", [A, B])
case("append", "append", A, B)
case("append_axis", "append", A, B, axis=0)
case("split", "split", f32(6, 2), 3)
case("split_indices", "split", f32(6, 2), [1, 4])
case("array_split", "array_split", np.arange(10, dtype="int32"), 3)
case("hsplit", "hsplit", f32(2, 4), 2)
case("vsplit", "vsplit", f32(4, 2), 2)
case("dsplit", "dsplit", f32(2, 2, 4), 2)
case("unstack", "unstack", S, axis=1)
case("flip", "flip", S)
case("flip_axis", "flip", S, axis=(0, 2))
case("fliplr", "fliplr", A)
case("flipud", "flipud", A)
case("rot90", "rot90", A)
case("rot90_k", "rot90", S, k=3, axes=(1, 2))
case("roll", "roll", S, 2)
case("roll_axis", "roll", S, -1, axis=2)
case("tile", "tile", A, (2, 1))
case("tile_expand", "tile", V, (2, 2))
case("repeat", "repeat", A, 2)
case("repeat_axis", "repeat", A, [1, 2, 3], axis=0)
case("pad_constant", "pad", A, ((1, 2), (0, 1)))
case("pad_int", "pad", A, 1)
case("pad_value", "pad", I, ((1, 1), (2, 2)), constant_values=7)
case("pad_reflect", "pad", A, ((2, 1), (1, 2)), mode="reflect")
case("pad_symmetric", "pad", A, ((2, 1), (1, 2)), mode="symmetric")
case("pad_error", "pad", A, 1, mode="reflect", constant_values=1, error=True)
case("diag_1d", "diag", V)
case("diag_2d", "diag", A, k=1)
case("diag_error", "diag", S, error=True)
case("diagflat", "diagflat", A[:2, :2], k=-1)
case("diagonal", "diagonal", S, offset=1, axis1=1, axis2=2)
case("tril", "tril", A)
case("tril_k", "tril", S, k=-1)
case("triu", "triu", A, k=1)
case("trace", "trace", A)
case("trace_int8", "trace", S.astype("int8"), offset=1, axis1=1, axis2=2)
case("take", "take", A, np.array([0, 2, -1], "int32"), axis=1)
case("take_flat", "take", A, np.array([[0, 5], [11, -2]], "int32"))
case("take_along_axis", "take_along_axis", A, np.argsort(A, axis=1).astype("int32"), axis=1)
case("take_along_axis_flat", "take_along_axis", A, np.array([0, 5, 11], "int32"))
case("get_item", "get_item", S, 1)
case("ndim", "ndim", S)
case("size", "size", S)
case("shape", "shape", S)
case("dtype", "dtype", I)
case("copy", "copy", A)
case("view", "view", A, "int32")
case("view_smaller", "view", I, "int16")
case("meshgrid", "meshgrid", np.arange(3, dtype="float32"), np.arange(2, dtype="float32"))
case(
    "meshgrid_ij",
    "meshgrid",
    np.arange(3, dtype="int32"),
    np.arange(2, dtype="int32"),
    indexing="ij",
)
case("rearrange", "rearrange", f32(2, 4, 6, 3), "b (h1 h) (w1 w) c -> (b h1 w1) h w c", h1=2, w1=3)
case("rearrange_merge", "rearrange", f32(2, 4, 6, 3), "b h w c -> b (c h w)")

# -- creation --------------------------------------------------------------------------------------
case("zeros", "zeros", (2, 3))
case("ones_int", "ones", (2,), dtype="int32")
case("empty", "empty", (2, 2))
case("full", "full", (2, 3), 7)
case("full_dtype", "full", (2,), 1.5, dtype="float64")
case("zeros_like", "zeros_like", I)
case("ones_like", "ones_like", A, dtype="int32")
case("full_like", "full_like", I, 3.7)
case("empty_like", "empty_like", A)
case("arange", "arange", 5)
case("arange_float", "arange", 0.5, 3.0, 0.5)
case("arange_dtype", "arange", 1, 10, 3, dtype="float32")
case("linspace", "linspace", 0.0, 1.0, 7)
case("linspace_int", "linspace", 0, 10, 4, dtype="int32")
case("linspace_no_endpoint", "linspace", 2.0, 3.0, 5, endpoint=False)
case("linspace_retstep", "linspace", 0.0, 1.0, 5, retstep=True)
case(
    "linspace_array",
    "linspace",
    np.array([0.0, 1.0], "float32"),
    np.array([1.0, 3.0], "float32"),
    4,
    axis=1,
)
case("logspace", "logspace", 0.0, 2.0, 5)
case("logspace_base", "logspace", 1.0, 3.0, 3, base=2)
case("geomspace", "geomspace", 1.0, 100.0, 5)
case("eye", "eye", 3)
case("eye_k", "eye", 3, 4, k=1, dtype="int32")
case("eye_error", "eye", 3.0, error=True)
case("identity", "identity", 3)
case("tri", "tri", 3, 4, k=-1)
case("array", "array", [[1, 2], [3, 4]])
case("array_dtype", "array", [1, 2], dtype="float16")
case("bartlett", "bartlett", 7)
case("blackman", "blackman", 7)
case("hamming", "hamming", 7)
case("hanning", "hanning", 7)
case("kaiser", "kaiser", 7, 4.0)
case("vander", "vander", np.array([1.0, 2.0, 3.0], "float32"))
case("vander_n", "vander", np.array([1, 2, 3], "int32"), N=4, increasing=True)
case("vander_error", "vander", np.array([1.0, 2.0], "float32"), N=-1, error=True)

# -- products --------------------------------------------------------------------------------------
M1 = f32(3, 4)
M2 = f32(4, 5)
case("matmul", "matmul", M1, M2)
case("matmul_batch", "matmul", f32(2, 3, 4), f32(2, 4, 5))
case("matmul_vec", "matmul", M1, f32(4))
case("matmul_int", "matmul", i32(2, 3), i32(3, 2))
case("matmul_int8", "matmul", i32(2, 3).astype("int8"), i32(3, 2).astype("int8"))
case("matmul_mixed", "matmul", i32(2, 3), f32(3, 2))
case("dot", "dot", M1, M2)
case("dot_vec", "dot", f32(4), f32(4))
case("dot_nd_1d", "dot", f32(2, 3, 4), f32(4))
case("dot_scalar", "dot", M1, 2.0)
case("vdot", "vdot", M1, f32(3, 4))
case("inner", "inner", f32(2, 4), f32(3, 4))
case("outer", "outer", f32(3), f32(4))
case("tensordot", "tensordot", f32(2, 3, 4), f32(3, 4, 5))
case("tensordot_axes", "tensordot", f32(2, 3, 4), f32(4, 3), axes=([1, 2], [1, 0]))
case("tensordot_int8", "tensordot", i32(2, 3).astype("int8"), i32(3, 2).astype("int8"), axes=1)
case("einsum", "einsum", "ij,jk->ik", M1, M2)
case("einsum_batch", "einsum", "bij,bjk->bik", f32(2, 3, 4), f32(2, 4, 5))
case("einsum_int8", "einsum", "ij,jk->ik", i32(2, 3).astype("int8"), i32(3, 2).astype("int8"))
case("einsum_mixed", "einsum", "i,i->", i32(4), f32(4))
case("kron", "kron", f32(2, 2), f32(2, 3))
case("cross", "cross", f32(4, 3), f32(4, 3))
case("cross_2d", "cross", f32(4, 2), f32(4, 2))
case("cross_mixed", "cross", f32(4, 2), f32(4, 3))
case("correlate", "correlate", f32(6), f32(3))
case("correlate_full", "correlate", f32(6), f32(3), mode="full")
case("correlate_same", "correlate", f32(6), f32(4), mode="same")
case("correlate_int", "correlate", i32(5), i32(2))
case("correlate_error", "correlate", f32(6), f32(3), mode="bad", error=True)

# -- selection and search --------------------------------------------------------------------------
case("where", "where", BOOL, A, B)
case("where_scalars", "where", BOOL, 1.0, 0)
case("where_mixed", "where", BOOL, I, A)
case("where_nonzero", "where", np.array([[0, 1], [1, 1]], "int32"))
case("where_error", "where", BOOL, A, error=True)
case("nonzero", "nonzero", np.array([[0, 1, 0], [2, 0, 3]], "int32"))
case("select", "select", [A < 0, A > 1], [A, A * 2], 9.0)
case("select_error", "select", A < 0, [A], error=True)
case("sort", "sort", A)
case("sort_axis0", "sort", A, axis=0)
case("sort_flat", "sort", A, axis=None)
case("sort_bool", "sort", BOOL)
case("argsort", "argsort", A)
case("argsort_flat", "argsort", A, axis=None)
case("argsort_int", "argsort", np.array([3, 1, 2, 1, 0], "int32"))
case("argpartition", "argpartition", np.array([3, 1, 5, 2, 4], "int32"), 2)
case(
    "searchsorted",
    "searchsorted",
    np.array([1.0, 2.0, 2.0, 5.0], "float32"),
    np.array([0.0, 2.0, 3.0, 6.0], "float32"),
)
case(
    "searchsorted_right",
    "searchsorted",
    np.array([1, 2, 2, 5], "int32"),
    np.array([2, 5], "int32"),
    side="right",
)
case("searchsorted_error", "searchsorted", A, V, error=True)
case(
    "digitize",
    "digitize",
    np.array([0.2, 6.4, 3.0, 1.6, 1.0], "float32"),
    [0.0, 1.0, 2.5, 4.0, 10.0],
)
case("digitize_int", "digitize", np.array([1, 5, 3], "int32"), [0, 2, 4])
case("isin", "isin", np.array([1, 2, 3, 4], "int32"), np.array([2, 4, 6], "int32"))
case("isin_invert", "isin", np.array([1, 2, 3, 4], "int32"), [2, 4], invert=True)
case("unique", "unique", np.array([3, 1, 2, 3, 1], "int32"))
case(
    "unique_all",
    "unique",
    np.array([3, 1, 2, 3, 1], "int32"),
    return_index=True,
    return_inverse=True,
    return_counts=True,
)
case("unique_size", "unique", np.array([3, 1, 2, 3, 1], "int32"), size=5, fill_value=-1)
case("unique_axis", "unique", np.array([[1, 2], [3, 4], [1, 2]], "int32"), axis=0)
case("unravel_index", "unravel_index", np.array([5, 7, 0], "int32"), (2, 4))
case("bincount", "bincount", np.array([0, 1, 1, 3], "int32"))
case(
    "bincount_weights",
    "bincount",
    np.array([0, 1, 1, 3], "int32"),
    weights=np.array([0.5, 1.0, 2.0, 3.0], "float32"),
    minlength=6,
)
case("bincount_2d", "bincount", np.array([[0, 1, 1], [2, 2, 0]], "int32"))
case("histogram", "histogram", f32(20), bins=5)
case("histogram_range", "histogram", f32(20), bins=4, range=(-1.0, 1.0))
case("histogram_error", "histogram", f32(20), bins=-1, error=True)
case("diff", "diff", A)
case("diff_n", "diff", A, n=2, axis=0)
case("diff_error", "diff", A, n=-1, error=True)
case("trapezoid", "trapezoid", A)
case("trapezoid_x", "trapezoid", A, x=np.array([0.0, 1.0, 3.0, 6.0], "float32"))
case("trapezoid_dx", "trapezoid", A, dx=0.5, axis=0)
case("corrcoef", "corrcoef", f32(3, 6))
case("corrcoef_int", "corrcoef", i32(2, 5))

# -- core ------------------------------------------------------------------------------------------
case("cast", "cast", A, "int32")
case("cast_bool", "cast", A, "bool")
case("saturate_cast", "saturate_cast", np.array([-300.0, 1.5, 300.0], "float32"), "uint8")
case("convert_to_tensor", "convert_to_tensor", [1, 2, 3])
case("convert_to_tensor_float", "convert_to_tensor", 1.5)
case("convert_to_tensor_dtype", "convert_to_tensor", [1, 2], dtype="float16")
case("convert_to_tensor_f64", "convert_to_tensor", f64(2))
case("convert_to_numpy", "convert_to_numpy", A)
case("is_tensor", "is_tensor", A)
case("stop_gradient", "stop_gradient", A)
case("slice", "slice", S, (0, 1, 1), (2, 2, 3))
case("slice_update", "slice_update", S, (0, 1, 1), np.ones((1, 2, 2), "float32"))
case(
    "scatter",
    "scatter",
    np.array([[0, 1], [2, 3], [0, 1]], "int32"),
    np.array([1.0, 2.0, 3.0], "float32"),
    (3, 4),
)
case("scatter_rows", "scatter", np.array([[0], [2]], "int32"), np.ones((2, 4), "float32"), (3, 4))
case(
    "scatter_update",
    "scatter_update",
    A,
    np.array([[0, 1], [2, 3]], "int32"),
    np.array([9.0, 8.0], "float32"),
)
case(
    "scatter_update_rows", "scatter_update", A, np.array([[1]], "int32"), np.ones((1, 4), "float32")
)
for reduction in ("add", "max", "min", "mul"):
    case(
        f"scatter_update_{reduction}",
        "scatter_update",
        A,
        np.array([[0, 1], [0, 1], [2, 2]], "int32"),
        np.array([2.0, 3.0, -1.0], "float32"),
        reduction=reduction,
    )
case("cond", "cond", True, Fn("true_fn"), Fn("false_fn"))
case("switch", "switch", 1, [Fn("branch_0"), Fn("branch_1")], A)
case("switch_clamp", "switch", 7, [Fn("branch_0"), Fn("branch_1")], A)
case("scan", "scan", Fn("scan_sum"), np.float32(1.0), f32(4))
case("scan_reverse", "scan", Fn("scan_sum"), np.float32(1.0), f32(4), reverse=True)
case("scan_length", "scan", Fn("scan_no_xs"), np.float32(1.0), length=3)
case("map", "map", Fn("map_square"), f32(3, 2))
case("fori_loop", "fori_loop", 0, 5, Fn("fori_body"), np.zeros((2,), "float32"))
case("while_loop", "while_loop", Fn("while_cond"), Fn("while_body"), (np.int32(0), np.float32(1.0)))
case(
    "while_loop_max",
    "while_loop",
    Fn("while_cond"),
    Fn("while_body"),
    (np.int32(0), np.float32(1.0)),
    maximum_iterations=2,
)
case("vectorized_map", "vectorized_map", Fn("vmap_dot"), f32(3, 4))
case("associative_scan", "associative_scan", Fn("assoc_add"), f32(5))
case(
    "associative_scan_reverse", "associative_scan", Fn("assoc_add"), f32(2, 5), reverse=True, axis=1
)

# -- math ------------------------------------------------------------------------------------------
SEG = f32(6, 2)
IDS = np.array([0, 0, 1, 1, 3, 3], "int32")
for op in ("segment_sum", "segment_max", "segment_min", "segment_prod"):
    case(op, op, SEG, IDS)
    case(f"{op}_num", op, SEG, IDS, num_segments=5)
    case(f"{op}_sorted", op, SEG, IDS, sorted=True)
case("segment_sum_unsorted_ids", "segment_sum", SEG, np.array([2, 0, 2, 1, 0, 1], "int32"))
case("segment_sum_error", "segment_sum", SEG, IDS[:4], error=True)
case("top_k", "top_k", A, 2)
case("top_k_int", "top_k", I, 3)
case(
    "in_top_k",
    "in_top_k",
    np.array([0, 2, 1], "int32"),
    np.array([[0.9, 0.1, 0.0], [0.3, 0.3, 0.4], [0.5, 0.2, 0.3]], "float32"),
    1,
)
case(
    "in_top_k_2",
    "in_top_k",
    np.array([0, 2, 1], "int32"),
    np.array([[0.9, 0.1, 0.0], [0.3, 0.3, 0.4], [0.5, 0.2, 0.3]], "float32"),
    2,
)
case("cdist", "cdist", f32(3, 2), f32(4, 2))
case("cdist_batch", "cdist", f32(2, 3, 2), f32(2, 4, 2))
case("extract_sequences", "extract_sequences", f32(2, 10), 4, 3)
SIG = f32(2, 8)
case("fft", "fft", (SIG, f32(2, 8)), rtol=1e-4, atol=1e-5)
case("fft2", "fft2", (f32(2, 4, 4), f32(2, 4, 4)), rtol=1e-4, atol=1e-5)
case("ifft2", "ifft2", (f32(2, 4, 4), f32(2, 4, 4)), rtol=1e-4, atol=1e-5)
case("rfft", "rfft", SIG, rtol=1e-4, atol=1e-5)
case("rfft_length", "rfft", SIG, 6, rtol=1e-4, atol=1e-5)
case("irfft", "irfft", (f32(2, 5), f32(2, 5)), rtol=1e-4, atol=1e-5)
case("irfft_length", "irfft", (f32(2, 5), f32(2, 5)), 8, rtol=1e-4, atol=1e-5)
WAVE = f32(2, 32)
case("stft", "stft", WAVE, 8, 4, 16, rtol=1e-4, atol=1e-5)
case(
    "stft_hamming_nocenter",
    "stft",
    WAVE,
    8,
    3,
    8,
    window="hamming",
    center=False,
    rtol=1e-4,
    atol=1e-5,
)
case("stft_none", "stft", WAVE, 6, 2, 8, window=None, rtol=1e-4, atol=1e-5)
case("stft_error", "stft", WAVE, 8, 0, 16, error=True)
case("istft", "istft", (f32(2, 9, 9), f32(2, 9, 9)), 16, 4, 16, rtol=1e-4, atol=1e-5)
case(
    "istft_length", "istft", (f32(2, 9, 5), f32(2, 9, 5)), 8, 4, 8, length=30, rtol=1e-4, atol=1e-5
)
case("logdet", "logdet", np.array([[4.0, 1.0], [1.0, 3.0]], "float32"))
case("view_as_complex", "view_as_complex", f32(3, 2))
case("view_as_real", "view_as_real", np.array([1 + 2j, 3 - 4j], "complex64"))
case("view_as_complex_error", "view_as_complex", f32(3, 3), error=True)

# -- nn --------------------------------------------------------------------------------------------
X = f32(2, 5, lo=-4.0, hi=4.0)
for op in (
    "relu",
    "relu6",
    "sigmoid",
    "sparse_sigmoid",
    "softplus",
    "softsign",
    "soft_shrink",
    "sparse_plus",
    "silu",
    "swish",
    "squareplus",
    "log_sigmoid",
    "leaky_relu",
    "hard_sigmoid",
    "hard_silu",
    "hard_swish",
    "elu",
    "selu",
    "gelu",
    "celu",
    "glu",
    "tanh_shrink",
    "hard_tanh",
    "hard_shrink",
    "softmax",
    "log_softmax",
    "sparsemax",
):
    case(f"nn_{op}", op, X if op != "glu" else f32(2, 6))
case("gelu_exact", "gelu", X, approximate=False)
case("leaky_relu_slope", "leaky_relu", X, negative_slope=0.5)
case("elu_alpha", "elu", X, alpha=0.5)
case("celu_alpha", "celu", X, alpha=2.0)
case("threshold", "nn.threshold", X, 0.5, -1.0)
case("softmax_axis0", "softmax", X, axis=0)
case("softmax_axes", "softmax", f32(2, 3, 4), axis=(1, 2))
case("log_softmax_axis0", "log_softmax", X, axis=0)
case("glu_error", "glu", f32(2, 5), error=True)
case("one_hot", "one_hot", np.array([0, 2, -1, 3], "int32"), 3)
case("one_hot_axis", "one_hot", np.array([[0, 2], [1, 1]], "int32"), 3, axis=0, dtype="int32")
case("multi_hot", "multi_hot", np.array([[0, 2], [1, 1]], "int32"), 4)
case("multi_hot_1d", "multi_hot", np.array([0, 3], "int32"), num_classes=5, dtype="bool")
case("multi_hot_error", "multi_hot", np.array([0, 3], "int32"), error=True)
T = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]], "float32")
P = np.array([[0.1, 0.8, 0.1], [0.6, 0.3, 0.1]], "float32")
case("binary_crossentropy", "binary_crossentropy", T, P)
case("binary_crossentropy_logits", "binary_crossentropy", T, X[:, :3], from_logits=True)
case("categorical_crossentropy", "categorical_crossentropy", T, P)
case("categorical_crossentropy_logits", "categorical_crossentropy", T, X[:, :3], from_logits=True)
case(
    "sparse_categorical_crossentropy",
    "sparse_categorical_crossentropy",
    np.array([1, 0], "int32"),
    P,
)
case(
    "sparse_categorical_crossentropy_logits",
    "sparse_categorical_crossentropy",
    np.array([1, 0], "int32"),
    X[:, :3],
    from_logits=True,
)
case("categorical_crossentropy_error", "categorical_crossentropy", T, P[:, :2], error=True)
case("moments", "moments", f32(4, 3, 2), [0, 1])
case("moments_keepdims", "moments", f32(4, 3, 2), 2, keepdims=True)
case("moments_f16", "moments", f32(4, 3).astype("float16"), [0], rtol=2e-3, atol=2e-3)
case(
    "batch_normalization",
    "batch_normalization",
    f32(4, 3),
    f32(3),
    f32(3, lo=0.5, hi=2.0),
    -1,
    offset=f32(3),
    scale=f32(3),
)
case(
    "batch_normalization_axis1",
    "batch_normalization",
    f32(2, 3, 4),
    f32(3),
    f32(3, lo=0.5, hi=2.0),
    1,
)
case("layer_normalization", "layer_normalization", f32(2, 3, 4), gamma=f32(4), beta=f32(4))
case(
    "layer_normalization_axes",
    "layer_normalization",
    f32(2, 3, 4),
    axis=(1, 2),
    rtol=1e-4,
    atol=1e-5,
)
case(
    "layer_normalization_axis1",
    "layer_normalization",
    f32(2, 3, 4),
    gamma=f32(3),
    beta=f32(3),
    axis=1,
    rtol=1e-4,
    atol=1e-5,
)
case("rms_normalization", "rms_normalization", f32(2, 3, 4), scale=f32(4))
case("rms_normalization_axis0", "rms_normalization", f32(2, 3, 4), axis=0)
case("normalize", "normalize", f32(3, 4))
case("normalize_l1", "normalize", f32(3, 4), axis=0, order=1)
case("normalize_error", "normalize", f32(3, 4), order=0, error=True)
case("psnr", "psnr", f32(2, 4, 4, 1, lo=0, hi=1), f32(2, 4, 4, 1, lo=0, hi=1), 1.0)
case("psnr_error", "psnr", f32(2, 4), f32(2, 3), 1.0, error=True)
case("polar", "polar", f32(3, lo=0.5, hi=2), f32(3))
QKV = f32(2, 3, 2, 4)
case("dot_product_attention", "dot_product_attention", QKV, f32(2, 5, 2, 4), f32(2, 5, 2, 4))
case(
    "dot_product_attention_mask",
    "dot_product_attention",
    QKV,
    f32(2, 5, 2, 4),
    f32(2, 5, 2, 4),
    mask=bools(2, 1, 3, 5),
    scale=0.3,
)
case(
    "dot_product_attention_causal_bias",
    "dot_product_attention",
    f32(2, 4, 2, 4),
    f32(2, 4, 2, 4),
    f32(2, 4, 2, 4),
    bias=f32(1, 2, 4, 4),
    is_causal=True,
)
case(
    "dot_product_attention_gqa",
    "dot_product_attention",
    f32(1, 3, 4, 2),
    f32(1, 3, 2, 2),
    f32(1, 3, 2, 2),
)
case(
    "dot_product_attention_error",
    "dot_product_attention",
    f32(2, 3, 4),
    f32(2, 3, 4),
    f32(2, 3, 4),
    error=True,
)
case(
    "ctc_loss",
    "ctc_loss",
    np.array([[1, 2, 0], [2, 2, 1]], "int32"),
    f32(2, 6, 4),
    np.array([2, 3], "int32"),
    np.array([6, 5], "int32"),
    rtol=1e-4,
    atol=1e-5,
)
case("ctc_decode", "ctc_decode", f32(2, 6, 4), np.array([6, 4], "int32"))
case(
    "ctc_decode_no_merge",
    "ctc_decode",
    f32(2, 6, 4),
    np.array([6, 6], "int32"),
    merge_repeated=False,
)
IMG = f32(2, 7, 6, 3)
KER = f32(3, 3, 3, 4)
case("conv2d", "conv", IMG, KER)
case("conv2d_same_stride", "conv", IMG, KER, strides=2, padding="same")
case("conv2d_dilation", "conv", IMG, KER, dilation_rate=2, padding="same")
case(
    "conv2d_cf",
    "conv",
    np.transpose(IMG, (0, 3, 1, 2)),
    KER,
    data_format="channels_first",
    padding="same",
)
case("conv2d_groups", "conv", f32(1, 5, 5, 4), f32(3, 3, 2, 6))
case("conv1d", "conv", f32(2, 9, 3), f32(3, 3, 2), strides=2, padding="same")
case("conv3d", "conv", f32(1, 4, 5, 4, 2), f32(2, 3, 2, 2, 3), padding="same")
case("conv_empty_error", "conv", AsTensor(f32(1, 2, 2, 1)), AsTensor(f32(3, 3, 1, 1)), error=True)
case("depthwise_conv", "depthwise_conv", IMG, f32(3, 3, 3, 2), padding="same")
case("depthwise_conv_stride", "depthwise_conv", IMG, f32(2, 2, 3, 1), strides=2)
case("depthwise_conv1d", "depthwise_conv", f32(2, 8, 3), f32(3, 3, 2), padding="same")
case(
    "separable_conv",
    "separable_conv",
    IMG,
    f32(3, 3, 3, 2),
    f32(1, 1, 6, 5),
    padding="same",
    atol=1e-5,
)
case("conv_transpose", "conv_transpose", f32(2, 4, 5, 3), f32(3, 3, 6, 3))
case(
    "conv_transpose_same_stride",
    "conv_transpose",
    f32(2, 4, 5, 3),
    f32(3, 3, 6, 3),
    strides=2,
    padding="same",
)
case(
    "conv_transpose_output_padding",
    "conv_transpose",
    f32(2, 4, 5, 3),
    f32(3, 3, 6, 3),
    strides=2,
    padding="same",
    output_padding=1,
)
case(
    "conv_transpose_even_kernel",
    "conv_transpose",
    f32(2, 4, 5, 3),
    f32(4, 2, 6, 3),
    strides=(2, 3),
    padding="same",
)
case("conv_transpose1d", "conv_transpose", f32(2, 5, 3), f32(3, 4, 3), strides=2)
case("max_pool", "max_pool", IMG, 2)
case("max_pool_same", "max_pool", IMG, 3, strides=2, padding="same")
case("average_pool", "average_pool", IMG, 2)
case("average_pool_same", "average_pool", IMG, 3, strides=2, padding="same")
case("average_pool1d_same", "average_pool", f32(2, 7, 3), 2, padding="same")
case(
    "max_pool_cf", "max_pool", np.transpose(IMG, (0, 3, 1, 2)), (2, 3), data_format="channels_first"
)
case("adaptive_average_pool", "adaptive_average_pool", AsTensor(IMG), (3, 4))
case("adaptive_max_pool", "adaptive_max_pool", AsTensor(IMG), 2)
case("adaptive_average_pool1d", "adaptive_average_pool", AsTensor(f32(2, 7, 3)), 3)
UNF = f32(2, 3, 5, 5)
case("unfold", "unfold", UNF, 2)
case("unfold_args", "unfold", UNF, (2, 3), dilation=1, padding=1, stride=2)
case("fold", "fold", f32(2, 12, 16), (5, 5), 2)
case("depth_to_space", "depth_to_space", f32(1, 2, 3, 8), 2)
case("depth_to_space_cf", "depth_to_space", f32(1, 8, 2, 3), 2, data_format="channels_first")
case("space_to_depth", "space_to_depth", f32(1, 4, 6, 2), 2)
case("space_to_depth_error", "space_to_depth", f32(1, 4, 6, 2), 1, error=True)

# -- linalg ----------------------------------------------------------------------------------------
SPD = np.array([[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]], "float32")
SQ = f32(3, 3)
case("cholesky", "linalg.cholesky", SPD)
case("cholesky_upper", "linalg.cholesky", SPD, upper=True)
case(
    "cholesky_inverse",
    "linalg.cholesky_inverse",
    np.linalg.cholesky(SPD).astype("float32"),
    rtol=1e-4,
    atol=1e-5,
)
case("det", "linalg.det", SQ)
case("det_batch", "linalg.det", f32(2, 3, 3))
case("det_error", "linalg.det", f32(2, 3), error=True)
case("inv", "linalg.inv", SPD, rtol=1e-4, atol=1e-5)
case("eigh", "linalg.eigh", SPD, rtol=1e-4, atol=1e-5)
case("lu_factor", "linalg.lu_factor", SQ, rtol=1e-4, atol=1e-5)
case("lu_factor_error", "linalg.lu_factor", f32(2, 3), error=True)
case("norm", "linalg.norm", A)
case("norm_axis", "linalg.norm", A, axis=1)
case("norm_ord1_vec", "linalg.norm", A, ord=1, axis=0, keepdims=True)
case("norm_inf_vec", "linalg.norm", A, ord=float("inf"), axis=1)
case("norm_ord0", "linalg.norm", A, ord=0, axis=1)
case("norm_ord3", "linalg.norm", A, ord=3, axis=1)
case("norm_fro", "linalg.norm", A, ord="fro", axis=(0, 1))
case("norm_matrix_1", "linalg.norm", A, ord=1, axis=(0, 1))
case("norm_matrix_inf", "linalg.norm", A, ord=float("inf"), axis=(0, 1))
case("norm_nuc", "linalg.norm", A, ord="nuc", axis=(0, 1), rtol=1e-4, atol=1e-5)
case("norm_2", "linalg.norm", A, ord=2, axis=(0, 1), rtol=1e-4, atol=1e-5)
case("norm_int", "linalg.norm", I)
case("norm_error", "linalg.norm", A, ord="bad", error=True)
case("qr_r", "linalg.qr", f32(4, 3), rtol=1e-4, atol=1e-5)
case("qr_error", "linalg.qr", f32(4, 3), mode="bad", error=True)
case("solve", "linalg.solve", SPD, f32(3), rtol=1e-4, atol=1e-5)
case("solve_matrix", "linalg.solve", SPD, f32(3, 2), rtol=1e-4, atol=1e-5)
case(
    "solve_triangular",
    "linalg.solve_triangular",
    np.tril(SPD),
    f32(3),
    lower=True,
    rtol=1e-4,
    atol=1e-5,
)
case(
    "solve_triangular_upper",
    "linalg.solve_triangular",
    np.triu(SPD),
    f32(3, 2),
    rtol=1e-4,
    atol=1e-5,
)
case("svd_values", "linalg.svd", f32(4, 3), compute_uv=False, rtol=1e-4, atol=1e-5)
case("lstsq", "linalg.lstsq", f32(5, 3), f32(5), rtol=1e-3, atol=1e-4)
case("lstsq_matrix", "linalg.lstsq", f32(5, 3), f32(5, 2), rtol=1e-3, atol=1e-4)
case("matrix_rank", "linalg.matrix_rank", np.array([[1.0, 2.0], [2.0, 4.0]], "float32"))
case("matrix_rank_full", "linalg.matrix_rank", SPD)
case("pinv", "linalg.pinv", f32(3, 2), rtol=1e-4, atol=1e-5)
case("slogdet", "slogdet", SQ, rtol=1e-4, atol=1e-5)
case("jvp", "linalg.jvp", Fn("jvp_fun"), (AsTensor(f32(3)),), (AsTensor(f32(3)),))

# -- image -----------------------------------------------------------------------------------------
IM = f32(2, 6, 8, 3, lo=0.0, hi=1.0)
for interpolation in ("bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5"):
    case(
        f"resize_up_{interpolation}",
        "image.resize",
        IM,
        (9, 11),
        interpolation=interpolation,
        rtol=1e-4,
        atol=1e-5,
    )
    case(
        f"resize_down_{interpolation}",
        "image.resize",
        IM,
        (4, 3),
        interpolation=interpolation,
        rtol=1e-4,
        atol=1e-5,
    )
    case(
        f"resize_down_aa_{interpolation}",
        "image.resize",
        IM,
        (4, 3),
        interpolation=interpolation,
        antialias=True,
        rtol=1e-4,
        atol=1e-5,
    )
case("resize_int", "image.resize", (IM * 255).astype("uint8"), (5, 5))
case(
    "resize_unbatched_cf",
    "image.resize",
    np.transpose(IM[0], (2, 0, 1)),
    (4, 4),
    data_format="channels_first",
    rtol=1e-4,
    atol=1e-5,
)
case("resize_crop", "image.resize", IM, (4, 4), crop_to_aspect_ratio=True, rtol=1e-4, atol=1e-5)
case(
    "resize_pad",
    "image.resize",
    IM,
    (4, 4),
    pad_to_aspect_ratio=True,
    fill_value=0.5,
    rtol=1e-4,
    atol=1e-5,
)
case("resize_error", "image.resize", IM, (4, 4), interpolation="bad", error=True)
TR = np.array(
    [[1.1, 0.1, -0.6, -0.2, 0.9, 0.8, 0.0, 0.0], [0.8, -0.3, 1.2, 0.2, 1.05, -0.7, 0.01, -0.02]],
    "float32",
)
for fill_mode in ("constant", "nearest", "wrap", "reflect"):
    for interpolation in ("bilinear", "nearest"):
        case(
            f"affine_{fill_mode}_{interpolation}",
            "image.affine_transform",
            IM,
            TR,
            interpolation=interpolation,
            fill_mode=fill_mode,
            fill_value=0.25,
            rtol=1e-4,
            atol=1e-5,
        )
case("affine_single", "image.affine_transform", IM[0], TR[0], rtol=1e-4, atol=1e-5)
case("affine_error", "image.affine_transform", IM, TR, fill_mode="mirror", error=True)
case(
    "perspective",
    "image.perspective_transform",
    IM,
    np.array([[0, 0], [7, 0], [0, 5], [7, 5]], "float32"),
    np.array([[1, 0], [6, 1], [0, 5], [7, 4]], "float32"),
    rtol=1e-3,
    atol=1e-4,
)
case(
    "map_coordinates_linear",
    "image.map_coordinates",
    f32(5, 6),
    f32(2, 3, 4, lo=-1.0, hi=6.0),
    1,
    rtol=1e-4,
    atol=1e-5,
)
for fill_mode in ("nearest", "wrap", "mirror", "reflect"):
    case(
        f"map_coordinates_{fill_mode}",
        "image.map_coordinates",
        f32(5, 6),
        f32(2, 7, lo=-3.0, hi=8.0),
        1,
        fill_mode=fill_mode,
        rtol=1e-4,
        atol=1e-5,
    )
case(
    "map_coordinates_nearest_order0",
    "image.map_coordinates",
    f32(5, 6),
    f32(2, 7, lo=-1.0, hi=6.0),
    0,
    fill_value=-1.0,
)
case(
    "gaussian_blur",
    "image.gaussian_blur",
    IM,
    kernel_size=(3, 3),
    sigma=(1.0, 1.0),
    rtol=1e-4,
    atol=1e-5,
)
case(
    "gaussian_blur_5",
    "image.gaussian_blur",
    IM[0],
    kernel_size=(5, 5),
    sigma=(2.0, 2.0),
    rtol=1e-4,
    atol=1e-5,
)
case("rgb_to_grayscale", "image.rgb_to_grayscale", IM)
case(
    "rgb_to_grayscale_cf",
    "image.rgb_to_grayscale",
    np.transpose(IM, (0, 3, 1, 2)),
    data_format="channels_first",
)
case("rgb_to_hsv", "image.rgb_to_hsv", IM, rtol=1e-4, atol=1e-5)
case("hsv_to_rgb", "image.hsv_to_rgb", IM, rtol=1e-4, atol=1e-5)
case("rgb_to_hsv_error", "image.rgb_to_hsv", (IM * 255).astype("int32"), error=True)
case("sobel_edges", "image.sobel_edges", IM, rtol=1e-4, atol=1e-5)
case("pad_images", "image.pad_images", IM, 1, 2, target_height=9, target_width=11)
case("pad_images_error", "image.pad_images", IM, 1, 2, error=True)
case("crop_images", "image.crop_images", IM, 1, 2, target_height=3, target_width=4)
case(
    "crop_images_cf",
    "image.crop_images",
    np.transpose(IM, (0, 3, 1, 2)),
    1,
    2,
    bottom_cropping=1,
    right_cropping=1,
    data_format="channels_first",
)
case("extract_patches", "image.extract_patches", IM, 2)
case("extract_patches_same", "image.extract_patches", IM, (3, 2), strides=(2, 2), padding="same")
case("extract_patches_3d", "image.extract_patches_3d", f32(1, 4, 4, 4, 2), 2)
case(
    "scale_and_translate",
    "image.scale_and_translate",
    IM,
    (2, 9, 5, 3),
    np.array([1.5, 0.6], "float32"),
    np.array([0.5, -0.5], "float32"),
    (1, 2),
    "linear",
    rtol=1e-4,
    atol=1e-5,
)
case(
    "scale_and_translate_cubic",
    "image.scale_and_translate",
    IM,
    (2, 4, 12, 3),
    np.array([0.7, 1.5], "float32"),
    np.array([0.0, 1.0], "float32"),
    (1, 2),
    "cubic",
    antialias=False,
    rtol=1e-4,
    atol=1e-5,
)
case(
    "ssim",
    "image.ssim",
    f32(2, 16, 16, 3, lo=0, hi=1),
    f32(2, 16, 16, 3, lo=0, hi=1),
    rtol=1e-4,
    atol=1e-5,
)
case(
    "ssim_unbatched",
    "image.ssim",
    f32(16, 16, 1, lo=0, hi=1),
    f32(16, 16, 1, lo=0, hi=1),
    filter_size=7,
    rtol=1e-4,
    atol=1e-5,
)

# -- dtype promotion tables ------------------------------------------------------------------------
DTYPES = (
    "bool",
    "uint8",
    "int8",
    "int16",
    "int32",
    "int64",
    "bfloat16",
    "float16",
    "float32",
    "float64",
)


def _sample(dtype):
    values = np.array([0, 1, 2, 1], "float32") if dtype != "bool" else np.array([0, 1, 1, 0])
    return values.astype("float32" if dtype == "bfloat16" else dtype)


UNARY_DTYPE_OPS = (
    "abs",
    "negative",
    "square",
    "sqrt",
    "exp",
    "log1p",
    "sin",
    "tanh",
    "ceil",
    "floor",
    "round",
    "sign",
    "trunc",
    "cbrt",
    "deg2rad",
    "i0",
    "fabs",
    "reciprocal",
    "sum",
    "mean",
    "max",
    "prod",
    "var",
    "std",
    "argmax",
    "cumsum",
    "median",
    "cumprod",
    "nansum",
    "count_nonzero",
    "relu",
    "sigmoid",
    "softmax",
    "erf",
    "rsqrt",
    "logsumexp",
    "isnan",
    "ones_like",
    "sort",
    "argsort",
    "trace_",
    "clip_",
    "arange_",
    "nan_to_num",
    "isfinite",
    "logical_not",
    "signbit",
)
BINARY_DTYPE_OPS = (
    "add",
    "subtract",
    "multiply",
    "divide",
    "floor_divide",
    "power",
    "maximum",
    "mod",
    "equal",
    "matmul",
    "dot",
    "where_",
    "concatenate_",
    "arctan2",
    "hypot",
    "logaddexp",
    "heaviside",
    "append",
    "outer",
    "isclose",
)
SCALARS = (("int", 2), ("float", 0.5), ("pybool", True))


class DtypeCase:
    """An op applied to inputs of the given dtypes; compared on the output dtype (and values)."""

    def __init__(self, op, dtypes, scalar=None):
        self.op = op
        self.dtypes = dtypes
        self.scalar = scalar
        suffix = "_".join(dtypes) + (f"_{scalar[0]}" if scalar else "")
        self.name = f"dtype_{op}_{suffix}"

    def inputs(self):
        return [_sample(d) for d in self.dtypes]


DTYPE_CASES = []
for op in UNARY_DTYPE_OPS:
    for d in DTYPES:
        DTYPE_CASES.append(DtypeCase(op, (d,)))
for op in BINARY_DTYPE_OPS:
    for i, d1 in enumerate(DTYPES):
        for d2 in DTYPES:
            # All pairs for `add`; the diagonal and the pairs with float32/int32 elsewhere.
            if op == "add" or d1 == d2 or "float32" in (d1, d2) or "int32" in (d1, d2):
                DTYPE_CASES.append(DtypeCase(op, (d1, d2)))
        for scalar in SCALARS:
            if op in ("add", "multiply", "subtract", "divide", "maximum", "power", "where_"):
                DTYPE_CASES.append(DtypeCase(op, (d1,), scalar))


def dtype_call(ops, case):
    """Run a `DtypeCase` with `ops` (Keras or torchkeras); inputs are cast to their dtypes."""
    xs = [ops.cast(ops.convert_to_tensor(x), d) for x, d in zip(case.inputs(), case.dtypes)]
    op = case.op
    if case.scalar is not None:
        value = case.scalar[1]
        if op == "where_":
            return ops.where(ops.convert_to_tensor([True, False, True, False]), xs[0], value)
        return getattr(ops, op)(xs[0], value)
    if op == "trace_":
        return ops.trace(ops.reshape(xs[0], (2, 2)))
    if op == "clip_":
        return ops.clip(xs[0], 0, 1)
    if op == "arange_":
        return ops.arange(ops.cast(ops.convert_to_tensor(3), case.dtypes[0]))
    if op == "where_":
        return ops.where(ops.convert_to_tensor([True, False, True, False]), xs[0], xs[1])
    if op == "concatenate_":
        return ops.concatenate(xs)
    if op in ("matmul",):
        return ops.matmul(ops.reshape(xs[0], (2, 2)), ops.reshape(xs[1], (2, 2)))
    return getattr(ops, op)(*xs)
