"""Compile-time metric resolution: `get_metric` ("accuracy"/"acc" and "crossentropy"/"ce" by shapes)."""

import numpy as np
import pytest
import torch

from torchkeras import losses
from torchkeras import metrics
from torchkeras.metrics.resolve import get_metric

Y_BIN = torch.zeros(4, 1)
Y_SPARSE = torch.zeros(4)
Y_SPARSE_1 = torch.zeros(4, 1)
Y_ONEHOT = torch.zeros(4, 3)
P_ONE = torch.zeros(4, 1)
P_THREE = torch.zeros(4, 3)


@pytest.mark.parametrize("identifier", ["accuracy", "acc", "ACC", "Accuracy"])
@pytest.mark.parametrize(
    "y_true, y_pred, cls",
    [  # resolution from keras 3.15.1
        (Y_BIN, P_ONE, metrics.BinaryAccuracy),
        (Y_SPARSE, P_THREE, metrics.SparseCategoricalAccuracy),
        (Y_SPARSE_1, P_THREE, metrics.SparseCategoricalAccuracy),
        (Y_ONEHOT, P_THREE, metrics.CategoricalAccuracy),
    ],
)
def test_get_metric_accuracy_by_shapes(identifier, y_true, y_pred, cls):
    m = get_metric(identifier, y_true, y_pred)
    assert type(m) is cls and m.name == identifier


@pytest.mark.parametrize("identifier", ["crossentropy", "ce", "CE"])
@pytest.mark.parametrize(
    "y_true, y_pred, fn",
    [
        (Y_BIN, P_ONE, losses.binary_crossentropy),
        (Y_SPARSE, P_THREE, losses.sparse_categorical_crossentropy),
        (Y_SPARSE_1, P_THREE, losses.sparse_categorical_crossentropy),
        (Y_ONEHOT, P_THREE, losses.categorical_crossentropy),
    ],
)
def test_get_metric_crossentropy_by_shapes(identifier, y_true, y_pred, fn):
    # tf.keras 2 behaviour (Keras 3 rejects these names).
    m = get_metric(identifier, y_true, y_pred)
    assert type(m) is metrics.MeanMetricWrapper and m._fn is fn and m.name == identifier


def test_get_metric_names_and_wrapping():
    # from keras 3.15.1
    m = get_metric("mse", Y_BIN, P_ONE)
    assert type(m) is metrics.MeanSquaredError and m.name == "mse"
    m = get_metric("MeanSquaredError", Y_BIN, P_ONE)
    assert type(m) is metrics.MeanSquaredError and m.name == "MeanSquaredError"
    m = get_metric(losses.mean_absolute_error, Y_BIN, P_ONE)
    assert type(m) is metrics.MeanMetricWrapper and m.name == "mean_absolute_error"

    def my_metric(y_true, y_pred):
        return y_true

    assert get_metric(my_metric, Y_BIN, P_ONE).name == "my_metric"
    m = get_metric(metrics.binary_accuracy, Y_BIN, P_ONE)
    assert type(m) is metrics.MeanMetricWrapper and m.name == "binary_accuracy"
    instance = metrics.Mean(name="custom")
    assert get_metric(instance, Y_BIN, P_ONE) is instance and instance.name == "custom"
    # Shapes given as anything with `.shape`.
    m = get_metric("accuracy", np.zeros((4,)), np.zeros((4, 3)))
    assert type(m) is metrics.SparseCategoricalAccuracy
    with pytest.raises(ValueError, match=r"^Expected metric, received `None`$"):
        get_metric(None, Y_BIN, P_ONE)
