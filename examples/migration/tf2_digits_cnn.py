"""A tf.keras 2 tutorial CNN (the MNIST convnet), on the 8x8 digits that ship with torchkeras.

Written the tf.keras 2 way: `from tensorflow import keras`, `keras.utils.to_categorical`,
`lr=` on the optimizer. Run unchanged with `python -m torchkeras run tf2_digits_cnn.py`.
"""

import json
import os

import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

tf.random.set_seed(42)
np.random.seed(42)

DIGITS = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "torchkeras", "datasets", "data",
    "digits.npz",
)
with np.load(DIGITS) as data:
    x, y = data["x"], data["y"]
x = x.astype("float32")[..., np.newaxis] / 16.0
y = keras.utils.to_categorical(y, 10)
x_train, y_train, x_test, y_test = x[:1400], y[:1400], x[1400:], y[1400:]

model = keras.Sequential(
    [
        keras.Input(shape=(8, 8, 1)),
        layers.Conv2D(16, kernel_size=(3, 3), activation="relu", padding="same"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
        layers.Flatten(),
        layers.Dropout(0.25),
        layers.Dense(10, activation="softmax"),
    ]
)
model.summary()
model.compile(
    loss="categorical_crossentropy",
    optimizer=keras.optimizers.Adam(lr=3e-3),
    metrics=["accuracy"],
)
history = model.fit(x_train, y_train, batch_size=64, epochs=4, validation_split=0.1, verbose=2)
score = model.evaluate(x_test, y_test, verbose=0)
print("Test loss:", score[0])
print("Test accuracy:", score[1])
print("RESULTS " + json.dumps({
    "losses": [float(v) for v in history.history["loss"]],
    "checks": {"test_accuracy_above_chance": bool(score[1] > 0.3)},
}))
