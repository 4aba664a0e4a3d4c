"""`MeanTensor` (tf.keras 2): the elementwise (weighted) mean of tensors of one shape."""

import torch

from torchkeras.losses import _helpers
from torchkeras.metrics.metric import Metric


class MeanTensor(Metric):
    """Computes the element-wise (weighted) mean of the given tensors.

    The state is two tensors of the input's shape, `total` and `count`, created on the first
    update (or at construction when `shape` is given); every later input must have that shape.

    Args:
        name: Name of the metric instance. Defaults to `"mean_tensor"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).
        shape: Shape of the tensors to average. Defaults to `None` (set by the first update).

    Example:

    >>> m = keras.metrics.MeanTensor()
    >>> m.update_state([0, 1, 2, 3])
    >>> m.update_state([4, 5, 6, 7])
    >>> m.result()
    tensor([2., 3., 4., 5.])
    """

    def __init__(self, name="mean_tensor", dtype=None, shape=None):
        super().__init__(name=name, dtype=dtype)
        self._shape = None
        self.total = None
        self.count = None
        if shape is not None:
            self._build(tuple(shape))

    def _build(self, shape):
        self._shape = shape
        self.total = self.add_variable(shape, initializer="zeros", dtype=self.dtype, name="total")
        self.count = self.add_variable(shape, initializer="zeros", dtype=self.dtype, name="count")

    def update_state(self, values, sample_weight=None):
        values = _helpers.as_tensor(values, self._torch_dtype)
        if self._shape is None:
            self._build(tuple(values.shape))
        elif tuple(values.shape) != self._shape:
            raise ValueError(
                "MeanTensor input values must always have the same shape. Expected shape (set "
                f"during the first call): {self._shape}. Got: {tuple(values.shape)}."
            )
        with torch.no_grad():
            if sample_weight is None:
                self.total.add_(values)
                self.count.add_(1.0)
            else:
                weight = torch.broadcast_to(
                    _helpers.as_tensor(sample_weight, self._torch_dtype, like=values), values.shape)
                self.total.add_(values * weight)
                self.count.add_(weight)

    def result(self):
        if self._shape is None:
            raise ValueError(
                "MeanTensor does not have any value yet. Please call the MeanTensor instance or "
                "use `.update_state(value)` before retrieving the result."
            )
        return _helpers.divide_no_nan(self.total.detach(), self.count.detach())

    def reset_state(self):
        if self._shape is not None:
            with torch.no_grad():
                self.total.zero_()
                self.count.zero_()

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype}
