"""LossScaleOptimizer in fit: the loss is scaled and the gradients unscaled;
the scale doubles every `dynamic_growth_steps` finite steps."""

import numpy as np

import keras
from keras import layers

SEED = 1111
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



def scale_of(optimizer):
    return float(keras.ops.convert_to_numpy(optimizer.dynamic_scale))


sgd = keras.optimizers.LossScaleOptimizer(
    keras.optimizers.SGD(learning_rate=0.05, momentum=0.5), dynamic_growth_steps=5
)
adam = keras.optimizers.LossScaleOptimizer(
    keras.optimizers.Adam(learning_rate=0.01), initial_scale=8.0, dynamic_growth_steps=3
)
results = {
    "sgd": train(sgd),
    "sgd_scale": scale_of(sgd),
    "adam": train(adam),
    "adam_scale": scale_of(adam),
}
