"""Flatten, Reshape, Add, Multiply, Activation, Lambda and Identity in one model."""

import numpy as np

import keras
from keras import layers

SEED = 1025
# Small outputs come from differences of larger terms; Keras on TF and Keras
# on torch differ by up to 5e-7 absolute here (measured), too close to the
# default atol of 1e-6 for a different implementation.
TOLERANCE = {"rtol": 1e-5, "atol": 5e-6}
rng = np.random.default_rng(SEED)

x = rng.normal(size=(32, 4, 3)).astype("float32")
y = rng.normal(size=(32, 2)).astype("float32")

inputs = keras.Input(shape=(4, 3))
flat = layers.Flatten()(inputs)  # (batch, 12), row-major like NumPy
hidden = layers.Dense(12, activation="relu")(flat)
reshaped = layers.Reshape((4, 3))(hidden)
added = layers.Add()([inputs, reshaped])
gate = layers.Activation("sigmoid")(layers.Dense(3)(added))  # Dense on a 3-D input
gated = layers.Multiply()([added, gate])
scaled = layers.Lambda(lambda t: t * 2.0 + 1.0)(gated)
same = layers.Identity()(scaled)
outputs = layers.Dense(2)(layers.Flatten()(same))
model = keras.Model(inputs, outputs)

model.set_weights(
    [
        rng.normal(0.0, 1.0 / np.sqrt(w.shape[0]) if w.ndim == 2 else 0.1,
                   size=w.shape).astype("float32")
        for w in model.get_weights()
    ]
)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01), loss="mse")
predict_before = model.predict(x, verbose=0)
history = model.fit(x, y, epochs=3, batch_size=8, shuffle=False, verbose=0)

results = {
    # None (the batch dimension) is written as -1.
    "output_shape": [-1 if d is None else d for d in model.output_shape],
    "weight_shapes": [list(w.shape) for w in model.get_weights()],
    "predict_before": predict_before,
    "history": history.history,
    "predict_after": model.predict(x, verbose=0),
    "weights": model.get_weights(),
}
