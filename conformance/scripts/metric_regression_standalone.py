"""`R2Score`, `PearsonCorrelation` and `ConcordanceCorrelation` (and their functions) used
directly, over several batches with and without `sample_weight`."""

import numpy as np

import keras

SEED = 1104
rng = np.random.default_rng(SEED)


def value(x):
    return np.asarray(keras.ops.convert_to_numpy(x), dtype="float64").tolist()


def run(metric, y_true, y_pred, weights=None):
    values = []
    for i in range(len(y_true)):
        kwargs = {} if weights is None else {"sample_weight": weights[i]}
        metric.update_state(y_true[i], y_pred[i], **kwargs)
        values.append(value(metric.result()))
    return values


y_true = [rng.normal(size=(8, 3)).astype("float32") for _ in range(3)]
y_pred = [(t + 0.7 * rng.normal(size=(8, 3))).astype("float32") for t in y_true]
w = [rng.random(8).astype("float32") for _ in range(3)]

M = keras.metrics
results = {}
for name, make in {
    "r2": lambda: M.R2Score(),
    "r2_variance_weighted": lambda: M.R2Score(class_aggregation="variance_weighted_average"),
    "r2_raw": lambda: M.R2Score(class_aggregation=None),
    "r2_adjusted": lambda: M.R2Score(num_regressors=3),
    "pearson": lambda: M.PearsonCorrelation(),
    "concordance": lambda: M.ConcordanceCorrelation(),
}.items():
    results[name] = run(make(), y_true, y_pred)
    results[name + "_sw"] = run(make(), y_true, y_pred, w)
# Along the batch axis the values are per column: no per-sample weights.
results["pearson_axis_0"] = run(M.PearsonCorrelation(axis=0), y_true, y_pred)
results["pearson_fn"] = value(M.pearson_correlation(y_true[0], y_pred[0]))
results["concordance_fn"] = value(M.concordance_correlation(y_true[0], y_pred[0], axis=0))
