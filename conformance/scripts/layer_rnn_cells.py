"""RNN over cells: stacked LSTMCell/GRUCell/SimpleRNNCell, a custom cell built from keras.ops,
and the cells called one step at a time."""

import numpy as np

import keras
from keras import layers

SEED = 1409
rng = np.random.default_rng(SEED)
to_np = keras.ops.convert_to_numpy


class MinimalRNNCell(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.state_size = units

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), name="kernel")
        self.recurrent_kernel = self.add_weight(shape=(self.units, self.units),
                                                name="recurrent_kernel")

    def call(self, inputs, states):
        prev_output = states[0]
        h = keras.ops.matmul(inputs, self.kernel)
        output = keras.ops.tanh(h + keras.ops.matmul(prev_output, self.recurrent_kernel))
        return output, [output]


def inject(layer, shape):
    layer.build(shape)
    layer.set_weights([
        rng.normal(0.0, 0.4, size=w.shape).astype("float32") for w in layer.get_weights()
    ])
    return layer


x = rng.normal(size=(3, 5, 4)).astype("float32")
mask = np.array([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0], [1, 0, 1, 0, 1]], bool)
stacked = inject(layers.RNN([layers.LSTMCell(3), layers.GRUCell(2), layers.SimpleRNNCell(4)],
                            return_sequences=True, return_state=True), (None, 5, 4))
out = stacked(x)
custom = inject(layers.RNN(MinimalRNNCell(3), return_sequences=True), (None, 5, 4))

lstm_cell = inject(layers.LSTMCell(3), (None, 4))
h = np.zeros((3, 3), "float32")
c = np.zeros((3, 3), "float32")
steps = []
for t in range(5):
    h, (h, c) = lstm_cell(x[:, t], [h, c])
    steps.append(to_np(h))

results = {
    "stacked_output": to_np(out[0]),
    "stacked_lstm_states": [to_np(t) for t in out[1]],
    "stacked_gru_state": [to_np(t) for t in out[2]],
    "stacked_masked": to_np(stacked(x, mask=mask)[0]),
    "stacked_weight_shapes": [list(w.shape) for w in stacked.get_weights()],
    "custom": to_np(custom(x)),
    "custom_masked": to_np(custom(x, mask=mask)),
    "lstm_cell_steps": steps,
}
