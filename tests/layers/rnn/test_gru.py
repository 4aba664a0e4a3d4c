import numpy as np
import pytest
import torch

from torchkeras import layers
from torchkeras.testing import run_layer_test

import rnn_numpy_reference as ref

MASKS = {
    "right": np.array([[1] * 5, [1] * 3 + [0] * 2, [0] * 5], bool),
    "left": np.array([[1] * 5, [0] * 2 + [1] * 3, [0] * 5], bool),
    "holes": np.array([[1, 0, 1, 0, 1], [1] * 5, [0, 1, 1, 0, 1]], bool),
}


def _gru(rng, units=4, input_dim=3, batch_size=None, **kwargs):
    layer = layers.GRU(units, **kwargs)
    layer.build((batch_size, 5, input_dim))
    layer.set_weights([
        rng.normal(0.0, 0.5, size=w.shape).astype("float32") for w in layer.get_weights()
    ])
    return layer, layer.get_weights()


def test_gru_basics():
    run_layer_test(
        layers.GRU, {"units": 3, "return_sequences": True}, input_shape=(2, 4, 5),
        expected_output_shape=(2, 4, 3), expected_num_trainable_weights=3,
        expected_num_non_trainable_weights=0, supports_masking=True,
    )


@pytest.mark.parametrize("reset_after", [True, False])
@pytest.mark.parametrize("go_backwards", [False, True])
@pytest.mark.parametrize("use_cudnn", ["auto", False])
def test_gru_matches_numpy(rng, reset_after, go_backwards, use_cudnn):
    layer, weights = _gru(rng, reset_after=reset_after, go_backwards=go_backwards,
                          use_cudnn=use_cudnn, return_sequences=True, return_state=True)
    x = rng.standard_normal((3, 5, 3)).astype("float32")
    h0 = rng.standard_normal((3, 4)).astype("float32")
    outputs, h = layer(x, initial_state=[h0])
    _, expected, (h_ref,) = ref.run(
        lambda xt, s: ref.gru_step(xt, s, *weights, reset_after=reset_after), x, [h0],
        go_backwards=go_backwards,
    )
    np.testing.assert_allclose(outputs.detach().numpy(), expected, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(h.detach().numpy(), h_ref, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("mask_name", sorted(MASKS))
@pytest.mark.parametrize("reset_after", [True, False])
@pytest.mark.parametrize("go_backwards", [False, True])
def test_gru_masks_follow_keras_rule(rng, mask_name, reset_after, go_backwards):
    layer, weights = _gru(rng, reset_after=reset_after, go_backwards=go_backwards,
                          return_sequences=True, return_state=True)
    x = rng.standard_normal((3, 5, 3)).astype("float32")
    h0 = rng.standard_normal((3, 4)).astype("float32")
    mask = MASKS[mask_name]
    outputs, h = layer(x, mask=torch.tensor(mask), initial_state=h0)
    _, expected, (h_ref,) = ref.run(
        lambda xt, s: ref.gru_step(xt, s, *weights, reset_after=reset_after), x, [h0],
        mask=mask, go_backwards=go_backwards,
    )
    np.testing.assert_allclose(outputs.detach().numpy(), expected, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(h.detach().numpy(), h_ref, rtol=1e-5, atol=1e-5)


def test_gru_without_bias_and_custom_activation(rng):
    layer, weights = _gru(rng, use_bias=False, activation="relu", return_sequences=True)
    assert [w.name for w in layer.weights] == ["kernel", "recurrent_kernel"]
    x = rng.standard_normal((3, 5, 3)).astype("float32")
    _, expected, _ = ref.run(
        lambda xt, s: ref.gru_step(xt, s, *weights, activation=ref.relu), x, [np.zeros((3, 4))]
    )
    np.testing.assert_allclose(layer(x).detach().numpy(), expected, rtol=1e-5, atol=1e-5)


def test_gru_weight_layout():
    layer = layers.GRU(4)
    layer.build((None, 5, 3))
    assert [w.path for w in layer.weights] == [
        "gru/gru_cell/kernel", "gru/gru_cell/recurrent_kernel", "gru/gru_cell/bias"
    ]
    assert [tuple(w.shape) for w in layer.weights] == [(3, 12), (4, 12), (2, 12)]
    before = layers.GRU(4, reset_after=False)
    before.build((None, 5, 3))
    assert [tuple(w.shape) for w in before.weights] == [(3, 12), (4, 12), (12,)]


def test_gru_dropout_and_recurrent_dropout(rng):
    layer = layers.GRU(4, dropout=0.4, recurrent_dropout=0.4, seed=2, return_sequences=True)
    x = rng.standard_normal((3, 5, 2)).astype("float32")
    inference = layer(x)
    assert not torch.allclose(layer(x, training=True), inference)
    assert layer.cell.dropout_mask_count == 3  # one mask per gate with recurrent dropout
    assert layer.cell._dropout_mask is None


def test_gru_stateful(rng):
    layer, weights = _gru(rng, stateful=True, batch_size=3)
    x = rng.standard_normal((3, 10, 3)).astype("float32")
    layer(x[:, :5])
    full, _, _ = ref.run(lambda xt, s: ref.gru_step(xt, s, *weights), x, [np.zeros((3, 4))])
    np.testing.assert_allclose(layer(x[:, 5:]).detach().numpy(), full, rtol=1e-5, atol=1e-5)


def test_gru_config_matches_keras():
    config = layers.GRU(3).get_config()
    # from keras 3.15.1
    assert sorted(config) == sorted([
        "name", "trainable", "dtype", "return_sequences", "return_state", "go_backwards",
        "stateful", "unroll", "zero_output_for_mask", "units", "activation",
        "recurrent_activation", "use_bias", "kernel_initializer", "recurrent_initializer",
        "bias_initializer", "kernel_regularizer", "recurrent_regularizer", "bias_regularizer",
        "activity_regularizer", "kernel_constraint", "recurrent_constraint", "bias_constraint",
        "dropout", "recurrent_dropout", "reset_after", "seed",
    ])
    assert layers.GRU.from_config(config).get_config() == config


def test_gru_cell_config_round_trip():
    cell = layers.GRUCell(3, reset_after=False, name="cell")
    config = cell.get_config()
    assert config["reset_after"] is False
    assert layers.GRUCell.from_config(config).get_config() == config


def test_gru_errors():
    with pytest.raises(ValueError, match="Input 0 with name 'None' of layer 'gru' is "
                                         "incompatible with the layer: expected ndim=3, found "
                                         "ndim=2"):
        layers.GRU(3, name="gru")(np.ones((2, 3), "float32"))
    with pytest.raises(ValueError, match="Received an invalid value for argument `units`, "
                                         "expected a positive integer, got -1."):
        layers.GRUCell(-1)
    with pytest.raises(ValueError, match="use_cudnn=True was specified"):
        layers.GRU(3, reset_after=False, use_cudnn=True)(np.ones((2, 4, 3), "float32"))
    with pytest.raises(ValueError, match=r"Layer 'gru' \(GRU\): `initial_state` should hold 1 "
                                         r"tensor\(s\)"):
        layers.GRU(3, name="gru")(np.ones((2, 4, 3), "float32"),
                                  initial_state=[np.ones((2, 3), "float32")] * 2)
