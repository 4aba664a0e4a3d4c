"""`fit(class_weight=...)`: per-class weights become per-sample weights."""

import numpy as np

import keras
from keras import layers

SEED = 1006
rng = np.random.default_rng(SEED)

x = rng.normal(size=(40, 5)).astype("float32")
y = rng.integers(0, 3, size=40)

model = keras.Sequential(

    [keras.Input(shape=(5,)), layers.Dense(3, activation="softmax")]

)
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
history = model.fit(
    x,
    y,
    class_weight={0: 1.0, 1: 3.0, 2: 0.5},
    epochs=3,
    batch_size=16,
    shuffle=False,
    verbose=0,
)

results = {
    "history": history.history,
    "evaluate": model.evaluate(x, y, verbose=0),
    "weights": model.get_weights(),
}
