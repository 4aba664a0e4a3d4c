"""Resolving a `compile(metrics=[...])` entry into a `Metric`, given example targets and outputs."""

from torchkeras.losses import _helpers
from torchkeras.losses import crossentropy_losses
from torchkeras.losses.resolve import is_binary_or_sparse_categorical
from torchkeras.metrics import accuracy_metrics
from torchkeras.metrics import catalogue
from torchkeras.metrics.metric import Metric
from torchkeras.metrics.reduction_metrics import MeanMetricWrapper


def get_metric(identifier, y_true, y_pred):
    """The `Metric` for one entry of `compile(metrics=...)`.

    `"accuracy"`/`"acc"` (any case) becomes `BinaryAccuracy`, `SparseCategoricalAccuracy` or
    `CategoricalAccuracy` from the shapes of `y_true` and `y_pred` (tensors or anything with
    `.shape`): binary when `y_pred` has one unit, sparse when `y_true` has lower rank or a
    trailing size-1 axis. `"crossentropy"`/`"ce"` is resolved the same way to the matching
    crossentropy, as tf.keras 2 did. Functions are wrapped in a `MeanMetricWrapper`. A metric
    given as a string is named after that string.

    Args:
        identifier: A metric name, config, function or `Metric` instance.
        y_true: Example targets for this output.
        y_pred: Example outputs.

    Returns:
        A `Metric` instance.
    """
    if identifier is None:
        raise ValueError("Expected metric, received `None`")
    lowered = str(identifier).lower()
    if lowered in ("accuracy", "acc"):
        is_binary, is_sparse_categorical = is_binary_or_sparse_categorical(y_true, y_pred)
        if is_binary:
            metric_obj = accuracy_metrics.BinaryAccuracy(name=str(identifier))
        elif is_sparse_categorical:
            metric_obj = accuracy_metrics.SparseCategoricalAccuracy(name=str(identifier))
        else:
            metric_obj = accuracy_metrics.CategoricalAccuracy(name=str(identifier))
    elif lowered in ("crossentropy", "ce"):
        # tf.keras 2 convenience (Keras 3 rejects these names): a mean of the crossentropy
        # function matching the shapes.
        is_binary, is_sparse_categorical = is_binary_or_sparse_categorical(y_true, y_pred)
        if is_binary:
            metric_obj = crossentropy_losses.binary_crossentropy
        elif is_sparse_categorical:
            metric_obj = crossentropy_losses.sparse_categorical_crossentropy
        else:
            metric_obj = crossentropy_losses.categorical_crossentropy
    else:
        metric_obj = catalogue.get(identifier)

    if isinstance(identifier, str):
        metric_name = identifier
    else:
        metric_name = _helpers.get_object_name(metric_obj)
    if not isinstance(metric_obj, Metric):
        metric_obj = MeanMetricWrapper(metric_obj)
    metric_obj.name = metric_name
    return metric_obj
