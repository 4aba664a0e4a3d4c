"""Regression metrics in `compile(metrics=...)`: R2Score, PearsonCorrelation,
ConcordanceCorrelation, by object and by name, in `fit` history and `evaluate`."""

import numpy as np

import keras
from keras import layers

SEED = 1106
rng = np.random.default_rng(SEED)

x = rng.normal(size=(36, 4)).astype("float32")
true_w = rng.normal(size=(4, 2)).astype("float32")
y = (x @ true_w + 0.3 * rng.normal(size=(36, 2))).astype("float32")
sample_weight = rng.random(36).astype("float32")

model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(2)])
model.set_weights(
    [rng.normal(0.0, 0.5, size=(4, 2)).astype("float32"), np.zeros(2, dtype="float32")]
)
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.05),
    loss="mse",
    metrics=[
        keras.metrics.R2Score(name="r2"),
        keras.metrics.R2Score(class_aggregation="variance_weighted_average", name="r2_vw"),
        keras.metrics.PearsonCorrelation(name="pcc"),
        keras.metrics.ConcordanceCorrelation(name="ccc"),
        "r2_score",
    ],
    weighted_metrics=[keras.metrics.R2Score(name="weighted_r2")],
)
history = model.fit(
    x, y, sample_weight=sample_weight, epochs=3, batch_size=10, shuffle=False, verbose=0
)
results = {
    "history": history.history,
    "evaluate": model.evaluate(x, y, batch_size=7, return_dict=True, verbose=0),
    "evaluate_weighted": model.evaluate(
        x, y, sample_weight=sample_weight, return_dict=True, verbose=0
    ),
}
