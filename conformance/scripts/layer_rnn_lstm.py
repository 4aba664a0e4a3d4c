"""LSTM outputs with injected weights: sequences, states, go_backwards, initial states, masks
(right-padded, left-padded and with holes), stateful calls and reset_state."""

import numpy as np

import keras
from keras import layers

SEED = 1401
rng = np.random.default_rng(SEED)
to_np = keras.ops.convert_to_numpy

x = rng.normal(size=(4, 7, 3)).astype("float32")
kernel = rng.normal(0.0, 0.5, size=(3, 20)).astype("float32")
recurrent_kernel = rng.normal(0.0, 0.4, size=(5, 20)).astype("float32")
bias = rng.normal(0.0, 0.2, size=(20,)).astype("float32")
h0 = rng.normal(size=(4, 5)).astype("float32")
c0 = rng.normal(size=(4, 5)).astype("float32")
masks = {
    "right": np.array([[1] * 7, [1] * 5 + [0] * 2, [1] + [0] * 6, [0] * 7], bool),
    "left": np.array([[1] * 7, [0] * 2 + [1] * 5, [0] * 6 + [1], [0] * 7], bool),
    "holes": np.array([[1, 0, 1, 1, 0, 1, 1], [1] * 7, [0, 1, 0, 1, 0, 1, 0], [1] * 7], bool),
}


def lstm(**kwargs):
    layer = layers.LSTM(5, return_sequences=True, return_state=True, **kwargs)
    layer.build((None, 7, 3))
    layer.set_weights([kernel, recurrent_kernel, bias])
    return layer


results = {"weight_shapes": [list(w.shape) for w in lstm().get_weights()]}
for name, kwargs in {
    "forward": {},
    "backward": {"go_backwards": True},
    "zero_output": {"zero_output_for_mask": True},
    "backward_zero_output": {"go_backwards": True, "zero_output_for_mask": True},
}.items():
    layer = lstm(**kwargs)
    results[name] = [to_np(t) for t in layer(x)]
    results[name + "_initial_state"] = [to_np(t) for t in layer(x, initial_state=[h0, c0])]
    for mask_name, mask in masks.items():
        results[f"{name}_mask_{mask_name}"] = [
            to_np(t) for t in layer(x, mask=mask, initial_state=[h0, c0])
        ]

# Non-default activations run the step-by-step cell.
hard = lstm(activation="relu", recurrent_activation="hard_sigmoid")
results["relu_hard_sigmoid"] = [to_np(t) for t in hard(x, mask=masks["right"])]

stateful = layers.LSTM(5, stateful=True)
stateful.build((4, 7, 3))
stateful.set_weights([kernel, recurrent_kernel, bias])
first = to_np(stateful(x))
second = to_np(stateful(x))
stateful.reset_state()
results["stateful"] = [first, second, to_np(stateful(x))]
