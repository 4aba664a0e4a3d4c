"""Intersection-over-union metrics: `IoU`, `MeanIoU`, `BinaryIoU`, `OneHotIoU`, `OneHotMeanIoU`.

All accumulate a `(num_classes, num_classes)` confusion matrix (rows: labels, columns:
predictions), weighted by `sample_weight`, and compute
`iou = true_positives / (true_positives + false_positives + false_negatives)` per class from it.
"""

import warnings

import torch

from torchkeras import backend
from torchkeras.losses import _helpers
from torchkeras.metrics import metrics_utils
from torchkeras.metrics.metric import Metric


class _IoUBase(Metric):
    """Accumulates the confusion matrix of class ids for the IoU metrics.

    Args:
        num_classes: The possible number of labels.
        name: Name of the metric instance.
        dtype: Data type of the confusion matrix. Defaults to `"int64"`.
        ignore_class: Optional class id whose labels are not counted.
        sparse_y_true: Whether labels are class ids (else the argmax over `axis` is taken).
        sparse_y_pred: Whether predictions are class ids (else the argmax over `axis`).
        axis: The class axis of dense inputs. Defaults to `-1`.
    """

    def __init__(
        self,
        num_classes,
        name=None,
        dtype=None,
        ignore_class=None,
        sparse_y_true=True,
        sparse_y_pred=True,
        axis=-1,
    ):
        # Integer counts by default, as Keras (float weights are then truncated).
        super().__init__(name=name, dtype=dtype or "int64")
        self._direction = "up"
        self.num_classes = num_classes
        self.ignore_class = ignore_class
        self.sparse_y_true = sparse_y_true
        self.sparse_y_pred = sparse_y_pred
        self.axis = axis
        self.total_cm = self.add_variable(
            shape=(num_classes, num_classes),
            initializer="zeros",
            dtype=self.dtype,
            name="total_confusion_matrix",
        )

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Accumulate the confusion matrix.

        Args:
            y_true: The ground truth class ids (or one-hot labels when not `sparse_y_true`).
            y_pred: The predicted class ids (or scores when not `sparse_y_pred`).
            sample_weight: Optional weights, of rank 0 or broadcastable to `y_true`.
                Defaults to `1`.
        """
        dtype = self._torch_dtype
        cm = self.total_cm
        with torch.no_grad():
            if not self.sparse_y_true:
                y_true = torch.argmax(_helpers.as_tensor(y_true, like=cm), dim=self.axis)
            if not self.sparse_y_pred:
                y_pred = torch.argmax(_helpers.as_tensor(y_pred, like=cm), dim=self.axis)
            y_true = _helpers.as_tensor(y_true, dtype, like=cm).reshape(-1)
            y_pred = _helpers.as_tensor(y_pred, dtype, like=cm).reshape(-1)

            if sample_weight is None:
                sample_weight = torch.ones((), dtype=dtype, device=cm.device)
            else:
                weight_dtype = str(getattr(sample_weight, "dtype", ""))
                if "float" in weight_dtype and "int" in self.dtype:
                    warnings.warn(
                        "You are passing weight as `float`, but dtype is `int`. This may result "
                        "in an incorrect weight due to type casting Consider using integer "
                        "weights."
                    )
                sample_weight = _helpers.as_tensor(sample_weight, dtype, like=cm)
                if sample_weight.dim() > 1:
                    sample_weight = sample_weight.reshape(-1)
            sample_weight = torch.broadcast_to(sample_weight, y_true.shape)

            # Out-of-range ids (and the ignored class) are not counted: they go to cell (0, 0)
            # with weight 0.
            valid = (y_true >= 0) & (y_true < self.num_classes)
            valid &= (y_pred >= 0) & (y_pred < self.num_classes)
            if self.ignore_class is not None:
                valid &= y_true != self.ignore_class
            zero = torch.zeros((), dtype=dtype, device=cm.device)
            y_true = torch.where(valid, y_true, zero)
            y_pred = torch.where(valid, y_pred, zero)
            sample_weight = torch.where(valid, sample_weight, zero)
            metrics_utils.confusion_matrix_update(cm, y_true, y_pred, sample_weight)

    def reset_state(self):
        with torch.no_grad():
            self.total_cm.zero_()


class IoU(_IoUBase):
    """Computes the Intersection-Over-Union metric for specific target classes.

    `iou = true_positives / (true_positives + false_positives + false_negatives)`, from a
    confusion matrix weighted by `sample_weight` (a weight of 0 masks a value). The result is
    the mean IoU of the `target_class_ids`, skipping classes that never occur.

    Args:
        num_classes: The possible number of labels the prediction task can have.
        target_class_ids: A tuple or list of class ids whose IoUs are averaged.
        name: Name of the metric instance. Defaults to `"io_u"`.
        dtype: Data type of the confusion matrix. Defaults to `None` (`"int64"`).
        ignore_class: Optional class id to ignore (e.g. a "void" class). Defaults to `None`.
        sparse_y_true: Whether labels are class ids; if `False`, the argmax over `axis` is
            used. Defaults to `True`.
        sparse_y_pred: Whether predictions are class ids; if `False`, the argmax over `axis`
            is used. Defaults to `True`.
        axis: The dimension containing the logits. Defaults to `-1`.

    Example:

    >>> m = keras.metrics.IoU(num_classes=2, target_class_ids=[0])
    >>> m.update_state([0, 0, 1, 1], [0, 1, 0, 1])
    >>> m.result()
    tensor(0.3333)
    """

    def __init__(
        self,
        num_classes,
        target_class_ids,
        name=None,
        dtype=None,
        ignore_class=None,
        sparse_y_true=True,
        sparse_y_pred=True,
        axis=-1,
    ):
        super().__init__(
            name=name,
            num_classes=num_classes,
            ignore_class=ignore_class,
            sparse_y_true=sparse_y_true,
            sparse_y_pred=sparse_y_pred,
            axis=axis,
            dtype=dtype,
        )
        if max(target_class_ids) >= num_classes:
            raise ValueError(
                f"Target class id {max(target_class_ids)} is out of range, which is "
                f"[0, {num_classes})."
            )
        self.target_class_ids = list(target_class_ids)
        self._target_index = None

    def result(self):
        cm = self.total_cm.detach()
        dtype = self._torch_dtype
        sum_over_row = cm.sum(dim=0).to(dtype)
        sum_over_col = cm.sum(dim=1).to(dtype)
        true_positives = torch.diagonal(cm).to(dtype)
        # sum_over_row + sum_over_col = 2 * true_positives + false_positives + false_negatives.
        denominator = sum_over_row + sum_over_col - true_positives
        index = self._target_index
        if index is None or index.device != cm.device:
            index = torch.tensor(self.target_class_ids, dtype=torch.int64, device=cm.device)
            self._target_index = index
        true_positives = true_positives[index].to(torch.float32)
        denominator = denominator[index].to(torch.float32)
        # Classes that never occur are left out of the mean.
        valid = denominator > 1e-9
        num_valid = valid.to(torch.float32).sum()
        iou = true_positives / (denominator + backend.epsilon())
        iou = torch.where(valid, iou, torch.zeros_like(iou))
        # (Keras sums over `axis` here, which fails for any axis but -1 and 0.)
        return iou.sum() / (num_valid + backend.epsilon())

    def get_config(self):
        return {
            **super().get_config(),
            "num_classes": self.num_classes,
            "target_class_ids": self.target_class_ids,
            "ignore_class": self.ignore_class,
            "sparse_y_true": self.sparse_y_true,
            "sparse_y_pred": self.sparse_y_pred,
            "axis": self.axis,
        }


class BinaryIoU(IoU):
    """Computes the Intersection-Over-Union metric for class 0 and/or 1.

    Predictions `>= threshold` are class 1, the others class 0; the result is the mean IoU of
    the `target_class_ids` (see `IoU`). With `threshold=0` and logits this is `IoU`.

    Args:
        target_class_ids: A tuple or list of target class ids: `[0]`, `[1]` or `[0, 1]`.
            Defaults to `(0, 1)`.
        threshold: Predictions `>= threshold` are class 1. Defaults to `0.5`.
        name: Name of the metric instance. Defaults to `"binary_io_u"`.
        dtype: Data type of the confusion matrix. Defaults to `None` (`"int64"`).

    Example:

    >>> m = keras.metrics.BinaryIoU(target_class_ids=[0, 1], threshold=0.3)
    >>> m.update_state([0, 1, 0, 1], [0.1, 0.2, 0.4, 0.7])
    >>> m.result()
    tensor(0.3333)
    """

    def __init__(self, target_class_ids=(0, 1), threshold=0.5, name=None, dtype=None):
        super().__init__(
            num_classes=2, target_class_ids=target_class_ids, name=name, dtype=dtype
        )
        self.threshold = threshold

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Threshold the predictions, then accumulate the confusion matrix.

        Args:
            y_true: The ground truth values (0 or 1).
            y_pred: The predicted values.
            sample_weight: Optional weights, of rank 0 or broadcastable to `y_true`.
                Defaults to `1`.
        """
        cm = self.total_cm
        y_true = _helpers.as_tensor(y_true, self._torch_dtype, like=cm)
        # Compared in float32 before the cast to the matrix dtype, as Keras.
        y_pred = _helpers.as_tensor(y_pred, torch.float32, like=cm)
        y_pred = (y_pred >= self.threshold).to(self._torch_dtype)
        return super().update_state(y_true, y_pred, sample_weight)

    def get_config(self):
        return {
            "target_class_ids": self.target_class_ids,
            "threshold": self.threshold,
            "name": self.name,
            "dtype": self.dtype,
        }


class MeanIoU(IoU):
    """Computes the mean Intersection-Over-Union metric.

    The IoU of every class (see `IoU`), averaged over the classes that occur.

    Args:
        num_classes: The possible number of labels the prediction task can have.
        name: Name of the metric instance. Defaults to `"mean_io_u"`.
        dtype: Data type of the confusion matrix. Defaults to `None` (`"int64"`).
        ignore_class: Optional class id to ignore. Defaults to `None`.
        sparse_y_true: Whether labels are class ids. Defaults to `True`.
        sparse_y_pred: Whether predictions are class ids. Defaults to `True`.
        axis: The dimension containing the logits. Defaults to `-1`.

    Example:

    >>> m = keras.metrics.MeanIoU(num_classes=2)
    >>> m.update_state([0, 0, 1, 1], [0, 1, 0, 1])
    >>> m.result()
    tensor(0.3333)
    """

    def __init__(
        self,
        num_classes,
        name=None,
        dtype=None,
        ignore_class=None,
        sparse_y_true=True,
        sparse_y_pred=True,
        axis=-1,
    ):
        super().__init__(
            name=name,
            num_classes=num_classes,
            target_class_ids=list(range(num_classes)),
            axis=axis,
            dtype=dtype,
            ignore_class=ignore_class,
            sparse_y_true=sparse_y_true,
            sparse_y_pred=sparse_y_pred,
        )

    def get_config(self):
        return {
            "num_classes": self.num_classes,
            "name": self.name,
            "dtype": self.dtype,
            "ignore_class": self.ignore_class,
            "sparse_y_true": self.sparse_y_true,
            "sparse_y_pred": self.sparse_y_pred,
            "axis": self.axis,
        }


class OneHotIoU(IoU):
    """Computes the Intersection-Over-Union metric for one-hot encoded labels.

    Labels (and, unless `sparse_y_pred`, predictions) are turned into class ids with an
    argmax over `axis`; then as `IoU`.

    Args:
        num_classes: The possible number of labels the prediction task can have.
        target_class_ids: A tuple or list of class ids whose IoUs are averaged.
        name: Name of the metric instance. Defaults to `"one_hot_io_u"`.
        dtype: Data type of the confusion matrix. Defaults to `None` (`"int64"`).
        ignore_class: Optional class id to ignore. Defaults to `None`.
        sparse_y_pred: Whether predictions are class ids. Defaults to `False`.
        axis: The dimension containing the logits. Defaults to `-1`.

    Example:

    >>> m = keras.metrics.OneHotIoU(num_classes=3, target_class_ids=[0, 2])
    >>> m.update_state(np.eye(3)[[2, 0, 1, 0]], np.eye(3)[[2, 2, 0, 2]])
    >>> m.result()
    tensor(0.1667)
    """

    def __init__(
        self,
        num_classes,
        target_class_ids,
        name=None,
        dtype=None,
        ignore_class=None,
        sparse_y_pred=False,
        axis=-1,
    ):
        super().__init__(
            num_classes=num_classes,
            target_class_ids=target_class_ids,
            name=name,
            dtype=dtype,
            ignore_class=ignore_class,
            sparse_y_true=False,
            sparse_y_pred=sparse_y_pred,
            axis=axis,
        )

    def get_config(self):
        return {
            "num_classes": self.num_classes,
            "target_class_ids": self.target_class_ids,
            "name": self.name,
            "dtype": self.dtype,
            "ignore_class": self.ignore_class,
            "sparse_y_pred": self.sparse_y_pred,
            "axis": self.axis,
        }


class OneHotMeanIoU(MeanIoU):
    """Computes the mean Intersection-Over-Union metric for one-hot encoded labels.

    Labels (and, unless `sparse_y_pred`, predictions) are turned into class ids with an
    argmax over `axis`; then as `MeanIoU`.

    Args:
        num_classes: The possible number of labels the prediction task can have.
        name: Name of the metric instance. Defaults to `"one_hot_mean_io_u"`.
        dtype: Data type of the confusion matrix. Defaults to `None` (`"int64"`).
        ignore_class: Optional class id to ignore. Defaults to `None`.
        sparse_y_pred: Whether predictions are class ids. Defaults to `False`.
        axis: The dimension containing the logits. Defaults to `-1`.

    Example:

    >>> m = keras.metrics.OneHotMeanIoU(num_classes=3)
    >>> m.update_state(np.eye(3)[[2, 0, 1, 0]], np.eye(3)[[2, 2, 0, 2]])
    >>> m.result()
    tensor(0.1111)
    """

    def __init__(
        self,
        num_classes,
        name=None,
        dtype=None,
        ignore_class=None,
        sparse_y_pred=False,
        axis=-1,
    ):
        super().__init__(
            num_classes=num_classes,
            axis=axis,
            name=name,
            dtype=dtype,
            ignore_class=ignore_class,
            sparse_y_true=False,
            sparse_y_pred=sparse_y_pred,
        )

    def get_config(self):
        return {
            "num_classes": self.num_classes,
            "name": self.name,
            "dtype": self.dtype,
            "ignore_class": self.ignore_class,
            "sparse_y_pred": self.sparse_y_pred,
            "axis": self.axis,
        }
