"""Discretization: bin boundaries learned by `adapt` and given, in every output mode."""

import numpy as np

import keras
from keras import layers

SEED = 1605
rng = np.random.default_rng(SEED)
to_np = keras.ops.convert_to_numpy

x = rng.normal(0.0, 3.0, size=(200, 3)).astype("float32")
queries = rng.normal(0.0, 3.0, size=(5, 3)).astype("float32")
results = {}

adapted = layers.Discretization(num_bins=5, epsilon=0.01)
adapted.adapt(x)
results["adapted_boundaries"] = adapted.bin_boundaries
results["adapted_int"] = to_np(adapted(queries))

batched = layers.Discretization(num_bins=4, epsilon=0.05)
batched.adapt([x[:50], x[50:120], x[120:]])
results["batched_boundaries"] = batched.bin_boundaries

for mode in ("one_hot", "multi_hot", "count"):
    layer = layers.Discretization(bin_boundaries=[-2.0, 0.0, 1.5], output_mode=mode)
    results[mode] = to_np(layer(queries[:, :1] if mode == "one_hot" else queries))
