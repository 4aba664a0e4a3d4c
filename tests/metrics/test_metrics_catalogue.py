"""`keras.metrics.get/serialize/deserialize` and compile-time metric resolution (`get_metric`)."""

import pytest

from torchkeras import losses
from torchkeras import metrics


@pytest.mark.parametrize(
    "identifier, cls, name",
    [  # from keras 3.15.1
        ("mse", metrics.MeanSquaredError, "mean_squared_error"),
        ("MSE", metrics.MeanSquaredError, "mean_squared_error"),
        ("mae", metrics.MeanAbsoluteError, "mean_absolute_error"),
        ("mape", metrics.MeanAbsolutePercentageError, "mean_absolute_percentage_error"),
        ("msle", metrics.MeanSquaredLogarithmicError, "mean_squared_logarithmic_error"),
        ("bce", metrics.BinaryCrossentropy, "binary_crossentropy"),
        ("accuracy", metrics.Accuracy, "accuracy"),
        ("binary_accuracy", metrics.BinaryAccuracy, "binary_accuracy"),
        ("BinaryAccuracy", metrics.BinaryAccuracy, "binary_accuracy"),
        ("root_mean_squared_error", metrics.RootMeanSquaredError, "root_mean_squared_error"),
        ("sparse_top_k_categorical_accuracy", metrics.SparseTopKCategoricalAccuracy, "sparse_top_k_categorical_accuracy"),
    ],
)
def test_get_names(identifier, cls, name):
    m = metrics.get(identifier)
    assert type(m) is cls and m.name == name


def test_get_other_identifiers():
    m = metrics.get({"class_name": "BinaryAccuracy", "config": {"threshold": 0.2}})
    assert isinstance(m, metrics.BinaryAccuracy) and m.threshold == 0.2
    instance = metrics.Mean()
    assert metrics.get(instance) is instance
    assert metrics.get(metrics.binary_accuracy) is metrics.binary_accuracy
    assert isinstance(metrics.get(metrics.Sum), metrics.Sum)
    assert metrics.get(None) is None


def test_get_unknown_identifiers():
    # Texts from keras 3.15.1 ("acc" is only resolved by compile()).
    with pytest.raises(ValueError, match="^Could not interpret metric identifier: foo$"):
        metrics.get("foo")
    with pytest.raises(ValueError, match="^Could not interpret metric identifier: acc$"):
        metrics.get("acc")
    with pytest.raises(ValueError, match="^Could not interpret metric identifier: 5$"):
        metrics.get(5)


def test_serialize_deserialize():
    config = metrics.serialize(metrics.Mean())
    # from keras 3.15.1
    assert config == {"module": "keras.metrics", "class_name": "Mean", "config": {"name": "mean", "dtype": "float32"}, "registered_name": None}
    assert isinstance(metrics.deserialize(config), metrics.Mean)
    wrapper = metrics.MeanMetricWrapper(metrics.binary_accuracy, name="b", threshold=0.3)
    restored = metrics.deserialize(metrics.serialize(wrapper))
    assert isinstance(restored, metrics.MeanMetricWrapper)
    assert restored._fn is metrics.binary_accuracy and restored._fn_kwargs == {"threshold": 0.3}
    restored = metrics.deserialize(metrics.serialize(metrics.MeanMetricWrapper(losses.mean_squared_error)))
    assert restored._fn is losses.mean_squared_error
