"""Exponential moving average of the weights: overwritten every N steps, or
only at the end of `fit` (`finalize_variable_values`)."""

import numpy as np

import keras
from keras import layers

SEED = 1115
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
    "sgd_at_end": train(
        keras.optimizers.SGD(learning_rate=0.1, use_ema=True, ema_momentum=0.9)
    ),
    "adam_every_5": train(
        keras.optimizers.Adam(
            learning_rate=0.01,
            use_ema=True,
            ema_momentum=0.8,
            ema_overwrite_frequency=5,
        )
    ),
    "nadam_accumulate": train(
        keras.optimizers.Nadam(
            learning_rate=0.01, use_ema=True, gradient_accumulation_steps=2
        )
    ),
}
