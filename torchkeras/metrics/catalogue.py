"""Looking metrics up by name: `get`, `serialize`, `deserialize`."""

import inspect

from torchkeras.losses import _helpers
from torchkeras.losses import catalogue as losses_catalogue
from torchkeras.metrics import accuracy_metrics
from torchkeras.metrics import auc
from torchkeras.metrics import confusion_metrics
from torchkeras.metrics import correlation_metrics
from torchkeras.metrics import f_score_metrics
from torchkeras.metrics import hinge_metrics
from torchkeras.metrics import iou_metrics
from torchkeras.metrics import probabilistic_metrics
from torchkeras.metrics import reduction_metrics
from torchkeras.metrics import regression_metrics
from torchkeras.metrics.metric import Metric
from torchkeras.saving import serialization

ALL_OBJECTS = (
    Metric,
    reduction_metrics.Mean,
    reduction_metrics.Sum,
    reduction_metrics.MeanMetricWrapper,
    regression_metrics.MeanSquaredError,
    regression_metrics.RootMeanSquaredError,
    regression_metrics.MeanAbsoluteError,
    regression_metrics.MeanAbsolutePercentageError,
    regression_metrics.MeanSquaredLogarithmicError,
    regression_metrics.CosineSimilarity,
    regression_metrics.LogCoshError,
    regression_metrics.R2Score,
    auc.AUC,
    confusion_metrics.FalseNegatives,
    confusion_metrics.FalsePositives,
    confusion_metrics.Precision,
    confusion_metrics.PrecisionAtRecall,
    confusion_metrics.Recall,
    confusion_metrics.RecallAtPrecision,
    confusion_metrics.SensitivityAtSpecificity,
    confusion_metrics.SpecificityAtSensitivity,
    confusion_metrics.TrueNegatives,
    confusion_metrics.TruePositives,
    correlation_metrics.ConcordanceCorrelation,
    correlation_metrics.PearsonCorrelation,
    hinge_metrics.Hinge,
    hinge_metrics.SquaredHinge,
    hinge_metrics.CategoricalHinge,
    probabilistic_metrics.KLDivergence,
    probabilistic_metrics.Poisson,
    probabilistic_metrics.BinaryCrossentropy,
    probabilistic_metrics.CategoricalCrossentropy,
    probabilistic_metrics.SparseCategoricalCrossentropy,
    accuracy_metrics.Accuracy,
    accuracy_metrics.BinaryAccuracy,
    accuracy_metrics.CategoricalAccuracy,
    accuracy_metrics.SparseCategoricalAccuracy,
    accuracy_metrics.TopKCategoricalAccuracy,
    accuracy_metrics.SparseTopKCategoricalAccuracy,
    f_score_metrics.F1Score,
    f_score_metrics.FBetaScore,
    iou_metrics.IoU,
    iou_metrics.BinaryIoU,
    iou_metrics.MeanIoU,
    iou_metrics.OneHotIoU,
    iou_metrics.OneHotMeanIoU,
)

ALL_OBJECTS_DICT = {cls.__name__: cls for cls in ALL_OBJECTS}
ALL_OBJECTS_DICT.update({_helpers.to_snake_case(cls.__name__): cls for cls in ALL_OBJECTS})
# As in Keras, the short names give metric classes (whose names are the long ones).
ALL_OBJECTS_DICT.update(
    {
        "bce": probabilistic_metrics.BinaryCrossentropy,
        "BCE": probabilistic_metrics.BinaryCrossentropy,
        "mse": regression_metrics.MeanSquaredError,
        "MSE": regression_metrics.MeanSquaredError,
        "mae": regression_metrics.MeanAbsoluteError,
        "MAE": regression_metrics.MeanAbsoluteError,
        "mape": regression_metrics.MeanAbsolutePercentageError,
        "MAPE": regression_metrics.MeanAbsolutePercentageError,
        "msle": regression_metrics.MeanSquaredLogarithmicError,
        "MSLE": regression_metrics.MeanSquaredLogarithmicError,
    }
)

# Stateless metric functions, for restoring the `fn` of a `MeanMetricWrapper`.
FUNCTIONS_DICT = {
    name: obj for name, obj in losses_catalogue.ALL_OBJECTS_DICT.items() if inspect.isfunction(obj)
}
FUNCTIONS_DICT.update(
    {
        fn.__name__: fn
        for fn in (
            accuracy_metrics.accuracy,
            accuracy_metrics.binary_accuracy,
            accuracy_metrics.categorical_accuracy,
            accuracy_metrics.sparse_categorical_accuracy,
            accuracy_metrics.top_k_categorical_accuracy,
            accuracy_metrics.sparse_top_k_categorical_accuracy,
            correlation_metrics.pearson_correlation,
            correlation_metrics.concordance_correlation,
        )
    }
)


def serialize(metric):
    """Serializes a metric function or `Metric` instance.

    Args:
        metric: A Keras `Metric` instance or a metric function.

    Returns:
        Metric configuration dictionary (or the name of a built-in metric function).
    """
    return serialization.serialize_keras_object(metric)


def deserialize(config, custom_objects=None):
    """Deserializes a serialized metric class/function instance.

    Args:
        config: Metric configuration or name.
        custom_objects: Optional dictionary mapping names (strings) to custom objects (classes
            and functions) to be considered during deserialization.

    Returns:
        A Keras `Metric` instance or a metric function.
    """
    return serialization.deserialize_keras_object(
        config,
        module_objects={**FUNCTIONS_DICT, **ALL_OBJECTS_DICT},
        custom_objects=custom_objects,
        printable_module_name="metric function",
    )


def get(identifier):
    """Retrieves a Keras metric as a function or a `Metric` instance.

    Args:
        identifier: `None`, the name of a metric class in CamelCase or snake_case
            (`"BinaryAccuracy"`, `"binary_accuracy"`), a short name (`"mse"`, `"mae"`, `"bce"`,
            ...), a config dict, a metric function or a `Metric` instance.

    Returns:
        A metric function or `Metric` instance (a name gives an instance with default
        arguments). Note that `"accuracy"` gives `Accuracy` here; `compile()` resolves it by
        shapes instead (see `get_metric`).
    """
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        obj = deserialize(identifier)
    elif isinstance(identifier, str):
        obj = ALL_OBJECTS_DICT.get(identifier, None)
    else:
        obj = identifier
    if callable(obj):
        if inspect.isclass(obj):
            obj = obj()
        return obj
    raise ValueError(f"Could not interpret metric identifier: {identifier}")
