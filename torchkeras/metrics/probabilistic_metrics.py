"""Probabilistic metrics: crossentropies, Kullback-Leibler divergence and Poisson."""

from torchkeras.losses import crossentropy_losses
from torchkeras.losses import probabilistic_losses
from torchkeras.metrics import reduction_metrics


class KLDivergence(reduction_metrics.MeanMetricWrapper):
    """Computes Kullback-Leibler divergence metric between `y_true` and `y_pred`.

    Args:
        name: Name of the metric instance. Defaults to `"kl_divergence"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).
    """

    def __init__(self, name="kl_divergence", dtype=None):
        super().__init__(fn=probabilistic_losses.kl_divergence, name=name, dtype=dtype)

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype}


class Poisson(reduction_metrics.MeanMetricWrapper):
    """Computes the Poisson metric between `y_true` and `y_pred`.

    Args:
        name: Name of the metric instance. Defaults to `"poisson"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).
    """

    def __init__(self, name="poisson", dtype=None):
        super().__init__(fn=probabilistic_losses.poisson, name=name, dtype=dtype)

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype}


class BinaryCrossentropy(reduction_metrics.MeanMetricWrapper):
    """Computes the crossentropy metric between binary labels and predictions.

    Args:
        name: Name of the metric instance. Defaults to `"binary_crossentropy"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).
        from_logits: Whether `y_pred` holds logits. Defaults to `False` (probabilities).
        label_smoothing: Float in `[0, 1]`; when > 0 the labels are squeezed towards 0.5.
            Defaults to `0`.

    Example:

    >>> m = keras.metrics.BinaryCrossentropy()
    >>> m.update_state([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]])
    >>> m.result()
    tensor(0.8150)
    """

    def __init__(
        self, name="binary_crossentropy", dtype=None, from_logits=False, label_smoothing=0
    ):
        super().__init__(
            crossentropy_losses.binary_crossentropy,
            name,
            dtype=dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
        )
        self.from_logits = from_logits
        self.label_smoothing = label_smoothing
        self._direction = "down"

    def get_config(self):
        return {
            "name": self.name,
            "dtype": self.dtype,
            "from_logits": self.from_logits,
            "label_smoothing": self.label_smoothing,
        }


class CategoricalCrossentropy(reduction_metrics.MeanMetricWrapper):
    """Computes the crossentropy metric between one-hot labels and predictions.

    Args:
        name: Name of the metric instance. Defaults to `"categorical_crossentropy"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).
        from_logits: Whether `y_pred` holds logits. Defaults to `False` (probabilities).
        label_smoothing: Float in `[0, 1]`; when > 0 label values are smoothed. Defaults to `0`.
        axis: The class axis. Defaults to `-1`.

    Example:

    >>> m = keras.metrics.CategoricalCrossentropy()
    >>> m.update_state([[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]])
    >>> m.result()
    tensor(1.1769)
    """

    def __init__(
        self, name="categorical_crossentropy", dtype=None, from_logits=False, label_smoothing=0,
        axis=-1,
    ):
        super().__init__(
            crossentropy_losses.categorical_crossentropy,
            name,
            dtype=dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )
        self.from_logits = from_logits
        self.label_smoothing = label_smoothing
        self.axis = axis
        self._direction = "down"

    def get_config(self):
        return {
            "name": self.name,
            "dtype": self.dtype,
            "from_logits": self.from_logits,
            "label_smoothing": self.label_smoothing,
            "axis": self.axis,
        }


class SparseCategoricalCrossentropy(reduction_metrics.MeanMetricWrapper):
    """Computes the crossentropy metric between integer labels and predictions.

    Args:
        name: Name of the metric instance. Defaults to `"sparse_categorical_crossentropy"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).
        from_logits: Whether `y_pred` holds logits. Defaults to `False` (probabilities).
        ignore_class: Optional integer id of a class to ignore. Without `sample_weight`, its
            entries count as 0 in the mean (as in Keras). Defaults to `None`.
        axis: The class axis; only the last axis is supported. Defaults to `-1`.

    Example:

    >>> m = keras.metrics.SparseCategoricalCrossentropy()
    >>> m.update_state([1, 2], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]])
    >>> m.result()
    tensor(1.1769)
    """

    def __init__(
        self, name="sparse_categorical_crossentropy", dtype=None, from_logits=False,
        ignore_class=None, axis=-1,
    ):
        super().__init__(
            crossentropy_losses.sparse_categorical_crossentropy,
            name=name,
            dtype=dtype,
            from_logits=from_logits,
            ignore_class=ignore_class,
            axis=axis,
        )
        self.from_logits = from_logits
        self.ignore_class = ignore_class
        self.axis = axis
        self._direction = "down"

    def get_config(self):
        return {
            "name": self.name,
            "dtype": self.dtype,
            "from_logits": self.from_logits,
            "ignore_class": self.ignore_class,
            "axis": self.axis,
        }
