"""Normalization after `adapt` (arrays, batches), with given statistics, several axes, invert."""

import numpy as np

import keras
from keras import layers

SEED = 1601
rng = np.random.default_rng(SEED)
to_np = keras.ops.convert_to_numpy

x = rng.normal(3.0, 2.0, size=(40, 5)).astype("float32")
images = rng.uniform(0.0, 255.0, size=(6, 4, 4, 3)).astype("float32")
results = {}

feature = layers.Normalization()
feature.adapt(x)
results["feature_weights"] = feature.get_weights()[:2]
results["feature_count"] = int(feature.get_weights()[2])
results["feature_output"] = to_np(feature(x[:8]))

batched = layers.Normalization()
batched.adapt([x[:16], x[16:24], x[24:]])
results["batched_weights"] = [w for w in batched.get_weights()[:2]]
results["batched_output"] = to_np(batched(x[:4]))

scalar = layers.Normalization(axis=None)
scalar.adapt(x)
results["scalar_weights"] = [float(w) for w in scalar.get_weights()[:2]]
results["scalar_output"] = to_np(scalar(x[:3]))

channels = layers.Normalization(axis=-1)
channels.adapt(images)
results["channels_output"] = to_np(channels(images[:2]))

spatial = layers.Normalization(axis=(1, 2))
spatial.adapt(images)
results["spatial_mean"] = spatial.get_weights()[0]
results["spatial_output"] = to_np(spatial(images[:1]))

given = layers.Normalization(mean=[1.0, 2.0, 3.0, 4.0, 5.0], variance=[1.0, 4.0, 0.25, 2.0, 0.0])
results["given_output"] = to_np(given(x[:4]))

inverse = layers.Normalization(invert=True)
inverse.adapt(x)
results["inverse_round_trip"] = to_np(inverse(feature(x[:5])))
