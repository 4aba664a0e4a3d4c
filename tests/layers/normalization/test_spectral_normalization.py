import numpy as np
import pytest

from torchkeras import layers
from torchkeras import models
from torchkeras.testing import run_layer_test


def _normalize(v):
    return v / np.sqrt(np.sum(v ** 2))


def test_contract():
    run_layer_test(
        layers.SpectralNormalization, {"layer": layers.Dense(2)}, input_shape=(2, 3),
        expected_output_shape=(2, 2), expected_num_trainable_weights=2,
        expected_num_non_trainable_weights=1,
    )


def test_weights_in_keras_order():
    sn = layers.SpectralNormalization(layers.Dense(3, name="dense"), name="sn")
    sn(np.zeros((2, 4), "float32"))
    # Keras tracks the wrapped kernel as the wrapper's own weight too.
    assert [w.path for w in sn.weights] == ["sn/dense/kernel", "sn/vector_u", "sn/dense/bias"]
    assert [w.path for w in sn.trainable_weights] == ["sn/dense/kernel", "sn/dense/bias"]
    assert [w.path for w in sn.non_trainable_weights] == ["sn/vector_u"]
    assert sn.kernel is sn.layer.kernel


def test_training_call_divides_the_kernel_by_its_spectral_norm(rng):
    sn = layers.SpectralNormalization(layers.Conv2D(3, 2), power_iterations=3)
    x = rng.normal(size=(2, 4, 4, 2)).astype("float32")
    sn(x)
    kernel = rng.normal(size=(2, 2, 2, 3)).astype("float32")
    u = rng.normal(size=(1, 3)).astype("float32")
    bias = np.zeros(3, "float32")
    sn.set_weights([kernel, u, bias])
    inference = sn(x).detach().numpy()
    np.testing.assert_allclose(sn.kernel.numpy(), kernel)  # inference leaves it alone
    sn(x, training=True)
    w = kernel.reshape(-1, 3).astype(np.float64)
    u_ref = u.astype(np.float64)
    for _ in range(3):
        v_ref = _normalize(u_ref @ w.T)
        u_ref = _normalize(v_ref @ w)
    sigma = (v_ref @ w @ u_ref.T).item()
    np.testing.assert_allclose(sn.vector_u.numpy(), u_ref, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(sn.kernel.numpy(), kernel / sigma, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(sn(x).detach().numpy(), inference / sigma, rtol=1e-4,
                               atol=1e-5)


def test_all_zero_kernel_is_left_alone():
    sn = layers.SpectralNormalization(layers.Dense(2))
    sn(np.ones((1, 3), "float32"))
    u = np.array([[0.3, -0.4]], "float32")
    sn.set_weights([np.zeros((3, 2), "float32"), u, np.zeros(2, "float32")])
    sn(np.ones((1, 3), "float32"), training=True)
    np.testing.assert_array_equal(sn.kernel.numpy(), np.zeros((3, 2)))
    np.testing.assert_array_equal(sn.vector_u.numpy(), u)


def test_fit_and_config_round_trip(rng):
    model = models.Sequential([
        layers.Input(shape=(4,)),
        layers.SpectralNormalization(layers.Dense(2), power_iterations=2),
    ])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(rng.normal(size=(8, 4)).astype("float32"), np.zeros((8, 2), "float32"),
              epochs=1, verbose=0)
    config = model.layers[0].get_config()
    assert config["power_iterations"] == 2
    assert config["layer"]["class_name"] == "Dense"
    assert list(config)[-2:] == ["layer", "power_iterations"]
    clone = layers.SpectralNormalization.from_config(config)
    assert clone.get_config() == config


def test_errors():
    with pytest.raises(ValueError) as info:
        layers.SpectralNormalization(layers.Dense(3), power_iterations=0)
    assert str(info.value) == (
        "`power_iterations` should be greater than zero. Received: `power_iterations=0`"
    )
    with pytest.raises(ValueError) as info:
        layers.SpectralNormalization(3)
    assert str(info.value) == (
        "Layer 3 supplied to Wrapper isn't a supported layer type. Please ensure wrapped "
        "layer is a valid Keras layer."
    )
    with pytest.raises(ValueError) as info:
        layers.SpectralNormalization(layers.MaxPooling1D())(np.zeros((2, 4, 3), "float32"))
    assert str(info.value) == "MaxPooling1D object has no attribute 'kernel' nor 'embeddings'"
