"""Masked sequences in training: Masking -> LSTM, and Embedding(mask_zero=True) ->
Bidirectional(GRU) with padded token ids (left and right padding)."""

import numpy as np

import keras
from keras import layers

SEED = 1405
rng = np.random.default_rng(SEED)

x = rng.normal(size=(16, 6, 3)).astype("float32")
lengths = rng.integers(1, 7, size=16)
for i, n in enumerate(lengths):
    x[i, n:] = 0.0  # right padding, masked by Masking(0.0)
y = rng.normal(size=(16, 2)).astype("float32")

masked = keras.Sequential([
    keras.Input(shape=(6, 3)),
    layers.Masking(0.0),
    layers.LSTM(4, return_sequences=True),
    layers.LSTM(3),
    layers.Dense(2),
])
masked.set_weights([
    rng.normal(0.0, 0.4, size=w.shape).astype("float32") for w in masked.get_weights()
])
masked.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
masked_before = masked.predict(x, verbose=0)
masked_history = masked.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)

tokens = rng.integers(1, 10, size=(16, 7))
for i, n in enumerate(rng.integers(1, 8, size=16)):
    if i % 2:
        tokens[i, n:] = 0  # right padding
    else:
        tokens[i, : 7 - n] = 0  # left padding
embedded = keras.Sequential([
    keras.Input(shape=(7,), dtype="int32"),
    layers.Embedding(10, 4, mask_zero=True),
    layers.Bidirectional(layers.GRU(3, return_sequences=True)),
    layers.Bidirectional(layers.LSTM(2), merge_mode="sum"),
    layers.Dense(2),
])
embedded.set_weights([
    rng.normal(0.0, 0.4, size=w.shape).astype("float32") for w in embedded.get_weights()
])
embedded.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
embedded_before = embedded.predict(tokens, verbose=0)
embedded_history = embedded.fit(tokens, y, epochs=2, batch_size=8, shuffle=False, verbose=0)

results = {
    "masked_before": masked_before,
    "masked_history": masked_history.history,
    "masked_after": masked.predict(x, verbose=0),
    "masked_weights": masked.get_weights(),
    "embedded_before": embedded_before,
    "embedded_history": embedded_history.history,
    "embedded_after": embedded.predict(tokens, verbose=0),
    "embedded_weights": embedded.get_weights(),
}
