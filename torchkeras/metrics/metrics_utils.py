"""Confusion-matrix bookkeeping shared by the threshold metrics (Precision, Recall, AUC, ...).

Keras counts true/false positives/negatives of `y_pred > threshold` for every threshold. Two
ways, chosen by the thresholds, give Keras's exact numbers:

- any thresholds: compare every prediction with every threshold, `O(T * N)`;
- evenly spaced thresholds (`AUC`'s 200, `PrecisionAtRecall`'s, ...): put each prediction in its
  bucket between two thresholds (one scatter-add) and take a reversed cumulative sum, `O(T + N)`.
  The bucket of `p` is `ceil(p * (T - 1)) - 1`, computed in the metric's dtype as Keras does, so
  predictions that fall exactly on a threshold land where Keras puts them.

Everything runs on the device of the metric's variables; nothing is read back to the host.
"""

import enum

import numpy as np
import torch

from torchkeras import backend
from torchkeras.losses import _helpers
from torchkeras.losses.loss import squeeze_or_expand_to_same_rank

NEG_INF = -1e10


def to_list(x):
    """`x` as a list (a single value becomes a one-element list)."""
    if isinstance(x, list):
        return x
    if isinstance(x, (tuple, np.ndarray)):
        return list(x)
    return [x]


def assert_thresholds_range(thresholds):
    if thresholds is not None:
        invalid = [t for t in thresholds if t is None or t < 0 or t > 1]
        if invalid:
            raise ValueError(f"Threshold values must be in [0, 1]. Received: {invalid}")


def parse_init_thresholds(thresholds, default_threshold=0.5):
    """The thresholds as a list, checked to lie in `[0, 1]`; `None` gives `[default_threshold]`."""
    if thresholds is not None:
        assert_thresholds_range(to_list(thresholds))
    return to_list(default_threshold if thresholds is None else thresholds)


def is_evenly_distributed_thresholds(thresholds):
    """Whether `thresholds` are `[0, 1/(n-1), ..., 1]` (to within `epsilon()`), `n >= 3`."""
    num_thresholds = len(thresholds)
    if num_thresholds < 3:
        return False
    even = np.arange(num_thresholds, dtype=np.float32) / (num_thresholds - 1)
    return bool(np.allclose(thresholds, even, atol=backend.epsilon()))


class ConfusionMatrix(enum.Enum):
    TRUE_POSITIVES = "tp"
    FALSE_POSITIVES = "fp"
    TRUE_NEGATIVES = "tn"
    FALSE_NEGATIVES = "fn"


class AUCCurve(enum.Enum):
    """Type of AUC curve: `ROC`, `PR` or `PRGAIN`."""

    ROC = "ROC"
    PR = "PR"
    PRGAIN = "PRGAIN"

    @staticmethod
    def from_str(key):
        if key in ("pr", "PR"):
            return AUCCurve.PR
        if key in ("roc", "ROC"):
            return AUCCurve.ROC
        if key in ("prgain", "PRGAIN"):
            return AUCCurve.PRGAIN
        raise ValueError(
            f'Invalid AUC curve value: "{key}". Expected values are ["PR", "ROC", "PRGAIN"]'
        )


class AUCSummationMethod(enum.Enum):
    """Riemann summation of an AUC: `interpolation` (mid-point; for PR, Davis & Goadrich's
    interpolation of the counts), `minoring` (lower sums) or `majoring` (upper sums)."""

    INTERPOLATION = "interpolation"
    MAJORING = "majoring"
    MINORING = "minoring"

    @staticmethod
    def from_str(key):
        if key in ("interpolation", "Interpolation"):
            return AUCSummationMethod.INTERPOLATION
        if key in ("majoring", "Majoring"):
            return AUCSummationMethod.MAJORING
        if key in ("minoring", "Minoring"):
            return AUCSummationMethod.MINORING
        raise ValueError(
            f'Invalid AUC summation method value: "{key}". '
            'Expected values are ["interpolation", "majoring", "minoring"]'
        )


def filter_top_k(x, k):
    """Keep the `k` largest values of the last axis of `x` and set the others to `NEG_INF`.

    Ties go to the lower index, as TensorFlow's `top_k` breaks them (a stable sort).
    """
    top_k_idx = torch.sort(x, dim=-1, descending=True, stable=True).indices[..., :k]
    mask = torch.zeros_like(x).scatter_(-1, top_k_idx, 1.0)
    return x * mask + NEG_INF * (1 - mask)


class ConfusionMatrixCounter:
    """Adds a batch's weighted confusion-matrix counts at fixed thresholds to state variables.

    Args:
        thresholds: The thresholds, a list of Python floats.
        distributed_evenly: Whether the thresholds are evenly spaced over `[0, 1]` (possibly
            with `-epsilon` and `1 + epsilon` as first and last), which allows the bucket method.
    """

    def __init__(self, thresholds, distributed_evenly=False):
        self.thresholds = [float(t) for t in thresholds]
        self.distributed_evenly = distributed_evenly
        # Thresholds just outside [0, 1] (AUC's) catch predictions of exactly 0 and 1 too.
        self.with_epsilon = distributed_evenly and (
            self.thresholds[0] < 0.0 or self.thresholds[-1] > 1.0
        )
        self._tensor = None

    def thresholds_tensor(self, like):
        """The thresholds on `like`'s device in `like`'s dtype, cached between batches."""
        tensor = self._tensor
        if tensor is None or tensor.device != like.device or tensor.dtype != like.dtype:
            tensor = torch.tensor(self.thresholds, dtype=torch.float64)
            tensor = tensor.to(device=like.device, dtype=like.dtype)
            self._tensor = tensor
        return tensor

    def update(
        self,
        variables_to_update,
        y_true,
        y_pred,
        sample_weight=None,
        top_k=None,
        class_id=None,
        multi_label=False,
        label_weights=None,
    ):
        """Add the counts of one batch to the variables.

        Args:
            variables_to_update: Dict from `ConfusionMatrix` keys to the variables to update
                (shape `(num_thresholds,)`, or `(num_thresholds, num_labels)` with
                `multi_label`).
            y_true: Ground truth, cast to bool (non-zero is positive).
            y_pred: Predictions, compared with the thresholds.
            sample_weight: Optional weights, broadcastable to `y_pred` after rank matching.
            top_k: Only the `top_k` largest predictions of each row count as positive.
            class_id: Only this class (last axis) is counted.
            multi_label: Count each label (second axis) separately instead of flattening.
            label_weights: Optional per-label weights for the flattened (not multi-label) case.
        """
        first = next(iter(variables_to_update.values()))
        dtype = first.dtype
        with torch.no_grad():
            y_pred = _helpers.as_tensor(y_pred, dtype, like=first)
            y_true = _helpers.as_tensor(y_true, dtype, like=first)
            y_pred, y_true = squeeze_or_expand_to_same_rank(y_pred, y_true)
            if sample_weight is not None:
                sample_weight = _helpers.as_tensor(sample_weight, dtype, like=first).unsqueeze(-1)
                _, sample_weight = squeeze_or_expand_to_same_rank(
                    y_true, sample_weight, expand_rank_1=False
                )
            if top_k is not None:
                y_pred = filter_top_k(y_pred, top_k)
            if class_id is not None:
                if y_pred.dim() == 1:
                    raise ValueError(
                        "When class_id is provided, y_pred must be a 2D array with shape "
                        "(num_samples, num_classes), found shape: "
                        f"{tuple(y_pred.shape)}"
                    )
                # Keep a size-1 class axis so that the weights still broadcast.
                y_true = y_true[..., class_id, None]
                y_pred = y_pred[..., class_id, None]

            weights = None
            if sample_weight is not None:
                weights = torch.broadcast_to(sample_weight, y_pred.shape)
            if label_weights is not None and not multi_label:
                label_weights = torch.broadcast_to(
                    _helpers.as_tensor(label_weights, dtype, like=first).unsqueeze(0),
                    y_pred.shape,
                )
                weights = label_weights if weights is None else weights * label_weights

            if self.distributed_evenly:
                counts = self._bucket_counts(y_true, y_pred, weights, multi_label, dtype)
            else:
                counts = self._threshold_counts(
                    y_true, y_pred, weights, multi_label, dtype, variables_to_update
                )
            for key, variable in variables_to_update.items():
                variable.add_(counts[key])

    def _threshold_counts(self, y_true, y_pred, weights, multi_label, dtype, wanted):
        """Compare every prediction with every threshold: `O(T * N)`."""
        thresholds = self.thresholds_tensor(y_pred)
        if multi_label:
            # (T, N, L): counts are summed over the batch axis, one column per label.
            pred_is_pos = y_pred.unsqueeze(0) > thresholds.view(-1, 1, 1)
            label_is_pos = (y_true != 0).unsqueeze(0)
            weights = weights.unsqueeze(0) if weights is not None else None
        else:
            # (T, N * L): everything flattened into one binary problem.
            pred_is_pos = y_pred.reshape(1, -1) > thresholds.view(-1, 1)
            label_is_pos = (y_true != 0).reshape(1, -1)
            weights = weights.reshape(1, -1) if weights is not None else None

        def weighted_count(label, pred):
            both = label & pred
            if weights is None:
                return both.sum(dim=1, dtype=dtype)
            zero = torch.zeros((), dtype=dtype, device=both.device)
            return torch.where(both, weights, zero).sum(1)

        counts = {}
        pred_is_neg = ~pred_is_pos
        label_is_neg = ~label_is_pos
        pairs = {
            ConfusionMatrix.TRUE_POSITIVES: (label_is_pos, pred_is_pos),
            ConfusionMatrix.FALSE_POSITIVES: (label_is_neg, pred_is_pos),
            ConfusionMatrix.TRUE_NEGATIVES: (label_is_neg, pred_is_neg),
            ConfusionMatrix.FALSE_NEGATIVES: (label_is_pos, pred_is_neg),
        }
        for key in wanted:
            counts[key] = weighted_count(*pairs[key])
        return counts

    def _bucket_counts(self, y_true, y_pred, weights, multi_label, dtype):
        """Bucket the predictions between evenly spaced thresholds: `O(T + N)`."""
        num_thresholds = len(self.thresholds)
        y_pred = torch.clamp(y_pred, 0.0, 1.0)
        labels = (y_true != 0).to(dtype)
        if not multi_label:
            y_pred = y_pred.reshape(-1)
            labels = labels.reshape(-1)
            weights = weights.reshape(-1) if weights is not None else None
        true_labels = labels if weights is None else labels * weights
        false_labels = (1.0 - labels) if weights is None else (1.0 - labels) * weights

        # Strictly greater than the threshold: a prediction on threshold i is in bucket i - 1.
        buckets = torch.ceil(y_pred * (num_thresholds - 1)) - 1
        if self.with_epsilon:
            buckets = torch.relu(buckets)
        # Bucket -1 (and NaN predictions) are dropped, as TensorFlow's segment sum drops
        # negative ids: shift by one and discard bin 0.
        buckets = torch.where(torch.isnan(buckets), torch.full_like(buckets, -1.0), buckets)
        index = buckets.to(torch.int64) + 1
        num_bins = num_thresholds + 1
        if multi_label:
            num_labels = y_pred.shape[-1]
            index = index * num_labels + torch.arange(num_labels, device=index.device)
            shape = (num_bins * num_labels,)
        else:
            shape = (num_bins,)
        index = index.reshape(-1)

        def reversed_cumsum(values):
            bins = torch.zeros(shape, dtype=dtype, device=values.device)
            bins.index_add_(0, index, values.reshape(-1))
            bins = bins.view(num_bins, -1)[1:] if multi_label else bins[1:]
            return torch.flip(torch.cumsum(torch.flip(bins, [0]), dim=0), [0])

        tp = reversed_cumsum(true_labels)
        fp = reversed_cumsum(false_labels)
        # Over the batch: a scalar, or one total per label with multi_label.
        total_true = true_labels.sum(dim=0)
        total_false = false_labels.sum(dim=0)
        return {
            ConfusionMatrix.TRUE_POSITIVES: tp,
            ConfusionMatrix.FALSE_POSITIVES: fp,
            ConfusionMatrix.TRUE_NEGATIVES: total_false - fp,
            ConfusionMatrix.FALSE_NEGATIVES: total_true - tp,
        }


def confusion_matrix_update(total_cm, labels, predictions, weights):
    """Add a weighted `(num_classes, num_classes)` confusion matrix (rows: labels, columns:
    predictions) to `total_cm` in place. `labels`, `predictions` and `weights` are 1-D and every
    id is in range."""
    num_classes = total_cm.shape[0]
    index = labels.to(torch.int64) * num_classes + predictions.to(torch.int64)
    total_cm.view(-1).index_add_(0, index, weights.to(total_cm.dtype))
