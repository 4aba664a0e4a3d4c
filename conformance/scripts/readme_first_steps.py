"""The "first steps" example from the Keras README, as written there.

Small random data stands in for MNIST-like arrays and the weights are injected
from the same seeded generator, so every backend starts from the same point.
The one change to the README code is `shuffle=False` in `fit`, so every
backend sees the same batches in the same order.
"""

import numpy as np

import keras
from keras import layers

SEED = 1001
rng = np.random.default_rng(SEED)

x_train = rng.normal(size=(150, 100)).astype("float32")
y_train = np.eye(10, dtype="float32")[rng.integers(0, 10, size=150)]
x_test = rng.normal(size=(300, 100)).astype("float32")
y_test = np.eye(10, dtype="float32")[rng.integers(0, 10, size=300)]

model = keras.Sequential()
model.add(layers.Dense(units=64, activation="relu"))
model.add(layers.Dense(units=10, activation="softmax"))

# Not in the README: build and inject weights instead of random initializers.
model.build(input_shape=(None, 100))
model.set_weights(
    [
        rng.normal(0.0, 1.0 / np.sqrt(w.shape[0]) if w.ndim == 2 else 0.1,
                   size=w.shape).astype("float32")
        for w in model.get_weights()
    ]
)

model.compile(
    loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"]
)

# x_train and y_train are Numpy arrays.
history = model.fit(
    x_train, y_train, epochs=5, batch_size=32, shuffle=False, verbose=0
)

loss_and_metrics = model.evaluate(x_test, y_test, batch_size=128, verbose=0)

classes = model.predict(x_test, batch_size=128, verbose=0)

results = {
    "history": history.history,
    "history_epoch": history.epoch,
    "history_params": history.params,
    "evaluate": loss_and_metrics,
    "predict": classes,
    "weights": model.get_weights(),
}
