import warnings

import numpy as np
import pytest

from torchkeras import layers
from torchkeras.testing import run_layer_test


def _injected(layer, rng, x):
    layer(x)
    layer.set_weights([rng.uniform(0.5, 1.5, w.shape).astype("float32") for w in layer.weights])
    return [w.numpy().astype(np.float64) for w in layer.weights]


# -- LayerNormalization ------------------------------------------------------------------------
def test_layer_normalization_contract():
    run_layer_test(
        layers.LayerNormalization, {"axis": [1, 2]}, input_shape=(3, 4, 5),
        expected_output_shape=(3, 4, 5), expected_num_trainable_weights=2,
        expected_num_non_trainable_weights=0, supports_masking=True,
    )


@pytest.mark.parametrize("axis, shape", [(-1, (3, 4, 5)), ([1, 2], (3, 4, 5)), (1, (3, 4, 5)),
                                         ([-3, -1], (2, 3, 4, 5))])
def test_layer_normalization_matches_numpy(rng, axis, shape):
    layer = layers.LayerNormalization(axis=axis, epsilon=1e-5)
    x = rng.normal(1.0, 2.0, shape).astype("float32")
    gamma, beta = _injected(layer, rng, x)
    axes = tuple(np.array(axis if isinstance(axis, list) else [axis]) % len(shape))
    bshape = [shape[a] if a in axes else 1 for a in range(len(shape))]
    xd = x.astype(np.float64)
    mean = xd.mean(axis=axes, keepdims=True)
    var = xd.var(axis=axes, keepdims=True)
    expected = (xd - mean) / np.sqrt(var + 1e-5) * gamma.reshape(bshape) + beta.reshape(bshape)
    np.testing.assert_allclose(layer(x).detach().numpy(), expected, rtol=1e-4, atol=1e-5)


def test_layer_normalization_weights_and_config():
    layer = layers.LayerNormalization(center=False)
    layer.build((None, 4, 6))
    assert [(w.name, tuple(w.shape)) for w in layer.weights] == [("gamma", (6,))]
    assert layer.beta is None
    # Keras stores the axis as a list once built.
    assert layer.get_config()["axis"] == [-1]
    config = layers.LayerNormalization(axis=[2, 1], epsilon=1e-5).get_config()
    assert (config["axis"], config["epsilon"], config["rms_scaling"]) == ([2, 1], 1e-5, False)
    assert layers.LayerNormalization.from_config(config).get_config() == config


def test_layer_normalization_rms_scaling_is_deprecated(rng):
    x = rng.normal(1.0, 2.0, (3, 5)).astype("float32")
    with pytest.warns(UserWarning, match="`rms_scaling=True`, which is deprecated"):
        layer = layers.LayerNormalization(rms_scaling=True)
    y = layer(x).detach().numpy()
    assert [w.name for w in layer.weights] == ["gamma"]
    expected = x / np.sqrt(x.astype(np.float64).var(axis=-1, keepdims=True) + 1e-3)
    np.testing.assert_allclose(y, expected, rtol=1e-5)


def test_layer_normalization_passes_masks_through(rng):
    layer = layers.LayerNormalization()
    mask = np.array([[True, False]])
    x = rng.normal(size=(1, 2, 3)).astype("float32")
    assert layer.compute_mask(x, mask) is mask


def test_layer_normalization_errors():
    with pytest.raises(TypeError) as info:
        layers.LayerNormalization(axis="a")
    assert str(info.value) == (
        "Expected an int or a list/tuple of ints for the argument 'axis', but received: 'a'"
    )
    with pytest.raises(ValueError) as info:
        layers.LayerNormalization(axis=3)(np.zeros((2, 4), "float32"))
    assert str(info.value) == "Axis 3 is out of bounds for input shape (2, 4). Received: axis=3"


# -- GroupNormalization ------------------------------------------------------------------------
def test_group_normalization_contract():
    run_layer_test(
        layers.GroupNormalization, {"groups": 2}, input_shape=(3, 4, 6),
        expected_output_shape=(3, 4, 6), expected_num_trainable_weights=2,
        expected_num_non_trainable_weights=0, supports_masking=True,
    )


@pytest.mark.parametrize("groups, axis, shape", [(2, -1, (3, 4, 5, 6)), (-1, -1, (3, 5, 4)),
                                                 (3, 1, (3, 6, 4, 2)), (2, -1, (4, 6)),
                                                 (1, -2, (2, 4, 3))])
def test_group_normalization_matches_numpy(rng, groups, axis, shape):
    layer = layers.GroupNormalization(groups=groups, axis=axis, epsilon=1e-5)
    x = rng.normal(1.0, 2.0, shape).astype("float32")
    gamma, beta = _injected(layer, rng, x)
    channels = shape[axis]
    g = channels if groups == -1 else groups
    xd = np.moveaxis(x.astype(np.float64), axis, -1)  # (batch, ..., channels)
    grouped = xd.reshape(xd.shape[:-1] + (g, channels // g))
    axes = tuple(range(1, grouped.ndim - 2)) + (grouped.ndim - 1,)
    mean = grouped.mean(axis=axes, keepdims=True)
    var = grouped.var(axis=axes, keepdims=True)
    normalized = ((grouped - mean) / np.sqrt(var + 1e-5)).reshape(xd.shape) * gamma + beta
    expected = np.moveaxis(normalized, -1, axis)
    np.testing.assert_allclose(layer(x).detach().numpy(), expected, rtol=1e-4, atol=1e-5)


def test_group_normalization_instance_mode_resolves_groups():
    layer = layers.GroupNormalization(groups=-1)
    layer.build((None, 4, 5))
    assert layer.groups == 5
    assert layer.get_config()["groups"] == 5


def test_group_normalization_errors():
    with pytest.raises(ValueError) as info:
        layers.GroupNormalization(groups=0)
    assert str(info.value) == (
        "Received an invalid value for argument `groups`, expected a positive integer (or `-1` "
        "for instance normalization). Received: groups=0"
    )
    with pytest.raises(ValueError) as info:
        layers.GroupNormalization(groups=3)(np.zeros((2, 4), "float32"))
    # from keras 3.15.1 (its wording)
    assert str(info.value) == (
        "Number of groups (3) must be a multiple of the number of channels (4)."
    )
    with pytest.raises(ValueError) as info:
        layers.GroupNormalization(groups=8)(np.zeros((2, 4), "float32"))
    assert str(info.value) == "Number of groups (8) cannot be more than the number of channels (4)."
    with pytest.raises(ValueError) as info:
        layers.GroupNormalization(groups=2).build((None, 3, None))
    assert str(info.value) == (
        "Axis -1 of input tensor should have a defined dimension but the layer received an "
        "input with shape (None, 3, None)."
    )
    with pytest.raises(ValueError, match="Axis 2 is out of bounds"):
        layers.GroupNormalization(groups=2, axis=2).compute_output_shape((2, 4))
