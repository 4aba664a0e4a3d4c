"""Metrics that average a loss-like function, used directly over several batches with and
without `sample_weight`: hinge, regression and probabilistic metrics."""

import numpy as np

import keras

SEED = 1107
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


sign_true = [rng.choice([-1.0, 1.0], size=(6, 3)).astype("float32") for _ in range(3)]
bin_true = [(rng.random((6, 3)) < 0.5).astype("float32") for _ in range(3)]
scores = [rng.normal(size=(6, 3)).astype("float32") for _ in range(3)]
labels = [rng.integers(0, 3, 6) for _ in range(3)]
one_hot = [np.eye(3, dtype="float32")[t] for t in labels]
probs = [rng.dirichlet(np.ones(3), size=6).astype("float32") for _ in range(3)]
positive_true = [rng.random((6, 3)).astype("float32") + 0.1 for _ in range(3)]
positive_pred = [rng.random((6, 3)).astype("float32") + 0.1 for _ in range(3)]
w = [rng.random(6).astype("float32") for _ in range(3)]

M = keras.metrics
cases = {
    "hinge": (M.Hinge, sign_true, scores),
    "hinge_binary_labels": (M.Hinge, bin_true, scores),
    "squared_hinge": (M.SquaredHinge, bin_true, scores),
    "categorical_hinge": (M.CategoricalHinge, one_hot, scores),
    "mse": (M.MeanSquaredError, scores, probs),
    "rmse": (M.RootMeanSquaredError, scores, probs),
    "mae": (M.MeanAbsoluteError, scores, probs),
    "mape": (M.MeanAbsolutePercentageError, positive_true, positive_pred),
    "msle": (M.MeanSquaredLogarithmicError, positive_true, positive_pred),
    "cosine": (M.CosineSimilarity, scores, probs),
    "logcosh": (M.LogCoshError, scores, probs),
    "kld": (M.KLDivergence, probs[::-1], probs),
    "poisson": (M.Poisson, positive_true, positive_pred),
    "bce": (M.BinaryCrossentropy, bin_true, probs),
    "cce": (M.CategoricalCrossentropy, one_hot, probs),
    "scce": (M.SparseCategoricalCrossentropy, labels, probs),
}
results = {}
for name, (cls, y_true, y_pred) in cases.items():
    results[name] = run(cls(), y_true, y_pred)
    results[name + "_sw"] = run(cls(), y_true, y_pred, w)
