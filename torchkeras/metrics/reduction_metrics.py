"""`Sum`, `Mean` and `MeanMetricWrapper`: metrics that reduce values weighted by samples."""

import torch

from torchkeras.losses import _helpers
from torchkeras.losses import loss as loss_lib
from torchkeras.metrics.metric import Metric
from torchkeras.saving import serialization


def reduce_to_samplewise_values(values, sample_weight, reduce_fn, dtype):
    """Weight `values` by `sample_weight` and reduce them to one value per sample.

    `sample_weight` may be per sample or per element; `values` are reduced with `reduce_fn` down
    to the rank of the weights before weighting, and the weights are reduced along with them.
    A mask attached to `values` (`_keras_mask`) is merged into the weights when weights are
    given.

    Returns:
        `(values, sample_weight)`, `values` of shape `(batch_size,)` (or a scalar).
    """
    mask = _helpers.get_keras_mask(values)
    values = _helpers.as_tensor(values, dtype)
    if sample_weight is not None:
        sample_weight = _helpers.as_tensor(sample_weight, dtype, like=values)
        if mask is not None:
            sample_weight = loss_lib.apply_mask(sample_weight, mask, dtype=dtype, reduction="sum")
        values, sample_weight = loss_lib.squeeze_or_expand_to_same_rank(values, sample_weight)
        weight_ndim = sample_weight.dim()
        values_ndim = values.dim()
        if values_ndim > weight_ndim:
            values = reduce_fn(values, dim=list(range(weight_ndim, values_ndim)))
        # Broadcasting the weights does not change the product, but it does change the sum of
        # weights used as the sample count.
        sample_weight = torch.broadcast_to(sample_weight, values.shape)
        values = values * sample_weight
        if weight_ndim > 1:
            sample_weight = reduce_fn(sample_weight, dim=list(range(1, weight_ndim)))
    values_ndim = values.dim()
    if values_ndim > 1:
        values = reduce_fn(values, dim=list(range(1, values_ndim)))
    return values, sample_weight


class Sum(Metric):
    """Compute the (weighted) sum of the given values.

    With `sample_weight`, the values are multiplied by the weights before summing.

    Args:
        name: Name of the metric instance. Defaults to `"sum"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.Sum()
    >>> m.update_state([1, 3, 5, 7])
    >>> m.result()
    tensor(16.)
    """

    def __init__(self, name="sum", dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.total = self.add_variable((), initializer="zeros", dtype=self.dtype, name="total")

    def update_state(self, values, sample_weight=None):
        with torch.no_grad():
            values, _ = reduce_to_samplewise_values(
                values, sample_weight, reduce_fn=torch.sum, dtype=self._torch_dtype
            )
            self.total.add_(values.sum())

    def reset_state(self):
        with torch.no_grad():
            self.total.zero_()

    def result(self):
        return self.total.detach().clone()


class Mean(Metric):
    """Compute the (weighted) mean of the given values.

    The result is `total / count`, where `count` is the number of samples, or the sum of the
    sample weights when `sample_weight` is given.

    Args:
        name: Name of the metric instance. Defaults to `"mean"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.Mean()
    >>> m.update_state([1, 3, 5, 7], sample_weight=[1, 1, 0, 0])
    >>> m.result()
    tensor(2.)
    """

    def __init__(self, name="mean", dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.total = self.add_variable((), initializer="zeros", dtype=self.dtype, name="total")
        self.count = self.add_variable((), initializer="zeros", dtype=self.dtype, name="count")

    def update_state(self, values, sample_weight=None):
        if type(values) is torch.Tensor and values.dtype == self._torch_dtype and getattr(
            values, "_keras_mask", None
        ) is None:
            # Fast paths for the per-step updates of `fit` (no conversions, no host sync).
            if values.dim() == 0 and isinstance(sample_weight, (int, float)):
                self.total.add_(values.detach(), alpha=sample_weight)
                self.count.add_(sample_weight)
                return
            if sample_weight is None and values.dim() >= 1:
                values = values.detach()
                if values.dim() > 1:
                    values = values.mean(dim=tuple(range(1, values.dim())))
                self.total.add_(values.sum())
                self.count.add_(values.shape[0])
                return
        with torch.no_grad():
            values, sample_weight = reduce_to_samplewise_values(
                values, sample_weight, reduce_fn=torch.mean, dtype=self._torch_dtype
            )
            self.total.add_(values.sum())
            if sample_weight is not None:
                self.count.add_(sample_weight.sum())
            else:
                # A Python number: added without a host-to-device copy.
                self.count.add_(values.shape[0] if values.dim() >= 1 else 1)

    def reset_state(self):
        with torch.no_grad():
            self.total.zero_()
            self.count.zero_()

    def result(self):
        return _helpers.divide_no_nan(self.total.detach(), self.count.detach())


class MeanMetricWrapper(Mean):
    """Wrap a stateless metric function `fn(y_true, y_pred, **kwargs)` into a `Mean` metric.

    The function's per-sample values are averaged over all batches, weighted by
    `sample_weight`. A mask on `y_pred` (`_keras_mask`) becomes part of the sample weights.

    Args:
        fn: The metric function to wrap, with signature `fn(y_true, y_pred, **kwargs)`.
        name: Name of the metric instance. Defaults to `"mean_metric_wrapper"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).
        **kwargs: Keyword arguments to pass on to `fn`.

    Example:

    >>> m = keras.metrics.MeanMetricWrapper(keras.metrics.binary_accuracy, threshold=0.3)
    """

    def __init__(self, fn, name=None, dtype=None, **kwargs):
        super().__init__(name=name, dtype=dtype)
        self._fn = fn
        self._fn_kwargs = kwargs
        from torchkeras.losses import catalogue as losses_catalogue

        # A metric wrapping a Keras loss is to be minimized.
        if fn in losses_catalogue.ALL_OBJECTS or type(fn) in losses_catalogue.ALL_OBJECTS:
            self._direction = "down"

    def update_state(self, y_true, y_pred, sample_weight=None):
        mask = _helpers.get_keras_mask(y_pred)
        with torch.no_grad():
            values = self._fn(y_true, y_pred, **self._fn_kwargs)
            if mask is not None:
                mask = _helpers.as_tensor(mask, like=values)
                if sample_weight is not None:
                    sample_weight = _helpers.as_tensor(
                        sample_weight, self._torch_dtype, like=values
                    )
            sample_weight = loss_lib.apply_mask(
                sample_weight, mask, dtype=self._torch_dtype, reduction="sum"
            )
        return super().update_state(values, sample_weight=sample_weight)

    def get_config(self):
        config = super().get_config()
        config["fn"] = serialization.serialize_keras_object(self._fn)
        config.update(serialization.serialize_keras_object(self._fn_kwargs))
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        if "fn" in config:
            from torchkeras.metrics import catalogue

            config["fn"] = serialization.deserialize_keras_object(
                config["fn"],
                module_objects=catalogue.FUNCTIONS_DICT,
                printable_module_name="metric function",
            )
        return cls(**config)
