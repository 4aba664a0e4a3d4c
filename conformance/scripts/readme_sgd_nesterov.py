"""The Keras README example, compiled with the README's configured optimizer.

The README shows `keras.optimizers.SGD(learning_rate=0.01, momentum=0.9,
nesterov=True)` with the loss passed as a function. Data and weights come from
one seeded generator; `shuffle=False` is the only change to the README code.
"""

import numpy as np

import keras
from keras import layers

SEED = 1002
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
    loss=keras.losses.categorical_crossentropy,
    optimizer=keras.optimizers.SGD(
        learning_rate=0.01, momentum=0.9, nesterov=True
    ),
)

history = model.fit(
    x_train, y_train, epochs=5, batch_size=32, shuffle=False, verbose=0
)
loss = model.evaluate(x_test, y_test, batch_size=128, verbose=0)
classes = model.predict(x_test, batch_size=128, verbose=0)

results = {
    "history": history.history,
    "evaluate": loss,
    "predict": classes,
    "weights": model.get_weights(),
}
