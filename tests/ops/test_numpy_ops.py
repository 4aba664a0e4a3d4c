"""`keras.ops.numpy` against NumPy references (closed forms written here, not the code's output).

The Keras goldens (`test_op_goldens.py`) cover dtypes and TensorFlow's exact numbers; these tests
pin the NumPy semantics, including cases where Keras on TensorFlow fails and torchkeras follows
NumPy (integer `pad` widths, more `pad` modes, integer `clip` bounds, integer `logsumexp`).
"""

import numpy as np
import pytest

from torchkeras import ops

rng = np.random.default_rng(7)
A = rng.uniform(-2, 2, (3, 4)).astype("float32")
B = rng.uniform(-2, 2, (3, 4)).astype("float32")
POS = rng.uniform(0.1, 3, (3, 4)).astype("float32")
I = rng.integers(-5, 5, (3, 4)).astype("int32")


def np_of(x):
    return ops.convert_to_numpy(x)


ELEMENTWISE = [
    ("add", (A, B), np.add),
    ("subtract", (A, B), np.subtract),
    ("multiply", (A, B), np.multiply),
    ("divide", (A, POS), np.divide),
    ("power", (POS, A), np.power),
    ("maximum", (A, B), np.maximum),
    ("minimum", (A, B), np.minimum),
    ("mod", (A, POS), np.mod),
    ("fmod", (A, POS), np.fmod),
    ("floor_divide", (A, POS), np.floor_divide),
    ("arctan2", (A, B), np.arctan2),
    ("hypot", (A, B), np.hypot),
    ("logaddexp", (A, B), np.logaddexp),
    ("logaddexp2", (A, B), np.logaddexp2),
    ("heaviside", (A, B), np.heaviside),
    ("exp", (A,), np.exp),
    ("expm1", (A,), np.expm1),
    ("log1p", (POS,), np.log1p),
    ("log2", (POS,), np.log2),
    ("sqrt", (POS,), np.sqrt),
    ("cbrt", (A,), np.cbrt),
    ("sinc", (A,), np.sinc),
    ("arcsinh", (A,), np.arcsinh),
    ("deg2rad", (A,), np.deg2rad),
    ("rad2deg", (A,), np.rad2deg),
    ("i0", (A,), np.i0),
    ("sign", (A,), np.sign),
    ("trunc", (A,), np.trunc),
    ("square", (A,), np.square),
    ("reciprocal", (POS,), np.reciprocal),
    ("negative", (A,), np.negative),
]


@pytest.mark.parametrize("name, args, reference", ELEMENTWISE, ids=[e[0] for e in ELEMENTWISE])
def test_elementwise_matches_numpy(name, args, reference):
    np.testing.assert_allclose(
        np_of(getattr(ops, name)(*args)), reference(*args), rtol=2e-5, atol=1e-6
    )


def test_integer_results():
    np.testing.assert_array_equal(np_of(ops.floor_divide(I, 3)), np.floor_divide(I, 3))
    np.testing.assert_array_equal(np_of(ops.mod(I, 3)), np.mod(I, 3))
    np.testing.assert_array_equal(np_of(ops.fmod(I, 3)), np.fmod(I, 3))
    np.testing.assert_array_equal(np_of(ops.gcd(I, 6)), np.gcd(I, 6))
    np.testing.assert_array_equal(np_of(ops.lcm(I, 6)), np.lcm(I, 6))
    np.testing.assert_array_equal(np_of(ops.bitwise_xor(I, 5)), np.bitwise_xor(I, 5))
    np.testing.assert_array_equal(np_of(ops.left_shift(np.abs(I), 2)), np.left_shift(np.abs(I), 2))


def test_clip_integer_tensor_with_float_bounds_keeps_integers():
    # Keras on TensorFlow refuses this; NumPy-like behaviour: the bounds apply, the dtype stays.
    out = ops.clip(I, -1.5, 2.5)
    assert ops.dtype(out) == "int32"
    np.testing.assert_array_equal(np_of(out), np.clip(I, -1, 2))


def test_round_is_half_to_even():
    x = np.array([0.5, 1.5, 2.5, -0.5, 2.675], "float32")
    np.testing.assert_array_equal(np_of(ops.round(x)), np.round(x))
    np.testing.assert_allclose(np_of(ops.round(x, 2)), np.round(x, 2), rtol=1e-6)


REDUCTIONS = [
    ("sum", np.sum),
    ("mean", np.mean),
    ("max", np.max),
    ("min", np.min),
    ("prod", np.prod),
    ("std", np.std),
    ("var", np.var),
    ("ptp", np.ptp),
    ("median", np.median),
    ("all", np.all),
    ("any", np.any),
]


@pytest.mark.parametrize("name, reference", REDUCTIONS, ids=[r[0] for r in REDUCTIONS])
@pytest.mark.parametrize("axis", [None, 0, (0, 1), -1])
@pytest.mark.parametrize("keepdims", [False, True])
def test_reductions_match_numpy(name, reference, axis, keepdims):
    x = rng.uniform(-2, 2, (2, 3, 4)).astype("float32")
    expected = reference(x, axis=axis, keepdims=keepdims)
    np.testing.assert_allclose(
        np_of(getattr(ops, name)(x, axis=axis, keepdims=keepdims)), expected, rtol=2e-5, atol=1e-6
    )


@pytest.mark.parametrize("method", ["linear", "lower", "higher", "midpoint", "nearest"])
def test_quantile_matches_numpy(method):
    x = rng.uniform(-2, 2, (4, 7)).astype("float32")
    q = np.array([0.0, 0.3, 0.5, 1.0], "float32")
    np.testing.assert_allclose(
        np_of(ops.quantile(x, q, axis=1, method=method)),
        np.quantile(x, q, axis=1, method=method),
        rtol=1e-5,
        atol=1e-6,
    )
    np.testing.assert_allclose(
        np_of(ops.percentile(x, 40.0, axis=0, method=method, keepdims=True)),
        np.percentile(x, 40.0, axis=0, method=method, keepdims=True),
        rtol=1e-5,
    )


def test_nan_reductions_match_numpy():
    x = np.array([[1.0, np.nan, 3.0, 4.0], [np.nan, 2.0, 2.0, 8.0]], "float32")
    for name in (
        "nansum",
        "nanmean",
        "nanmax",
        "nanmin",
        "nanprod",
        "nanstd",
        "nanvar",
        "nanmedian",
    ):
        np.testing.assert_allclose(
            np_of(getattr(ops, name)(x, axis=1)),
            getattr(np, name)(x, axis=1),
            rtol=1e-6,
            err_msg=name,
        )
    np.testing.assert_array_equal(np_of(ops.nanargmax(x, axis=1)), np.nanargmax(x, axis=1))
    np.testing.assert_allclose(
        np_of(ops.nanquantile(x, [0.25, 0.75], axis=1)),
        np.nanquantile(x, [0.25, 0.75], axis=1),
        rtol=1e-6,
    )
    np.testing.assert_allclose(np_of(ops.nancumsum(x, axis=1)), np.nancumsum(x, axis=1))


def test_logsumexp_of_integers_is_float():
    x = np.array([[1, 2, 3], [0, 0, 0]], "int32")
    expected = np.log(np.exp(x.astype("float64")).sum(axis=1))
    np.testing.assert_allclose(np_of(ops.logsumexp(x, axis=1)), expected, rtol=1e-6)


def test_argmax_prefers_positive_zero_as_keras_does():
    # Keras treats -0.0 as smaller than 0.0 (JAX's rule), NumPy does not.
    assert int(ops.argmax(np.array([-0.0, 0.0], "float32"))) == 1
    assert int(ops.argmin(np.array([0.0, -0.0], "float32"))) == 1


@pytest.mark.parametrize("mode", ["constant", "edge", "reflect", "symmetric", "wrap"])
def test_pad_modes_match_numpy(mode):
    x = rng.uniform(size=(3, 4)).astype("float32")
    widths = ((2, 1), (3, 4))
    np.testing.assert_array_equal(
        np_of(ops.pad(x, widths, mode=mode)), np.pad(x, widths, mode=mode)
    )


def test_pad_width_shortcuts_broadcast_as_numpy():
    x = np.arange(6, dtype="int32").reshape(2, 3)
    np.testing.assert_array_equal(np_of(ops.pad(x, 1)), np.pad(x, 1))
    np.testing.assert_array_equal(np_of(ops.pad(x, ((1, 2),))), np.pad(x, ((1, 2),)))
    np.testing.assert_array_equal(np_of(ops.pad(x, (2,))), np.pad(x, (2,)))
    np.testing.assert_array_equal(
        np_of(ops.pad(x, ((0, 1), (1, 0)), constant_values=9)),
        np.pad(x, ((0, 1), (1, 0)), constant_values=9),
    )


SHAPES = [
    ("reshape", (A, (4, 3)), lambda x, s: np.reshape(x, s)),
    ("transpose", (np.ones((2, 3, 4)), (2, 0, 1)), np.transpose),
    ("moveaxis", (np.ones((2, 3, 4)), 0, -1), np.moveaxis),
    ("swapaxes", (np.ones((2, 3, 4)), 0, 2), np.swapaxes),
    ("expand_dims", (A, (0, 2)), np.expand_dims),
    ("flip", (A, 1), np.flip),
    ("rot90", (A, 3), np.rot90),
    ("roll", (A, 5), np.roll),
    ("tile", (A, (2, 1, 2)), np.tile),
    ("repeat", (A, [1, 0, 2], 0), np.repeat),
    ("tril", (A, -1), np.tril),
    ("triu", (A, 2), np.triu),
    ("diagonal", (np.ones((2, 3, 4)), 1, 1, 2), np.diagonal),
    ("diagflat", (A[:2], 1), np.diagflat),
    ("trace", (A, 1), np.trace),
    ("diff", (A, 2, 0), np.diff),
    ("broadcast_to", (A[0], (2, 4)), np.broadcast_to),
    ("append", (A, B, 1), np.append),
    ("kron", (A[:2, :2], B[:2, :3]), np.kron),
    ("outer", (A[0], B[1]), np.outer),
    ("inner", (A, B), np.inner),
    ("tensordot", (A, B.T, 1), np.tensordot),
    ("cross", (A[:, :3], B[:, :3]), np.cross),
    ("vdot", (A, B), np.vdot),
    ("correlate", (A[0], B[0, :2], "full"), np.correlate),
    ("correlate", (A[0], B[0, :2], "same"), np.correlate),
]


@pytest.mark.parametrize("name, args, reference", SHAPES, ids=[s[0] for s in SHAPES])
def test_manipulations_match_numpy(name, args, reference):
    np.testing.assert_allclose(
        np_of(getattr(ops, name)(*args)), reference(*args), rtol=1e-5, atol=1e-6
    )


def test_splits_match_numpy():
    x = np.arange(24, dtype="float32").reshape(4, 6)
    for got, want in zip(ops.split(x, [1, 4], axis=1), np.split(x, [1, 4], axis=1)):
        np.testing.assert_array_equal(np_of(got), want)
    for got, want in zip(ops.array_split(x, 4, axis=1), np.array_split(x, 4, axis=1)):
        np.testing.assert_array_equal(np_of(got), want)
    for got, want in zip(ops.hsplit(x, 3), np.hsplit(x, 3)):
        np.testing.assert_array_equal(np_of(got), want)


def test_creation_matches_numpy():
    np.testing.assert_allclose(np_of(ops.linspace(-1.0, 2.0, 7)), np.linspace(-1, 2, 7), rtol=1e-6)
    np.testing.assert_allclose(
        np_of(ops.linspace(0.0, 1.0, 5, endpoint=False)),
        np.linspace(0, 1, 5, endpoint=False),
        rtol=1e-6,
    )
    np.testing.assert_allclose(np_of(ops.logspace(0.0, 3.0, 4)), np.logspace(0, 3, 4), rtol=1e-5)
    np.testing.assert_allclose(
        np_of(ops.geomspace(-1.0, -1000.0, 4)), np.geomspace(-1, -1000, 4), rtol=1e-5
    )
    np.testing.assert_array_equal(np_of(ops.arange(2, 11, 3)), np.arange(2, 11, 3))
    np.testing.assert_array_equal(np_of(ops.eye(3, 5, k=2)), np.eye(3, 5, k=2))
    np.testing.assert_array_equal(np_of(ops.eye(4, 3, k=-1)), np.eye(4, 3, k=-1))
    np.testing.assert_array_equal(np_of(ops.tri(3, 4, k=1)), np.tri(3, 4, k=1))
    np.testing.assert_array_equal(np_of(ops.identity(2)), np.identity(2))
    np.testing.assert_array_equal(np_of(ops.full((2, 2), 3.5)), np.full((2, 2), 3.5))
    for name in ("bartlett", "blackman", "hamming", "hanning"):
        np.testing.assert_allclose(
            np_of(getattr(ops, name)(9)), getattr(np, name)(9), atol=1e-6, err_msg=name
        )
    np.testing.assert_allclose(np_of(ops.kaiser(9, 5.0)), np.kaiser(9, 5.0), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(
        np_of(ops.vander(np.array([1.0, 2.0, 3.0]), 4)), np.vander([1, 2, 3], 4)
    )


def test_selection_matches_numpy():
    x = np.array([[3, 1, 2], [0, 5, 4]], "int32")
    np.testing.assert_array_equal(np_of(ops.sort(x, axis=0)), np.sort(x, axis=0))
    np.testing.assert_array_equal(np_of(ops.argsort(x)), np.argsort(x, kind="stable"))
    np.testing.assert_array_equal(
        np_of(ops.searchsorted(np.array([1, 3, 5]), np.array([0, 3, 6]), side="right")),
        np.searchsorted([1, 3, 5], [0, 3, 6], side="right"),
    )
    np.testing.assert_array_equal(
        np_of(ops.digitize(np.array([0.5, 1.0, 3.5]), [1.0, 2.0, 3.0])),
        np.digitize([0.5, 1.0, 3.5], [1.0, 2.0, 3.0]),
    )
    np.testing.assert_array_equal(np_of(ops.isin(x, [1, 4])), np.isin(x, [1, 4]))
    got = [np_of(t) for t in ops.nonzero(x)]
    for g, w in zip(got, np.nonzero(x)):
        np.testing.assert_array_equal(g, w)
    np.testing.assert_array_equal(
        np_of(ops.select([x > 3, x < 1], [x, -x], 7)), np.select([x > 3, x < 1], [x, -x], 7)
    )
    np.testing.assert_array_equal(
        np_of(ops.take(x, [[0, 2]], axis=1)), np.take(x, [[0, 2]], axis=1)
    )
    index = np.argsort(x, axis=1)
    np.testing.assert_array_equal(
        np_of(ops.take_along_axis(x, index, axis=1)), np.take_along_axis(x, index, axis=1)
    )
    coords = ops.unravel_index(np.array([[3, 5]]), (2, 3))
    for g, w in zip(coords, np.unravel_index(np.array([[3, 5]]), (2, 3))):
        np.testing.assert_array_equal(np_of(g), w)


def test_unique_matches_numpy():
    x = np.array([4, 1, 4, 2, 1, 1], "int32")
    values, index, inverse, counts = ops.unique(
        x, return_index=True, return_inverse=True, return_counts=True
    )
    want = np.unique(x, return_index=True, return_inverse=True, return_counts=True)
    for g, w in zip((values, index, inverse, counts), want):
        np.testing.assert_array_equal(np_of(g), w)
    # sorted=False keeps the order of first appearance.
    np.testing.assert_array_equal(np_of(ops.unique(x, sorted=False)), [4, 1, 2])
    padded = ops.unique(x, size=2)
    np.testing.assert_array_equal(np_of(padded), [1, 2])


def test_statistics_match_numpy():
    counts = ops.bincount(np.array([1, 1, 3]), weights=np.array([0.5, 1.0, 2.0], "float32"))
    np.testing.assert_allclose(np_of(counts), np.bincount([1, 1, 3], weights=[0.5, 1.0, 2.0]))
    values = rng.uniform(size=30).astype("float32")
    got_counts, got_edges = ops.histogram(values, bins=6)
    want_counts, want_edges = np.histogram(values, bins=6)
    np.testing.assert_array_equal(np_of(got_counts), want_counts)
    np.testing.assert_allclose(np_of(got_edges), want_edges, rtol=1e-6)
    x = rng.uniform(size=(3, 8)).astype("float32")
    np.testing.assert_allclose(np_of(ops.corrcoef(x)), np.corrcoef(x), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np_of(ops.trapezoid(x, dx=0.5)), np.trapezoid(x, dx=0.5), rtol=1e-6)
    np.testing.assert_allclose(
        np_of(ops.average(x, axis=1, weights=np.arange(1.0, 9.0))),
        np.average(x, axis=1, weights=np.arange(1.0, 9.0)),
        rtol=1e-6,
    )


def test_products_match_numpy():
    x = rng.uniform(size=(2, 3, 4)).astype("float32")
    y = rng.uniform(size=(4, 5)).astype("float32")
    np.testing.assert_allclose(np_of(ops.matmul(x, y)), x @ y, rtol=1e-5)
    np.testing.assert_allclose(np_of(ops.dot(x, y)), np.dot(x, y), rtol=1e-5)
    np.testing.assert_allclose(
        np_of(ops.einsum("bij,jk->bik", x, y)), np.einsum("bij,jk->bik", x, y), rtol=1e-5
    )
    ints = np.arange(6, dtype="int32").reshape(2, 3)
    np.testing.assert_array_equal(np_of(ops.matmul(ints, ints.T)), ints @ ints.T)


def test_nan_to_num_and_predicates():
    x = np.array([np.nan, np.inf, -np.inf, 1.0], "float32")
    np.testing.assert_array_equal(np_of(ops.nan_to_num(x)), np.nan_to_num(x))
    np.testing.assert_array_equal(np_of(ops.isfinite(x)), np.isfinite(x))
    np.testing.assert_array_equal(np_of(ops.isposinf(x)), np.isposinf(x))
    np.testing.assert_array_equal(np_of(ops.isnan(I)), np.zeros(I.shape, bool))
    np.testing.assert_array_equal(
        np_of(ops.signbit(np.array([-0.0, 0.0, -2.0]))), [True, False, True]
    )


def test_rearrange_matches_a_reshape_transpose():
    x = rng.uniform(size=(2, 4, 6, 3)).astype("float32")
    got = ops.rearrange(x, "b (h1 h) (w1 w) c -> (b h1 w1) h w c", h1=2, w1=3)
    want = x.reshape(2, 2, 2, 3, 2, 3).transpose(0, 1, 3, 2, 4, 5).reshape(12, 2, 2, 3)
    np.testing.assert_array_equal(np_of(got), want)
