"""Regression losses (MSE, MAE, MAPE, MSLE, Huber, LogCosh, CosineSimilarity): every reduction,
with and without sample weights, on rank-3 data; then training with Huber and LogCosh."""

import numpy as np

import keras
from keras import layers

SEED = 1107
rng = np.random.default_rng(SEED)

y_true = rng.uniform(0.1, 2.0, size=(6, 3, 4)).astype("float32")
y_pred = rng.uniform(0.0, 2.0, size=(6, 3, 4)).astype("float32")
sample_weight = rng.uniform(0.0, 2.0, size=(6, 3)).astype("float32")
column_weight = rng.uniform(0.0, 2.0, size=(6, 1)).astype("float32")

losses = {
    "mse": lambda r: keras.losses.MeanSquaredError(reduction=r),
    "mae": lambda r: keras.losses.MeanAbsoluteError(reduction=r),
    "mape": lambda r: keras.losses.MeanAbsolutePercentageError(reduction=r),
    "msle": lambda r: keras.losses.MeanSquaredLogarithmicError(reduction=r),
    "huber": lambda r: keras.losses.Huber(delta=0.6, reduction=r),
    "log_cosh": lambda r: keras.losses.LogCosh(reduction=r),
    "cosine": lambda r: keras.losses.CosineSimilarity(reduction=r),
}
reductions = {
    "sum_over_batch_size": "sum_over_batch_size",
    "sum": "sum",
    "mean": "mean",
    "mean_with_sample_weight": "mean_with_sample_weight",
    "none": None,
}

direct = {}
for loss_name, make in losses.items():
    for reduction_name, reduction in reductions.items():
        loss = make(reduction)
        key = f"{loss_name}_{reduction_name}"
        direct[key] = keras.ops.convert_to_numpy(loss(y_true, y_pred))
        direct[key + "_weighted"] = keras.ops.convert_to_numpy(
            loss(y_true, y_pred, sample_weight=sample_weight)
        )
        direct[key + "_column_weighted"] = keras.ops.convert_to_numpy(
            loss(y_true, y_pred, sample_weight=column_weight)
        )

x = rng.normal(size=(30, 4)).astype("float32")
y = (x @ rng.normal(size=(4, 2)) + rng.normal(scale=2.0, size=(30, 2))).astype("float32")
init = [
    rng.normal(0.0, 0.5, size=(4, 2)).astype("float32"),
    rng.normal(0.0, 0.1, size=(2,)).astype("float32"),
]


def train(loss):
    model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(2)])
    model.set_weights(init)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss=loss)
    history = model.fit(x, y, epochs=3, batch_size=8, shuffle=False, verbose=0)
    return {"history": history.history, "weights": model.get_weights()}


results = {
    "direct": direct,
    "huber": train(keras.losses.Huber(delta=0.5)),
    "log_cosh": train("log_cosh"),
    "msle": train("msle"),
}
