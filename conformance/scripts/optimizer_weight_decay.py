"""Decoupled weight decay (`w -= w * weight_decay * lr` before each update) on
several optimizers, with and without excluded variables."""

import numpy as np

import keras
from keras import layers

SEED = 1114
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



def excluding(optimizer, names):
    optimizer.exclude_from_weight_decay(var_names=names)
    return optimizer


results = {
    "sgd": train(keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, weight_decay=0.5)),
    "adam_excluding_bias": train(
        excluding(keras.optimizers.Adam(learning_rate=0.01, weight_decay=0.3), ["bias"])
    ),
    "rmsprop": train(keras.optimizers.RMSprop(learning_rate=0.01, weight_decay=0.2)),
    "lion_excluding_output": train(
        excluding(
            keras.optimizers.Lion(learning_rate=0.003, weight_decay=1.0), ["output_dense"]
        )
    ),
}
