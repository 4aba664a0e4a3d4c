"""Accuracy metrics: exact match, binary, categorical, sparse categorical and top-k."""

import torch

from torchkeras import backend
from torchkeras.losses import _helpers
from torchkeras.losses.loss import squeeze_or_expand_to_same_rank
from torchkeras.metrics import reduction_metrics


def _floatx():
    return backend.to_torch_dtype(backend.floatx())


def accuracy(y_true, y_pred):
    """1.0 where `y_true == y_pred`, else 0.0 (ranks matched first)."""
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, y_pred.dtype, like=y_pred)
    y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
    return (y_true == y_pred).to(_floatx())


def binary_accuracy(y_true, y_pred, threshold=0.5):
    """1.0 where `y_true` equals `y_pred > threshold`, else 0.0.

    Args:
        y_true: Ground truth values (0 or 1).
        y_pred: The predicted values.
        threshold: Threshold above which a prediction is 1. Defaults to `0.5`.

    Returns:
        Tensor of matches, of the matched shape of `y_true` and `y_pred`.
    """
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, like=y_pred)
    y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
    y_pred = (y_pred > threshold).to(y_true.dtype)
    return (y_true == y_pred).to(_floatx())


def categorical_accuracy(y_true, y_pred):
    """1.0 where the argmax of one-hot `y_true` equals the argmax of `y_pred`, else 0.0.

    Args:
        y_true: One-hot ground truth values.
        y_pred: The predicted values.

    Returns:
        Tensor of matches, of shape `y_true.shape[:-1]`.
    """
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, like=y_pred)
    y_true = torch.argmax(y_true, dim=-1)
    original_shape = y_true.shape
    reshape_matches = False
    if y_true.dim() == y_pred.dim():
        y_true = y_true.squeeze(-1)
        reshape_matches = True
    y_pred = torch.argmax(y_pred, dim=-1)
    matches = (y_true == y_pred).to(_floatx())
    if reshape_matches:
        matches = matches.reshape(original_shape)
    return matches


def sparse_categorical_accuracy(y_true, y_pred):
    """1.0 where integer `y_true` equals the argmax of `y_pred`, else 0.0.

    Args:
        y_true: Integer ground truth class ids, of shape `(batch_size,)` or `(batch_size, 1)`.
        y_pred: The predicted values, classes along the last axis.

    Returns:
        Tensor of matches, of shape `(batch_size,)`.
    """
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, y_pred.dtype, like=y_pred)
    original_shape = y_true.shape
    reshape_matches = False
    if y_true.dim() == y_pred.dim() and y_true.shape[-1] == 1:
        y_true = y_true.squeeze(-1)
        reshape_matches = True
    y_pred = torch.argmax(y_pred, dim=-1).to(y_true.dtype)
    matches = (y_true == y_pred).to(_floatx())
    if reshape_matches:
        matches = matches.reshape(original_shape)
    if matches.dim() > 1 and matches.shape[-1] == 1:
        matches = matches.squeeze(-1)
    return matches


def _in_top_k(targets, predictions, k):
    """Whether each target class is among the `k` largest predictions of its row.

    As TensorFlow's `in_top_k`: ties at the boundary count as in, and a row with a non-finite
    prediction or an out-of-range target is never in.
    """
    num_classes = predictions.shape[-1]
    in_range = (targets >= 0) & (targets < num_classes)
    safe_targets = torch.where(in_range, targets, torch.zeros_like(targets))
    target_values = torch.gather(predictions, -1, safe_targets.unsqueeze(-1))
    # In the top k exactly when fewer than k predictions are strictly larger.
    num_larger = (predictions > target_values).sum(dim=-1)
    finite = torch.isfinite(predictions).all(dim=-1)
    return (num_larger < k) & in_range & finite


def top_k_categorical_accuracy(y_true, y_pred, k=5):
    """1.0 where the class of one-hot `y_true` is among the top `k` predictions, else 0.0.

    Args:
        y_true: One-hot ground truth values.
        y_pred: The predicted values.
        k: Number of top elements to look at. Defaults to `5`.

    Returns:
        Tensor of matches, of shape `y_true.shape[:-1]`.
    """
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, y_pred.dtype, like=y_pred)
    y_true = torch.argmax(y_true, dim=-1)
    original_shape = y_true.shape
    if y_pred.dim() > 2:
        y_pred = y_pred.reshape(-1, y_pred.shape[-1])
    if y_true.dim() > 1:
        y_true = y_true.reshape(-1)
    matches = _in_top_k(y_true, y_pred, k).to(_floatx())
    return matches.reshape(original_shape)


def sparse_top_k_categorical_accuracy(y_true, y_pred, k=5, from_sorted_ids=False):
    """1.0 where integer `y_true` is among the top `k` predictions, else 0.0.

    Args:
        y_true: Integer ground truth class ids.
        y_pred: The predicted scores, classes along the last axis; or, with
            `from_sorted_ids=True`, the predicted class ids sorted by decreasing score.
        k: Number of top elements to look at. Defaults to `5`.
        from_sorted_ids: Whether `y_pred` holds sorted class ids rather than scores.
            Defaults to `False`.

    Returns:
        Tensor of matches, of `y_true`'s shape.
    """
    y_pred = _helpers.as_tensor(y_pred)
    y_true_dtype = y_pred.dtype if from_sorted_ids else torch.int32
    y_true = _helpers.as_tensor(y_true, y_true_dtype, like=y_pred)
    original_shape = y_true.shape
    if y_pred.dim() > 2:
        y_pred = y_pred.reshape(-1, y_pred.shape[-1])
    if y_true.dim() > 1:
        y_true = y_true.reshape(-1)
    if from_sorted_ids:
        # Count several matches in the first k ids only once.
        matches = (y_true.unsqueeze(1) == y_pred[:, :k]).any(dim=1)
    else:
        matches = _in_top_k(y_true.to(torch.int64), y_pred, k)
    return matches.to(_floatx()).reshape(original_shape)


class Accuracy(reduction_metrics.MeanMetricWrapper):
    """Calculates how often predictions equal labels.

    Args:
        name: Name of the metric instance. Defaults to `"accuracy"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.Accuracy()
    >>> m.update_state([[1], [2], [3], [4]], [[0], [2], [3], [4]])
    >>> m.result()
    tensor(0.7500)
    """

    def __init__(self, name="accuracy", dtype=None):
        super().__init__(fn=accuracy, name=name, dtype=dtype)
        self._direction = "up"

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype}


class BinaryAccuracy(reduction_metrics.MeanMetricWrapper):
    """Calculates how often predictions match binary labels.

    Args:
        name: Name of the metric instance. Defaults to `"binary_accuracy"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).
        threshold: Threshold above which a prediction counts as 1. Defaults to `0.5`.

    Example:

    >>> m = keras.metrics.BinaryAccuracy()
    >>> m.update_state([[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]])
    >>> m.result()
    tensor(0.7500)
    """

    def __init__(self, name="binary_accuracy", dtype=None, threshold=0.5):
        super().__init__(fn=binary_accuracy, name=name, dtype=dtype, threshold=threshold)
        self.threshold = threshold
        self._direction = "up"

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype, "threshold": self.threshold}


class CategoricalAccuracy(reduction_metrics.MeanMetricWrapper):
    """Calculates how often predictions match one-hot labels.

    Args:
        name: Name of the metric instance. Defaults to `"categorical_accuracy"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.CategoricalAccuracy()
    >>> m.update_state([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]])
    >>> m.result()
    tensor(0.5000)
    """

    def __init__(self, name="categorical_accuracy", dtype=None):
        super().__init__(fn=categorical_accuracy, name=name, dtype=dtype)
        self._direction = "up"

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype}


class SparseCategoricalAccuracy(reduction_metrics.MeanMetricWrapper):
    """Calculates how often predictions match integer labels.

    Args:
        name: Name of the metric instance. Defaults to `"sparse_categorical_accuracy"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.SparseCategoricalAccuracy()
    >>> m.update_state([[2], [1]], [[0.1, 0.6, 0.3], [0.05, 0.95, 0]])
    >>> m.result()
    tensor(0.5000)
    """

    def __init__(self, name="sparse_categorical_accuracy", dtype=None):
        super().__init__(fn=sparse_categorical_accuracy, name=name, dtype=dtype)
        self._direction = "up"

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype}


class TopKCategoricalAccuracy(reduction_metrics.MeanMetricWrapper):
    """Computes how often targets are in the top `K` predictions.

    Args:
        k: Number of top elements to look at. Defaults to `5`.
        name: Name of the metric instance. Defaults to `"top_k_categorical_accuracy"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.TopKCategoricalAccuracy(k=1)
    >>> m.update_state([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]])
    >>> m.result()
    tensor(0.5000)
    """

    def __init__(self, k=5, name="top_k_categorical_accuracy", dtype=None):
        super().__init__(fn=top_k_categorical_accuracy, name=name, dtype=dtype, k=k)
        self.k = k
        self._direction = "up"

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype, "k": self.k}


class SparseTopKCategoricalAccuracy(reduction_metrics.MeanMetricWrapper):
    """Computes how often integer targets are in the top `K` predictions.

    Args:
        k: Number of top elements to look at. Defaults to `5`.
        name: Name of the metric instance. Defaults to `"sparse_top_k_categorical_accuracy"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).
        from_sorted_ids: Whether `y_pred` holds class ids sorted by decreasing score rather
            than scores. Defaults to `False`.

    Example:

    >>> m = keras.metrics.SparseTopKCategoricalAccuracy(k=1)
    >>> m.update_state([2, 1], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]])
    >>> m.result()
    tensor(0.5000)
    """

    def __init__(
        self, k=5, name="sparse_top_k_categorical_accuracy", dtype=None, from_sorted_ids=False
    ):
        super().__init__(
            fn=sparse_top_k_categorical_accuracy,
            name=name,
            dtype=dtype,
            k=k,
            from_sorted_ids=from_sorted_ids,
        )
        self.k = k
        self.from_sorted_ids = from_sorted_ids
        self._direction = "up"

    def get_config(self):
        config = {"name": self.name, "dtype": self.dtype, "k": self.k}
        if self.from_sorted_ids:
            config["from_sorted_ids"] = True
        return config
