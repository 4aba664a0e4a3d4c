"""Hinge, SquaredHinge and CategoricalHinge: -1/1 and 0/1 labels, every reduction, sample
weights; then training with hinge and categorical hinge."""

import numpy as np

import keras
from keras import layers

SEED = 1108
rng = np.random.default_rng(SEED)

labels01 = (rng.random(size=(8, 3)) < 0.5).astype("float32")
labels_pm = 2.0 * labels01 - 1.0
one_hot = np.eye(3, dtype="float32")[rng.integers(0, 3, size=8)]
scores = rng.normal(scale=1.5, size=(8, 3)).astype("float32")
sample_weight = rng.uniform(0.0, 2.0, size=(8,)).astype("float32")
reductions = {
    "sum_over_batch_size": "sum_over_batch_size",
    "sum": "sum",
    "mean_with_sample_weight": "mean_with_sample_weight",
    "none": None,
}

direct = {}
for reduction_name, reduction in reductions.items():
    for loss_name, loss, y_true in (
        ("hinge01", keras.losses.Hinge(reduction=reduction), labels01),
        ("hinge_pm", keras.losses.Hinge(reduction=reduction), labels_pm),
        ("squared01", keras.losses.SquaredHinge(reduction=reduction), labels01),
        ("squared_pm", keras.losses.SquaredHinge(reduction=reduction), labels_pm),
        ("categorical", keras.losses.CategoricalHinge(reduction=reduction), one_hot),
    ):
        key = f"{loss_name}_{reduction_name}"
        direct[key] = keras.ops.convert_to_numpy(loss(y_true, scores))
        direct[key + "_weighted"] = keras.ops.convert_to_numpy(
            loss(y_true, scores, sample_weight=sample_weight)
        )

x = rng.normal(size=(32, 5)).astype("float32")
y_binary = (x[:, :1] > 0).astype("float32")
y_one_hot = np.eye(3, dtype="float32")[np.argmax(x[:, :3], axis=1)]


def train(units, targets, loss):
    model = keras.Sequential([keras.Input(shape=(5,)), layers.Dense(units, activation="tanh")])
    model.set_weights(
        [
            rng.normal(0.0, 0.4, size=(5, units)).astype("float32"),
            rng.normal(0.0, 0.1, size=(units,)).astype("float32"),
        ]
    )
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss=loss)
    history = model.fit(x, targets, epochs=3, batch_size=8, shuffle=False, verbose=0)
    return {"history": history.history, "weights": model.get_weights()}


results = {
    "direct": direct,
    "hinge": train(1, y_binary, "hinge"),
    "squared_hinge": train(1, y_binary, keras.losses.SquaredHinge()),
    "categorical_hinge": train(3, y_one_hot, "categorical_hinge"),
}
