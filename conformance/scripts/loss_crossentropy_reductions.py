"""Binary, categorical and sparse categorical crossentropy: every reduction, with and without
sample weights, axes, label smoothing, and `ignore_class` (a masked reduction)."""

import numpy as np

import keras

SEED = 1110
rng = np.random.default_rng(SEED)

binary = (rng.random(size=(6, 4)) < 0.5).astype("float32")
binary_probs = rng.uniform(0.01, 0.99, size=(6, 4)).astype("float32")
binary_logits = rng.normal(scale=2.0, size=(6, 4)).astype("float32")
ids = rng.integers(0, 4, size=6)
ids[[1, 4]] = 3  # class 3 is ignored below
one_hot = np.eye(4, dtype="float32")[ids]
probs = rng.dirichlet(np.ones(4), size=6).astype("float32")
logits = rng.normal(scale=2.0, size=(6, 4)).astype("float32")
sample_weight = rng.uniform(0.0, 2.0, size=(6,)).astype("float32")
reductions = {
    "sum_over_batch_size": "sum_over_batch_size",
    "sum": "sum",
    "mean": "mean",
    "mean_with_sample_weight": "mean_with_sample_weight",
    "none": None,
}

direct = {}
for reduction_name, r in reductions.items():
    cases = {
        "bce": (keras.losses.BinaryCrossentropy(reduction=r), binary, binary_probs),
        "bce_logits_smoothed": (
            keras.losses.BinaryCrossentropy(
                from_logits=True, label_smoothing=0.2, reduction=r
            ),
            binary,
            binary_logits,
        ),
        "bce_axis_0": (
            keras.losses.BinaryCrossentropy(axis=0, reduction=r),
            binary[:, :1],
            binary_probs[:, :1],
        ),
        "cce": (keras.losses.CategoricalCrossentropy(reduction=r), one_hot, probs),
        "cce_logits_smoothed": (
            keras.losses.CategoricalCrossentropy(
                from_logits=True, label_smoothing=0.1, reduction=r
            ),
            one_hot,
            logits,
        ),
        "scce": (keras.losses.SparseCategoricalCrossentropy(reduction=r), ids, probs),
        "scce_ignore": (
            keras.losses.SparseCategoricalCrossentropy(ignore_class=3, reduction=r),
            ids,
            probs,
        ),
        "scce_ignore_logits": (
            keras.losses.SparseCategoricalCrossentropy(
                from_logits=True, ignore_class=3, reduction=r
            ),
            ids[:, None],
            logits,
        ),
    }
    for loss_name, (loss, y_true, y_pred) in cases.items():
        key = f"{loss_name}_{reduction_name}"
        direct[key] = keras.ops.convert_to_numpy(loss(y_true, y_pred))
        direct[key + "_weighted"] = keras.ops.convert_to_numpy(
            loss(y_true, y_pred, sample_weight=sample_weight)
        )

results = {"direct": direct}
