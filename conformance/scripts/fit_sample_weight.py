"""`sample_weight` in fit and evaluate, with plain and weighted metrics."""

import numpy as np

import keras
from keras import layers

SEED = 1007
rng = np.random.default_rng(SEED)

x = rng.normal(size=(40, 5)).astype("float32")
y = (rng.random(size=(40, 1)) < 0.4).astype("float32")
w = rng.uniform(0.0, 2.0, size=40).astype("float32")
w[:5] = 0.0  # zero weights must not count in the loss either

model = keras.Sequential(

    [keras.Input(shape=(5,)), layers.Dense(1, activation="sigmoid")]

)
model.set_weights(
    [
        rng.normal(0.0, 1.0 / np.sqrt(v.shape[0]) if v.ndim == 2 else 0.1,
                   size=v.shape).astype("float32")
        for v in model.get_weights()
    ]
)
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.2),
    loss="binary_crossentropy",
    metrics=["accuracy"],
    weighted_metrics=["accuracy"],
)
history = model.fit(
    x, y, sample_weight=w, epochs=3, batch_size=16, shuffle=False, verbose=0
)

results = {
    "history": history.history,
    "evaluate_weighted": model.evaluate(
        x, y, sample_weight=w, return_dict=True, verbose=0
    ),
    "evaluate_unweighted": model.evaluate(x, y, return_dict=True, verbose=0),
    "weights": model.get_weights(),
}
