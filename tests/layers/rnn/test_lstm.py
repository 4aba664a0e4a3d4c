import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import layers
from torchkeras.testing import run_layer_test

import rnn_numpy_reference as ref

MASKS = {
    "right": np.array([[1] * 6, [1] * 4 + [0] * 2, [1] + [0] * 5, [0] * 6], bool),
    "left": np.array([[1] * 6, [0] * 2 + [1] * 4, [0] * 5 + [1], [0] * 6], bool),
    "holes": np.array([[1, 0, 1, 1, 0, 1], [1] * 6, [0, 1, 0, 1, 0, 1], [1] * 6], bool),
}


def _numpy(tensor):
    return tensor.detach().numpy()


def _lstm(rng, units=5, input_dim=3, batch_size=None, **kwargs):
    layer = layers.LSTM(units, **kwargs)
    layer.build((batch_size, 6, input_dim))
    weights = [
        rng.normal(0.0, 0.5, size=(input_dim, 4 * units)).astype("float32"),
        rng.normal(0.0, 0.4, size=(units, 4 * units)).astype("float32"),
        rng.normal(0.0, 0.2, size=(4 * units,)).astype("float32"),
    ]
    layer.set_weights(weights)
    return layer, weights


def test_lstm_basics():
    run_layer_test(
        layers.LSTM, {"units": 3, "return_sequences": True}, input_shape=(2, 4, 5),
        expected_output_shape=(2, 4, 3), expected_num_trainable_weights=3,
        expected_num_non_trainable_weights=0, supports_masking=True,
    )


@pytest.mark.parametrize("use_cudnn", ["auto", False])
@pytest.mark.parametrize("go_backwards", [False, True])
def test_lstm_matches_numpy(rng, use_cudnn, go_backwards):
    layer, (k, rk, b) = _lstm(rng, return_sequences=True, return_state=True,
                              go_backwards=go_backwards, use_cudnn=use_cudnn)
    x = rng.standard_normal((4, 6, 3)).astype("float32")
    h0, c0 = rng.standard_normal((2, 4, 5)).astype("float32")
    outputs, h, c = layer(x, initial_state=[h0, c0])
    last, expected, (h_ref, c_ref) = ref.run(
        lambda xt, s: ref.lstm_step(xt, s, k, rk, b), x, [h0, c0], go_backwards=go_backwards
    )
    np.testing.assert_allclose(_numpy(outputs), expected, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(_numpy(h), h_ref, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(_numpy(c), c_ref, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("mask_name", sorted(MASKS))
@pytest.mark.parametrize("go_backwards", [False, True])
@pytest.mark.parametrize("zero_output", [False, True])
def test_lstm_masks_follow_keras_rule(rng, mask_name, go_backwards, zero_output):
    layer, (k, rk, b) = _lstm(rng, return_sequences=True, return_state=True,
                              go_backwards=go_backwards, zero_output_for_mask=zero_output)
    last_layer, _ = _lstm(np.random.default_rng(0), go_backwards=go_backwards,
                          zero_output_for_mask=zero_output)
    last_layer.set_weights([k, rk, b])
    x = rng.standard_normal((4, 6, 3)).astype("float32")
    h0, c0 = rng.standard_normal((2, 4, 5)).astype("float32")
    mask = MASKS[mask_name]
    outputs, h, c = layer(x, mask=torch.tensor(mask), initial_state=[h0, c0])
    last, expected, (h_ref, c_ref) = ref.run(
        lambda xt, s: ref.lstm_step(xt, s, k, rk, b), x, [h0, c0], mask=mask,
        go_backwards=go_backwards, zero_output_for_mask=zero_output,
    )
    np.testing.assert_allclose(_numpy(outputs), expected, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(_numpy(h), h_ref, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(_numpy(c), c_ref, rtol=1e-5, atol=1e-5)
    only_last = last_layer(x, mask=torch.tensor(mask), initial_state=[h0, c0])
    np.testing.assert_allclose(_numpy(only_last), last, rtol=1e-5, atol=1e-5)


def test_lstm_non_default_activations_run_the_cell(rng):
    layer, (k, rk, b) = _lstm(rng, activation="relu", recurrent_activation="hard_sigmoid",
                              return_sequences=True)
    x = rng.standard_normal((4, 6, 3)).astype("float32")
    _, expected, _ = ref.run(
        lambda xt, s: ref.lstm_step(xt, s, k, rk, b, ref.relu, ref.hard_sigmoid),
        x, [np.zeros((4, 5)), np.zeros((4, 5))],
    )
    np.testing.assert_allclose(_numpy(layer(x)), expected, rtol=1e-5, atol=1e-5)


def test_lstm_without_bias(rng):
    layer = layers.LSTM(4, use_bias=False, return_sequences=True)
    x = rng.standard_normal((2, 5, 3)).astype("float32")
    y = layer(x)
    assert [w.name for w in layer.weights] == ["kernel", "recurrent_kernel"]
    k, rk = layer.get_weights()
    _, expected, _ = ref.run(lambda xt, s: ref.lstm_step(xt, s, k, rk), x,
                             [np.zeros((2, 4)), np.zeros((2, 4))])
    np.testing.assert_allclose(_numpy(y), expected, rtol=1e-5, atol=1e-5)


def test_lstm_weights_layout_and_initialization():
    layer = layers.LSTM(4)
    layer.build((None, 7, 3))
    assert [w.path for w in layer.weights] == [
        "lstm/lstm_cell/kernel", "lstm/lstm_cell/recurrent_kernel", "lstm/lstm_cell/bias"
    ]
    kernel, recurrent_kernel, bias = layer.get_weights()
    assert kernel.shape == (3, 16) and recurrent_kernel.shape == (4, 16) and bias.shape == (16,)
    # unit_forget_bias: the forget gate (second quarter) starts at 1, the others at 0.
    np.testing.assert_array_equal(bias, np.r_[np.zeros(4), np.ones(4), np.zeros(8)])
    # Orthogonal recurrent kernel: orthonormal rows.
    np.testing.assert_allclose(recurrent_kernel @ recurrent_kernel.T, np.eye(4), atol=1e-5)
    assert np.abs(kernel).max() <= np.sqrt(6 / (3 + 16))


def test_lstm_gradients_reach_every_weight(rng):
    layer = layers.LSTM(4, return_sequences=True)
    x = torch.tensor(rng.standard_normal((2, 5, 3)).astype("float32"))
    mask = torch.tensor([[1, 1, 1, 0, 0], [1, 1, 1, 1, 1]], dtype=torch.bool)
    for kwargs in ({}, {"mask": mask}):
        layer.zero_grad()
        layer(x, **kwargs).sum().backward()
        assert all(w.grad is not None and w.grad.abs().sum() > 0 for w in layer.weights)


def test_lstm_stateful_continues_and_resets(rng):
    layer, (k, rk, b) = _lstm(rng, stateful=True, batch_size=4)
    x = rng.standard_normal((4, 12, 3)).astype("float32")
    first = layer(x[:, :6])
    second = layer(x[:, 6:])
    full, _, _ = ref.run(lambda xt, s: ref.lstm_step(xt, s, k, rk, b), x,
                         [np.zeros((4, 5)), np.zeros((4, 5))])
    half, _, _ = ref.run(lambda xt, s: ref.lstm_step(xt, s, k, rk, b), x[:, :6],
                         [np.zeros((4, 5)), np.zeros((4, 5))])
    np.testing.assert_allclose(_numpy(first), half, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(_numpy(second), full, rtol=1e-5, atol=1e-5)
    assert len(layer.states) == 2 and len(layer.weights) == 3
    layer.reset_state()
    assert all(float(s.abs().sum()) == 0.0 for s in layer.states)
    np.testing.assert_allclose(_numpy(layer(x[:, :6])), half, rtol=1e-5, atol=1e-5)


def test_lstm_stateful_trains_over_batches(rng):
    model = keras.Sequential([keras.Input(batch_shape=(4, 5, 3)),
                              layers.LSTM(3, stateful=True), layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    x = rng.standard_normal((8, 5, 3)).astype("float32")
    history = model.fit(x, np.ones((8, 1), "float32"), batch_size=4, epochs=2, shuffle=False,
                        verbose=0)
    assert len(history.history["loss"]) == 2
    assert model.layers[0].states[0].shape == (4, 3)


def test_lstm_stateful_errors():
    layer = layers.LSTM(3, stateful=True)
    layer(np.zeros((2, 4, 3), "float32"))
    with pytest.raises(ValueError, match="- Expected batch size: 2\n- Received batch size: 5"):
        layer(np.zeros((5, 4, 3), "float32"))
    with pytest.raises(ValueError, match=r"When using `stateful=True` in a RNN, the batch size "
                                         r"must be static. Found dynamic batch size: "
                                         r"sequence.shape=\(None, 4, 3\)"):
        layers.LSTM(3, stateful=True)(keras.Input((4, 3)))


def test_lstm_dropout(rng):
    layer = layers.LSTM(4, dropout=0.5, recurrent_dropout=0.3, seed=3, return_sequences=True)
    x = rng.standard_normal((3, 5, 2)).astype("float32")
    inference = layer(x)
    training = layer(x, training=True)
    assert not torch.allclose(inference, training)
    assert layer.cell._dropout_mask is None and layer.cell._recurrent_dropout_mask is None
    # Without dropout the same weights give the inference output.
    plain = layers.LSTM(4, return_sequences=True)
    plain(x)
    plain.set_weights(layer.get_weights())
    torch.testing.assert_close(plain(x), inference)
    # Input dropout alone keeps the fused path: one mask, shared by every timestep.
    fused = layers.LSTM(4, dropout=0.5, seed=1, return_sequences=True)
    fused(x)
    fused.set_weights(layer.get_weights())
    assert fused(x, training=True).shape == (3, 5, 4)


def test_lstm_symbolic_shapes_and_model():
    inputs = keras.Input((7, 3))
    outputs, h, c = layers.LSTM(4, return_sequences=True, return_state=True)(inputs)
    assert outputs.shape == (None, 7, 4) and h.shape == (None, 4) and c.shape == (None, 4)
    model = keras.Model(inputs, [outputs, h, c])
    results = model(np.ones((2, 7, 3), "float32"))
    assert [tuple(r.shape) for r in results] == [(2, 7, 4), (2, 4), (2, 4)]


def test_lstm_initial_state_from_symbolic_inputs(rng):
    sequence = keras.Input((5, 3))
    h0, c0 = keras.Input((4,)), keras.Input((4,))
    output = layers.LSTM(4, name="lstm")(sequence, initial_state=[h0, c0])
    model = keras.Model([sequence, h0, c0], output)
    x = rng.standard_normal((2, 5, 3)).astype("float32")
    h, c = rng.standard_normal((2, 2, 4)).astype("float32")
    k, rk, b = model.get_layer("lstm").get_weights()
    expected, _, _ = ref.run(lambda xt, s: ref.lstm_step(xt, s, k, rk, b), x, [h, c])
    np.testing.assert_allclose(model.predict([x, h, c], verbose=0), expected, rtol=1e-5,
                               atol=1e-5)


def test_lstm_config_matches_keras():
    config = layers.LSTM(3, name="lstm").get_config()
    # from keras 3.15.1
    assert sorted(config) == sorted([
        "name", "trainable", "dtype", "return_sequences", "return_state", "go_backwards",
        "stateful", "unroll", "zero_output_for_mask", "units", "activation",
        "recurrent_activation", "use_bias", "kernel_initializer", "recurrent_initializer",
        "bias_initializer", "unit_forget_bias", "kernel_regularizer", "recurrent_regularizer",
        "bias_regularizer", "activity_regularizer", "kernel_constraint",
        "recurrent_constraint", "bias_constraint", "dropout", "recurrent_dropout", "seed",
    ])
    assert config["recurrent_initializer"]["class_name"] == "Orthogonal"
    assert config["activation"] == "tanh" and config["recurrent_activation"] == "sigmoid"
    clone = layers.LSTM.from_config(config)
    assert clone.get_config() == config


def test_lstm_save_and_load(rng, tmp_path):
    model = keras.Sequential([keras.Input((5, 3)), layers.LSTM(4), layers.Dense(2)])
    x = rng.standard_normal((2, 5, 3)).astype("float32")
    path = str(tmp_path / "model.keras")
    model.save(path)
    loaded = keras.saving.load_model(path)
    np.testing.assert_allclose(loaded.predict(x, verbose=0), model.predict(x, verbose=0))


def test_lstm_errors():
    with pytest.raises(ValueError, match="Input 0 with name 'None' of layer 'lstm' is "
                                         "incompatible with the layer: expected ndim=3, found "
                                         r"ndim=2. Full shape received: \(2, 3\)"):
        layers.LSTM(3, name="lstm")(np.ones((2, 3), "float32"))
    with pytest.raises(ValueError, match="Received an invalid value for argument `units`, "
                                         "expected a positive integer, got 0."):
        layers.LSTM(0)
    with pytest.raises(ValueError, match="Invalid valid received for argument `use_cudnn`. "
                                         r"Expected one of \{'auto', True, False\}. "
                                         "Received: use_cudnn=x"):
        layers.LSTM(3, use_cudnn="x")
    with pytest.raises(ValueError, match="use_cudnn=True was specified, but cuDNN is not "
                                         "supported for this layer configuration"):
        layers.LSTM(3, activation="relu", use_cudnn=True)(np.ones((2, 4, 3), "float32"))
    layer = layers.LSTM(3, name="lstm")
    with pytest.raises(ValueError, match=r"Layer 'lstm' \(LSTM\): `initial_state` should hold 2 "
                                         r"tensor\(s\), one per state of the cell "
                                         r"\(state_size=\[3, 3\]\). Received: 1 tensor\(s\)."):
        layer(np.ones((2, 4, 3), "float32"), initial_state=[np.ones((2, 3), "float32")])
    with pytest.raises(ValueError, match=r"Layer 'lstm' \(LSTM\): initial state 0 should have "
                                         r"shape \(2, 3\). Received: shape=\(2, 4\)"):
        layer(np.ones((2, 4, 3), "float32"),
              initial_state=[np.ones((2, 4), "float32"), np.ones((2, 3), "float32")])
    with pytest.raises(ValueError, match=r"Layer 'lstm' \(LSTM\): the mask should have shape "
                                         r"\(batch_size, timesteps\) = \(2, 4\). "
                                         r"Received: mask.shape=\(2, 5\)"):
        layer(np.ones((2, 4, 3), "float32"), mask=np.ones((2, 5), bool))
