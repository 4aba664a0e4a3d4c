"""CategoryEncoding: one-hot, multi-hot and count encodings, with count weights."""

import numpy as np

import keras
from keras import layers

SEED = 1606
rng = np.random.default_rng(SEED)
to_np = keras.ops.convert_to_numpy

tokens = rng.integers(0, 6, size=(8, 4))
weights = rng.uniform(0.0, 2.0, size=(8, 4)).astype("float32")
results = {
    "one_hot": to_np(layers.CategoryEncoding(6, output_mode="one_hot")(tokens[:, 0])),
    "one_hot_column": to_np(layers.CategoryEncoding(6, output_mode="one_hot")(tokens[:, :1])),
    "multi_hot": to_np(layers.CategoryEncoding(6)(tokens)),
    "multi_hot_1d": to_np(layers.CategoryEncoding(6)(tokens[0])),
    "count": to_np(layers.CategoryEncoding(6, output_mode="count")(tokens)),
    "count_weights": to_np(
        layers.CategoryEncoding(6, output_mode="count")(tokens, count_weights=weights)
    ),
}
