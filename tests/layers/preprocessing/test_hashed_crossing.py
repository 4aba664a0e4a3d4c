import re

import numpy as np
import pytest

from torchkeras import layers
from torchkeras.layers.preprocessing import hash_functions


def test_hashed_crossing_matches_keras():
    # from keras 3.15.1
    layer = layers.HashedCrossing(num_bins=5)
    out = layer((np.array([1, 2, 3, 4, 5]), np.array(["A", "B", "A", "B", "A"])))
    assert out.tolist() == [2, 3, 1, 2, 2]
    three = layers.HashedCrossing(num_bins=1000)((
        np.array([[1], [-2], [2**40]]), np.array([[7], [8], [9]]),
        np.array([["x"], ["y"], ["zzzzzzzzzzzzzzzzzzzzzzzz"]]),
    ))
    assert three.tolist() == [[157], [694], [617]]
    one_hot = layers.HashedCrossing(num_bins=4, output_mode="one_hot")
    assert one_hot((np.array([1, 2]), np.array(["A", "B"]))).tolist() == [[0, 1, 0, 0]] * 2
    assert one_hot((np.array(2), np.array("B"))).tolist() == [[0, 1, 0, 0]]


def test_fingerprint_cat64_is_order_dependent():
    a, b = 12345, 67890
    assert hash_functions.fingerprint_cat64(a, b) != hash_functions.fingerprint_cat64(b, a)


def test_hashed_crossing_shapes_and_config():
    layer = layers.HashedCrossing(num_bins=4, output_mode="one_hot", name="x")
    assert layer.compute_output_shape(((None, 1), (None, 1))) == (None, 4)
    assert layer.compute_output_shape(((None,), (None,))) == (None, 4)
    assert layer.get_config() == {"num_bins": 4, "output_mode": "one_hot", "sparse": False,
                                  "name": "x", "dtype": "float32"}
    assert layers.HashedCrossing(3).get_config()["dtype"] == "int64"


def test_hashed_crossing_errors():
    layer = layers.HashedCrossing(num_bins=3)
    with pytest.raises(ValueError, match="`HashedCrossing` should be called on a list or tuple"):
        layer(np.array([1, 2]))
    with pytest.raises(ValueError, match="`HashedCrossing` should be called on at least two"):
        layer([np.array([1, 2])])
    with pytest.raises(ValueError, match=re.escape(
            "All `HashedCrossing` inputs should have shape `()`, `(batch_size)` or "
            "`(batch_size, 1)`.")):
        layer([np.ones((2, 2), "int64"), np.ones((2, 2), "int64")])
    with pytest.raises(ValueError, match="All `HashedCrossing` inputs should have equal shape."):
        layer([np.array([1, 2]), np.array([1, 2, 3])])
    with pytest.raises(ValueError, match="All `HashedCrossing` inputs should have an integer or"):
        layer([np.array([1.0, 2.0]), np.array([1, 2])])
    with pytest.raises(ValueError, match=re.escape(
            "Unknown value for `output_mode` argument of HashedCrossing. Allowed values are: "
            "('int', 'one_hot'). Received: output_mode=count")):
        layers.HashedCrossing(3, output_mode="count")
    with pytest.raises(ValueError, match="Expected as input a list/tuple of 2 tensors."):
        layer.compute_output_shape((None, 1))
    with pytest.raises(ValueError, match="Expected the two input tensors to have identical"):
        layer.compute_output_shape(((None, 1), (None, 2)))
