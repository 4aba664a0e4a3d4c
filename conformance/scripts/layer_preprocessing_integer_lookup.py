"""IntegerLookup after `adapt` and with a vocabulary: order, modes, OOV methods, invert."""

import numpy as np

import keras
from keras import layers

SEED = 1603
rng = np.random.default_rng(SEED)
to_np = keras.ops.convert_to_numpy

data = rng.integers(0, 12, size=(40, 2)) * 7
queries = np.array([[0, 7, 5, 84], [14, 14, -3, 1000]])
results = {}

adapted = layers.IntegerLookup()
adapted.adapt(data)
results["adapted_vocabulary"] = [int(v) for v in adapted.get_vocabulary()]
results["adapted_int"] = to_np(adapted(queries))

masked = layers.IntegerLookup(max_tokens=6, mask_token=0, num_oov_indices=2)
masked.adapt(data)
results["masked_vocabulary"] = [int(v) for v in masked.get_vocabulary()]
results["masked_int"] = to_np(masked(queries))

farm = layers.IntegerLookup(vocabulary=[7, 14], num_oov_indices=4, oov_method="farmhash")
results["farmhash"] = to_np(farm(queries))
floormod = layers.IntegerLookup(vocabulary=[7, 14], num_oov_indices=4)
results["floormod"] = to_np(floormod(queries))

for mode in ("multi_hot", "count", "one_hot"):
    layer = layers.IntegerLookup(vocabulary=[7, 14, 84], output_mode=mode)
    results[mode] = to_np(layer(queries))

tfidf = layers.IntegerLookup(output_mode="tf_idf", max_tokens=8, pad_to_max_tokens=True)
tfidf.adapt(data)
results["tf_idf"] = to_np(tfidf(queries))

inverse = layers.IntegerLookup(vocabulary=[7, 14, 84], invert=True)
results["invert"] = to_np(inverse(np.array([[0, 1, 2], [3, 4, 9]])))
