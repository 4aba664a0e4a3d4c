"""StringLookup after `adapt` and with a vocabulary: vocabulary order, output modes, OOV
hashing, mask token, tf-idf and invert."""

import numpy as np

import keras
from keras import layers

SEED = 1602
rng = np.random.default_rng(SEED)
to_np = keras.ops.convert_to_numpy

words = np.array(["cat", "dog", "bird", "fish", "cow", "ant", "bee", "owl"])
data = words[rng.integers(0, len(words), size=(30, 3))]
queries = np.array([["cat", "zebra", "owl"], ["bee", "bee", "yak"], ["", "dog", "fox"]])
results = {}


def strings(values):
    flat = np.asarray(to_np(values) if not isinstance(values, list) else values).reshape(-1)
    return [v.decode("utf-8") if isinstance(v, bytes) else str(v) for v in flat]


adapted = layers.StringLookup()
adapted.adapt(data)
results["adapted_vocabulary"] = strings(adapted.get_vocabulary())
results["adapted_size"] = adapted.vocabulary_size()
results["adapted_int"] = to_np(adapted(queries))

capped = layers.StringLookup(max_tokens=5, num_oov_indices=2, mask_token="")
capped.adapt(data)
results["capped_vocabulary"] = strings(capped.get_vocabulary())
results["capped_int"] = to_np(capped(queries))

for mode in ("one_hot", "multi_hot", "count"):
    layer = layers.StringLookup(vocabulary=["cat", "dog", "bee", "owl"], output_mode=mode)
    results[f"{mode}"] = to_np(layer(queries))

tfidf = layers.StringLookup(output_mode="tf_idf")
tfidf.adapt(data)
results["tf_idf_vocabulary"] = strings(tfidf.get_vocabulary())
results["tf_idf_output"] = to_np(tfidf(queries))

hashed = layers.StringLookup(vocabulary=["cat", "dog"], num_oov_indices=5)
results["hashed_oov"] = to_np(hashed(queries))
salted = layers.StringLookup(vocabulary=["cat", "dog"], num_oov_indices=5, salt=[7, 11])
results["salted_oov"] = to_np(salted(queries))

inverse = layers.StringLookup(vocabulary=["cat", "dog", "bee"], invert=True, mask_token="")
results["invert"] = strings(inverse(np.array([[0, 1, 2], [3, 4, 9]])))
