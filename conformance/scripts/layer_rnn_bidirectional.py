"""Bidirectional: every merge mode, return_state, masks, initial states and a custom
backward layer, with injected weights."""

import numpy as np

import keras
from keras import layers

SEED = 1406
rng = np.random.default_rng(SEED)
to_np = keras.ops.convert_to_numpy

x = rng.normal(size=(3, 5, 4)).astype("float32")
mask = np.array([[1] * 5, [1, 1, 1, 0, 0], [0, 1, 1, 1, 1]], bool)


def inject(layer):
    layer.build((None, 5, 4))
    layer.set_weights([
        rng.normal(0.0, 0.4, size=w.shape).astype("float32") for w in layer.get_weights()
    ])
    return layer


results = {}
for merge_mode in ("concat", "sum", "mul", "ave", None):
    for return_sequences in (False, True):
        name = f"{merge_mode}_{'seq' if return_sequences else 'last'}"
        layer = inject(layers.Bidirectional(
            layers.LSTM(3, return_sequences=return_sequences), merge_mode=merge_mode
        ))
        out = layer(x)
        results[name] = [to_np(t) for t in out] if merge_mode is None else to_np(out)
        out = layer(x, mask=mask)
        results[name + "_masked"] = (
            [to_np(t) for t in out] if merge_mode is None else to_np(out)
        )

states_layer = inject(layers.Bidirectional(layers.GRU(3, return_sequences=True,
                                                      return_state=True)))
initial = [rng.normal(size=(3, 3)).astype("float32") for _ in range(2)]
results["gru_states"] = [to_np(t) for t in states_layer(x)]
results["gru_initial_state"] = [to_np(t) for t in states_layer(x, initial_state=initial)]
results["gru_states_masked"] = [to_np(t) for t in states_layer(x, mask=mask)]

custom = inject(layers.Bidirectional(
    layers.SimpleRNN(2, return_sequences=True),
    backward_layer=layers.LSTM(3, return_sequences=True, go_backwards=True),
))
results["custom_backward"] = to_np(custom(x))
results["custom_backward_shapes"] = [list(w.shape) for w in custom.get_weights()]

model = keras.Sequential([keras.Input(shape=(5, 4)),
                          layers.Bidirectional(layers.LSTM(3, return_sequences=True)),
                          layers.Bidirectional(layers.GRU(2)),
                          layers.Dense(1)])
model.set_weights([
    rng.normal(0.0, 0.4, size=w.shape).astype("float32") for w in model.get_weights()
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
target = rng.normal(size=(3, 1)).astype("float32")
history = model.fit(x, target, epochs=3, batch_size=3, shuffle=False, verbose=0)
results["model_output_shape"] = [-1 if d is None else d for d in model.output_shape]
results["model_history"] = history.history
results["model_weights"] = model.get_weights()
