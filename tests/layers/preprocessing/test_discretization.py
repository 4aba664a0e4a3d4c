import re

import numpy as np
import pytest
import torch

from torchkeras import layers
from torchkeras.testing import run_layer_test


def test_discretization_basics():
    x = np.array([[-1.5, 1.0, 3.4, 0.5], [0.0, 3.0, 1.3, 0.0]], "float32")
    run_layer_test(
        layers.Discretization, {"bin_boundaries": [0.0, 1.0, 2.0]}, input_data=x,
        expected_output=[[0, 2, 3, 1], [1, 3, 2, 1]], run_training_check=False,
    )
    assert layers.Discretization(bin_boundaries=[0.0])(x).dtype == torch.int32


def test_discretization_matches_numpy_digitize(rng):
    x = rng.normal(size=(20, 3)).astype("float32")
    boundaries = [-1.0, -0.2, 0.0, 0.7]
    y = layers.Discretization(bin_boundaries=boundaries)(x)
    np.testing.assert_array_equal(y.numpy(), np.digitize(x, boundaries))


def test_discretization_adapt_matches_keras():
    x = np.array([[0.3, 1.7, -2.1, 4.4, 0.0, 2.2, -0.5, 3.3, 1.1, -1.0]], "float32").T
    layer = layers.Discretization(num_bins=4)
    layer.adapt(x)
    # from keras 3.15.1
    assert layer.bin_boundaries == [-0.7500000596046448, 0.30000001192092896, 1.9500000476837158]
    batched = layers.Discretization(num_bins=3, epsilon=0.1)
    batched.adapt([x[:4], x[4:]])
    assert batched.bin_boundaries == [-0.33333343267440796, 1.499999761581421]
    generated = layers.Discretization(num_bins=3, epsilon=0.1)
    generated.adapt(b for b in [x[:4], x[4:]])
    assert generated.bin_boundaries == batched.bin_boundaries


def test_discretization_encoded_outputs_match_keras():
    x = np.array([[[-1.0, 0.5], [2.0, 3.0]], [[0.5, 0.5], [0.2, 0.2]]], "float32")
    layer = layers.Discretization(bin_boundaries=[0.0, 1.0], output_mode="multi_hot")
    # from keras 3.15.1 (rank-3 inputs reduce axis 1)
    assert layer(x).tolist() == [[[1, 0, 1], [0, 1, 1]], [[0, 1, 0], [0, 1, 0]]]
    assert layer.compute_output_shape((None, 3, 4)) == (None, 4, 3)
    one_hot = layers.Discretization(bin_boundaries=[0.0, 1.0], output_mode="one_hot")
    assert one_hot(np.array([[-1.0], [1.5]])).tolist() == [[1, 0, 0], [0, 0, 1]]
    assert one_hot.compute_output_shape((None, 1)) == (None, 3)
    count = layers.Discretization(bin_boundaries=[0.0], output_mode="count", sparse=True)
    assert count(np.array([[-1.0, 2.0, 3.0]])).to_dense().tolist() == [[1, 2]]


def test_discretization_config_round_trip_after_adapt():
    layer = layers.Discretization(num_bins=3, epsilon=0.1, name="d")
    layer.adapt(np.arange(10, dtype="float32"))
    config = layer.get_config()
    assert config == {"bin_boundaries": layer.bin_boundaries, "num_bins": 3, "epsilon": 0.1,
                      "output_mode": "int", "sparse": False, "name": "d", "dtype": "float32"}
    clone = layers.Discretization.from_config(config)
    assert clone.bin_boundaries == layer.bin_boundaries and clone.num_bins == 3
    x = np.linspace(-1, 11, 7).astype("float32")
    np.testing.assert_array_equal(clone(x).numpy(), layer(x).numpy())


def test_discretization_errors():
    with pytest.raises(ValueError, match=re.escape(
            "`sparse=True` may only be used if `output_mode` is `'one_hot'`, `'multi_hot'`, "
            "or `'count'`. Received: sparse=True and output_mode=int")):
        layers.Discretization(bin_boundaries=[0.0], sparse=True)
    with pytest.raises(ValueError, match=re.escape(
            "Unknown value for `output_mode` argument of Discretization. Allowed values are: "
            "('int', 'one_hot', 'multi_hot', 'count'). Received: output_mode=tf_idf")):
        layers.Discretization(bin_boundaries=[0.0], output_mode="tf_idf")
    with pytest.raises(ValueError, match=re.escape(
            "`num_bins` must be greater than or equal to 0. Received: `num_bins=-1`")):
        layers.Discretization(num_bins=-1)
    with pytest.raises(ValueError, match=re.escape(
            "Both `num_bins` and `bin_boundaries` should not be set.")):
        layers.Discretization(num_bins=2, bin_boundaries=[0.0])
    with pytest.raises(ValueError, match="You need to set either `num_bins` or `bin_boundaries`."):
        layers.Discretization()
    with pytest.raises(ValueError, match=re.escape(
            "Cannot adapt a Discretization layer that has been initialized with "
            "`bin_boundaries`, use `num_bins` instead.")):
        layers.Discretization(bin_boundaries=[0.0]).adapt(np.ones(3))
    with pytest.raises(ValueError, match=re.escape(
            "You need to either pass the `bin_boundaries` argument at construction time or call "
            "`adapt(dataset)` before you can start using the `Discretization` layer.")):
        layers.Discretization(num_bins=2)(np.ones((1, 2)))
