import numpy as np
import pytest
import torch

from torchkeras import layers
from torchkeras.testing import run_layer_test

import rnn_numpy_reference as ref


def _rnn(rng, **kwargs):
    layer = layers.SimpleRNN(4, return_sequences=True, return_state=True, **kwargs)
    layer.build((None, 5, 3))
    layer.set_weights([
        rng.normal(0.0, 0.5, size=w.shape).astype("float32") for w in layer.get_weights()
    ])
    return layer, layer.get_weights()


def test_simple_rnn_basics():
    run_layer_test(
        layers.SimpleRNN, {"units": 3}, input_shape=(2, 4, 5), expected_output_shape=(2, 3),
        expected_num_trainable_weights=3, expected_num_non_trainable_weights=0,
        supports_masking=True,
    )


@pytest.mark.parametrize("activation,fn", [("tanh", np.tanh), ("relu", ref.relu),
                                           ("sigmoid", ref.sigmoid), (None, lambda z: z)])
@pytest.mark.parametrize("go_backwards", [False, True])
@pytest.mark.parametrize("masked", [False, True])
def test_simple_rnn_matches_numpy(rng, activation, fn, go_backwards, masked):
    layer, (k, rk, b) = _rnn(rng, activation=activation, go_backwards=go_backwards)
    x = rng.standard_normal((3, 5, 3)).astype("float32")
    h0 = rng.standard_normal((3, 4)).astype("float32")
    mask = np.array([[1, 1, 1, 0, 0], [0, 0, 1, 1, 1], [1, 0, 1, 0, 1]], bool) if masked else None
    outputs, h = layer(x, initial_state=[h0], mask=None if mask is None else torch.tensor(mask))
    _, expected, (h_ref,) = ref.run(
        lambda xt, s: ref.simple_rnn_step(xt, s, k, rk, b, fn), x, [h0], mask=mask,
        go_backwards=go_backwards,
    )
    np.testing.assert_allclose(outputs.detach().numpy(), expected, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(h.detach().numpy(), h_ref, rtol=1e-5, atol=1e-5)


def test_simple_rnn_keras_example_numbers():
    # from keras 3.15.1: ones initializers, linear activation, a mask with a hole.
    layer = layers.SimpleRNN(1, return_sequences=True, return_state=True, activation=None,
                             kernel_initializer="ones", recurrent_initializer="ones",
                             bias_initializer="ones")
    x = np.arange(8, dtype="float32").reshape(2, 4, 1) / 4
    mask = np.array([[True, False, True, True], [False, False, True, False]])
    outputs, state = layer(x, mask=mask)
    np.testing.assert_allclose(outputs.detach().numpy()[..., 0],
                               [[1.0, 1.0, 2.5, 4.25], [0.0, 0.0, 2.5, 2.5]])
    np.testing.assert_allclose(state.detach().numpy()[:, 0], [4.25, 2.5])


def test_simple_rnn_config_has_no_seed():
    config = layers.SimpleRNN(3).get_config()
    # from keras 3.15.1: SimpleRNN does not write its seed.
    assert "seed" not in config and "activity_regularizer" in config
    assert layers.SimpleRNN.from_config(config).get_config() == config
    cell_config = layers.SimpleRNNCell(2, seed=4).get_config()
    assert cell_config["seed"] == 4


def test_simple_rnn_dropout(rng):
    layer = layers.SimpleRNN(4, dropout=0.5, recurrent_dropout=0.5, seed=1, return_sequences=True)
    x = rng.standard_normal((3, 5, 2)).astype("float32")
    assert not torch.allclose(layer(x), layer(x, training=True))


def test_simple_rnn_cell_errors():
    with pytest.raises(ValueError, match="Received an invalid value for argument `units`, "
                                         "expected a positive integer, got 0."):
        layers.SimpleRNNCell(0)
