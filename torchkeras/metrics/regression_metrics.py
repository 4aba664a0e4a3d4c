"""Regression metrics: mean squared, absolute, percentage and log errors, RMSE, log-cosh, cosine."""

import torch

from torchkeras.losses import _helpers
from torchkeras.losses import regression_losses
from torchkeras.losses.loss import squeeze_or_expand_to_same_rank
from torchkeras.metrics import reduction_metrics


def cosine_similarity(y_true, y_pred, axis=-1):
    """Cosine similarity between labels and predictions along `axis` (not negated)."""
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, y_pred.dtype, like=y_pred)
    y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
    y_pred = regression_losses.l2_normalize(y_pred, axis)
    y_true = regression_losses.l2_normalize(y_true, axis)
    return (y_true * y_pred).sum(dim=axis)


class MeanSquaredError(reduction_metrics.MeanMetricWrapper):
    """Computes the mean squared error between `y_true` and `y_pred`.

    Args:
        name: Name of the metric instance. Defaults to `"mean_squared_error"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.MeanSquaredError()
    >>> m.update_state([[0, 1], [0, 0]], [[1, 1], [0, 0]])
    >>> m.result()
    tensor(0.2500)
    """

    def __init__(self, name="mean_squared_error", dtype=None):
        super().__init__(fn=regression_losses.mean_squared_error, name=name, dtype=dtype)
        self._direction = "down"

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype}


class MeanAbsoluteError(reduction_metrics.MeanMetricWrapper):
    """Computes the mean absolute error between `y_true` and `y_pred`.

    Args:
        name: Name of the metric instance. Defaults to `"mean_absolute_error"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.MeanAbsoluteError()
    >>> m.update_state([[0, 1], [0, 0]], [[1, 1], [0, 0]])
    >>> m.result()
    tensor(0.2500)
    """

    def __init__(self, name="mean_absolute_error", dtype=None):
        super().__init__(regression_losses.mean_absolute_error, name, dtype=dtype)
        self._direction = "down"

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype}


class MeanAbsolutePercentageError(reduction_metrics.MeanMetricWrapper):
    """Computes the mean absolute percentage error between `y_true` and `y_pred`.

    Args:
        name: Name of the metric instance. Defaults to `"mean_absolute_percentage_error"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).
    """

    def __init__(self, name="mean_absolute_percentage_error", dtype=None):
        super().__init__(regression_losses.mean_absolute_percentage_error, name, dtype=dtype)
        self._direction = "down"

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype}


class MeanSquaredLogarithmicError(reduction_metrics.MeanMetricWrapper):
    """Computes the mean squared logarithmic error between `y_true` and `y_pred`.

    Args:
        name: Name of the metric instance. Defaults to `"mean_squared_logarithmic_error"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).
    """

    def __init__(self, name="mean_squared_logarithmic_error", dtype=None):
        super().__init__(regression_losses.mean_squared_logarithmic_error, name, dtype=dtype)
        self._direction = "down"

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype}


class RootMeanSquaredError(reduction_metrics.Mean):
    """Computes the root mean squared error between `y_true` and `y_pred`.

    `sqrt(mean(square(y_true - y_pred)))`, the mean taken over every element of every batch
    (weighted by `sample_weight`).

    Args:
        name: Name of the metric instance. Defaults to `"root_mean_squared_error"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.RootMeanSquaredError()
    >>> m.update_state([[0, 1], [0, 0]], [[1, 1], [0, 0]])
    >>> m.result()
    tensor(0.5000)
    """

    def __init__(self, name="root_mean_squared_error", dtype=None):
        super().__init__(name, dtype=dtype)
        self._direction = "down"

    def update_state(self, y_true, y_pred, sample_weight=None):
        with torch.no_grad():
            y_pred = _helpers.as_tensor(y_pred, self._torch_dtype)
            y_true = _helpers.as_tensor(y_true, self._torch_dtype, like=y_pred)
            y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
            error_sq = torch.square(y_pred - y_true)
        return super().update_state(error_sq, sample_weight=sample_weight)

    def result(self):
        return torch.sqrt(super().result())


class CosineSimilarity(reduction_metrics.MeanMetricWrapper):
    """Computes the cosine similarity between the labels and predictions.

    Args:
        name: Name of the metric instance. Defaults to `"cosine_similarity"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).
        axis: The dimension along which the cosine similarity is computed. Defaults to `-1`.
    """

    def __init__(self, name="cosine_similarity", dtype=None, axis=-1):
        super().__init__(cosine_similarity, name, dtype=dtype, axis=axis)
        self._direction = "up"

    def get_config(self):
        # As Keras 3.15: `axis` is not part of the config.
        return {"name": self.name, "dtype": self.dtype}


class LogCoshError(reduction_metrics.MeanMetricWrapper):
    """Computes the logarithm of the hyperbolic cosine of the prediction error.

    Args:
        name: Name of the metric instance. Defaults to `"logcosh"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).
    """

    def __init__(self, name="logcosh", dtype=None):
        super().__init__(regression_losses.log_cosh, name, dtype=dtype)
        self._direction = "down"

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype}
