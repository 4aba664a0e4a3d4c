"""Metrics counted from a confusion matrix at thresholds: true/false positives/negatives,
precision, recall, and sensitivity/specificity/precision/recall at a fixed value of the other.

(`AUC` lives in `auc.py`.)
"""

import torch

from torchkeras.losses import _helpers
from torchkeras.metrics import metrics_utils
from torchkeras.metrics.metric import Metric

_CM = metrics_utils.ConfusionMatrix


def _check_top_k(metric_name, top_k):
    # Keras accepts any `top_k` here and fails (or counts nothing) later, at update time.
    if top_k is not None and (isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 1):
        raise ValueError(
            f"{metric_name}: Argument `top_k` must be a positive integer or `None`. "
            f"Received: top_k={top_k}"
        )


class _ConfusionMatrixConditionCount(Metric):
    """Counts one confusion matrix condition (TP, FP, TN or FN) at each threshold.

    Args:
        confusion_matrix_cond: One of `metrics_utils.ConfusionMatrix`.
        thresholds: A float, or a list/tuple of floats in `[0, 1]`. Defaults to `0.5`.
        name: Name of the metric instance.
        dtype: Data type of the metric result.
    """

    def __init__(self, confusion_matrix_cond, thresholds=None, name=None, dtype=None):
        super().__init__(name=name, dtype=dtype)
        self._confusion_matrix_cond = confusion_matrix_cond
        self.init_thresholds = thresholds
        self.thresholds = metrics_utils.parse_init_thresholds(thresholds, default_threshold=0.5)
        self._thresholds_distributed_evenly = metrics_utils.is_evenly_distributed_thresholds(
            self.thresholds
        )
        self._counter = metrics_utils.ConfusionMatrixCounter(
            self.thresholds, self._thresholds_distributed_evenly
        )
        self.accumulator = self.add_variable(
            shape=(len(self.thresholds),), initializer="zeros", name="accumulator"
        )

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Accumulate the condition's (weighted) count.

        Args:
            y_true: The ground truth values (non-zero is positive).
            y_pred: The predicted values, compared with the thresholds.
            sample_weight: Optional weights, of rank 0 or broadcastable to `y_true`.
                Defaults to `1`.
        """
        self._counter.update(
            {self._confusion_matrix_cond: self.accumulator},
            y_true,
            y_pred,
            sample_weight=sample_weight,
        )

    def result(self):
        value = self.accumulator.detach()
        value = value[0] if len(self.thresholds) == 1 else value
        return value.clone()

    def get_config(self):
        return {**super().get_config(), "thresholds": self.init_thresholds}


class FalsePositives(_ConfusionMatrixConditionCount):
    """Calculates the number of false positives.

    With `sample_weight`, the sum of the weights of the false positives. Use a weight of 0 to
    mask values.

    Args:
        thresholds: A float, or a list/tuple of floats in `[0, 1]`. A prediction above a
            threshold counts as positive. One value is computed per threshold. Use `0` with
            logits. Defaults to `0.5`.
        name: Name of the metric instance. Defaults to `"false_positives"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.FalsePositives()
    >>> m.update_state([0, 1, 0, 0], [0, 0, 1, 1])
    >>> m.result()
    tensor(2.)
    """

    def __init__(self, thresholds=None, name=None, dtype=None):
        super().__init__(_CM.FALSE_POSITIVES, thresholds=thresholds, name=name, dtype=dtype)


class FalseNegatives(_ConfusionMatrixConditionCount):
    """Calculates the number of false negatives.

    With `sample_weight`, the sum of the weights of the false negatives. Use a weight of 0 to
    mask values.

    Args:
        thresholds: A float, or a list/tuple of floats in `[0, 1]`. A prediction above a
            threshold counts as positive. One value is computed per threshold. Use `0` with
            logits. Defaults to `0.5`.
        name: Name of the metric instance. Defaults to `"false_negatives"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.FalseNegatives()
    >>> m.update_state([0, 1, 1, 1], [0, 1, 0, 0])
    >>> m.result()
    tensor(2.)
    """

    def __init__(self, thresholds=None, name=None, dtype=None):
        super().__init__(_CM.FALSE_NEGATIVES, thresholds=thresholds, name=name, dtype=dtype)


class TrueNegatives(_ConfusionMatrixConditionCount):
    """Calculates the number of true negatives.

    With `sample_weight`, the sum of the weights of the true negatives. Use a weight of 0 to
    mask values.

    Args:
        thresholds: A float, or a list/tuple of floats in `[0, 1]`. A prediction above a
            threshold counts as positive. One value is computed per threshold. Use `0` with
            logits. Defaults to `0.5`.
        name: Name of the metric instance. Defaults to `"true_negatives"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.TrueNegatives()
    >>> m.update_state([0, 1, 0, 0], [1, 1, 0, 0])
    >>> m.result()
    tensor(2.)
    """

    def __init__(self, thresholds=None, name=None, dtype=None):
        super().__init__(_CM.TRUE_NEGATIVES, thresholds=thresholds, name=name, dtype=dtype)


class TruePositives(_ConfusionMatrixConditionCount):
    """Calculates the number of true positives.

    With `sample_weight`, the sum of the weights of the true positives. Use a weight of 0 to
    mask values.

    Args:
        thresholds: A float, or a list/tuple of floats in `[0, 1]`. A prediction above a
            threshold counts as positive. One value is computed per threshold. Use `0` with
            logits. Defaults to `0.5`.
        name: Name of the metric instance. Defaults to `"true_positives"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.TruePositives()
    >>> m.update_state([0, 1, 1, 1], [1, 0, 1, 1])
    >>> m.result()
    tensor(2.)
    """

    def __init__(self, thresholds=None, name=None, dtype=None):
        super().__init__(_CM.TRUE_POSITIVES, thresholds=thresholds, name=name, dtype=dtype)


class _PrecisionRecallBase(Metric):
    """Shared state and update of `Precision` and `Recall`: true positives and one other count."""

    _other = None  # (ConfusionMatrix key, variable name)

    def __init__(self, thresholds=None, top_k=None, class_id=None, name=None, dtype=None):
        super().__init__(name=name, dtype=dtype)
        self._direction = "up"
        _check_top_k(type(self).__name__, top_k)
        self.init_thresholds = thresholds
        self.top_k = top_k
        self.class_id = class_id
        # With top_k, every prediction kept in the top k counts as positive.
        default_threshold = 0.5 if top_k is None else metrics_utils.NEG_INF
        self.thresholds = metrics_utils.parse_init_thresholds(
            thresholds, default_threshold=default_threshold
        )
        self._thresholds_distributed_evenly = metrics_utils.is_evenly_distributed_thresholds(
            self.thresholds
        )
        self._counter = metrics_utils.ConfusionMatrixCounter(
            self.thresholds, self._thresholds_distributed_evenly
        )
        num_thresholds = len(self.thresholds)
        self.true_positives = self.add_variable(
            shape=(num_thresholds,), initializer="zeros", name="true_positives"
        )
        key, variable_name = self._other
        self._other_variable = self.add_variable(
            shape=(num_thresholds,), initializer="zeros", name=variable_name
        )
        # `false_positives` (Precision) or `false_negatives` (Recall), as Keras names it.
        setattr(self, variable_name, self._other_variable)
        self._variables_to_update = {
            _CM.TRUE_POSITIVES: self.true_positives,
            key: self._other_variable,
        }

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Accumulate true positives and the other count.

        Args:
            y_true: The ground truth values (non-zero is positive).
            y_pred: The predicted values, compared with the thresholds.
            sample_weight: Optional weights, of rank 0 or broadcastable to `y_true`.
                Defaults to `1`.
        """
        self._counter.update(
            self._variables_to_update,
            y_true,
            y_pred,
            sample_weight=sample_weight,
            top_k=self.top_k,
            class_id=self.class_id,
        )

    def result(self):
        tp = self.true_positives.detach()
        result = _helpers.divide_no_nan(tp, tp + self._other_variable.detach())
        return result[0] if len(self.thresholds) == 1 else result

    def get_config(self):
        return {
            **super().get_config(),
            "thresholds": self.init_thresholds,
            "top_k": self.top_k,
            "class_id": self.class_id,
        }


class Precision(_PrecisionRecallBase):
    """Computes the precision of the predictions with respect to the labels.

    `true_positives / (true_positives + false_positives)`, each weighted by `sample_weight`
    (a weight of 0 masks a value).

    With `top_k`, only the `top_k` highest predictions of each row count as positive. With
    `class_id`, only that class (last axis) is considered.

    Args:
        thresholds: A float, or a list/tuple of floats in `[0, 1]`. A prediction above a
            threshold counts as positive. One value is computed per threshold. Use `0` with
            logits. Defaults to `None`: `0.5`, or no threshold with `top_k`.
        top_k: The number of top predictions to consider. Defaults to `None`.
        class_id: Integer class id for which to compute binary precision. Defaults to `None`.
        name: Name of the metric instance. Defaults to `"precision"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.Precision()
    >>> m.update_state([0, 1, 1, 1], [1, 0, 1, 1])
    >>> m.result()
    tensor(0.6667)
    """

    _other = (_CM.FALSE_POSITIVES, "false_positives")


class Recall(_PrecisionRecallBase):
    """Computes the recall of the predictions with respect to the labels.

    `true_positives / (true_positives + false_negatives)`, each weighted by `sample_weight`
    (a weight of 0 masks a value).

    With `top_k`, only the `top_k` highest predictions of each row count as positive. With
    `class_id`, only that class (last axis) is considered.

    Args:
        thresholds: A float, or a list/tuple of floats in `[0, 1]`. A prediction above a
            threshold counts as positive. One value is computed per threshold. Use `0` with
            logits. Defaults to `None`: `0.5`, or no threshold with `top_k`.
        top_k: The number of top predictions to consider. Defaults to `None`.
        class_id: Integer class id for which to compute binary recall. Defaults to `None`.
        name: Name of the metric instance. Defaults to `"recall"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.Recall()
    >>> m.update_state([0, 1, 1, 1], [1, 0, 1, 1])
    >>> m.result()
    tensor(0.6667)
    """

    _other = (_CM.FALSE_NEGATIVES, "false_negatives")


class SensitivitySpecificityBase(Metric):
    """Base of the metrics that maximize one rate subject to a minimum value of another.

    Counts TP, FP, TN and FN at `num_thresholds` evenly spaced thresholds over `[0, 1]`.

    Args:
        value: The constraint value, in `[0, 1]`.
        num_thresholds: Number of thresholds. Defaults to `200`.
        class_id: Integer class id to consider. Defaults to `None`.
        name: Name of the metric instance.
        dtype: Data type of the metric result.
    """

    def __init__(self, value, num_thresholds=200, class_id=None, name=None, dtype=None):
        super().__init__(name=name, dtype=dtype)
        self._direction = "up"
        if num_thresholds <= 0:
            raise ValueError(
                "Argument `num_thresholds` must be an integer > 0. "
                f"Received: num_thresholds={num_thresholds}"
            )
        self.value = value
        self.class_id = class_id
        if num_thresholds == 1:
            self.thresholds = [0.5]
            self._thresholds_distributed_evenly = False
        else:
            inner = [(i + 1) * 1.0 / (num_thresholds - 1) for i in range(num_thresholds - 2)]
            self.thresholds = [0.0] + inner + [1.0]
            self._thresholds_distributed_evenly = True
        self._counter = metrics_utils.ConfusionMatrixCounter(
            self.thresholds, self._thresholds_distributed_evenly
        )
        shape = (len(self.thresholds),)
        self.true_positives = self.add_variable(shape, initializer="zeros", name="true_positives")
        self.false_positives = self.add_variable(shape, initializer="zeros", name="false_positives")
        self.true_negatives = self.add_variable(shape, initializer="zeros", name="true_negatives")
        self.false_negatives = self.add_variable(shape, initializer="zeros", name="false_negatives")

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Accumulate the confusion matrix counts.

        Args:
            y_true: The ground truth values (non-zero is positive).
            y_pred: The predicted values.
            sample_weight: Optional weights, of rank 0 or broadcastable to `y_true`.
                Defaults to `1`.
        """
        self._counter.update(
            {
                _CM.TRUE_POSITIVES: self.true_positives,
                _CM.TRUE_NEGATIVES: self.true_negatives,
                _CM.FALSE_POSITIVES: self.false_positives,
                _CM.FALSE_NEGATIVES: self.false_negatives,
            },
            y_true,
            y_pred,
            sample_weight=sample_weight,
            class_id=self.class_id,
        )

    def get_config(self):
        return {**super().get_config(), "class_id": self.class_id}

    def _rates(self):
        tp = self.true_positives.detach()
        fp = self.false_positives.detach()
        tn = self.true_negatives.detach()
        fn = self.false_negatives.detach()
        return {
            "sensitivity": _helpers.divide_no_nan(tp, tp + fn),  # = recall
            "specificity": _helpers.divide_no_nan(tn, tn + fp),
            "precision": _helpers.divide_no_nan(tp, tp + fp),
        }

    def _find_max_under_constraint(self, constrained, dependent):
        """The largest `dependent` value among thresholds where `constrained >= value`, or 0."""
        feasible = constrained >= self.value
        best = torch.where(feasible, dependent, torch.zeros_like(dependent)).max()
        return torch.clamp_min(best, 0)


def _check_unit_range(argument, value):
    if value < 0 or value > 1:
        raise ValueError(
            f"Argument `{argument}` must be in the range [0, 1]. Received: {argument}={value}"
        )


class SensitivityAtSpecificity(SensitivitySpecificityBase):
    """Computes the best sensitivity where specificity is >= a given value.

    `Sensitivity = TP / (TP + FN)`, `Specificity = TN / (TN + FP)`, evaluated at
    `num_thresholds` evenly spaced thresholds; the result is the largest sensitivity over the
    thresholds whose specificity reaches `specificity`.

    Args:
        specificity: A float in `[0, 1]`.
        num_thresholds: Number of thresholds to match the specificity with. Defaults to `200`.
        class_id: Integer class id for which to compute binary metrics. Defaults to `None`.
        name: Name of the metric instance. Defaults to `"sensitivity_at_specificity"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.SensitivityAtSpecificity(0.5)
    >>> m.update_state([0, 0, 0, 1, 1], [0, 0.3, 0.8, 0.3, 0.8])
    >>> m.result()
    tensor(0.5000)
    """

    def __init__(self, specificity, num_thresholds=200, class_id=None, name=None, dtype=None):
        _check_unit_range("specificity", specificity)
        self.specificity = specificity
        self.num_thresholds = num_thresholds
        super().__init__(
            specificity, num_thresholds=num_thresholds, class_id=class_id, name=name, dtype=dtype
        )

    def result(self):
        rates = self._rates()
        return self._find_max_under_constraint(rates["specificity"], rates["sensitivity"])

    def get_config(self):
        return {
            **super().get_config(),
            "num_thresholds": self.num_thresholds,
            "specificity": self.specificity,
        }


class SpecificityAtSensitivity(SensitivitySpecificityBase):
    """Computes the best specificity where sensitivity is >= a given value.

    `Sensitivity = TP / (TP + FN)`, `Specificity = TN / (TN + FP)`, evaluated at
    `num_thresholds` evenly spaced thresholds; the result is the largest specificity over the
    thresholds whose sensitivity reaches `sensitivity`.

    Args:
        sensitivity: A float in `[0, 1]`.
        num_thresholds: Number of thresholds to match the sensitivity with. Defaults to `200`.
        class_id: Integer class id for which to compute binary metrics. Defaults to `None`.
        name: Name of the metric instance. Defaults to `"specificity_at_sensitivity"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.SpecificityAtSensitivity(0.5)
    >>> m.update_state([0, 0, 0, 1, 1], [0, 0.3, 0.8, 0.3, 0.8])
    >>> m.result()
    tensor(0.6667)
    """

    def __init__(self, sensitivity, num_thresholds=200, class_id=None, name=None, dtype=None):
        _check_unit_range("sensitivity", sensitivity)
        self.sensitivity = sensitivity
        self.num_thresholds = num_thresholds
        super().__init__(
            sensitivity, num_thresholds=num_thresholds, class_id=class_id, name=name, dtype=dtype
        )

    def result(self):
        rates = self._rates()
        return self._find_max_under_constraint(rates["sensitivity"], rates["specificity"])

    def get_config(self):
        return {
            **super().get_config(),
            "num_thresholds": self.num_thresholds,
            "sensitivity": self.sensitivity,
        }


class PrecisionAtRecall(SensitivitySpecificityBase):
    """Computes the best precision where recall is >= a given value.

    Precision and recall are evaluated at `num_thresholds` evenly spaced thresholds; the result
    is the largest precision over the thresholds whose recall reaches `recall`.

    Args:
        recall: A float in `[0, 1]`.
        num_thresholds: Number of thresholds to match the recall with. Defaults to `200`.
        class_id: Integer class id for which to compute binary metrics. Defaults to `None`.
        name: Name of the metric instance. Defaults to `"precision_at_recall"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.PrecisionAtRecall(0.5)
    >>> m.update_state([0, 0, 0, 1, 1], [0, 0.3, 0.8, 0.3, 0.8])
    >>> m.result()
    tensor(0.5000)
    """

    def __init__(self, recall, num_thresholds=200, class_id=None, name=None, dtype=None):
        _check_unit_range("recall", recall)
        self.recall = recall
        self.num_thresholds = num_thresholds
        super().__init__(
            value=recall, num_thresholds=num_thresholds, class_id=class_id, name=name, dtype=dtype
        )

    def result(self):
        rates = self._rates()
        return self._find_max_under_constraint(rates["sensitivity"], rates["precision"])

    def get_config(self):
        return {
            **super().get_config(),
            "num_thresholds": self.num_thresholds,
            "recall": self.recall,
        }


class RecallAtPrecision(SensitivitySpecificityBase):
    """Computes the best recall where precision is >= a given value.

    Precision and recall are evaluated at `num_thresholds` evenly spaced thresholds; the result
    is the largest recall over the thresholds whose precision reaches `precision`.

    Args:
        precision: A float in `[0, 1]`.
        num_thresholds: Number of thresholds to match the precision with. Defaults to `200`.
        class_id: Integer class id for which to compute binary metrics. Defaults to `None`.
        name: Name of the metric instance. Defaults to `"recall_at_precision"`.
        dtype: Data type of the metric result. Defaults to `None` (`floatx()`).

    Example:

    >>> m = keras.metrics.RecallAtPrecision(0.8)
    >>> m.update_state([0, 0, 1, 1], [0, 0.5, 0.3, 0.9])
    >>> m.result()
    tensor(0.5000)
    """

    def __init__(self, precision, num_thresholds=200, class_id=None, name=None, dtype=None):
        _check_unit_range("precision", precision)
        self.precision = precision
        self.num_thresholds = num_thresholds
        super().__init__(
            value=precision,
            num_thresholds=num_thresholds,
            class_id=class_id,
            name=name,
            dtype=dtype,
        )

    def result(self):
        rates = self._rates()
        return self._find_max_under_constraint(rates["precision"], rates["sensitivity"])

    def get_config(self):
        return {
            **super().get_config(),
            "num_thresholds": self.num_thresholds,
            "precision": self.precision,
        }
