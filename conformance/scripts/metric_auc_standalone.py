"""`AUC` used directly: ROC/PR/PR-gain curves, summation methods, explicit thresholds,
multi-label with label weights, logits; several batches with and without `sample_weight`."""

import numpy as np

import keras

SEED = 1102
rng = np.random.default_rng(SEED)


def run(metric, y_true, y_pred, weights=None):
    values = []
    for i in range(len(y_true)):
        kwargs = {} if weights is None else {"sample_weight": weights[i]}
        metric.update_state(y_true[i], y_pred[i], **kwargs)
        values.append(float(metric.result()))
    metric.reset_state()
    values.append(float(metric.result()))
    return values


bin_true = [(rng.random((12, 1)) < 0.4).astype("float32") for _ in range(3)]
bin_pred = [rng.random((12, 1)).astype("float32") for _ in range(3)]
bin_pred[1][:2, 0] = [0.0, 1.0]
logits = [rng.normal(size=(12, 1)).astype("float32") * 2 for _ in range(3)]
bin_w = [rng.random(12).astype("float32") for _ in range(3)]
ml_true = [(rng.random((8, 3)) < 0.5).astype("float32") for _ in range(3)]
ml_pred = [rng.random((8, 3)).astype("float32") for _ in range(3)]
ml_w = [rng.random(8).astype("float32") for _ in range(3)]

M = keras.metrics
binary = {
    "roc": lambda: M.AUC(),
    "roc_10": lambda: M.AUC(num_thresholds=10),
    "roc_majoring": lambda: M.AUC(summation_method="majoring"),
    "pr": lambda: M.AUC(curve="PR"),
    "pr_minoring": lambda: M.AUC(curve="PR", summation_method="minoring"),
    "prgain": lambda: M.AUC(curve="PRGAIN"),
    "thresholds": lambda: M.AUC(thresholds=[0.2, 0.4, 0.9]),
}
multi = {
    "flattened": lambda: M.AUC(),
    "flattened_label_weights": lambda: M.AUC(label_weights=[0.5, 1.0, 2.0]),
    "multi_label": lambda: M.AUC(multi_label=True),
    "multi_label_pr": lambda: M.AUC(multi_label=True, num_labels=3, curve="PR"),
    "multi_label_weights": lambda: M.AUC(multi_label=True, label_weights=[0.5, 1.0, 2.0]),
}

results = {}
for name, make in binary.items():
    results[name] = run(make(), bin_true, bin_pred)
    results[name + "_weighted"] = run(make(), bin_true, bin_pred, bin_w)
for name, make in multi.items():
    results[name] = run(make(), ml_true, ml_pred)
    results[name + "_weighted"] = run(make(), ml_true, ml_pred, ml_w)
results["from_logits"] = run(M.AUC(from_logits=True), bin_true, logits, bin_w)
config = M.AUC(thresholds=[0.6, 0.2], curve="PR", name="pr_auc").get_config()
results["config"] = {k: (-1 if v is None else v) for k, v in config.items()}
