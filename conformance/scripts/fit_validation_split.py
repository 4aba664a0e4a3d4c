"""`fit(validation_split=...)`: the last samples, taken before any shuffling."""

import numpy as np

import keras
from keras import layers

SEED = 1005
rng = np.random.default_rng(SEED)

# 50 samples with split 0.25: Keras validates on the last 13.
x = rng.normal(size=(50, 6)).astype("float32")
y = (rng.random(size=(50, 1)) < 0.5).astype("float32")

model = keras.Sequential(
    [
        layers.InputLayer(shape=(6,)),
        layers.Dense(8),
        layers.Activation("relu"),
        layers.Dense(1, activation="sigmoid"),
    ]
)
model.set_weights(
    [
        rng.normal(0.0, 1.0 / np.sqrt(w.shape[0]) if w.ndim == 2 else 0.1,
                   size=w.shape).astype("float32")
        for w in model.get_weights()
    ]
)
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.1),
    loss="binary_crossentropy",
    metrics=["accuracy"],
)
history = model.fit(
    x,
    y,
    validation_split=0.25,
    epochs=3,
    batch_size=8,
    shuffle=False,
    verbose=0,
)

results = {
    "history": history.history,
    "history_params": history.params,
    "evaluate_validation_part": model.evaluate(x[37:], y[37:], verbose=0),
    "weights": model.get_weights(),
}
