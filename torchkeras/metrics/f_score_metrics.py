"""`FBetaScore` and `F1Score`: the (weighted) harmonic mean of precision and recall."""

import torch

from torchkeras import backend
from torchkeras.losses import _helpers
from torchkeras.metrics.metric import Metric


class FBetaScore(Metric):
    """Computes the F-Beta score.

    `(1 + beta**2) * precision * recall / (beta**2 * precision + recall)`, a weighted harmonic
    mean of precision and recall, for multi-class and multi-label classification. Inputs are
    `(batch_size, num_classes)`.

    Args:
        average: How to average over classes: `None` (no averaging: one score per class),
            `"micro"` (global counts of true positives, false negatives and false positives),
            `"macro"` (unweighted mean of the class scores) or `"weighted"` (mean of the class
            scores weighted by their number of true instances). Defaults to `None`.
        beta: The weight of recall in the harmonic mean, a Python float > 0. Defaults to `1.0`.
        threshold: Predictions greater than `threshold` count as 1, the others as 0; with
            `None`, the largest prediction of each row counts as 1 (unless it is 0). A Python
            float in `(0, 1]`. Defaults to `None`.
        name: Name of the metric instance. Defaults to `"fbeta_score"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.FBetaScore(beta=2.0, threshold=0.5)
    >>> m.update_state(np.array([[1, 1, 1], [1, 0, 0], [1, 1, 0]]),
    ...                np.array([[0.2, 0.6, 0.7], [0.2, 0.6, 0.6], [0.6, 0.8, 0.0]]))
    >>> m.result()
    tensor([0.3846, 0.9091, 0.8333])
    """

    def __init__(self, average=None, beta=1.0, threshold=None, name="fbeta_score", dtype=None):
        super().__init__(name=name, dtype=dtype)
        self._direction = "up"
        if average not in (None, "micro", "macro", "weighted"):
            raise ValueError(
                "Invalid `average` argument value. Expected one of: "
                "{None, 'micro', 'macro', 'weighted'}. "
                f"Received: average={average}"
            )
        if not isinstance(beta, float):
            raise ValueError(
                "Invalid `beta` argument value. It should be a Python float. "
                f"Received: beta={beta} of type '{type(beta)}'"
            )
        if beta <= 0.0:
            raise ValueError(
                f"Invalid `beta` argument value. It should be > 0. Received: beta={beta}"
            )
        if threshold is not None:
            if not isinstance(threshold, float):
                raise ValueError(
                    "Invalid `threshold` argument value. It should be a Python float. "
                    f"Received: threshold={threshold} of type '{type(threshold)}'"
                )
            if threshold > 1.0 or threshold <= 0.0:
                raise ValueError(
                    "Invalid `threshold` argument value. It should verify 0 < threshold <= 1. "
                    f"Received: threshold={threshold}"
                )
        self.average = average
        self.beta = beta
        self.threshold = threshold
        # Per-class counts, except for "micro" which counts over everything.
        self.axis = None if average == "micro" else 0
        self._built = False

    def _build(self, y_true_shape, y_pred_shape):
        if len(y_pred_shape) != 2 or len(y_true_shape) != 2:
            raise ValueError(
                "FBetaScore expects 2D inputs with shape "
                "(batch_size, output_dim). Received input "
                f"shapes: y_pred.shape={tuple(y_pred_shape)} and "
                f"y_true.shape={tuple(y_true_shape)}."
            )
        num_classes = y_pred_shape[-1]
        shape = () if self.average == "micro" else (num_classes,)
        def zeros_variable(name):
            return self.add_variable(shape, "zeros", dtype=self.dtype, name=name)

        self.true_positives = zeros_variable("true_positives")
        self.false_positives = zeros_variable("false_positives")
        self.false_negatives = zeros_variable("false_negatives")
        self.intermediate_weights = zeros_variable("intermediate_weights")
        self._built = True

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Accumulate true positives, false positives, false negatives and class supports.

        Args:
            y_true: The ground truth values, `(batch_size, num_classes)`.
            y_pred: The predicted values, `(batch_size, num_classes)`.
            sample_weight: Optional per-sample weights, `(batch_size,)`. Defaults to `1`.
        """
        with torch.no_grad():
            y_pred = _helpers.as_tensor(y_pred, self._torch_dtype)
            y_true = _helpers.as_tensor(y_true, self._torch_dtype, like=y_pred)
            if not self._built:
                self._build(y_true.shape, y_pred.shape)
            device = self.true_positives.device
            y_pred = y_pred.to(device)
            y_true = y_true.to(device)
            if self.threshold is None:
                # The largest prediction of each row is 1; a row of zeros stays zeros.
                threshold = y_pred.max(dim=-1, keepdim=True).values
                y_pred = (y_pred >= threshold) & (torch.abs(y_pred) > 1e-9)
            else:
                y_pred = y_pred > self.threshold
            y_pred = y_pred.to(self._torch_dtype)
            if sample_weight is not None:
                sample_weight = _helpers.as_tensor(sample_weight, self._torch_dtype, like=y_pred)
                sample_weight = sample_weight.unsqueeze(1)

            def weighted_sum(values):
                if sample_weight is not None:
                    values = values * sample_weight
                if self.axis is None:
                    return values.sum()
                return values.sum(dim=self.axis)

            self.true_positives.add_(weighted_sum(y_pred * y_true))
            self.false_positives.add_(weighted_sum(y_pred * (1 - y_true)))
            self.false_negatives.add_(weighted_sum((1 - y_pred) * y_true))
            self.intermediate_weights.add_(weighted_sum(y_true))

    def result(self):
        if not self._built:
            # Nothing seen yet (Keras raises here, as its state does not exist yet).
            return torch.zeros((), dtype=self._torch_dtype, device=backend.get_device())
        epsilon = backend.epsilon()
        tp = self.true_positives.detach()
        precision = tp / (tp + self.false_positives.detach() + epsilon)
        recall = tp / (tp + self.false_negatives.detach() + epsilon)
        beta_sq = self.beta**2
        mean = (precision * recall) / ((beta_sq * precision) + recall + epsilon)
        f_score = mean * (1 + beta_sq)
        if self.average == "weighted":
            support = self.intermediate_weights.detach()
            weights = support / (support.sum() + epsilon)
            f_score = (f_score * weights).sum()
        elif self.average is not None:  # "micro" or "macro"
            f_score = f_score.mean()
        return f_score

    def get_config(self):
        return {
            **super().get_config(),
            "average": self.average,
            "beta": self.beta,
            "threshold": self.threshold,
        }


class F1Score(FBetaScore):
    """Computes the F-1 score.

    `2 * precision * recall / (precision + recall)`, the harmonic mean of precision and
    recall, for multi-class and multi-label classification. Inputs are
    `(batch_size, num_classes)`.

    Args:
        average: How to average over classes: `None` (one score per class), `"micro"`,
            `"macro"` or `"weighted"` (see `FBetaScore`). Defaults to `None`.
        threshold: Predictions greater than `threshold` count as 1, the others as 0; with
            `None`, the largest prediction of each row counts as 1. Defaults to `None`.
        name: Name of the metric instance. Defaults to `"f1_score"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.F1Score(threshold=0.5)
    >>> m.update_state(np.array([[1, 1, 1], [1, 0, 0], [1, 1, 0]]),
    ...                np.array([[0.2, 0.6, 0.7], [0.2, 0.6, 0.6], [0.6, 0.8, 0.0]]))
    >>> m.result()
    tensor([0.5000, 0.8000, 0.6667])
    """

    def __init__(self, average=None, threshold=None, name="f1_score", dtype=None):
        super().__init__(average=average, beta=1.0, threshold=threshold, name=name, dtype=dtype)

    def get_config(self):
        config = super().get_config()
        del config["beta"]
        return config
