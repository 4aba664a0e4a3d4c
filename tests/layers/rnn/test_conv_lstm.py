import itertools

import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import layers
from torchkeras.layers.rnn.conv_lstm import ConvLSTMCell
from torchkeras.testing import run_layer_test

import rnn_numpy_reference as ref


def conv_nd(x, kernel, strides, padding, dilation=None):
    """Channels-last N-D convolution, TensorFlow padding (the odd pixel at the end)."""
    rank = kernel.ndim - 2
    dilation = dilation or (1,) * rank
    spatial = x.shape[1:-1]
    if padding == "same":
        out = [-(-n // s) for n, s in zip(spatial, strides)]
        pads = []
        for n, k, s, d, o in zip(spatial, kernel.shape[:rank], strides, dilation, out):
            total = max((o - 1) * s + (k - 1) * d + 1 - n, 0)
            pads.append((total // 2, total - total // 2))
        x = np.pad(x, [(0, 0)] + pads + [(0, 0)])
    else:
        out = [(n - d * (k - 1) - 1) // s + 1
               for n, k, s, d in zip(spatial, kernel.shape[:rank], strides, dilation)]
    y = np.zeros((x.shape[0], *out, kernel.shape[-1]))
    for position in itertools.product(*[range(o) for o in out]):
        for offset in itertools.product(*[range(k) for k in kernel.shape[:rank]]):
            index = tuple(p * s + o * d for p, s, o, d in zip(position, strides, offset, dilation))
            y[(slice(None), *position)] += x[(slice(None), *index)] @ kernel[offset]
    return y


def conv_lstm_reference(x, kernel, recurrent_kernel, bias, strides, padding, mask=None,
                        go_backwards=False):
    rank = kernel.ndim - 2

    def step(xt, states):
        h, c = states
        z = conv_nd(xt, kernel, strides, padding) + bias
        z = z + conv_nd(h, recurrent_kernel, (1,) * rank, "same")
        z_i, z_f, z_c, z_o = np.split(z, 4, axis=-1)
        c = ref.sigmoid(z_f) * c + ref.sigmoid(z_i) * np.tanh(z_c)
        h = ref.sigmoid(z_o) * np.tanh(c)
        return h, [h, c]

    first = conv_nd(x[:, 0], kernel, strides, padding)
    zeros = np.zeros(first.shape[:-1] + (kernel.shape[-1] // 4,))
    return ref.run(step, x, [zeros, zeros], mask=mask, go_backwards=go_backwards)


def _inject(layer, shape, rng):
    layer.build(shape)
    layer.set_weights([rng.normal(0, 0.3, w.shape).astype("float32") for w in layer.weights])
    return layer.get_weights()


def test_conv_lstm2d_basics():
    run_layer_test(
        layers.ConvLSTM2D, {"filters": 2, "kernel_size": 3, "padding": "same"},
        input_shape=(2, 3, 5, 5, 2), expected_output_shape=(2, 5, 5, 2),
        expected_num_trainable_weights=3, expected_num_non_trainable_weights=0,
    )


@pytest.mark.parametrize("kwargs", [
    {"kernel_size": 3},
    {"kernel_size": (2, 3), "strides": 2, "padding": "same"},
    {"kernel_size": 2, "padding": "same", "go_backwards": True},
])
def test_conv_lstm2d_matches_numpy(rng, kwargs):
    layer = layers.ConvLSTM2D(3, return_sequences=True, return_state=True, **kwargs)
    x = rng.standard_normal((2, 3, 6, 5, 2)).astype("float32")
    kernel, recurrent_kernel, bias = _inject(layer, x.shape, rng)
    mask = np.array([[1, 1, 0], [0, 1, 1]], bool)
    outputs, h, c = layer(x, mask=mask)
    _, expected, (h_ref, c_ref) = conv_lstm_reference(
        x, kernel, recurrent_kernel, bias, layer.strides, layer.padding, mask=mask,
        go_backwards=layer.go_backwards,
    )
    np.testing.assert_allclose(outputs.detach().numpy(), expected, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(c.detach().numpy(), c_ref, rtol=1e-4, atol=1e-5)


def test_conv_lstm1d_and_3d_match_numpy(rng):
    layer = layers.ConvLSTM1D(2, 3, padding="same", return_sequences=True)
    x = rng.standard_normal((2, 3, 5, 2)).astype("float32")
    weights = _inject(layer, x.shape, rng)
    _, expected, _ = conv_lstm_reference(x, *weights, (1,), "same")
    np.testing.assert_allclose(layer(x).detach().numpy(), expected, rtol=1e-4, atol=1e-5)

    layer = layers.ConvLSTM3D(2, 2)
    x = rng.standard_normal((2, 2, 3, 3, 4, 2)).astype("float32")
    weights = _inject(layer, x.shape, rng)
    expected, _, _ = conv_lstm_reference(x, *weights, (1, 1, 1), "valid")
    np.testing.assert_allclose(layer(x).detach().numpy(), expected, rtol=1e-4, atol=1e-5)


def test_conv_lstm_channels_first_matches_channels_last(rng):
    last = layers.ConvLSTM2D(2, 3, padding="same")
    first = layers.ConvLSTM2D(2, 3, padding="same", data_format="channels_first")
    x = rng.standard_normal((2, 3, 4, 5, 2)).astype("float32")
    _inject(last, x.shape, rng)
    first.build((2, 3, 2, 4, 5))
    first.set_weights(last.get_weights())
    y = first(np.moveaxis(x, -1, 2))
    np.testing.assert_allclose(np.moveaxis(y.detach().numpy(), 1, -1),
                               last(x).detach().numpy(), rtol=1e-5, atol=1e-6)


def test_conv_lstm_weights_initial_state_and_dropout(rng):
    layer = layers.ConvLSTM2D(3, 3, name="c", dropout=0.3, recurrent_dropout=0.3, seed=1)
    x = rng.standard_normal((2, 3, 6, 6, 2)).astype("float32")
    layer(x)
    assert [(w.path, tuple(w.shape)) for w in layer.weights] == [
        ("c/conv_lstm_cell/kernel", (3, 3, 2, 12)),
        ("c/conv_lstm_cell/recurrent_kernel", (3, 3, 3, 12)),
        ("c/conv_lstm_cell/bias", (12,)),
    ]
    np.testing.assert_array_equal(layer.get_weights()[2], np.r_[np.zeros(3), np.ones(3),
                                                                np.zeros(6)])
    h0 = np.zeros((2, 4, 4, 3), "float32")
    torch.testing.assert_close(layer(x, initial_state=[h0, h0]), layer(x))
    assert not torch.allclose(layer(x, training=True), layer(x))
    assert layer.compute_output_shape((None, 3, 6, 6, 2)) == (None, 4, 4, 3)
    stateful = layers.ConvLSTM1D(2, 2, stateful=True)
    stateful(np.ones((2, 3, 5, 1), "float32"))
    assert [tuple(s.shape) for s in stateful.states] == [(2, 4, 2), (2, 4, 2)]


def test_conv_lstm_config_matches_keras():
    config = layers.ConvLSTM2D(3, 3, name="c").get_config()
    # from keras 3.15.1
    assert sorted(config) == sorted([
        "name", "trainable", "dtype", "return_sequences", "return_state", "go_backwards",
        "stateful", "unroll", "zero_output_for_mask", "filters", "kernel_size", "strides",
        "padding", "data_format", "dilation_rate", "activation", "recurrent_activation",
        "use_bias", "kernel_initializer", "recurrent_initializer", "bias_initializer",
        "unit_forget_bias", "kernel_regularizer", "recurrent_regularizer", "bias_regularizer",
        "activity_regularizer", "kernel_constraint", "recurrent_constraint", "bias_constraint",
        "dropout", "recurrent_dropout", "seed",
    ])
    assert config["kernel_size"] == (3, 3) and config["data_format"] == "channels_last"
    assert layers.ConvLSTM2D.from_config(config).get_config() == config


def test_conv_lstm_in_model(rng):
    model = keras.Sequential([keras.Input((3, 5, 5, 1)),
                              layers.ConvLSTM2D(2, 3, padding="same"), layers.Flatten(),
                              layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(rng.standard_normal((4, 3, 5, 5, 1)).astype("float32"),
              np.ones((4, 1), "float32"), epochs=1, verbose=0)


def test_conv_lstm_errors():
    with pytest.raises(ValueError, match="Rank 4 convolutions are not currently implemented. "
                                         "Received: rank=4"):
        ConvLSTMCell(4, 2, 3)
    with pytest.raises(ValueError, match=r"Specifying `strides > 1` is not compatible with "
                                         r"`dilation_rate > 1`. Please provide `strides=1` or "
                                         r"`dilation_rate=1`. Received: strides=\(2, 2\) and "
                                         r"dilation_rate=\(2, 2\)"):
        layers.ConvLSTM2D(2, 3, strides=2, dilation_rate=2)
    with pytest.raises(ValueError, match="ConvLSTM layers only support static input shapes for "
                                         "the spatial dimension. Received invalid input shape: "
                                         r"input_shape=\(None, None, 4, 2\)"):
        layers.ConvLSTM2D(2, 3)(keras.Input((3, None, 4, 2)))
    with pytest.raises(ValueError, match=r"The channel dimension of the inputs \(last axis\) "
                                         "should be defined. Found None."):
        layers.ConvLSTM1D(2, 3)(keras.Input((3, 5, None)))
    layer = layers.ConvLSTM1D(2, 2, name="c")
    x = np.ones((2, 3, 5, 1), "float32")
    with pytest.raises(ValueError, match=r"Layer 'c' \(ConvLSTM1D\): `initial_state` should hold "
                                         r"2 tensors \(h and c\). Received: 1 tensor\(s\)."):
        layer(x, initial_state=[np.zeros((2, 4, 2), "float32")])
    with pytest.raises(ValueError, match=r"Layer 'c' \(ConvLSTM1D\): initial state 1 should have "
                                         r"shape \(2, 4, 2\). Received: shape=\(2, 5, 2\)"):
        layer(x, initial_state=[np.zeros((2, 4, 2), "float32"), np.zeros((2, 5, 2), "float32")])
