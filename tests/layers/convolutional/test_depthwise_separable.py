import numpy as np
import pytest

import conv_numpy_reference as ref
from torchkeras import layers
from torchkeras.testing import run_layer_test


def _set_random_weights(layer, rng, x):
    layer(x)
    layer.set_weights([rng.standard_normal(w.shape).astype("float32") for w in layer.get_weights()])


@pytest.mark.parametrize("cls, kwargs, input_shape, output_shape, n_weights", [
    (layers.DepthwiseConv1D, dict(kernel_size=3, depth_multiplier=2), (2, 6, 3), (2, 4, 6), 2),
    (layers.DepthwiseConv2D, dict(kernel_size=3, strides=2, padding="same"), (2, 5, 5, 2),
     (2, 3, 3, 2), 2),
    (layers.SeparableConv1D, dict(filters=4, kernel_size=3, padding="same"), (2, 6, 3),
     (2, 6, 4), 3),
    (layers.SeparableConv2D, dict(filters=4, kernel_size=2, depth_multiplier=2,
                                  data_format="channels_first"), (2, 3, 5, 4), (2, 4, 4, 3), 3),
])
def test_layer_contract(cls, kwargs, input_shape, output_shape, n_weights):
    run_layer_test(
        cls, kwargs, input_shape=input_shape, expected_output_shape=output_shape,
        expected_num_trainable_weights=n_weights, expected_num_non_trainable_weights=0,
    )


def test_weight_layouts():
    depthwise = layers.DepthwiseConv2D(3, depth_multiplier=2)
    depthwise.build((None, 8, 8, 5))
    assert [(w.name, tuple(w.shape)) for w in depthwise.weights] == [
        ("kernel", (3, 3, 5, 2)), ("bias", (10,))
    ]
    separable = layers.SeparableConv1D(4, 3, depth_multiplier=2)
    separable.build((None, 8, 5))
    assert [(w.name, tuple(w.shape)) for w in separable.weights] == [
        ("depthwise_kernel", (3, 5, 2)), ("pointwise_kernel", (1, 10, 4)), ("bias", (4,))
    ]
    assert layers.SeparableConvolution1D is layers.SeparableConv1D
    assert layers.SeparableConvolution2D is layers.SeparableConv2D


@pytest.mark.parametrize("cls, kwargs, shape", [
    (layers.DepthwiseConv1D, dict(kernel_size=3), (2, 8, 3)),
    (layers.DepthwiseConv1D, dict(kernel_size=3, strides=2, padding="same", depth_multiplier=2),
     (2, 9, 3)),
    (layers.DepthwiseConv2D, dict(kernel_size=3, depth_multiplier=3, activation="relu"),
     (2, 6, 5, 2)),
    (layers.DepthwiseConv2D, dict(kernel_size=3, strides=2, padding="same"), (2, 8, 7, 3)),
    (layers.DepthwiseConv2D, dict(kernel_size=2, dilation_rate=2, depth_multiplier=2),
     (2, 6, 6, 2)),
])
def test_depthwise_matches_numpy(rng, cls, kwargs, shape):
    layer = cls(**kwargs)
    x = rng.standard_normal(shape).astype("float32")
    _set_random_weights(layer, rng, x)
    kernel, bias = layer.get_weights()
    expected = ref.depthwise_conv(x, kernel, bias, kwargs.get("strides", 1),
                                  kwargs.get("padding", "valid"), kwargs.get("dilation_rate", 1))
    if kwargs.get("activation") == "relu":
        expected = np.maximum(expected, 0)
    np.testing.assert_allclose(layer(x).detach().numpy(), expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("cls, kwargs, shape", [
    (layers.SeparableConv1D, dict(filters=4, kernel_size=3), (2, 8, 3)),
    (layers.SeparableConv1D, dict(filters=3, kernel_size=3, strides=2, padding="same",
                                  depth_multiplier=2), (2, 9, 2)),
    (layers.SeparableConv2D, dict(filters=3, kernel_size=3, strides=2, padding="same",
                                  depth_multiplier=2), (2, 7, 8, 2)),
    (layers.SeparableConv2D, dict(filters=2, kernel_size=2, dilation_rate=2), (2, 6, 6, 3)),
])
def test_separable_matches_numpy(rng, cls, kwargs, shape):
    layer = cls(**kwargs)
    x = rng.standard_normal(shape).astype("float32")
    _set_random_weights(layer, rng, x)
    depthwise, pointwise, bias = layer.get_weights()
    hidden = ref.depthwise_conv(x, depthwise, None, kwargs.get("strides", 1),
                                kwargs.get("padding", "valid"), kwargs.get("dilation_rate", 1))
    expected = ref.conv(hidden, pointwise, bias)
    np.testing.assert_allclose(layer(x).detach().numpy(), expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("cls, kwargs", [
    (layers.DepthwiseConv2D, dict(kernel_size=3, strides=2, padding="same",
                                  depth_multiplier=2)),
    (layers.SeparableConv2D, dict(filters=3, kernel_size=3, strides=2, padding="same")),
])
def test_channels_first_equals_channels_last(rng, cls, kwargs):
    last = cls(**kwargs)
    first = cls(data_format="channels_first", **kwargs)
    x = rng.standard_normal((2, 7, 6, 3)).astype("float32")
    _set_random_weights(last, rng, x)
    first(ref.to_channels_first(x))
    first.set_weights(last.get_weights())
    np.testing.assert_allclose(
        ref.to_channels_last(first(ref.to_channels_first(x)).detach().numpy()),
        last(x).detach().numpy(), rtol=1e-5, atol=1e-5,
    )


def test_config_round_trip():
    layer = layers.SeparableConv2D(4, 3, depth_multiplier=2, pointwise_regularizer="l2")
    config = layer.get_config()
    assert config["pointwise_regularizer"]["class_name"] == "L2"
    assert list(config)[3:6] == ["depth_multiplier", "filters", "kernel_size"]
    assert layers.SeparableConv2D.from_config(config).get_config() == config
    config = layers.DepthwiseConv1D(3).get_config()
    assert config["depthwise_initializer"]["class_name"] == "GlorotUniform"
    assert "filters" not in config


def test_errors():
    with pytest.raises(ValueError) as info:
        layers.DepthwiseConv2D(3, depth_multiplier=0)
    assert str(info.value) == (
        "Invalid value for argument `depth_multiplier`. Expected a strictly positive value. "
        "Received depth_multiplier=0."
    )
    with pytest.raises(ValueError, match="Received depth_multiplier=-1."):
        layers.SeparableConv1D(2, 3, depth_multiplier=-1)
    with pytest.raises(ValueError, match="Received filters=0."):
        layers.SeparableConv2D(0, 3)
    with pytest.raises(ValueError, match="the channel dimension of the inputs should be defined"):
        layers.DepthwiseConv1D(2).build((None, 5, None))
    with pytest.raises(ValueError, match="the channel dimension of the inputs should be defined"):
        layers.SeparableConv1D(2, 2).build((None, 5, None))
    with pytest.raises(ValueError, match="Computed output size would be zero or negative"):
        layers.DepthwiseConv2D(4)(np.zeros((1, 3, 3, 1), "float32"))
