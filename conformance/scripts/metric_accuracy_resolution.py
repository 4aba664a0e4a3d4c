"""`metrics=["accuracy"]` resolves to binary, categorical or sparse accuracy.

The choice follows the shapes of targets and outputs: one output unit is
binary, integer labels with fewer dimensions (or a trailing 1 against several
units) are sparse, one-hot targets are categorical. "acc" is an alias that
keeps its own name.
"""

import numpy as np

import keras
from keras import layers

SEED = 1016
rng = np.random.default_rng(SEED)

x = rng.normal(size=(30, 5)).astype("float32")
labels = rng.integers(0, 3, size=30)
cases = {
    "binary": (1, "sigmoid", "binary_crossentropy",
               (labels == 1).astype("float32")[:, None], "accuracy"),
    "categorical": (3, "softmax", "categorical_crossentropy",
                    np.eye(3, dtype="float32")[labels], "accuracy"),
    "sparse": (3, "softmax", "sparse_categorical_crossentropy",
               labels, "accuracy"),
    "sparse_column": (3, "softmax", "sparse_categorical_crossentropy",
                      labels[:, None], "accuracy"),
    "acc_alias": (3, "softmax", "sparse_categorical_crossentropy",
                  labels, "acc"),
}

results = {}
for name, (units, activation, loss, y, metric) in cases.items():
    model = keras.Sequential(
        [keras.Input(shape=(5,)), layers.Dense(units, activation=activation)]
    )
    model.set_weights(
        [
            rng.normal(0.0, 0.8, size=(5, units)).astype("float32"),
            rng.normal(0.0, 0.1, size=(units,)).astype("float32"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.SGD(learning_rate=0.1),
        loss=loss,
        metrics=[metric],
    )
    history = model.fit(x, y, epochs=2, batch_size=10, shuffle=False, verbose=0)
    results[name] = {
        "history": history.history,
        "evaluate": model.evaluate(x, y, return_dict=True, verbose=0),
    }
