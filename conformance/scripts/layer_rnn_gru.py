"""GRU outputs with injected weights: reset_after True and False, go_backwards, initial
states, masks (right-padded, left-padded, with holes), no bias, unroll."""

import numpy as np

import keras
from keras import layers

SEED = 1402
rng = np.random.default_rng(SEED)
to_np = keras.ops.convert_to_numpy

x = rng.normal(size=(4, 6, 3)).astype("float32")
h0 = rng.normal(size=(4, 5)).astype("float32")
masks = {
    "right": np.array([[1] * 6, [1] * 4 + [0] * 2, [1] + [0] * 5, [0] * 6], bool),
    "left": np.array([[1] * 6, [0] * 2 + [1] * 4, [0] * 5 + [1], [0] * 6], bool),
    "holes": np.array([[1, 0, 1, 1, 0, 1], [1] * 6, [0, 1, 0, 1, 0, 1], [1] * 6], bool),
}


def gru(**kwargs):
    layer = layers.GRU(5, return_sequences=True, return_state=True, **kwargs)
    layer.build((None, 6, 3))
    layer.set_weights([
        rng.normal(0.0, 0.4, size=w.shape).astype("float32") for w in layer.get_weights()
    ])
    return layer


results = {}
for name, kwargs in {
    "reset_after": {},
    "reset_before": {"reset_after": False},
    "backward": {"go_backwards": True},
    "reset_before_backward": {"reset_after": False, "go_backwards": True},
    "no_bias": {"use_bias": False},
    "unroll": {"unroll": True},
}.items():
    layer = gru(**kwargs)
    results[name + "_weight_shapes"] = [list(w.shape) for w in layer.get_weights()]
    results[name] = [to_np(t) for t in layer(x)]
    results[name + "_initial_state"] = [to_np(t) for t in layer(x, initial_state=[h0])]
    for mask_name, mask in masks.items():
        results[f"{name}_mask_{mask_name}"] = [
            to_np(t) for t in layer(x, mask=mask, initial_state=[h0])
        ]
