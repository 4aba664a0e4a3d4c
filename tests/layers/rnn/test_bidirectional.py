import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import layers
from torchkeras.testing import run_layer_test

import rnn_numpy_reference as ref


def _bidirectional(rng, merge_mode="concat", **kwargs):
    layer = layers.Bidirectional(layers.LSTM(3, **kwargs), merge_mode=merge_mode, name="bi")
    layer.build((None, 5, 4))
    layer.set_weights([rng.normal(0, 0.5, w.shape).astype("float32") for w in layer.weights])
    return layer


def _reference(layer, x, mask=None, initial=None):
    weights = layer.get_weights()
    forward, backward = weights[:3], weights[3:]
    zeros = [np.zeros((x.shape[0], 3))] * 2
    # Bidirectional makes masked steps output zeros when it returns sequences.
    zero_output = layer.return_sequences
    f = ref.run(lambda xt, s: ref.lstm_step(xt, s, *forward), x, initial[:2] if initial else zeros,
                mask=mask, zero_output_for_mask=zero_output)
    b = ref.run(lambda xt, s: ref.lstm_step(xt, s, *backward), x,
                initial[2:] if initial else zeros, mask=mask, go_backwards=True,
                zero_output_for_mask=zero_output)
    return f, b


def test_bidirectional_basics():
    run_layer_test(
        layers.Bidirectional, {"layer": layers.LSTM(3, return_sequences=True)},
        input_shape=(2, 4, 5), expected_output_shape=(2, 4, 6), expected_num_trainable_weights=6,
        expected_num_non_trainable_weights=0, supports_masking=True,
    )


@pytest.mark.parametrize("merge_mode", ["concat", "sum", "mul", "ave", None])
@pytest.mark.parametrize("return_sequences", [False, True])
def test_bidirectional_merge_modes_match_numpy(rng, merge_mode, return_sequences):
    layer = _bidirectional(rng, merge_mode, return_sequences=return_sequences)
    x = rng.standard_normal((3, 5, 4)).astype("float32")
    mask = np.array([[1] * 5, [1, 1, 1, 0, 0], [0, 0, 1, 1, 1]], bool)
    for kwargs in ({}, {"mask": mask}):
        (f_last, f_seq, _), (b_last, b_seq, _) = _reference(layer, x, **kwargs)
        if return_sequences:
            forward, backward = f_seq, b_seq[:, ::-1]
        else:
            forward, backward = f_last, b_last
        expected = {
            "concat": lambda: np.concatenate([forward, backward], -1),
            "sum": lambda: forward + backward,
            "mul": lambda: forward * backward,
            "ave": lambda: (forward + backward) / 2,
            None: lambda: None,
        }[merge_mode]()
        y = layer(x, **kwargs)
        if merge_mode is None:
            np.testing.assert_allclose(y[0].detach().numpy(), forward, rtol=1e-5, atol=1e-5)
            np.testing.assert_allclose(y[1].detach().numpy(), backward, rtol=1e-5, atol=1e-5)
        else:
            np.testing.assert_allclose(y.detach().numpy(), expected, rtol=1e-5, atol=1e-5)


def test_bidirectional_return_state_and_initial_state(rng):
    layer = _bidirectional(rng, return_sequences=True, return_state=True)
    x = rng.standard_normal((2, 5, 4)).astype("float32")
    initial = [rng.standard_normal((2, 3)).astype("float32") for _ in range(4)]
    output, fh, fc, bh, bc = layer(x, initial_state=initial)
    (_, f_seq, (fh_ref, fc_ref)), (_, b_seq, (bh_ref, bc_ref)) = _reference(
        layer, x, initial=initial
    )
    np.testing.assert_allclose(output.detach().numpy(),
                               np.concatenate([f_seq, b_seq[:, ::-1]], -1), rtol=1e-5, atol=1e-5)
    for got, want in zip((fh, fc, bh, bc), (fh_ref, fc_ref, bh_ref, bc_ref)):
        np.testing.assert_allclose(got.detach().numpy(), want, rtol=1e-5, atol=1e-5)
    assert layer.compute_output_shape((None, 5, 4)) == (
        (None, 5, 6), (None, 3), (None, 3), (None, 3), (None, 3)
    )


def test_bidirectional_structure_and_config():
    layer = layers.Bidirectional(layers.GRU(2, return_sequences=True), name="bi")
    layer.build((None, 5, 4))
    assert [w.path for w in layer.weights] == [
        "bi/forward_gru/gru_cell/kernel", "bi/forward_gru/gru_cell/recurrent_kernel",
        "bi/forward_gru/gru_cell/bias", "bi/backward_gru/gru_cell/kernel",
        "bi/backward_gru/gru_cell/recurrent_kernel", "bi/backward_gru/gru_cell/bias",
    ]
    assert layer.backward_layer.go_backwards and not layer.forward_layer.go_backwards
    # Masked steps output zeros when the sequences are returned (from keras 3.15.1 configs).
    assert layer.forward_layer.zero_output_for_mask and layer.backward_layer.zero_output_for_mask
    config = layer.get_config()
    assert sorted(config) == ["backward_layer", "dtype", "layer", "merge_mode", "name",
                              "trainable"]
    assert config["layer"]["config"]["name"] == "forward_gru"
    assert config["backward_layer"]["config"]["name"] == "backward_gru"
    clone = layers.Bidirectional.from_config(config)
    assert clone.get_config()["layer"]["config"] == config["layer"]["config"]


def test_bidirectional_custom_backward_layer_and_weights(rng):
    forward = layers.SimpleRNN(2, return_sequences=True)
    backward = layers.LSTM(3, return_sequences=True, go_backwards=True)
    layer = layers.Bidirectional(forward, backward_layer=backward)
    y = layer(np.ones((2, 4, 3), "float32"))
    assert y.shape == (2, 4, 5)
    assert layer.backward_layer is backward
    weights = [rng.normal(size=shape).astype("float32") for shape in ((3, 2), (2, 2), (2,))]
    initialised = layers.Bidirectional(layers.SimpleRNN(2), weights=weights * 2)
    initialised.build((None, 4, 3))
    np.testing.assert_array_equal(initialised.get_weights()[3], weights[0])


def test_bidirectional_in_a_trained_model(rng):
    model = keras.Sequential([
        keras.Input((5, 3)),
        layers.Bidirectional(layers.LSTM(4, return_sequences=True)),
        layers.Bidirectional(layers.GRU(2), merge_mode="ave"),
        layers.Dense(1),
    ])
    assert model.output_shape == (None, 1)
    model.compile(optimizer="sgd", loss="mse")
    x = rng.standard_normal((8, 5, 3)).astype("float32")
    before = [w.detach().clone() for w in model.trainable_weights]
    model.fit(x, np.ones((8, 1), "float32"), epochs=1, verbose=0)
    assert all(not torch.equal(b, w) for b, w in zip(before, model.trainable_weights))


def test_bidirectional_stateful():
    layer = layers.Bidirectional(layers.LSTM(2, stateful=True))
    layer(np.ones((3, 4, 2), "float32"))
    assert len(layer.states) == 4
    layer.reset_state()
    assert all(float(s.abs().sum()) == 0 for s in layer.states)
    with pytest.raises(AttributeError, match="Layer must be stateful."):
        layers.Bidirectional(layers.LSTM(2)).reset_state()


def test_bidirectional_errors():
    with pytest.raises(ValueError, match="Please initialize `Bidirectional` layer with a "
                                         "`keras.layers.Layer` instance. Received: 3"):
        layers.Bidirectional(3)
    with pytest.raises(ValueError, match="`backward_layer` need to be a `keras.layers.Layer` "
                                         "instance. Received: 3"):
        layers.Bidirectional(layers.LSTM(2), backward_layer=3)
    with pytest.raises(ValueError, match='Invalid merge mode. Received: x. Merge mode should be '
                                         'one of {"sum", "mul", "ave", "concat", None}'):
        layers.Bidirectional(layers.LSTM(2), merge_mode="x")
    with pytest.raises(ValueError, match="Forward layer and backward layer should have different "
                                         "`go_backwards` value. Received: "
                                         "forward_layer.go_backwards False, "
                                         "backward_layer.go_backwards=False"):
        layers.Bidirectional(layers.LSTM(2), backward_layer=layers.LSTM(2))
    with pytest.raises(ValueError, match="Forward layer and backward layer are expected to have "
                                         'the same value for attribute "return_sequences", got '
                                         '"False" for forward layer and "True" for backward '
                                         "layer"):
        layers.Bidirectional(layers.LSTM(2), backward_layer=layers.LSTM(
            2, go_backwards=True, return_sequences=True))
