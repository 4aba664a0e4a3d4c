"""Preprocessing layers: Normalization, StringLookup, CategoryEncoding, TextVectorization,
Rescaling, each adapted on data and then used inside a model."""

import json

import numpy as np
import keras
from keras import layers

numbers = np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 60.0], [6.0, 30.0]], dtype="float32")
norm = layers.Normalization()
norm.adapt(numbers)
normalized = keras.ops.convert_to_numpy(norm(numbers))

lookup = layers.StringLookup()
lookup.adapt(np.array(["cat", "dog", "dog", "bird", "dog", "cat"]))
ids = keras.ops.convert_to_numpy(lookup(np.array(["dog", "cat", "fish"])))

encode = layers.CategoryEncoding(num_tokens=5, output_mode="count")
counts = keras.ops.convert_to_numpy(encode(np.array([[0, 1, 1], [4, 4, 2]])))

vectorize = layers.TextVectorization(max_tokens=20, output_mode="int", output_sequence_length=5)
vectorize.adapt(np.array(["the cat sat", "the dog sat down", "a cat and a dog"]))
tokens = keras.ops.convert_to_numpy(vectorize(np.array(["the dog sat", "a bird"])))

rescale = layers.Rescaling(1.0 / 255, offset=-0.5)
scaled = keras.ops.convert_to_numpy(rescale(np.array([[0.0, 255.0, 127.5]], dtype="float32")))

# The adapted Normalization layer as the first layer of a regression model.
rng = np.random.RandomState(2)
x = rng.normal(3.0, 2.0, size=(128, 2)).astype("float32")
y = (x @ np.array([[0.5], [-1.0]], dtype="float32")).astype("float32")
norm2 = layers.Normalization()
norm2.adapt(x)
model = keras.Sequential([keras.Input(shape=(2,)), norm2, layers.Dense(1)])
model.set_weights([w if i < 3 else rng.normal(0, 0.1, w.shape).astype("float32")
                   for i, w in enumerate(model.get_weights())])
model.compile(optimizer=keras.optimizers.Adam(0.05), loss="mse")
history = model.fit(x, y, batch_size=16, epochs=4, shuffle=False, verbose=2)
print("RESULTS " + json.dumps({
    "losses": [float(v) for v in history.history["loss"]],
    "values": {"normalized": normalized.ravel().tolist(), "ids": ids.ravel().tolist(),
               "counts": counts.ravel().tolist(), "tokens": tokens.ravel().tolist(),
               "scaled": scaled.ravel().tolist()},
    "checks": {"vocabulary": lookup.get_vocabulary(), "text_vocabulary": vectorize.get_vocabulary()},
}))
