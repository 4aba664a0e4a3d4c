"""Hinge metrics: hinge, squared hinge and categorical hinge, averaged over batches."""

from torchkeras.losses import hinge_losses
from torchkeras.metrics import reduction_metrics


class Hinge(reduction_metrics.MeanMetricWrapper):
    """Computes the hinge metric between `y_true` and `y_pred`.

    `y_true` values are expected to be -1 or 1; binary (0 or 1) labels are converted.

    Args:
        name: Name of the metric instance. Defaults to `"hinge"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).
    """

    def __init__(self, name="hinge", dtype=None):
        super().__init__(fn=hinge_losses.hinge, name=name, dtype=dtype)
        self._direction = "down"

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype}


class SquaredHinge(reduction_metrics.MeanMetricWrapper):
    """Computes the squared hinge metric between `y_true` and `y_pred`.

    `y_true` values are expected to be -1 or 1; binary (0 or 1) labels are converted.

    Args:
        name: Name of the metric instance. Defaults to `"squared_hinge"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).
    """

    def __init__(self, name="squared_hinge", dtype=None):
        super().__init__(fn=hinge_losses.squared_hinge, name=name, dtype=dtype)
        self._direction = "down"

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype}


class CategoricalHinge(reduction_metrics.MeanMetricWrapper):
    """Computes the categorical hinge metric between `y_true` and `y_pred`.

    Args:
        name: Name of the metric instance. Defaults to `"categorical_hinge"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).
    """

    def __init__(self, name="categorical_hinge", dtype=None):
        super().__init__(fn=hinge_losses.categorical_hinge, name=name, dtype=dtype)
        self._direction = "down"

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype}
