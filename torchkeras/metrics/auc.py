"""`AUC`: the area under the ROC or precision-recall curve, approximated over thresholds."""

import numpy as np
import torch

from torchkeras import backend
from torchkeras.losses import _helpers
from torchkeras.metrics import metrics_utils
from torchkeras.metrics.metric import Metric

_CM = metrics_utils.ConfusionMatrix


class AUC(Metric):
    """Approximates the AUC (area under the curve) of the ROC or PR curves.

    TP, FP, TN and FN are counted at `num_thresholds` thresholds evenly spaced over `[0, 1]`
    (plus `-epsilon` and `1 + epsilon` at the ends, so that predictions of exactly 0 and 1 are
    counted); the curve through those points is integrated with a Riemann sum. For
    `curve="PR"` with `summation_method="interpolation"`, the counts (not the precision) are
    interpolated linearly between thresholds (Davis & Goadrich, 2006).

    The quality of the approximation depends on `num_thresholds`; predictions should be
    probabilities in `[0, 1]` (or logits with `from_logits=True`).

    Args:
        num_thresholds: The number of thresholds to use, > 1. Defaults to `200`.
        curve: `"ROC"`, `"PR"` (precision-recall) or `"PRGAIN"` (precision-recall-gain).
            Defaults to `"ROC"`.
        summation_method: `"interpolation"` (mid-point sums; see above for PR),
            `"minoring"` (lower sums) or `"majoring"` (upper sums). Defaults to
            `"interpolation"`.
        name: Name of the metric instance. Defaults to `"auc"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).
        thresholds: Optional list of thresholds in `[0, 1]`, used instead of
            `num_thresholds` (which becomes `len(thresholds) + 2`). Defaults to `None`.
        multi_label: Whether the second axis of the inputs holds separate labels, whose AUCs
            are computed separately and averaged; otherwise everything is flattened into one
            binary problem. Defaults to `False`.
        num_labels: The number of labels with `multi_label=True`; when `None`, the state is
            created at the first `update_state`. Defaults to `None`.
        label_weights: Optional non-negative weights of the labels: with `multi_label`, the
            weights of the label AUCs in the average; otherwise weights of the flattened
            entries. Defaults to `None`.
        from_logits: Whether the predictions are logits (a sigmoid is applied first).
            Defaults to `False`.

    Example:

    >>> m = keras.metrics.AUC(num_thresholds=3)
    >>> m.update_state([0, 0, 1, 1], [0, 0.5, 0.3, 0.9])
    >>> m.result()
    tensor(0.7500)
    """

    def __init__(
        self,
        num_thresholds=200,
        curve="ROC",
        summation_method="interpolation",
        name=None,
        dtype=None,
        thresholds=None,
        multi_label=False,
        num_labels=None,
        label_weights=None,
        from_logits=False,
    ):
        self._direction = "up"
        self._init_from_thresholds = thresholds is not None
        if thresholds is not None:
            # Keras does not check these; out-of-range thresholds cannot be reached by
            # probabilities, so they are refused with the text of the other threshold metrics.
            metrics_utils.assert_thresholds_range(metrics_utils.to_list(thresholds))
            self.num_thresholds = len(thresholds) + 2
            thresholds = sorted(float(t) for t in thresholds)
            self._thresholds_distributed_evenly = metrics_utils.is_evenly_distributed_thresholds(
                np.array([0.0] + thresholds + [1.0])
            )
        else:
            if num_thresholds <= 1:
                raise ValueError(
                    "Argument `num_thresholds` must be an integer > 1. "
                    f"Received: num_thresholds={num_thresholds}"
                )
            self.num_thresholds = num_thresholds
            thresholds = [(i + 1) * 1.0 / (num_thresholds - 1) for i in range(num_thresholds - 2)]
            self._thresholds_distributed_evenly = True
        epsilon = backend.epsilon()
        self._thresholds = [0.0 - epsilon] + thresholds + [1.0 + epsilon]

        if isinstance(curve, metrics_utils.AUCCurve):
            self.curve = curve
        else:
            self.curve = metrics_utils.AUCCurve.from_str(curve)
        if isinstance(summation_method, metrics_utils.AUCSummationMethod):
            self.summation_method = summation_method
        else:
            self.summation_method = metrics_utils.AUCSummationMethod.from_str(summation_method)
        super().__init__(name=name, dtype=dtype)

        self.multi_label = multi_label
        self.num_labels = num_labels
        if label_weights is not None:
            self.label_weights = _helpers.as_tensor(label_weights, self._torch_dtype)
            if self.label_weights.device != backend.get_device():
                self.label_weights = self.label_weights.to(backend.get_device())
        else:
            self.label_weights = None
        self._from_logits = from_logits
        self._counter = metrics_utils.ConfusionMatrixCounter(
            self._thresholds, self._thresholds_distributed_evenly
        )
        self._built = False
        if self.multi_label:
            if num_labels:
                self._build([None, num_labels])
        else:
            if num_labels:
                raise ValueError("`num_labels` is needed only when `multi_label` is True.")
            self._build(None)

    @property
    def thresholds(self):
        """The thresholds used for evaluating AUC."""
        return list(self._thresholds)

    def _build(self, shape):
        """Create the TP, FP, TN and FN variables for inputs of `shape`."""
        if self.multi_label:
            if len(shape) != 2:
                raise ValueError(
                    "`y_pred` must have rank 2 when `multi_label=True`. "
                    f"Found rank {len(shape)}. "
                    f"Full shape received for `y_pred`: {tuple(shape)}"
                )
            self._num_labels = shape[1]
            variable_shape = (self.num_thresholds, self._num_labels)
        else:
            variable_shape = (self.num_thresholds,)
        self._build_input_shape = shape
        self.true_positives = self.add_variable(variable_shape, "zeros", name="true_positives")
        self.false_positives = self.add_variable(variable_shape, "zeros", name="false_positives")
        self.true_negatives = self.add_variable(variable_shape, "zeros", name="true_negatives")
        self.false_negatives = self.add_variable(variable_shape, "zeros", name="false_negatives")
        self._variables_to_update = {
            _CM.TRUE_POSITIVES: self.true_positives,
            _CM.TRUE_NEGATIVES: self.true_negatives,
            _CM.FALSE_POSITIVES: self.false_positives,
            _CM.FALSE_NEGATIVES: self.false_negatives,
        }
        self._built = True

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Accumulate the confusion matrix counts.

        Args:
            y_true: The ground truth values (non-zero is positive).
            y_pred: The predicted values (probabilities, or logits with `from_logits`).
            sample_weight: Optional weights, of rank 0 or broadcastable to `y_true`.
                Defaults to `1`.
        """
        if not self._built:
            y_pred = _helpers.as_tensor(y_pred, self._torch_dtype)
            self._build(tuple(y_pred.shape))
        if self._from_logits:
            y_pred = torch.sigmoid(_helpers.as_tensor(y_pred, self._torch_dtype))
        # With multi_label the label weights weight the label AUCs in `result` instead.
        self._counter.update(
            self._variables_to_update,
            y_true,
            y_pred,
            sample_weight=sample_weight,
            multi_label=self.multi_label,
            label_weights=None if self.multi_label else self.label_weights,
        )

    def _average_over_labels(self, by_threshold):
        """Sum the per-interval terms; with multi_label, average the label AUCs."""
        if not self.multi_label:
            return by_threshold.sum()
        by_label_auc = by_threshold.sum(dim=0)
        if self.label_weights is None:
            return by_label_auc.mean()
        label_weights = self.label_weights.to(by_label_auc.device)
        return _helpers.divide_no_nan((by_label_auc * label_weights).sum(), label_weights.sum())

    def interpolate_pr_auc(self):
        """The PR AUC with true and false positives interpolated linearly between thresholds.

        Within an interval `[A, B]` the precision is `TP / P` with `P = TP + FP` and
        `TP = TP_A + slope * (P - P_A)`; its integral over the recall is
        `slope * (dTP + intercept * log(P_B / P_A)) / (TP_B + FN_B)` with
        `intercept = TP_B - slope * P_B`. Intervals with `P_A == 0` use a constant precision.
        """
        n = self.num_thresholds
        tp = self.true_positives.detach()
        fp = self.false_positives.detach()
        fn = self.false_negatives.detach()
        dtp = tp[: n - 1] - tp[1:]
        p = tp + fp
        dp = p[: n - 1] - p[1:]
        prec_slope = _helpers.divide_no_nan(dtp, torch.clamp_min(dp, 0))
        intercept = tp[1:] - prec_slope * p[1:]
        safe_p_ratio = torch.where(
            (p[: n - 1] > 0) & (p[1:] > 0),
            _helpers.divide_no_nan(p[: n - 1], torch.clamp_min(p[1:], 0)),
            torch.ones_like(p[1:]),
        )
        pr_auc_increment = _helpers.divide_no_nan(
            prec_slope * (dtp + intercept * torch.log(safe_p_ratio)),
            torch.clamp_min(tp[1:] + fn[1:], 0),
        )
        return self._average_over_labels(pr_auc_increment)

    def result(self):
        curves = metrics_utils.AUCCurve
        summation = metrics_utils.AUCSummationMethod
        if self.curve == curves.PR and self.summation_method == summation.INTERPOLATION:
            return self.interpolate_pr_auc()
        n = self.num_thresholds
        tp = self.true_positives.detach()
        fp = self.false_positives.detach()
        tn = self.true_negatives.detach()
        fn = self.false_negatives.detach()
        recall = _helpers.divide_no_nan(tp, tp + fn)
        if self.curve == curves.ROC:
            x = _helpers.divide_no_nan(fp, fp + tn)  # false positive rate
            y = recall
        elif self.curve == curves.PR:
            x = recall
            y = _helpers.divide_no_nan(tp, tp + fp)  # precision
        else:
            # PR gain. Without true positives the recall gain is 0 and the precision gain 1; a
            # negative recall gain (recall below the positive rate) is clipped to 0.
            scaling = _helpers.divide_no_nan(tp + fn, tn + fp)
            recall_gain = 1.0 - scaling * _helpers.divide_no_nan(fn, tp)
            precision_gain = 1.0 - scaling * _helpers.divide_no_nan(fp, tp)
            no_tp = tp == 0.0
            recall_gain = torch.where(no_tp, torch.zeros_like(recall_gain), recall_gain)
            precision_gain = torch.where(no_tp, torch.ones_like(precision_gain), precision_gain)
            x = torch.clamp_min(recall_gain, 0.0)
            y = precision_gain

        if self.summation_method == summation.INTERPOLATION:
            heights = (y[: n - 1] + y[1:]) / 2.0
        elif self.summation_method == summation.MINORING:
            heights = torch.minimum(y[: n - 1], y[1:])
        else:
            heights = torch.maximum(y[: n - 1], y[1:])
        riemann_terms = (x[: n - 1] - x[1:]) * heights
        return self._average_over_labels(riemann_terms)

    def reset_state(self):
        if self._built:
            super().reset_state()

    def get_config(self):
        config = {
            **super().get_config(),
            "num_thresholds": self.num_thresholds,
            "curve": self.curve.value,
            "summation_method": self.summation_method.value,
            "multi_label": self.multi_label,
            "num_labels": self.num_labels,
            # A list (Keras gives the tensor itself), so that the config is plain JSON.
            "label_weights": (
                None if self.label_weights is None else self.label_weights.tolist()
            ),
            "from_logits": self._from_logits,
        }
        if self._init_from_thresholds:
            # Without the end points, so that the config recreates the same thresholds.
            config["thresholds"] = self.thresholds[1:-1]
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        label_weights = config.get("label_weights")
        if isinstance(label_weights, dict) and label_weights.get("class_name") == "__tensor__":
            # A tensor as real Keras serializes it.
            config["label_weights"] = label_weights["config"]["value"]
        return cls(**config)
