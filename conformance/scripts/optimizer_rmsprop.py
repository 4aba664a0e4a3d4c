"""RMSprop over several epochs: defaults, momentum, centered.

Keras puts epsilon inside the square root and defaults to rho=0.9, unlike
torch.optim.RMSprop.
"""

import numpy as np

import keras
from keras import layers

SEED = 1021
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
            layers.Dense(8, activation="tanh"),
            layers.Dense(2),
        ]
    )
    model.set_weights(init)
    model.compile(optimizer=optimizer, loss="mse")
    history = model.fit(x, y, epochs=4, batch_size=16, shuffle=False, verbose=0)
    return {"history": history.history, "weights": model.get_weights()}


results = {
    "default": train("rmsprop"),
    "momentum": train(keras.optimizers.RMSprop(learning_rate=0.01, momentum=0.5)),
    "centered": train(keras.optimizers.RMSprop(learning_rate=0.01, centered=True)),
    "centered_momentum": train(
        keras.optimizers.RMSprop(
            learning_rate=0.005, rho=0.8, momentum=0.3, centered=True
        )
    ),
}
