"""`evaluate`: a scalar without metrics, a list with them, a dict on request."""

import numpy as np

import keras
from keras import layers

SEED = 1022
rng = np.random.default_rng(SEED)

x = rng.normal(size=(45, 5)).astype("float32")
labels = rng.integers(0, 3, size=45)
init = [
    rng.normal(0.0, 0.8, size=(5, 3)).astype("float32"),
    rng.normal(0.0, 0.1, size=(3,)).astype("float32"),
]

plain = keras.Sequential(

    [keras.Input(shape=(5,)), layers.Dense(3, activation="softmax")]

)
plain.set_weights(init)
plain.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")

with_metrics = keras.Sequential(

    [keras.Input(shape=(5,)), layers.Dense(3, activation="softmax")]

)
with_metrics.set_weights(init)
with_metrics.compile(
    optimizer="sgd",
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy", keras.metrics.SparseCategoricalAccuracy(name="sca")],
)

results = {
    "loss_only": plain.evaluate(x, labels, batch_size=16, verbose=0),
    "loss_only_dict": plain.evaluate(
        x, labels, batch_size=16, return_dict=True, verbose=0
    ),
    "list": with_metrics.evaluate(x, labels, batch_size=16, verbose=0),
    "dict": with_metrics.evaluate(
        x, labels, batch_size=16, return_dict=True, verbose=0
    ),
    "dict_one_batch": with_metrics.evaluate(
        x, labels, batch_size=64, return_dict=True, verbose=0
    ),
}
