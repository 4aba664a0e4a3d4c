"""Gradient clipping modes: per-variable norm, value, and global norm, with SGD
and Adam."""

import numpy as np

import keras
from keras import layers

SEED = 1113
rng = np.random.default_rng(SEED)

x = rng.normal(size=(40, 6)).astype("float32")
y = rng.normal(size=(40, 2)).astype("float32")
init = [
    rng.normal(0.0, 1.0 / np.sqrt(6), size=(6, 8)).astype("float32"),
    rng.normal(0.0, 0.1, size=(8,)).astype("float32"),
    rng.normal(0.0, 1.0 / np.sqrt(8), size=(8, 2)).astype("float32"),
    rng.normal(0.0, 0.1, size=(2,)).astype("float32"),
]


def train(optimizer):
    model = keras.Sequential(
        [
            keras.Input(shape=(6,)),
            layers.Dense(8, activation="tanh", name="hidden"),
            layers.Dense(2, name="output_dense"),
        ]
    )
    model.set_weights(init)
    model.compile(optimizer=optimizer, loss="mse")
    history = model.fit(x, y, epochs=4, batch_size=16, shuffle=False, verbose=0)
    return {
        "history": history.history,
        "iterations": int(keras.ops.convert_to_numpy(model.optimizer.iterations)),
        "weights": model.get_weights(),
    }


sgd = keras.optimizers.SGD
adam = keras.optimizers.Adam
results = {
    "sgd_clipnorm": train(sgd(learning_rate=0.1, momentum=0.5, clipnorm=0.1)),
    "sgd_clipvalue": train(sgd(learning_rate=0.1, momentum=0.5, clipvalue=0.05)),
    "sgd_global_clipnorm": train(sgd(learning_rate=0.1, momentum=0.5, global_clipnorm=0.2)),
    "adam_clipnorm": train(adam(learning_rate=0.01, clipnorm=0.1)),
    "adam_clipvalue": train(adam(learning_rate=0.01, clipvalue=0.05)),
    "adam_global_clipnorm": train(adam(learning_rate=0.01, global_clipnorm=0.2)),
}
