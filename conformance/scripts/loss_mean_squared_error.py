"""`mean_squared_error`: direct calls, rank matching of targets, training.

Targets of shape (N,) against an output of shape (N, 1) must be matched, not
broadcast to (N, N).
"""

import numpy as np

import keras
from keras import layers

SEED = 1014
rng = np.random.default_rng(SEED)

a = rng.normal(size=(6, 3)).astype("float32")
b = rng.normal(size=(6, 3)).astype("float32")
weights = rng.uniform(0.0, 1.0, size=6).astype("float32")

direct = {
    "mean": float(keras.losses.MeanSquaredError()(a, b)),
    "weighted": float(keras.losses.MeanSquaredError()(a, b, sample_weight=weights)),
    "sum": float(keras.losses.MeanSquaredError(reduction="sum")(a, b)),
    "per_sample": np.asarray(keras.losses.mean_squared_error(a, b)),
    "column_vs_flat": float(keras.losses.MeanSquaredError()(a[:, 0], b[:, :1])),
}

x = rng.normal(size=(30, 4)).astype("float32")
y_flat = rng.normal(size=(30,)).astype("float32")
y_multi = rng.normal(size=(30, 3)).astype("float32")


def train(units, targets, loss):
    model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(units)])
    model.set_weights(
        [
            rng.normal(0.0, 0.5, size=(4, units)).astype("float32"),
            rng.normal(0.0, 0.1, size=(units,)).astype("float32"),
        ]
    )
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss=loss)
    history = model.fit(
        x, targets, epochs=3, batch_size=8, shuffle=False, verbose=0
    )
    return {
        "history": history.history,
        "evaluate": model.evaluate(x, targets, verbose=0),
        "weights": model.get_weights(),
    }


results = {
    "direct": direct,
    "flat_targets": train(1, y_flat, "mean_squared_error"),
    "multi_output": train(3, y_multi, "mse"),
}
