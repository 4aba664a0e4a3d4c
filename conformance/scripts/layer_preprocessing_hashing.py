"""Hashing (FarmHash64, SipHash64 with a salt, masks, encodings) and HashedCrossing."""

import numpy as np

import keras
from keras import layers

SEED = 1607
rng = np.random.default_rng(SEED)
to_np = keras.ops.convert_to_numpy

words = np.array([
    ["alpha"], ["beta"], [""], ["a much longer string value to hash, over 64 bytes!!"], ["é"],
])
numbers = rng.integers(-1000, 1000, size=(6, 1))
results = {
    "strings": to_np(layers.Hashing(num_bins=17)(words)),
    "integers": to_np(layers.Hashing(num_bins=1000)(numbers)),
    "floats": to_np(layers.Hashing(num_bins=50)(numbers.astype("float32") / 3.0)),
    "masked": to_np(layers.Hashing(num_bins=5, mask_value="")(words)),
    "salted": to_np(layers.Hashing(num_bins=31, salt=[12345, 678])(words)),
    "multi_hot": to_np(layers.Hashing(num_bins=6, output_mode="multi_hot")(
        np.array([["a", "b", "c"], ["d", "d", "e"]]))),
    "count": to_np(layers.Hashing(num_bins=6, output_mode="count")(
        np.array([["a", "b", "c"], ["d", "d", "e"]]))),
    "crossed": to_np(layers.HashedCrossing(num_bins=100)(
        (numbers[:, 0], np.array(["x", "y", "x", "z", "y", "x"])))),
    "crossed_one_hot": to_np(layers.HashedCrossing(num_bins=4, output_mode="one_hot")(
        (np.array([[3], [4]]), np.array([[5], [6]])))),
}
