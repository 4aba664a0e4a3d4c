"""`F1Score`, `FBetaScore` and the IoU metrics used directly, over several batches with and
without `sample_weight`."""

import numpy as np

import keras

SEED = 1103
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


ml_true = [(rng.random((8, 3)) < 0.5).astype("float32") for _ in range(3)]
ml_pred = [rng.random((8, 3)).astype("float32") for _ in range(3)]
w8 = [rng.random(8).astype("float32") for _ in range(3)]
ids_true = [rng.integers(0, 3, 8) for _ in range(3)]
ids_pred = [rng.integers(0, 3, 8) for _ in range(3)]
int_w = [rng.integers(0, 4, 8) for _ in range(3)]
one_hot = [np.eye(3, dtype="float32")[t] for t in ids_true]
bin_true = [(rng.random(8) < 0.5).astype("float32") for _ in range(3)]

M = keras.metrics
results = {}
for name, make in {
    "f1": lambda: M.F1Score(),
    "f1_micro": lambda: M.F1Score(average="micro", threshold=0.5),
    "f1_macro": lambda: M.F1Score(average="macro", threshold=0.3),
    "f1_weighted": lambda: M.F1Score(average="weighted"),
    "fbeta": lambda: M.FBetaScore(beta=2.0, threshold=0.5),
    "fbeta_macro": lambda: M.FBetaScore(average="macro", beta=0.5),
}.items():
    results[name] = run(make(), ml_true, ml_pred)
    results[name + "_sw"] = run(make(), ml_true, ml_pred, w8)
for name, make in {
    "iou": lambda: M.IoU(3, [0, 2]),
    "mean_iou": lambda: M.MeanIoU(3),
    "mean_iou_ignore": lambda: M.MeanIoU(3, ignore_class=0),
}.items():
    results[name] = run(make(), ids_true, ids_pred)
    results[name + "_sw"] = run(make(), ids_true, ids_pred, int_w)
results["mean_iou_float"] = run(M.MeanIoU(3, dtype="float32"), ids_true, ids_pred, w8)
results["one_hot_iou"] = run(M.OneHotIoU(3, [1, 2], dtype="float32"), one_hot, ml_pred, w8)
results["one_hot_mean_iou"] = run(M.OneHotMeanIoU(3), one_hot, ml_pred)
results["binary_iou"] = run(M.BinaryIoU(dtype="float32"), bin_true, [p[:, 0] for p in ml_pred], w8)
results["binary_iou_1"] = run(M.BinaryIoU([1], threshold=0.7), bin_true, [p[:, 0] for p in ml_pred])
results["config"] = M.OneHotIoU(3, [1], name="iou", ignore_class=2).get_config()
