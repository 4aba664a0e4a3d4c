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
        ("auc", metrics.AUC, "auc"),
        ("AUC", metrics.AUC, "auc"),
        ("precision", metrics.Precision, "precision"),
        ("Recall", metrics.Recall, "recall"),
        ("true_positives", metrics.TruePositives, "true_positives"),
        ("false_negatives", metrics.FalseNegatives, "false_negatives"),
        ("f1_score", metrics.F1Score, "f1_score"),
        ("f_beta_score", metrics.FBetaScore, "fbeta_score"),
        ("r2_score", metrics.R2Score, "r2_score"),
        ("pearson_correlation", metrics.PearsonCorrelation, "pearson_correlation"),
        ("concordance_correlation", metrics.ConcordanceCorrelation, "concordance_correlation"),
        ("binary_io_u", metrics.BinaryIoU, "binary_io_u"),
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
    with pytest.raises(ValueError, match="^Could not interpret metric identifier: fbeta_score$"):
        metrics.get("fbeta_score")
    # Metrics with required arguments cannot be made from a name (Python's TypeError, as Keras).
    with pytest.raises(TypeError, match="missing 2 required positional arguments: 'num_classes' and 'target_class_ids'"):
        metrics.get("io_u")
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'num_classes'"):
        metrics.get("mean_io_u")


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
    restored = metrics.deserialize(metrics.serialize(metrics.MeanMetricWrapper(metrics.pearson_correlation, axis=0)))
    assert restored._fn is metrics.pearson_correlation and restored._fn_kwargs == {"axis": 0}


def test_public_names_match_keras():
    # dir(keras.metrics) of keras 3.15.1
    keras_names = {
        "AUC", "Accuracy", "BinaryAccuracy", "BinaryCrossentropy", "BinaryIoU", "CategoricalAccuracy",
        "CategoricalCrossentropy", "CategoricalHinge", "ConcordanceCorrelation", "CosineSimilarity",
        "F1Score", "FBetaScore", "FalseNegatives", "FalsePositives", "Hinge", "IoU", "KLDivergence",
        "LogCoshError", "Mean", "MeanAbsoluteError", "MeanAbsolutePercentageError", "MeanIoU",
        "MeanMetricWrapper", "MeanSquaredError", "MeanSquaredLogarithmicError", "Metric", "OneHotIoU",
        "OneHotMeanIoU", "PearsonCorrelation", "Poisson", "Precision", "PrecisionAtRecall", "R2Score",
        "Recall", "RecallAtPrecision", "RootMeanSquaredError", "SensitivityAtSpecificity",
        "SparseCategoricalAccuracy", "SparseCategoricalCrossentropy", "SparseTopKCategoricalAccuracy",
        "SpecificityAtSensitivity", "SquaredHinge", "Sum", "TopKCategoricalAccuracy", "TrueNegatives",
        "TruePositives", "binary_accuracy", "binary_crossentropy", "binary_focal_crossentropy",
        "categorical_accuracy", "categorical_crossentropy", "categorical_focal_crossentropy",
        "categorical_hinge", "concordance_correlation", "deserialize", "get",
        "hinge", "huber", "kl_divergence", "log_cosh", "mean_absolute_error",
        "mean_absolute_percentage_error", "mean_squared_error", "mean_squared_logarithmic_error",
        "pearson_correlation", "poisson", "serialize", "sparse_categorical_accuracy",
        "sparse_categorical_crossentropy", "sparse_top_k_categorical_accuracy", "squared_hinge",
        "top_k_categorical_accuracy",
    }
    assert keras_names <= set(metrics.__all__)
    assert all(hasattr(metrics, name) for name in metrics.__all__)
