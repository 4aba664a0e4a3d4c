"""A subclassed `keras.Model`: layers as attributes, tensor arithmetic in `call`."""

import numpy as np

import keras
from keras import layers

SEED = 1004
rng = np.random.default_rng(SEED)


class SkipNet(keras.Model):
    def __init__(self, hidden, classes, **kwargs):
        super().__init__(**kwargs)
        self.hidden = layers.Dense(hidden, activation="relu")
        self.skip = layers.Dense(hidden, use_bias=False)
        self.head = layers.Dense(classes, activation="softmax")

    def call(self, inputs):
        return self.head(self.hidden(inputs) + self.skip(inputs))


x = rng.normal(size=(60, 12)).astype("float32")
y = rng.integers(0, 4, size=60)
x_test = rng.normal(size=(25, 12)).astype("float32")
y_test = rng.integers(0, 4, size=25)

model = SkipNet(16, 4)
model(x[:2])  # builds the weights so they can be injected
model.set_weights(
    [
        rng.normal(0.0, 1.0 / np.sqrt(w.shape[0]) if w.ndim == 2 else 0.1,
                   size=w.shape).astype("float32")
        for w in model.get_weights()
    ]
)
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.1),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
history = model.fit(x, y, epochs=3, batch_size=16, shuffle=False, verbose=0)

results = {
    "weight_shapes": [list(w.shape) for w in model.get_weights()],
    "history": history.history,
    "evaluate": model.evaluate(x_test, y_test, verbose=0),
    "predict": model.predict(x_test, verbose=0),
    "weights": model.get_weights(),
}
