"""Metric objects used directly: `update_state`, `result`, `reset_state`.

BinaryAccuracy (default and custom threshold), CategoricalAccuracy,
SparseCategoricalAccuracy and Mean, over several batches, with and without
`sample_weight`.
"""

import numpy as np

import keras

SEED = 1017
rng = np.random.default_rng(SEED)


def run(metric, batches):
    values = []
    for args, kwargs in batches:
        metric.update_state(*args, **kwargs)
        values.append(float(metric.result()))
    metric.reset_state()
    values.append(float(metric.result()))
    return values


def weights(n):
    return rng.uniform(0.0, 1.0, size=n).astype("float32")


bin_true = [(rng.random(size=(8, 1)) < 0.5).astype("float32") for _ in range(3)]
bin_pred = [rng.random(size=(8, 1)).astype("float32") for _ in range(3)]
cat_true = [np.eye(4, dtype="float32")[rng.integers(0, 4, size=8)] for _ in range(3)]
cat_pred = [rng.dirichlet(np.ones(4), size=8).astype("float32") for _ in range(3)]
sparse_true = [rng.integers(0, 4, size=8) for _ in range(3)]
values = [rng.normal(size=(8,)).astype("float32") for _ in range(3)]

results = {
    "binary_accuracy": run(
        keras.metrics.BinaryAccuracy(),
        [((t, p), {}) for t, p in zip(bin_true, bin_pred)],
    ),
    "binary_accuracy_threshold": run(
        keras.metrics.BinaryAccuracy(threshold=0.7),
        [((t, p), {}) for t, p in zip(bin_true, bin_pred)],
    ),
    "binary_accuracy_weighted": run(
        keras.metrics.BinaryAccuracy(),
        [((t, p), {"sample_weight": weights(8)}) for t, p in zip(bin_true, bin_pred)],
    ),
    "categorical_accuracy": run(
        keras.metrics.CategoricalAccuracy(),
        [((t, p), {}) for t, p in zip(cat_true, cat_pred)],
    ),
    "categorical_accuracy_weighted": run(
        keras.metrics.CategoricalAccuracy(),
        [((t, p), {"sample_weight": weights(8)}) for t, p in zip(cat_true, cat_pred)],
    ),
    "sparse_categorical_accuracy": run(
        keras.metrics.SparseCategoricalAccuracy(),
        [((t, p), {}) for t, p in zip(sparse_true, cat_pred)],
    ),
    "sparse_categorical_accuracy_weighted": run(
        keras.metrics.SparseCategoricalAccuracy(),
        [((t, p), {"sample_weight": weights(8)}) for t, p in zip(sparse_true, cat_pred)],
    ),
    "mean": run(keras.metrics.Mean(), [((v,), {}) for v in values]),
    "mean_weighted": run(
        keras.metrics.Mean(),
        [((v,), {"sample_weight": weights(8)}) for v in values],
    ),
    "mean_scalars": run(
        keras.metrics.Mean(), [((1.0,), {}), ((2.0,), {}), ((6.0,), {})]
    ),
    "names": [
        keras.metrics.BinaryAccuracy().name,
        keras.metrics.CategoricalAccuracy().name,
        keras.metrics.SparseCategoricalAccuracy().name,
        keras.metrics.Mean().name,
    ],
}
