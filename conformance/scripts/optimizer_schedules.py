"""Every built-in learning rate schedule driving SGD with momentum over
several epochs, and the rate each reaches."""

import numpy as np

import keras
from keras import layers

SEED = 1112
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


schedules = keras.optimizers.schedules


def train_with(schedule):
    optimizer = keras.optimizers.SGD(learning_rate=schedule, momentum=0.5)
    result = train(optimizer)
    result["final_rate"] = float(keras.ops.convert_to_numpy(optimizer.learning_rate))
    return result


results = {
    "exponential": train_with(schedules.ExponentialDecay(0.1, 3, 0.5, staircase=True)),
    "piecewise": train_with(schedules.PiecewiseConstantDecay([2, 7], [0.1, 0.05, 0.01])),
    "polynomial": train_with(schedules.PolynomialDecay(0.1, 5, 0.01, power=2.0, cycle=True)),
    "inverse_time": train_with(schedules.InverseTimeDecay(0.1, 2, 0.5)),
    "cosine_warmup": train_with(
        schedules.CosineDecay(0.01, 6, alpha=0.1, warmup_target=0.1, warmup_steps=3)
    ),
    "cosine_restarts": train_with(
        schedules.CosineDecayRestarts(0.1, 2, t_mul=1.5, m_mul=0.7, alpha=0.05)
    ),
}
