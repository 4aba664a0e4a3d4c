"""Ops on symbolic tensors build functional graphs that replay the ops on real tensors."""

import numpy as np
import torch

import torchkeras as keras
from torchkeras import ops


def test_ops_on_an_input_build_a_model():
    x = keras.Input((3, 4))
    summed = ops.sum(x, axis=1)
    joined = ops.concatenate([summed, ops.mean(x, axis=1)], axis=-1)
    out = ops.where(ops.greater(joined, 1.0), joined, ops.zeros_like(joined))
    assert summed.shape == (None, 4)
    assert out.shape == (None, 8)
    model = keras.Model(x, out)
    data = np.random.default_rng(0).uniform(size=(2, 3, 4)).astype("float32")
    expected = np.concatenate([data.sum(1), data.mean(1)], axis=-1)
    expected = np.where(expected > 1.0, expected, 0.0)
    np.testing.assert_allclose(ops.convert_to_numpy(model(data)), expected, rtol=1e-6)


def test_op_nodes_have_unique_op_names():
    x = keras.Input((4,))
    a = ops.sum(x, axis=1)
    b = ops.sum(x, axis=1)
    names = [a._keras_history.operation.name, b._keras_history.operation.name]
    assert names == ["sum", "sum_1"]


def test_ops_keep_dtypes_through_the_graph():
    x = keras.Input((3,), dtype="int32")
    half = ops.cast(x, "float16")
    plus = ops.add(half, 1)
    assert plus.dtype == "float16"
    model = keras.Model(x, plus)
    result = model(np.array([[1, 2, 3]], "int32"))
    # No autocast to float32 when the op replays.
    assert result.dtype == torch.float16
    np.testing.assert_array_equal(result.numpy(), [[2, 3, 4]])


def test_symbolic_keyword_arguments_and_mixed_constants():
    x = keras.Input((2,))
    out = ops.where(condition=ops.greater(x, 0.0), x1=x, x2=np.float32(-1.0))
    model = keras.Model(x, out)
    np.testing.assert_array_equal(model(np.array([[1.0, -2.0]], "float32")).numpy(), [[1.0, -1.0]])


def test_introspection_of_symbolic_tensors():
    x = keras.Input((3, 5), dtype="float16")
    assert ops.shape(x) == (None, 3, 5)
    assert ops.dtype(x) == "float16"
    assert ops.ndim(x) == 3
    assert ops.is_tensor(x) is False
    assert ops.convert_to_tensor(x) is x


def test_multi_output_ops_and_unstack():
    x = keras.Input((3, 4))
    halves = ops.split(x, 2, axis=2)
    rows = ops.unstack(x, axis=1)
    assert [h.shape for h in halves] == [(None, 3, 2), (None, 3, 2)]
    assert [r.shape for r in rows] == [(None, 4)] * 3
    model = keras.Model(x, [halves[1], rows[2]])
    data = np.arange(24, dtype="float32").reshape(2, 3, 4)
    second_half, third_row = model(data)
    np.testing.assert_array_equal(second_half.numpy(), data[:, :, 2:])
    np.testing.assert_array_equal(third_row.numpy(), data[:, 2])


def test_real_tensors_take_the_direct_path():
    # A torch tensor argument never goes through the graph machinery.
    t = torch.ones(2, 3)
    assert ops.sum(t, axis=1).tolist() == [3.0, 3.0]
    assert ops.nn.relu(t).shape == (2, 3)
