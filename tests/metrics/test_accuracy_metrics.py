"""Accuracy metrics. Expected numbers are from keras 3.15.1 on TensorFlow unless a NumPy
reference is written out."""

import numpy as np
import pytest
import torch

from torchkeras import metrics
from torchkeras.metrics import accuracy_metrics


def f(x):
    return np.array(x, "float32")


def close(actual, expected, rtol=1e-6, atol=1e-6):
    np.testing.assert_allclose(torch.as_tensor(actual).detach().numpy(), expected, rtol=rtol, atol=atol)


def test_accuracy():
    m = metrics.Accuracy()
    m.update_state([[1], [2], [3], [4]], [[0], [2], [3], [4]])
    close(m.result(), 0.75)
    m.update_state([1, 2], [1, 3], sample_weight=[3, 1])
    close(m.result(), 0.75)
    close(accuracy_metrics.accuracy([1, 2, 3], [[1], [0], [3]]), [[1.0], [0.0], [1.0]])


def test_binary_accuracy():
    m = metrics.BinaryAccuracy()
    m.update_state([[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]])
    close(m.result(), 0.75)
    m.update_state(f([[1, 0], [0, 1]]), f([[0.7, 0.4], [0.2, 0.5]]), sample_weight=f([1, 3]))
    close(m.result(), 0.6875)
    # Strictly greater than the threshold, compared in float32.
    m = metrics.BinaryAccuracy(threshold=0.7)
    m.update_state(f([1, 1, 0]), f([0.7, 0.71, 0.1]))
    close(m.result(), 0.6666666865348816)
    close(metrics.binary_accuracy(f([[1], [0]]), f([[0.5], [0.2]])), [[0.0], [1.0]])
    close(metrics.binary_accuracy(np.array([1, 0]), f([[0.7], [0.2]])), [[1.0], [1.0]])
    assert metrics.BinaryAccuracy(threshold=0.3).get_config() == {"name": "binary_accuracy", "dtype": "float32", "threshold": 0.3}


def test_categorical_accuracy():
    m = metrics.CategoricalAccuracy()
    m.update_state(f([[0, 0, 1], [0, 1, 0]]), f([[0.1, 0.9, 0.8], [0.05, 0.95, 0]]))
    close(m.result(), 0.5)
    m.update_state(
        f([[0, 0, 1], [0, 1, 0], [1, 0, 0]]),
        f([[0.1, 0.2, 0.8], [0.05, 0.95, 0], [0.3, 0.3, 0.4]]),
        sample_weight=f([0.7, 0.3, 2]),
    )
    close(m.result(), 0.4000000059604645)
    y3 = f([[[0, 1, 0], [0, 0, 1]], [[0, 0, 1], [1, 0, 0]]])
    close(metrics.categorical_accuracy(y3, P3), [[1.0, 0.0], [1.0, 1.0]])


P3 = f([[[0.1, 0.6, 0.3], [0.5, 0.2, 0.3]], [[0.2, 0.2, 0.6], [0.9, 0.05, 0.05]]])


def test_sparse_categorical_accuracy():
    m = metrics.SparseCategoricalAccuracy()
    m.update_state(f([[2], [1]]), f([[0.1, 0.6, 0.3], [0.05, 0.95, 0]]))
    close(m.result(), 0.5)
    m.update_state(np.array([0, 2, 1]), f([[0.5, 0.2, 0.3], [0.05, 0.95, 0], [0.3, 0.4, 0.3]]), sample_weight=f([1, 2, 3]))
    close(m.result(), 0.625)
    close(metrics.sparse_categorical_accuracy(np.array([[1, 2], [2, 0]]), P3), [[1.0, 0.0], [1.0, 1.0]])
    close(metrics.sparse_categorical_accuracy(np.array([[[1], [2]], [[2], [0]]]), P3), [[1.0, 0.0], [1.0, 1.0]])
    close(metrics.sparse_categorical_accuracy(f([[1], [0]]), f([[0.1, 0.8, 0.1], [0.3, 0.3, 0.4]])), [1.0, 0.0])
    # Ties go to the first maximal index.
    close(metrics.sparse_categorical_accuracy([0, 1], f([[0.5, 0.5], [0.5, 0.5]])), [1.0, 0.0])


YTOP = f([[0, 0, 1, 0], [0, 1, 0, 0], [1, 0, 0, 0]])
PTOP = f([[0.1, 0.5, 0.3, 0.1], [0.05, 0.95, 0, 0], [0.2, 0.3, 0.4, 0.1]])


@pytest.mark.parametrize(
    "k, first, weighted",
    [  # from keras 3.15.1
        (1, 0.3333333432674408, 0.1666666716337204),
        (2, 0.6666666865348816, 0.5),
        (3, 1.0, 1.0),
    ],
)
def test_top_k_accuracies(k, first, weighted):
    m = metrics.TopKCategoricalAccuracy(k=k)
    m.update_state(YTOP, PTOP)
    close(m.result(), first)
    m.update_state(YTOP, PTOP, sample_weight=f([1, 0, 2]))
    close(m.result(), weighted)
    m = metrics.SparseTopKCategoricalAccuracy(k=k)
    m.update_state(np.array([2, 1, 0]), PTOP)
    close(m.result(), first)
    m.update_state(np.array([2, 1, 0]), PTOP, sample_weight=f([1, 0, 2]))
    close(m.result(), weighted)


def test_in_top_k_edge_cases_as_tensorflow():
    # from keras 3.15.1 (tf.math.in_top_k)
    close(metrics.top_k_categorical_accuracy(f([[0, 1, 0]]), f([[0.5, 0.1, 0.4]]), k=5), [1.0])
    close(metrics.sparse_top_k_categorical_accuracy(np.array([2]), f([[0.5, 0.3, 0.3]]), k=2), [1.0])
    close(metrics.sparse_top_k_categorical_accuracy(np.array([2]), f([[0.5, 0.3, 0.3, 0.3]]), k=2), [1.0])
    close(metrics.sparse_top_k_categorical_accuracy(np.array([2, 0]), f([[0.5, 0.3, np.nan], [0.5, 0.3, np.nan]]), k=2), [0.0, 0.0])
    close(metrics.sparse_top_k_categorical_accuracy(np.array([2, 0]), f([[0.5, 0.3, np.inf], [-np.inf, 0.3, 0.1]]), k=2), [0.0, 0.0])
    close(metrics.sparse_top_k_categorical_accuracy(np.array([5]), f([[0.5, 0.3, 0.1]]), k=2), [0.0])
    close(metrics.sparse_top_k_categorical_accuracy(np.array([[1, 0], [0, 1]]), P3, k=2), [[1.0, 1.0], [1.0, 1.0]])
    y3 = f([[[0, 1, 0], [0, 0, 1]], [[0, 0, 1], [1, 0, 0]]])
    close(metrics.top_k_categorical_accuracy(y3, P3, k=1), [[1.0, 0.0], [1.0, 1.0]])


def test_sparse_top_k_from_sorted_ids():
    m = metrics.SparseTopKCategoricalAccuracy(k=2, from_sorted_ids=True)
    m.update_state(np.array([2, 1, 0]), np.array([[2, 0, 1], [0, 2, 1], [1, 2, 0]]))
    close(m.result(), 0.3333333432674408)
    assert m.get_config() == {"name": "sparse_top_k_categorical_accuracy", "dtype": "float32", "k": 2, "from_sorted_ids": True}
    assert metrics.SparseTopKCategoricalAccuracy().get_config() == {"name": "sparse_top_k_categorical_accuracy", "dtype": "float32", "k": 5}


@pytest.mark.parametrize(
    "cls, name",
    [  # from keras 3.15.1
        (metrics.Accuracy, "accuracy"),
        (metrics.BinaryAccuracy, "binary_accuracy"),
        (metrics.CategoricalAccuracy, "categorical_accuracy"),
        (metrics.SparseCategoricalAccuracy, "sparse_categorical_accuracy"),
        (metrics.TopKCategoricalAccuracy, "top_k_categorical_accuracy"),
        (metrics.SparseTopKCategoricalAccuracy, "sparse_top_k_categorical_accuracy"),
    ],
)
def test_names_variables_direction_config(cls, name):
    m = cls()
    assert m.name == name
    assert [v.name for v in m.variables] == ["total", "count"]
    assert m._direction == "up"
    config = m.get_config()
    assert config["name"] == name and config["dtype"] == "float32"
    assert cls.from_config(config).get_config() == config
