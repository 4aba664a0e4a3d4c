"""`sparse_categorical_crossentropy`: integer labels of shape (N,) and (N, 1)."""

import numpy as np

import keras
from keras import layers

SEED = 1011
rng = np.random.default_rng(SEED)

labels = rng.integers(0, 5, size=10)
probs = rng.dirichlet(np.ones(5), size=10).astype("float32")
probs[0] = np.eye(5, dtype="float32")[(labels[0] + 1) % 5]  # certain and wrong
logits = rng.normal(scale=2.0, size=(10, 5)).astype("float32")

direct = {
    "probs": float(keras.losses.SparseCategoricalCrossentropy()(labels, probs)),
    "labels_column": float(
        keras.losses.SparseCategoricalCrossentropy()(labels[:, None], probs)
    ),
    "logits": float(
        keras.losses.SparseCategoricalCrossentropy(from_logits=True)(
            labels, logits
        )
    ),
    "per_sample": np.asarray(
        keras.losses.sparse_categorical_crossentropy(labels, probs)
    ),
}

x = rng.normal(size=(36, 7)).astype("float32")
y = rng.integers(0, 5, size=36)
init = [
    rng.normal(0.0, 1.0 / np.sqrt(7), size=(7, 5)).astype("float32"),
    rng.normal(0.0, 0.1, size=(5,)).astype("float32"),
]


def train(activation, loss, targets):
    model = keras.Sequential(
        [keras.Input(shape=(7,)), layers.Dense(5, activation=activation)]
    )
    model.set_weights(init)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss=loss)
    history = model.fit(
        x, targets, epochs=3, batch_size=10, shuffle=False, verbose=0
    )
    return {"history": history.history, "weights": model.get_weights()}


results = {
    "direct": direct,
    "softmax": train("softmax", "sparse_categorical_crossentropy", y),
    "softmax_labels_column": train(
        "softmax", "sparse_categorical_crossentropy", y[:, None]
    ),
    "from_logits": train(
        None, keras.losses.SparseCategoricalCrossentropy(from_logits=True), y
    ),
}
