"""FTRL over several epochs: defaults, and L1/L2/shrinkage regularization
with beta and a custom learning-rate power."""

import numpy as np

import keras
from keras import layers

SEED = 1106
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
    "default": train(keras.optimizers.Ftrl(learning_rate=0.1)),
    "regularized": train(
        keras.optimizers.Ftrl(
            learning_rate=0.2,
            learning_rate_power=-0.7,
            initial_accumulator_value=0.3,
            l1_regularization_strength=0.01,
            l2_regularization_strength=0.05,
            l2_shrinkage_regularization_strength=0.02,
            beta=0.5,
        )
    ),
}
