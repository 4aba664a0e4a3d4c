"""`categorical_crossentropy` on softmax probabilities and with `from_logits=True`.

Direct calls on arrays (probabilities with exact zeros and rows that do not
sum to one, which Keras renormalizes and clips), then the same training run
once through a softmax output and once through logits.
"""

import numpy as np

import keras
from keras import layers

SEED = 1009
rng = np.random.default_rng(SEED)

y_true = np.eye(4, dtype="float32")[rng.integers(0, 4, size=12)]
probs = rng.dirichlet(np.ones(4), size=12).astype("float32")
probs[0] = [1.0, 0.0, 0.0, 0.0]
probs[1] = [0.0, 1.0, 0.0, 0.0]
unnormalized = probs * rng.uniform(0.5, 2.0, size=(12, 1)).astype("float32")
logits = rng.normal(scale=3.0, size=(12, 4)).astype("float32")
sample_weight = rng.uniform(0.0, 1.0, size=12).astype("float32")

direct = {
    "probs": float(keras.losses.CategoricalCrossentropy()(y_true, probs)),
    "unnormalized": float(
        keras.losses.CategoricalCrossentropy()(y_true, unnormalized)
    ),
    "logits": float(
        keras.losses.CategoricalCrossentropy(from_logits=True)(y_true, logits)
    ),
    "weighted": float(
        keras.losses.CategoricalCrossentropy()(
            y_true, probs, sample_weight=sample_weight
        )
    ),
    "label_smoothing": float(
        keras.losses.CategoricalCrossentropy(label_smoothing=0.1)(
            y_true, probs
        )
    ),
    "per_sample": np.asarray(
        keras.losses.categorical_crossentropy(y_true, probs)
    ),
}

x = rng.normal(size=(40, 6)).astype("float32")
y = np.eye(4, dtype="float32")[rng.integers(0, 4, size=40)]
init = [
    rng.normal(0.0, 1.0 / np.sqrt(6), size=(6, 4)).astype("float32"),
    rng.normal(0.0, 0.1, size=(4,)).astype("float32"),
]


def train(activation, loss):
    model = keras.Sequential(
        [keras.Input(shape=(6,)), layers.Dense(4, activation=activation)]
    )
    model.set_weights(init)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss=loss)
    history = model.fit(x, y, epochs=3, batch_size=16, shuffle=False, verbose=0)
    return {"history": history.history, "weights": model.get_weights()}


results = {
    "direct": direct,
    "softmax": train("softmax", "categorical_crossentropy"),
    "from_logits": train(
        None, keras.losses.CategoricalCrossentropy(from_logits=True)
    ),
}
