"""`MeanRelativeError` (tf.keras 2): the mean of `|y_pred - y_true| / normalizer`."""

import numpy as np
import torch

from torchkeras.losses import _helpers
from torchkeras.metrics.reduction_metrics import Mean


class MeanRelativeError(Mean):
    """Computes the mean relative error by normalizing with the given values.

    The relative error of each element is `|y_pred - y_true| / normalizer` (0 where the
    normalizer is 0); the metric is their (weighted) mean over all elements.

    Args:
        normalizer: The normalizer values, with the same shape as predictions.
        name: Name of the metric instance. Defaults to `"mean_relative_error"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.MeanRelativeError(normalizer=[1, 3, 2, 3])
    >>> m.update_state([1, 3, 2, 3], [2, 4, 6, 8])
    >>> m.result()  # relative errors [1, 1/3, 2, 5/3]
    tensor(1.2500)
    """

    def __init__(self, normalizer, name=None, dtype=None):
        super().__init__(name=name or "mean_relative_error", dtype=dtype)
        self.normalizer = _helpers.as_tensor(normalizer, self._torch_dtype)

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_true = _helpers.as_tensor(y_true, self._torch_dtype)
        y_pred = _helpers.as_tensor(y_pred, self._torch_dtype)
        normalizer = self.normalizer.to(y_pred.device)
        errors = torch.abs(y_pred - y_true)
        relative = torch.where(normalizer == 0, torch.zeros_like(errors), errors / normalizer)
        # tf.keras 2's `Reduce`: every element counts once (or by its broadcast weight), unlike
        # Keras 3's `Mean`, which first averages each sample.
        with torch.no_grad():
            if sample_weight is None:
                self.total.add_(relative.sum())
                self.count.add_(relative.numel())
            else:
                weight = torch.broadcast_to(
                    _helpers.as_tensor(sample_weight, self._torch_dtype, like=relative),
                    relative.shape)
                self.total.add_((relative * weight).sum())
                self.count.add_(weight.sum())

    def get_config(self):
        config = super().get_config()
        # A list rather than tf.keras 2's NumPy array, so the config stays JSON.
        config["normalizer"] = np.asarray(self.normalizer.cpu()).tolist()
        return config
