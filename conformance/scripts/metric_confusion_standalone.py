"""Confusion-matrix metrics used directly: counts, precision, recall and the `...At...` metrics.

Several `update_state` batches with and without `sample_weight`, then `reset_state`. Binary
data (with predictions exactly on thresholds) and multi-class data for `top_k`/`class_id`.
"""

import numpy as np

import keras

SEED = 1101
rng = np.random.default_rng(SEED)


def value(x):
    return np.asarray(keras.ops.convert_to_numpy(x), dtype="float64").tolist()


def run(metric, y_true, y_pred, weights=None):
    values = []
    for i in range(len(y_true)):
        kwargs = {} if weights is None else {"sample_weight": weights[i]}
        metric.update_state(y_true[i], y_pred[i], **kwargs)
        values.append(value(metric.result()))
    metric.reset_state()
    values.append(value(metric.result()))
    return values


bin_true = [(rng.random((10, 1)) < 0.5).astype("float32") for _ in range(3)]
bin_pred = [rng.random((10, 1)).astype("float32") for _ in range(3)]
bin_pred[0][:3, 0] = [0.0, 0.5, 1.0]
bin_w = [rng.random(10).astype("float32") for _ in range(3)]
cls_true = [np.eye(4, dtype="float32")[rng.integers(0, 4, 8)] for _ in range(3)]
cls_pred = [rng.dirichlet(np.ones(4), size=8).astype("float32") for _ in range(3)]
cls_w = [rng.random(8).astype("float32") for _ in range(3)]

M = keras.metrics
binary = {
    "true_positives": lambda: M.TruePositives(),
    "false_positives": lambda: M.FalsePositives(thresholds=[0.0, 0.5, 1.0]),
    "true_negatives": lambda: M.TrueNegatives(thresholds=[0.2, 0.45, 0.9]),
    "false_negatives": lambda: M.FalseNegatives(thresholds=[0.0, 0.25, 0.5, 0.75, 1.0]),
    "precision": lambda: M.Precision(),
    "precision_thresholds": lambda: M.Precision(thresholds=[0.3, 0.7]),
    "recall": lambda: M.Recall(),
    "recall_thresholds": lambda: M.Recall(thresholds=[0.3, 0.7]),
    "sensitivity_at_specificity": lambda: M.SensitivityAtSpecificity(0.5),
    "specificity_at_sensitivity": lambda: M.SpecificityAtSensitivity(0.6, num_thresholds=50),
    "precision_at_recall": lambda: M.PrecisionAtRecall(0.4),
    "recall_at_precision": lambda: M.RecallAtPrecision(0.5),
}
multiclass = {
    "precision_top_k": lambda: M.Precision(top_k=2),
    "recall_top_k": lambda: M.Recall(top_k=1),
    "precision_class_id": lambda: M.Precision(class_id=2),
    "recall_class_id": lambda: M.Recall(class_id=0, thresholds=[0.1, 0.3]),
    "precision_at_recall_class_id": lambda: M.PrecisionAtRecall(0.5, class_id=1),
}

results = {}
for name, make in binary.items():
    results[name] = run(make(), bin_true, bin_pred)
    results[name + "_weighted"] = run(make(), bin_true, bin_pred, bin_w)
for name, make in multiclass.items():
    results[name] = run(make(), cls_true, cls_pred)
    results[name + "_weighted"] = run(make(), cls_true, cls_pred, cls_w)
config = M.Precision(thresholds=[0.3, 0.7], top_k=2, class_id=1, name="p").get_config()
results["config"] = {k: v for k, v in config.items() if k != "thresholds"}
results["config_thresholds"] = config["thresholds"]
