"""tf.keras 2's AbstractRNNCell, run by keras.layers.RNN."""

import numpy as np
import pytest
import torch

import torchkeras as keras


class MinimalRNNCell(keras.layers.AbstractRNNCell):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    @property
    def state_size(self):
        return self.units

    @property
    def output_size(self):
        return self.units

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), initializer="ones",
                                      name="kernel")

    def call(self, inputs, states):
        output = keras.ops.matmul(inputs, self.kernel) + states[0]
        return output, [output]


def test_cell_runs_in_rnn():
    x = np.ones((2, 3, 4), "float32")
    out = keras.layers.RNN(MinimalRNNCell(5), return_sequences=True)(x).detach().numpy()
    # Each step adds sum(inputs) = 4 to the state.
    np.testing.assert_allclose(out[:, :, 0], [[4, 8, 12], [4, 8, 12]])
    assert out.shape == (2, 3, 5)


def test_initial_state_and_abstract_members():
    cell = MinimalRNNCell(5)
    state = cell.get_initial_state(batch_size=3)
    assert tuple(state.shape) == (3, 5) and state.dtype == torch.float32
    state = cell.get_initial_state(inputs=torch.ones(4, 2, dtype=torch.float64))
    assert tuple(state.shape) == (4, 5) and state.dtype == torch.float64

    class TwoStates(MinimalRNNCell):
        @property
        def state_size(self):
            return [2, (3, 4)]

    states = TwoStates(2).get_initial_state(batch_size=1)
    assert [tuple(s.shape) for s in states] == [(1, 2), (1, 3, 4)]
    bare = keras.layers.AbstractRNNCell()
    for member in ("state_size", "output_size"):
        with pytest.raises(NotImplementedError):
            getattr(bare, member)
    with pytest.raises(ValueError, match="batch_size and dtype cannot be None while constructing "
                                         "initial state. Received: batch_size=None"):
        cell.get_initial_state()
