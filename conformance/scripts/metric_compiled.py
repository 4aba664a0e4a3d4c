"""Metric objects passed to `compile`: names in the logs and weighted values."""

import numpy as np

import keras
from keras import layers

SEED = 1018
rng = np.random.default_rng(SEED)

x = rng.normal(size=(30, 5)).astype("float32")
labels = rng.integers(0, 3, size=30)
one_hot = np.eye(3, dtype="float32")[labels]

# Categorical head: CategoricalAccuracy under its default and a custom name.
categorical = keras.Sequential(
    [keras.Input(shape=(5,)), layers.Dense(3, activation="softmax")]
)
categorical.set_weights(
    [
        rng.normal(0.0, 0.8, size=(5, 3)).astype("float32"),
        rng.normal(0.0, 0.1, size=(3,)).astype("float32"),
    ]
)
categorical.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.1),
    loss="categorical_crossentropy",
    metrics=[
        keras.metrics.CategoricalAccuracy(),
        keras.metrics.CategoricalAccuracy(name="cat_acc"),
    ],
)
categorical_history = categorical.fit(
    x, one_hot, epochs=2, batch_size=10, shuffle=False, verbose=0
)

# Sparse head with SparseCategoricalAccuracy.
sparse = keras.Sequential(
    [keras.Input(shape=(5,)), layers.Dense(3, activation="softmax")]
)
sparse.set_weights(categorical.get_weights())
sparse.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.1),
    loss="sparse_categorical_crossentropy",
    metrics=[keras.metrics.SparseCategoricalAccuracy()],
)
sparse_history = sparse.fit(
    x, labels, epochs=2, batch_size=10, shuffle=False, verbose=0
)

# Binary head with two thresholds.
y_binary = (labels == 0).astype("float32")[:, None]
binary = keras.Sequential(
    [keras.Input(shape=(5,)), layers.Dense(1, activation="sigmoid")]
)
binary.set_weights(
    [
        rng.normal(0.0, 0.8, size=(5, 1)).astype("float32"),
        rng.normal(0.0, 0.1, size=(1,)).astype("float32"),
    ]
)
binary.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.1),
    loss="binary_crossentropy",
    metrics=[
        keras.metrics.BinaryAccuracy(),
        keras.metrics.BinaryAccuracy(name="strict_accuracy", threshold=0.8),
    ],
)
binary_history = binary.fit(
    x, y_binary, epochs=2, batch_size=10, shuffle=False, verbose=0
)

results = {
    "categorical": {
        "history": categorical_history.history,
        "evaluate": categorical.evaluate(x, one_hot, return_dict=True, verbose=0),
        "metrics_names": categorical.metrics_names,
    },
    "sparse": {
        "history": sparse_history.history,
        "evaluate": sparse.evaluate(x, labels, return_dict=True, verbose=0),
    },
    "binary": {
        "history": binary_history.history,
        "evaluate": binary.evaluate(x, y_binary, return_dict=True, verbose=0),
    },
}
