"""SimpleRNN outputs with injected weights: tanh, relu and a linear activation, go_backwards,
masks, and the last output only."""

import numpy as np

import keras
from keras import layers

SEED = 1403
rng = np.random.default_rng(SEED)
to_np = keras.ops.convert_to_numpy

x = rng.normal(size=(3, 5, 2)).astype("float32")
mask = np.array([[1, 1, 1, 0, 0], [0, 0, 1, 1, 1], [1, 0, 1, 0, 1]], bool)
weights = [
    rng.normal(0.0, 0.6, size=(2, 4)).astype("float32"),
    rng.normal(0.0, 0.4, size=(4, 4)).astype("float32"),
    rng.normal(0.0, 0.2, size=(4,)).astype("float32"),
]

results = {}
for activation in ("tanh", "relu", None):
    for go_backwards in (False, True):
        name = f"{activation}_{'backward' if go_backwards else 'forward'}"
        layer = layers.SimpleRNN(4, activation=activation, return_sequences=True,
                                 return_state=True, go_backwards=go_backwards)
        layer.build((None, 5, 2))
        layer.set_weights(weights)
        results[name] = [to_np(t) for t in layer(x)]
        results[name + "_masked"] = [to_np(t) for t in layer(x, mask=mask)]
last = layers.SimpleRNN(4)
last.build((None, 5, 2))
last.set_weights(weights)
results["last_output"] = to_np(last(x))
results["last_output_masked"] = to_np(last(x, mask=mask))
