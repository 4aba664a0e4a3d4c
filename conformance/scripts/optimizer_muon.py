"""Muon over several epochs: Newton-Schulz orthogonalized momentum for the
hidden kernel, Adam for the biases and the excluded output layer."""

import numpy as np

import keras
from keras import layers

SEED = 1110
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


results = {
    "all_kernels": train(keras.optimizers.Muon(learning_rate=0.01)),
    "exclude_output": train(
        keras.optimizers.Muon(
            learning_rate=0.02,
            exclude_layers=["output_dense"],
            nesterov=False,
            momentum=0.9,
            ns_steps=3,
            weight_decay=0.1,
            adam_weight_decay=0.01,
        )
    ),
}
