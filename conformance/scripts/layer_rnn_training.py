"""A short training run of stacked recurrent layers: LSTM -> GRU -> SimpleRNN -> Dense, SGD."""

import numpy as np

import keras
from keras import layers

SEED = 1404
rng = np.random.default_rng(SEED)

x = rng.normal(size=(32, 8, 3)).astype("float32")
y = rng.normal(size=(32, 2)).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(8, 3)),
    layers.LSTM(6, return_sequences=True),
    layers.GRU(5, return_sequences=True, go_backwards=True),
    layers.SimpleRNN(4),
    layers.Dense(2),
])
model.set_weights([
    rng.normal(0.0, 0.4, size=w.shape).astype("float32") for w in model.get_weights()
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
predict_before = model.predict(x, verbose=0)
history = model.fit(x, y, epochs=3, batch_size=8, shuffle=False, verbose=0)

results = {
    "output_shape": [-1 if d is None else d for d in model.output_shape],
    "weight_shapes": [list(w.shape) for w in model.get_weights()],
    "predict_before": predict_before,
    "history": history.history,
    "predict_after": model.predict(x, verbose=0),
    "weights": model.get_weights(),
}
