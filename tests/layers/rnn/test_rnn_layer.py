import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import layers

import rnn_numpy_reference as ref


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
        output = torch.tanh(inputs @ self.kernel + states[0] @ self.recurrent_kernel)
        return output, [output]

    def get_config(self):
        return {**super().get_config(), "units": self.units}


class TwoStateCell:
    """A cell that is not a Layer: it only has `call` and `state_size`."""

    state_size = (2, 3)
    output_size = 2

    def call(self, inputs, states):
        a, b = states
        return a + inputs.sum(-1, keepdim=True), [a + 1.0, b * 2.0]


def test_custom_cell_matches_numpy(rng):
    layer = layers.RNN(MinimalRNNCell(3), return_sequences=True, name="rnn")
    x = rng.standard_normal((2, 4, 5)).astype("float32")
    y = layer(x)
    k, rk = layer.get_weights()
    _, expected, _ = ref.run(lambda xt, s: ref.simple_rnn_step(xt, s, k, rk), x,
                             [np.zeros((2, 3))])
    np.testing.assert_allclose(y.detach().numpy(), expected, rtol=1e-5, atol=1e-5)
    assert [w.path for w in layer.weights] == [
        "rnn/minimal_rnn_cell/kernel", "rnn/minimal_rnn_cell/recurrent_kernel"
    ]
    mask = np.array([[1, 0, 1, 1], [1, 1, 0, 0]], bool)
    _, expected, _ = ref.run(lambda xt, s: ref.simple_rnn_step(xt, s, k, rk), x,
                             [np.zeros((2, 3))], mask=mask)
    np.testing.assert_allclose(layer(x, mask=mask).detach().numpy(), expected, rtol=1e-5,
                               atol=1e-5)


def test_plain_object_cell():
    layer = layers.RNN(TwoStateCell(), return_state=True)
    output, a, b = layer(np.ones((2, 3, 2), "float32"))
    # a counts steps (0, 1, 2 before each step), the output adds the input sum (2) to it.
    np.testing.assert_allclose(output.numpy(), np.full((2, 2), 4.0))
    np.testing.assert_allclose(a.numpy(), np.full((2, 2), 3.0))
    np.testing.assert_allclose(b.numpy(), np.zeros((2, 3)))
    assert layer.compute_output_shape((None, 3, 2)) == ((None, 2), (None, 2), (None, 3))


def test_rnn_of_builtin_cell_matches_layer(rng):
    x = rng.standard_normal((2, 5, 3)).astype("float32")
    generic = layers.RNN(layers.LSTMCell(4), return_sequences=True, go_backwards=True)
    generic(x)
    specialised = layers.LSTM(4, return_sequences=True, go_backwards=True)
    specialised(x)
    specialised.set_weights(generic.get_weights())
    torch.testing.assert_close(generic(x), specialised(x), rtol=1e-5, atol=1e-5)


def test_rnn_output_mask_and_symbolic_shapes():
    inputs = keras.Input((6, 3))
    seq = layers.RNN(layers.SimpleRNNCell(2), return_sequences=True)(inputs)
    last, state = layers.RNN(layers.GRUCell(4), return_state=True)(seq)
    assert seq.shape == (None, 6, 2) and last.shape == (None, 4) and state.shape == (None, 4)
    layer = layers.RNN(layers.SimpleRNNCell(2), return_sequences=True, return_state=True)
    mask = torch.ones(2, 6, dtype=torch.bool)
    assert layer.compute_mask(None, mask)[0] is mask
    assert layers.RNN(layers.SimpleRNNCell(2)).compute_mask(None, mask) is None


def test_rnn_config_round_trip_with_custom_cell():
    layer = layers.RNN(MinimalRNNCell(3), return_sequences=True, unroll=True)
    config = layer.get_config()
    # from keras 3.15.1
    assert sorted(config) == sorted([
        "name", "trainable", "dtype", "return_sequences", "return_state", "go_backwards",
        "stateful", "unroll", "zero_output_for_mask", "cell",
    ])
    clone = layers.RNN.from_config(config, custom_objects={"MinimalRNNCell": MinimalRNNCell})
    assert isinstance(clone.cell, MinimalRNNCell) and clone.unroll
    assert clone.get_config() == config


def test_rnn_stateful_with_initial_state(rng):
    layer = layers.RNN(layers.SimpleRNNCell(2), stateful=True)
    x = rng.standard_normal((3, 4, 2)).astype("float32")
    h0 = rng.standard_normal((3, 2)).astype("float32")
    out = layer(x, initial_state=[h0])
    torch.testing.assert_close(layer.states[0], out)
    layer.reset_states()
    assert float(layer.states[0].abs().sum()) == 0.0
    assert "rnn_state_0" not in layer.state_dict()


def test_rnn_errors():
    with pytest.raises(ValueError, match="Argument `cell` should have a `call` method. "
                                         "Received: cell=3"):
        layers.RNN(3)

    class NoStateSize:
        def call(self, inputs, states):
            return inputs, states

    with pytest.raises(ValueError, match="The RNN cell should have a `state_size` attribute "
                                         r"\(single integer or list of integers, one integer "
                                         r"per RNN state\). Received: cell="):
        layers.RNN(NoStateSize())

    class NoneStateSize(NoStateSize):
        state_size = None

    with pytest.raises(ValueError, match="state_size must be specified as property on the RNN "
                                         "cell."):
        layers.RNN(NoneStateSize())

    class BadStateSize(NoStateSize):
        state_size = "3"

    with pytest.raises(ValueError, match="state_size must be an integer, or a list/tuple of "
                                         r"integers \(one for each state tensor\)."):
        layers.RNN(BadStateSize())

    class BadOutputSize(NoStateSize):
        state_size = 3
        output_size = (3,)

    with pytest.raises(ValueError, match="output_size must be an integer."):
        layers.RNN(BadOutputSize()).compute_output_shape((None, 2, 3))
    with pytest.raises(ValueError, match=r"Layer 'rnn' \(RNN\): the input should be a sequence of "
                                         r"shape `\(batch_size, timesteps, ...\)`, with at least "
                                         r"3 dimensions. Received: sequences.shape=\(2, 3\)"):
        layers.RNN(layers.LSTMCell(3), name="rnn")(np.ones((2, 3), "float32"))
