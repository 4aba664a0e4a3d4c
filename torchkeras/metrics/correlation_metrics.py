"""Correlation metrics: Pearson's and Lin's concordance correlation, averaged over batches."""

import torch

from torchkeras import backend
from torchkeras.losses import _helpers
from torchkeras.losses.loss import squeeze_or_expand_to_same_rank
from torchkeras.metrics import reduction_metrics


def _prepare(y_true, y_pred):
    y_pred = _helpers.as_tensor(y_pred)
    y_true = _helpers.as_tensor(y_true, y_pred.dtype, like=y_pred)
    return squeeze_or_expand_to_same_rank(y_true, y_pred)


def pearson_correlation(y_true, y_pred, axis=-1):
    """Computes the Pearson coefficient between labels and predictions.

    `mean(z(y_true) * z(y_pred))` along `axis`, where `z` standardizes with the mean and the
    population standard deviation along `axis`.

    Args:
        y_true: Tensor of true targets.
        y_pred: Tensor of predicted targets.
        axis: Axis along which to compute the correlation. Defaults to `-1`.

    Returns:
        Pearson correlation coefficient, of `y_true`'s shape without `axis`.

    Example:

    >>> y_true = [[0, 1, 0.5], [1, 1, 0.2]]
    >>> y_pred = [[0.1, 0.9, 0.5], [1, 0.9, 0.2]]
    >>> keras.metrics.pearson_correlation(y_true, y_pred, axis=-1)
    tensor([1.0000, 0.9934])
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    y_true_norm = y_true - y_true.mean(dim=axis, keepdim=True)
    y_pred_norm = y_pred - y_pred.mean(dim=axis, keepdim=True)
    y_true_norm = y_true_norm / torch.std(y_true_norm, dim=axis, correction=0, keepdim=True)
    y_pred_norm = y_pred_norm / torch.std(y_pred_norm, dim=axis, correction=0, keepdim=True)
    return (y_true_norm * y_pred_norm).mean(dim=axis)


def concordance_correlation(y_true, y_pred, axis=-1):
    """Computes the concordance coefficient between labels and predictions.

    `mean(2 * (y_true - mean(y_pred)) * (y_pred - mean(y_pred)) / (var(y_true) + var(y_pred) +
    (mean(y_true) - mean(y_pred))**2 + epsilon))` along `axis`, with population variances.
    (The first factor centres `y_true` on the mean of `y_pred`, exactly as Keras computes it.)

    Args:
        y_true: Tensor of true targets.
        y_pred: Tensor of predicted targets.
        axis: Axis along which to compute the coefficient. Defaults to `-1`.

    Returns:
        Concordance correlation coefficient, of `y_true`'s shape without `axis`.

    Example:

    >>> y_true = [[0, 1, 0.5], [1, 1, 0.2]]
    >>> y_pred = [[0.1, 0.9, 0.5], [1, 0.9, 0.2]]
    >>> keras.metrics.concordance_correlation(y_true, y_pred, axis=-1)
    tensor([0.9756, 0.9877])
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    y_true_mean = y_true.mean(dim=axis, keepdim=True)
    y_pred_mean = y_pred.mean(dim=axis, keepdim=True)
    y_true_var = torch.var(y_true - y_true_mean, dim=axis, correction=0, keepdim=True)
    y_pred_var = torch.var(y_pred - y_pred_mean, dim=axis, correction=0, keepdim=True)
    covar = (y_true - y_pred_mean) * (y_pred - y_pred_mean)
    norm = y_true_var + y_pred_var + torch.square(y_true_mean - y_pred_mean)
    return (2 * covar / (norm + backend.epsilon())).mean(dim=axis)


class PearsonCorrelation(reduction_metrics.MeanMetricWrapper):
    """Calculates the Pearson correlation coefficient (PCC).

    PCC measures the linear relationship between the true values and the predictions, from
    -1 to 1. It is computed per sample along `axis` and averaged over samples and batches.

    Args:
        name: Name of the metric instance. Defaults to `"pearson_correlation"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).
        axis: Axis along which to compute the correlation. Defaults to `-1`.

    Example:

    >>> m = keras.metrics.PearsonCorrelation()
    >>> m.update_state([[0, 1, 0.5], [1, 1, 0.2]], [[0.1, 0.9, 0.5], [1, 0.9, 0.2]])
    >>> m.result()
    tensor(0.9967)
    """

    def __init__(self, name="pearson_correlation", dtype=None, axis=-1):
        super().__init__(fn=pearson_correlation, name=name, dtype=dtype, axis=axis)
        self.axis = axis
        self._direction = "up"

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype, "axis": self.axis}


class ConcordanceCorrelation(reduction_metrics.MeanMetricWrapper):
    """Calculates the concordance correlation coefficient (CCC).

    CCC measures the agreement between the true values and the predictions (their correlation,
    penalized by differences of mean and scale), from -1 to 1. It is computed per sample along
    `axis` and averaged over samples and batches.

    Args:
        name: Name of the metric instance. Defaults to `"concordance_correlation"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).
        axis: Axis along which to compute the coefficient. Defaults to `-1`.

    Example:

    >>> m = keras.metrics.ConcordanceCorrelation()
    >>> m.update_state([[0, 1, 0.5], [1, 1, 0.2]], [[0.1, 0.9, 0.5], [1, 0.9, 0.2]])
    >>> m.result()
    tensor(0.9816)
    """

    def __init__(self, name="concordance_correlation", dtype=None, axis=-1):
        super().__init__(fn=concordance_correlation, name=name, dtype=dtype, axis=axis)
        self.axis = axis
        self._direction = "up"

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype, "axis": self.axis}
