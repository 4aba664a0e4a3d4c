import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import layers
from torchkeras.testing import run_layer_test


def test_dense_basics():
    run_layer_test(
        layers.Dense, {"units": 5, "activation": "relu"}, input_shape=(2, 3),
        expected_output_shape=(2, 5), expected_num_trainable_weights=2,
        expected_num_non_trainable_weights=0, supports_masking=True,
    )


def test_dense_numbers_match_numpy(rng):
    layer = layers.Dense(3, activation="tanh")
    x = rng.standard_normal((4, 2)).astype("float32")
    layer.build((None, 2))
    kernel = rng.standard_normal((2, 3)).astype("float32")
    bias = rng.standard_normal(3).astype("float32")
    layer.set_weights([kernel, bias])
    np.testing.assert_allclose(
        layer(x).detach().numpy(), np.tanh(x @ kernel + bias), rtol=1e-5, atol=1e-6
    )


def test_dense_on_3d_input_and_no_bias(rng):
    layer = layers.Dense(2, use_bias=False)
    x = rng.standard_normal((2, 4, 3)).astype("float32")
    y = layer(x)
    assert y.shape == (2, 4, 2)
    assert [w.name for w in layer.weights] == ["kernel"]
    np.testing.assert_allclose(y.detach().numpy(), x @ layer.kernel.numpy(), rtol=1e-5, atol=1e-6)


def test_dense_weight_layout_and_glorot_bounds():
    layer = layers.Dense(64)
    layer.build((None, 32))
    assert tuple(layer.kernel.shape) == (32, 64)  # Keras layout (in, out)
    limit = np.sqrt(6 / (32 + 64))
    assert np.abs(layer.kernel.numpy()).max() <= limit
    assert np.all(layer.bias.numpy() == 0)


def test_dense_config():
    config = layers.Dense(4, activation="relu", name="d").get_config()
    assert config["units"] == 4
    assert config["activation"] == "relu"
    assert config["kernel_initializer"]["class_name"] == "GlorotUniform"
    assert config["bias_initializer"] == {
        "module": "keras.initializers", "class_name": "Zeros", "config": {}, "registered_name": None
    }
    assert config["dtype"]["config"] == {"name": "float32"}


def test_dense_invalid_units():
    with pytest.raises(ValueError, match="Received an invalid value for `units`, expected a positive integer. Received: units=0"):
        layers.Dense(0)


def test_dense_unknown_activation():
    with pytest.raises(ValueError, match="Could not interpret activation function identifier: nope"):
        layers.Dense(2, activation="nope")


def test_softmax_output_keeps_its_logits(rng):
    layer = layers.Dense(3, activation="softmax")
    y = layer(rng.standard_normal((2, 4)).astype("float32"))
    assert hasattr(y, "_keras_logits")
    torch.testing.assert_close(torch.softmax(y._keras_logits, -1), y)


def test_dense_float64_input_is_cast_to_float32(rng):
    y = layers.Dense(2)(rng.standard_normal((2, 3)))
    assert y.dtype == torch.float32


def test_integer_inputs_are_promoted_to_the_kernel_dtype():
    # As Keras's matmul promotes: lookup-layer counts (int64) feed a Dense.
    import torchkeras as keras

    layer = keras.layers.Dense(1, kernel_initializer="ones", bias_initializer="zeros")
    assert layer(keras.Input((3,), dtype="int64")).dtype == "float32"
    out = layer(np.array([[1, 2, 3]], dtype="int64"))
    assert out.dtype == torch.float32
    np.testing.assert_allclose(out.detach().numpy(), [[6.0]])
