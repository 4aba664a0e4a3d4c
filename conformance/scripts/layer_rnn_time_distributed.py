"""TimeDistributed(Dense) and TimeDistributed over a small Sequential, in a trained model."""

import numpy as np

import keras
from keras import layers

SEED = 1407
rng = np.random.default_rng(SEED)

x = rng.normal(size=(12, 5, 4)).astype("float32")
y = rng.normal(size=(12, 5, 2)).astype("float32")

inner = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(3, activation="relu")])
model = keras.Sequential([
    keras.Input(shape=(5, 4)),
    layers.TimeDistributed(layers.Dense(3, activation="tanh")),
    layers.TimeDistributed(inner),
    layers.LSTM(3, return_sequences=True),
    layers.TimeDistributed(layers.Dense(2)),
])
model.set_weights([
    rng.normal(0.0, 0.4, size=w.shape).astype("float32") for w in model.get_weights()
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
predict_before = model.predict(x, verbose=0)
history = model.fit(x, y, epochs=3, batch_size=4, shuffle=False, verbose=0)

results = {
    "output_shape": [-1 if d is None else d for d in model.output_shape],
    "weight_shapes": [list(w.shape) for w in model.get_weights()],
    "predict_before": predict_before,
    "history": history.history,
    "predict_after": model.predict(x, verbose=0),
}
