"""`keras.ops` core functions: control flow, slices, scatters, custom gradients, vectorization."""

import numpy as np
import torch

from torchkeras import ops


def np_of(x):
    return ops.convert_to_numpy(x)


def test_control_flow():
    assert np_of(ops.cond(False, lambda: ops.ones(2), lambda: ops.zeros(2))).tolist() == [0.0, 0.0]
    assert ops.switch(-3, [lambda x: x + 1, lambda x: x * 10], 2) == 3  # index clamped to 0
    assert float(ops.fori_loop(0, 4, lambda i, v: v + i, ops.convert_to_tensor(0.0))) == 6.0
    # A single loop variable comes back as a single value.
    out = ops.while_loop(lambda v: v < 10, lambda v: v * 2, 1)
    assert int(out) == 16
    a, b = ops.while_loop(
        lambda a, b: a < 100, lambda a, b: (a + 1, b * 2), (0, 1), maximum_iterations=3
    )
    assert (int(a), int(b)) == (3, 8)


def test_scan_and_map():
    xs = np.arange(1.0, 5.0, dtype="float32")
    carry, ys = ops.scan(lambda c, x: (c + x, c * x), 0.0, xs)
    assert float(carry) == 10.0
    np.testing.assert_array_equal(np_of(ys), [0.0, 2.0, 9.0, 24.0])
    # Nested structures of xs and ys.
    carry, (doubled, halves) = ops.scan(
        lambda c, x: (c + x["a"], (x["a"] * 2, x["b"] / 2)),
        0.0,
        {"a": xs, "b": xs + 1},
    )
    np.testing.assert_array_equal(np_of(doubled), xs * 2)
    np.testing.assert_array_equal(np_of(halves), (xs + 1) / 2)
    np.testing.assert_array_equal(
        np_of(ops.map(lambda x: x.sum(), np.ones((3, 2)))), [2.0, 2.0, 2.0]
    )
    np.testing.assert_array_equal(
        np_of(ops.associative_scan(lambda a, b: a * b, xs)), np.cumprod(xs)
    )


def test_vectorized_map_and_vectorize():
    x = np.arange(6, dtype="float32").reshape(3, 2)
    np.testing.assert_array_equal(
        np_of(ops.vectorized_map(lambda row: row.sum(), x)), [1.0, 5.0, 9.0]
    )
    # A function torch.vmap cannot vectorize (data-dependent Python control flow) falls back to
    # a loop.
    out = ops.vectorized_map(lambda row: row * 2 if float(row.sum()) > 2 else row, x)
    np.testing.assert_array_equal(np_of(out), [[0.0, 1.0], [4.0, 6.0], [8.0, 10.0]])
    scalar_fn = ops.vectorize(lambda a, b: a * b + 1)
    np.testing.assert_array_equal(
        np_of(scalar_fn(np.ones((2, 1)), np.arange(3.0))), np.ones((2, 1)) * np.arange(3.0) + 1
    )
    dot = ops.vectorize(lambda a, b: (a * b).sum(), signature="(d),(d)->()")
    np.testing.assert_allclose(np_of(dot(x, x)), (x * x).sum(-1))
    excluded = ops.vectorize(lambda a, scale: a * scale, excluded={1})
    np.testing.assert_array_equal(np_of(excluded(np.ones(3), 5.0)), [5.0, 5.0, 5.0])


def test_slices_and_scatters():
    x = np.arange(12, dtype="float32").reshape(3, 4)
    np.testing.assert_array_equal(np_of(ops.slice(x, (1, 1), (2, -1))), x[1:3, 1:])
    updated = np_of(ops.slice_update(x, (0, 2), np.zeros((2, 2), "float32")))
    expected = x.copy()
    expected[0:2, 2:4] = 0
    np.testing.assert_array_equal(updated, expected)
    scattered = np_of(ops.scatter([[0, 0], [0, 0], [2, 1]], np.array([1.0, 2.0, 5.0]), (3, 2)))
    np.testing.assert_array_equal(scattered, [[3.0, 0.0], [0.0, 0.0], [0.0, 5.0]])
    rows = np_of(ops.scatter_update(x, [[1]], np.full((1, 4), -1.0, "float32")))
    expected = x.copy()
    expected[1] = -1
    np.testing.assert_array_equal(rows, expected)
    assert ops.slice_update(x, (0, 0), np.ones((1, 1))).dtype == torch.float32


def test_casts():
    x = np.array([-1.7, 0.0, 2.9, 300.0], "float32")
    np.testing.assert_array_equal(np_of(ops.cast(x, "int32")), [-1, 0, 2, 300])
    np.testing.assert_array_equal(np_of(ops.saturate_cast(x, "uint8")), [0, 0, 2, 255])
    np.testing.assert_array_equal(
        np_of(ops.saturate_cast(np.array([1000], "int32"), "int8")), [127]
    )
    assert ops.dtype(ops.saturate_cast(np.array([True]), "float32")) == "float32"


def test_stop_gradient_and_custom_gradient():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    (ops.stop_gradient(x) * x).sum().backward()
    np.testing.assert_array_equal(x.grad.numpy(), [1.0, 2.0])

    @ops.custom_gradient
    def clipped_square(v):
        def grad(upstream):
            return upstream * 0.5  # a made-up gradient, to see it used

        return v * v, grad

    y = torch.tensor([3.0, -1.0], requires_grad=True)
    out = clipped_square(y)
    np.testing.assert_array_equal(out.detach().numpy(), [9.0, 1.0])
    out.sum().backward()
    np.testing.assert_array_equal(y.grad.numpy(), [0.5, 0.5])


def test_jvp():
    x = torch.tensor([0.5, 1.0])
    t = torch.tensor([1.0, 0.0])
    primal, tangent = ops.linalg.jvp(lambda v: torch.sin(v * v), (x,), (t,))
    np.testing.assert_allclose(primal.numpy(), np.sin(x.numpy() ** 2), rtol=1e-6)
    np.testing.assert_allclose(
        tangent.numpy(), np.cos(x.numpy() ** 2) * 2 * x.numpy() * t.numpy(), rtol=1e-6
    )
    primal, tangent, aux = ops.linalg.jvp(lambda v: (v * 3, v + 1), (x,), (t,), has_aux=True)
    np.testing.assert_allclose(aux.numpy(), [1.5, 2.0])
    np.testing.assert_allclose(tangent.numpy(), [3.0, 0.0])


def test_conversion_and_introspection():
    assert ops.shape(np.ones((2, 3))) == (2, 3)
    assert ops.dtype(np.ones(2, "int16")) == "int16"
    assert ops.is_tensor(torch.ones(1)) and not ops.is_tensor(np.ones(1))
    assert isinstance(ops.convert_to_numpy(torch.ones(2, dtype=torch.bfloat16)), np.ndarray)
    stacked = ops.convert_to_tensor([torch.tensor(1), torch.tensor(2.5)])
    assert stacked.dtype == torch.float32 and stacked.tolist() == [1.0, 2.5]
    assert ops.convert_to_tensor(1.5, dtype="bfloat16").dtype == torch.bfloat16
    assert ops.size(np.ones((2, 3))).dtype == torch.int32
    assert len(ops.unstack(np.ones((2, 3)), axis=1)) == 3
