import numpy as np
import pytest

from torchkeras import layers
from torchkeras.testing import run_layer_test


def test_rms_normalization_contract():
    run_layer_test(
        layers.RMSNormalization, {}, input_shape=(3, 4, 5), expected_output_shape=(3, 4, 5),
        expected_num_trainable_weights=1, expected_num_non_trainable_weights=0,
    )


@pytest.mark.parametrize("axis, shape", [(-1, (3, 4, 5)), ([1, 2], (3, 4, 5)), (1, (3, 4, 5))])
def test_rms_normalization_matches_numpy(rng, axis, shape):
    layer = layers.RMSNormalization(axis=axis, epsilon=1e-3)
    x = rng.normal(1.0, 2.0, shape).astype("float32")
    layer(x)
    scale = rng.uniform(0.5, 1.5, layer.scale.shape).astype("float32")
    layer.set_weights([scale])
    axes = tuple(np.array(axis if isinstance(axis, list) else [axis]) % len(shape))
    bshape = [shape[a] if a in axes else 1 for a in range(len(shape))]
    xd = x.astype(np.float64)
    expected = xd / np.sqrt((xd ** 2).mean(axis=axes, keepdims=True) + 1e-3) * scale.reshape(
        bshape
    )
    np.testing.assert_allclose(layer(x).detach().numpy(), expected, rtol=1e-5, atol=1e-6)


def test_rms_normalization_weights_and_config():
    layer = layers.RMSNormalization()
    layer.build((None, 3, 7))
    assert [(w.name, tuple(w.shape)) for w in layer.weights] == [("scale", (7,))]
    np.testing.assert_array_equal(layer.scale.numpy(), np.ones(7))
    config = layers.RMSNormalization(axis=[1, 2], epsilon=1e-5).get_config()
    assert (config["axis"], config["epsilon"]) == ([1, 2], 1e-5)
    assert layers.RMSNormalization().get_config()["epsilon"] == 1e-6


def test_rms_normalization_axis_out_of_bounds():
    with pytest.raises(ValueError) as info:
        layers.RMSNormalization(axis=4)(np.zeros((2, 4), "float32"))
    assert str(info.value) == "Axis 4 is out of bounds for input shape (2, 4). Received: axis=4"


def test_unit_normalization_contract():
    run_layer_test(
        layers.UnitNormalization, {"axis": [1, 2]}, input_shape=(3, 4, 5),
        expected_output_shape=(3, 4, 5), expected_num_trainable_weights=0,
        expected_num_non_trainable_weights=0, supports_masking=True,
    )


@pytest.mark.parametrize("axis", [-1, [1, 2], 1])
def test_unit_normalization_matches_numpy(rng, axis):
    x = rng.normal(size=(3, 4, 5)).astype("float32")
    axes = tuple(axis) if isinstance(axis, list) else axis
    expected = x / np.sqrt((x.astype(np.float64) ** 2).sum(axis=axes, keepdims=True))
    np.testing.assert_allclose(
        layers.UnitNormalization(axis=axis)(x).numpy(), expected, rtol=1e-5, atol=1e-6
    )


def test_unit_normalization_of_zeros_is_zero():
    np.testing.assert_array_equal(
        layers.UnitNormalization()(np.zeros((2, 3), "float32")).numpy(), np.zeros((2, 3))
    )


def test_unit_normalization_errors_and_config():
    with pytest.raises(TypeError) as info:
        layers.UnitNormalization(axis="a")
    assert str(info.value) == (
        "Invalid value for `axis` argument: expected an int or a list/tuple of ints. "
        "Received: axis=a"
    )
    with pytest.raises(ValueError) as info:
        layers.UnitNormalization(axis=4).compute_output_shape((2, 4))
    assert str(info.value) == "Axis 4 is out of bounds for input shape (2, 4)."
    assert layers.UnitNormalization(axis=(1, 2)).get_config()["axis"] == [1, 2]
