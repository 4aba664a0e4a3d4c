import numpy as np
import pytest

from torchkeras import layers

import rnn_numpy_reference as ref


def test_stacked_cells_match_numpy(rng):
    layer = layers.RNN([layers.LSTMCell(3), layers.GRUCell(2)], return_sequences=True,
                       return_state=True, name="r")
    x = rng.standard_normal((2, 4, 5)).astype("float32")
    layer.build((None, 4, 5))
    layer.set_weights([rng.normal(0, 0.5, w.shape).astype("float32") for w in layer.weights])
    lk, lrk, lb, gk, grk, gb = layer.get_weights()
    assert [w.path for w in layer.weights] == [
        "r/stacked_rnn_cells/lstm_cell/kernel", "r/stacked_rnn_cells/lstm_cell/recurrent_kernel",
        "r/stacked_rnn_cells/lstm_cell/bias", "r/stacked_rnn_cells/gru_cell/kernel",
        "r/stacked_rnn_cells/gru_cell/recurrent_kernel", "r/stacked_rnn_cells/gru_cell/bias",
    ]

    def step(xt, states):
        lstm_h, lstm_states = ref.lstm_step(xt, states[:2], lk, lrk, lb)
        gru_h, gru_states = ref.gru_step(lstm_h, states[2:], gk, grk, gb)
        return gru_h, lstm_states + gru_states

    mask = np.array([[1, 1, 0, 1], [1, 1, 1, 0]], bool)
    for kwargs in ({}, {"mask": mask}):
        _, expected, (h1, c1, h2) = ref.run(step, x, [np.zeros((2, 3))] * 2 + [np.zeros((2, 2))],
                                            **kwargs)
        outputs, lstm_states, gru_states = layer(x, **kwargs)
        np.testing.assert_allclose(outputs.detach().numpy(), expected, rtol=1e-5, atol=1e-5)
        np.testing.assert_allclose(lstm_states[1].detach().numpy(), c1, rtol=1e-5, atol=1e-5)
        np.testing.assert_allclose(gru_states[0].detach().numpy(), h2, rtol=1e-5, atol=1e-5)
    # A flat list of initial states is packed into the cells' structure.
    h0 = [rng.standard_normal((2, n)).astype("float32") for n in (3, 3, 2)]
    _, expected, _ = ref.run(step, x, h0)
    np.testing.assert_allclose(layer(x, initial_state=h0)[0].detach().numpy(), expected,
                               rtol=1e-5, atol=1e-5)


def test_stacked_cells_properties_and_config():
    cells = layers.StackedRNNCells([layers.SimpleRNNCell(3), layers.LSTMCell(4)])
    assert cells.state_size == [3, [4, 4]] and cells.output_size == 4
    layer = layers.RNN(cells)
    assert layer.compute_output_shape((None, 5, 2)) == (None, 4)
    config = cells.get_config()
    assert [c["class_name"] for c in config["cells"]] == ["SimpleRNNCell", "LSTMCell"]
    clone = layers.StackedRNNCells.from_config(config)
    assert clone.get_config() == config
    rnn_config = layers.RNN(layers.StackedRNNCells([layers.GRUCell(2)])).get_config()
    assert layers.RNN.from_config(rnn_config).get_config() == rnn_config


def test_stacked_cells_errors():
    with pytest.raises(ValueError, match="All cells must have a `call` method. Received cell "
                                         "without a `call` method: 3"):
        layers.StackedRNNCells([3])

    class NoStateSize:
        def call(self, inputs, states):
            return inputs, states

    with pytest.raises(ValueError, match="All cells must have a `state_size` attribute. "
                                         "Received cell without a `state_size`: "):
        layers.StackedRNNCells([NoStateSize()])
