"""Regression metrics: mean squared, absolute, percentage and log errors, RMSE, log-cosh,
cosine similarity and the R2 score."""

import warnings

import torch

from torchkeras.losses import _helpers
from torchkeras.losses import regression_losses
from torchkeras.losses.loss import squeeze_or_expand_to_same_rank
from torchkeras.metrics import reduction_metrics
from torchkeras.metrics.metric import Metric


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


class R2Score(Metric):
    """Computes the R2 score, the coefficient of determination.

    `1 - SS_res / SS_tot`, where `SS_res = sum((y_true - y_pred)**2)` and
    `SS_tot = sum((y_true - mean(y_true))**2)`, per output column and over all batches
    (weighted by `sample_weight`). 1 is a perfect fit, 0 the fit of the mean; it can be
    negative. Inputs are `(batch_size, output_dim)`.

    With `num_regressors = p > 0`, the adjusted R2 `1 - (1 - R2) * (n - 1) / (n - p - 1)` is
    returned, `n` being the number of values seen.

    Args:
        class_aggregation: How to aggregate the per-column scores: `"uniform_average"` (mean),
            `"variance_weighted_average"` (mean weighted by each column's variance) or `None`
            (no aggregation). Defaults to `"uniform_average"`.
        num_regressors: Number of independent regressors, for the adjusted R2. Defaults to `0`
            (the standard R2).
        name: Name of the metric instance. Defaults to `"r2_score"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.R2Score()
    >>> m.update_state(np.array([[1], [4], [3]]), np.array([[2], [4], [4]]))
    >>> m.result()
    tensor(0.5714)
    """

    def __init__(
        self, class_aggregation="uniform_average", num_regressors=0, name="r2_score", dtype=None
    ):
        super().__init__(name=name, dtype=dtype)
        self._direction = "up"
        valid_class_aggregation_values = (None, "uniform_average", "variance_weighted_average")
        if class_aggregation not in valid_class_aggregation_values:
            raise ValueError(
                "Invalid value for argument `class_aggregation`. Expected "
                f"one of {valid_class_aggregation_values}. "
                f"Received: class_aggregation={class_aggregation}"
            )
        if num_regressors < 0:
            raise ValueError(
                "Invalid value for argument `num_regressors`. Expected a value >= 0. "
                f"Received: num_regressors={num_regressors}"
            )
        self.class_aggregation = class_aggregation
        self.num_regressors = num_regressors
        self.num_samples = self.add_variable(shape=(), initializer="zeros", name="num_samples")
        self._built = False

    def _build(self, y_true_shape, y_pred_shape):
        if len(y_pred_shape) != 2 or len(y_true_shape) != 2:
            raise ValueError(
                "R2Score expects 2D inputs with shape (batch_size, output_dim). Received input "
                f"shapes: y_pred.shape={tuple(y_pred_shape)} and "
                f"y_true.shape={tuple(y_true_shape)}."
            )
        num_classes = y_pred_shape[-1]
        self.squared_sum = self.add_variable((num_classes,), "zeros", name="squared_sum")
        self.sum = self.add_variable((num_classes,), "zeros", name="sum")
        self.total_mse = self.add_variable((num_classes,), "zeros", name="residual")
        self.count = self.add_variable((num_classes,), "zeros", name="count")
        self._built = True

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Accumulate the sums the score is computed from.

        Args:
            y_true: The ground truth values, `(batch_size, output_dim)`.
            y_pred: The predicted values, `(batch_size, output_dim)`.
            sample_weight: Optional weights, `(batch_size,)` or broadcastable to `y_true`.
                Defaults to `1`.
        """
        with torch.no_grad():
            y_true = _helpers.as_tensor(y_true, self._torch_dtype, like=self.num_samples)
            y_pred = _helpers.as_tensor(y_pred, self._torch_dtype, like=self.num_samples)
            y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
            if not self._built:
                self._build(y_true.shape, y_pred.shape)
            if sample_weight is None:
                sample_weight = torch.ones((), dtype=y_true.dtype, device=y_true.device)
            else:
                sample_weight = _helpers.as_tensor(sample_weight, self._torch_dtype, like=y_true)
                if sample_weight.dim() == 1:
                    sample_weight = sample_weight.unsqueeze(1)  # a feature axis
            sample_weight = torch.broadcast_to(sample_weight, y_true.shape)
            weighted_y_true = y_true * sample_weight
            self.sum.add_(weighted_y_true.sum(dim=0))
            self.squared_sum.add_((y_true * weighted_y_true).sum(dim=0))
            self.total_mse.add_((torch.square(y_true - y_pred) * sample_weight).sum(dim=0))
            self.count.add_(sample_weight.sum(dim=0))
            # The number of values (not rows), as Keras counts it.
            self.num_samples.add_(y_true.numel())

    def result(self):
        if not self._built:
            # Nothing seen yet (Keras raises here, as its state does not exist yet).
            return torch.zeros((), dtype=self.num_samples.dtype, device=self.num_samples.device)
        total_sum = self.sum.detach()
        mean = total_sum / self.count.detach()
        total = self.squared_sum.detach() - total_sum * mean
        raw_scores = 1 - (self.total_mse.detach() / total)
        raw_scores = torch.where(torch.isinf(raw_scores), torch.zeros_like(raw_scores), raw_scores)

        if self.class_aggregation == "uniform_average":
            r2_score = raw_scores.mean()
        elif self.class_aggregation == "variance_weighted_average":
            r2_score = (total * raw_scores).sum() / total.sum()
        else:
            r2_score = raw_scores

        if self.num_regressors != 0:
            # Reads the sample count back to the host (only for the adjusted score).
            num_samples = float(self.num_samples)
            if self.num_regressors > num_samples - 1:
                warnings.warn(
                    "More independent predictors than datapoints in adjusted R2 score. "
                    "Falling back to standard R2 score.",
                    stacklevel=2,
                )
            elif self.num_regressors == num_samples - 1:
                warnings.warn(
                    "Division by zero in Adjusted R2 score. Falling back to standard R2 score.",
                    stacklevel=2,
                )
            else:
                n = self.num_samples.detach().to(torch.float32)
                p = float(self.num_regressors)
                r2_score = 1.0 - ((1.0 - r2_score) * (n - 1.0)) / (n - p - 1.0)
        return r2_score

    def get_config(self):
        return {
            **super().get_config(),
            "class_aggregation": self.class_aggregation,
            "num_regressors": self.num_regressors,
        }
