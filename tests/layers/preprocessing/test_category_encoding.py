import re

import numpy as np
import pytest
import torch

from torchkeras import layers
from torchkeras.testing import run_layer_test


def test_category_encoding_basics():
    run_layer_test(
        layers.CategoryEncoding, {"num_tokens": 4, "output_mode": "multi_hot"},
        input_data=np.array([[0, 1], [3, 3]]), expected_output=[[1, 1, 0, 0], [0, 0, 0, 1]],
        expected_num_trainable_weights=0, run_training_check=False,
    )


def test_category_encoding_modes():
    tokens = np.array([[0, 1], [0, 0], [1, 2], [3, 1]])
    one_hot = layers.CategoryEncoding(4, output_mode="one_hot")(np.array([3, 2, 0, 1]))
    np.testing.assert_array_equal(one_hot.numpy(), np.eye(4)[[3, 2, 0, 1]])
    column = layers.CategoryEncoding(4, output_mode="one_hot")(np.array([[3], [2]]))
    np.testing.assert_array_equal(column.numpy(), np.eye(4)[[3, 2]])
    counts = layers.CategoryEncoding(4, output_mode="count")(tokens)
    np.testing.assert_array_equal(counts.numpy(), [[1, 1, 0, 0], [2, 0, 0, 0], [0, 1, 1, 0],
                                                   [0, 1, 0, 1]])
    weights = np.array([[0.1, 0.2], [0.1, 0.1], [0.2, 0.3], [0.4, 0.2]], "float32")
    weighted = layers.CategoryEncoding(4, output_mode="count")(tokens, count_weights=weights)
    np.testing.assert_allclose(weighted.numpy(), [[0.1, 0.2, 0, 0], [0.2, 0, 0, 0],
                                                  [0, 0.2, 0.3, 0], [0, 0.2, 0, 0.4]], rtol=1e-6)
    assert layers.CategoryEncoding(4)(np.array([0, 2])).tolist() == [1.0, 0.0, 1.0, 0.0]


def test_category_encoding_edge_cases_match_keras():
    # from keras 3.15.1: rank-3 inputs reduce axis 1; a scalar is one sample; values past
    # `num_tokens` are dropped.
    x = np.array([[[0, 1], [2, 3]], [[1, 1], [0, 0]]])
    expected = [[[1, 0, 1, 0], [0, 1, 0, 1]], [[1, 1, 0, 0], [1, 1, 0, 0]]]
    assert layers.CategoryEncoding(4)(x).tolist() == expected
    assert layers.CategoryEncoding(4, output_mode="count")(x).tolist() == expected
    assert layers.CategoryEncoding(4, output_mode="one_hot")(np.array(2)).tolist() == [
        [0, 0, 1, 0]]
    assert layers.CategoryEncoding(4)(np.array([[0, 7, 3]])).tolist() == [[1, 0, 0, 1]]


def test_category_encoding_sparse_and_shapes():
    y = layers.CategoryEncoding(5, sparse=True)(np.array([[0, 4]]))
    assert y.is_sparse and y.to_dense().tolist() == [[1, 0, 0, 0, 1]]
    layer = layers.CategoryEncoding(5, output_mode="one_hot")
    assert layer.compute_output_shape((None, 1)) == (None, 5)
    assert layer.compute_output_shape((None, 3)) == (None, 3, 5)
    assert layer.compute_output_shape(()) == (5,)
    assert layers.CategoryEncoding(5).compute_output_shape((None, 3)) == (None, 5)
    assert layers.CategoryEncoding(5, name="c").get_config()["num_tokens"] == 5


def test_category_encoding_errors():
    with pytest.raises(ValueError, match="Unknown arg for output_mode: tf_idf"):
        layers.CategoryEncoding(3, output_mode="tf_idf")
    with pytest.raises(ValueError, match="num_tokens must be set to use this layer."):
        layers.CategoryEncoding()
    with pytest.raises(ValueError, match=re.escape(
            "`num_tokens` must be >= 1. Received: num_tokens=0.")):
        layers.CategoryEncoding(0)
    with pytest.raises(ValueError, match=re.escape(
            "`count_weights` is not used when `output_mode` is not `'count'`.")):
        layers.CategoryEncoding(3)(np.array([[1]]), count_weights=np.array([[1.0]]))
    assert layers.CategoryEncoding(3, output_mode="binary").output_mode == "multi_hot"
    assert torch.is_tensor(layers.CategoryEncoding(3)(np.array([[1.0]])))
