"""`binary_crossentropy` on sigmoid probabilities and with `from_logits=True`."""

import numpy as np

import keras
from keras import layers

SEED = 1012
rng = np.random.default_rng(SEED)

y_true = (rng.random(size=(10, 3)) < 0.5).astype("float32")
probs = rng.uniform(0.01, 0.99, size=(10, 3)).astype("float32")
probs[0] = [0.0, 1.0, 0.5]  # exact 0 and 1 exercise Keras's clipping
logits = rng.normal(scale=3.0, size=(10, 3)).astype("float32")

direct = {
    "probs": float(keras.losses.BinaryCrossentropy()(y_true, probs)),
    "logits": float(
        keras.losses.BinaryCrossentropy(from_logits=True)(y_true, logits)
    ),
    "label_smoothing": float(
        keras.losses.BinaryCrossentropy(label_smoothing=0.2)(y_true, probs)
    ),
    "per_sample": np.asarray(keras.losses.binary_crossentropy(y_true, probs)),
}

x = rng.normal(size=(40, 6)).astype("float32")
y = (rng.random(size=(40, 1)) < 0.5).astype("float32")
init = [
    rng.normal(0.0, 1.0 / np.sqrt(6), size=(6, 1)).astype("float32"),
    rng.normal(0.0, 0.1, size=(1,)).astype("float32"),
]


def train(activation, loss):
    model = keras.Sequential(
        [keras.Input(shape=(6,)), layers.Dense(1, activation=activation)]
    )
    model.set_weights(init)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss=loss)
    history = model.fit(x, y, epochs=3, batch_size=16, shuffle=False, verbose=0)
    return {"history": history.history, "weights": model.get_weights()}


results = {
    "direct": direct,
    "sigmoid": train("sigmoid", "binary_crossentropy"),
    "from_logits": train(
        None, keras.losses.BinaryCrossentropy(from_logits=True)
    ),
}
