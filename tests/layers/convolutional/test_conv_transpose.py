import numpy as np
import pytest

import conv_numpy_reference as ref
from torchkeras import layers
from torchkeras.testing import run_layer_test


def _set_random_weights(layer, rng, x):
    layer(x)
    layer.set_weights([rng.standard_normal(w.shape).astype("float32") for w in layer.get_weights()])


@pytest.mark.parametrize("cls, kwargs, input_shape, output_shape", [
    (layers.Conv1DTranspose, dict(filters=3, kernel_size=3, strides=2, padding="same"),
     (2, 5, 2), (2, 10, 3)),
    (layers.Conv2DTranspose, dict(filters=2, kernel_size=3, strides=2), (2, 3, 4, 2),
     (2, 7, 9, 2)),
    (layers.Conv3DTranspose, dict(filters=2, kernel_size=2, data_format="channels_first"),
     (2, 3, 2, 3, 2), (2, 2, 3, 4, 3)),
])
def test_conv_transpose_layer_contract(cls, kwargs, input_shape, output_shape):
    run_layer_test(
        cls, kwargs, input_shape=input_shape, expected_output_shape=output_shape,
        expected_num_trainable_weights=2, expected_num_non_trainable_weights=0,
    )


def test_kernel_layout_is_filters_then_inputs():
    layer = layers.Conv2DTranspose(5, (3, 2))
    layer.build((None, 4, 4, 3))
    assert tuple(layer.kernel.shape) == (3, 2, 5, 3)  # kernel_size + (filters, in)
    assert tuple(layer.bias.shape) == (5,)


def test_aliases():
    assert layers.Convolution1DTranspose is layers.Conv1DTranspose
    assert layers.Convolution2DTranspose is layers.Conv2DTranspose
    assert layers.Convolution3DTranspose is layers.Conv3DTranspose


def test_same_padding_crops_like_tensorflow():
    layer = layers.Conv1DTranspose(1, 3, strides=2, padding="same", use_bias=False)
    x = np.arange(1, 4, dtype="float32").reshape(1, 3, 1)
    layer(x)
    layer.set_weights([np.array([1.0, 10.0, 100.0], "float32").reshape(3, 1, 1)])
    # from keras 3.15.1: the odd element of the crop is taken at the end.
    np.testing.assert_allclose(
        layer(x).detach().numpy().ravel(), [1.0, 10.0, 102.0, 20.0, 203.0, 30.0]
    )


@pytest.mark.parametrize("kwargs, shape, out_spatial", [
    (dict(filters=3, kernel_size=3), (2, 5, 2), (7,)),
    (dict(filters=3, kernel_size=3, strides=2), (2, 5, 2), (11,)),
    (dict(filters=2, kernel_size=2, strides=3), (2, 4, 2), (12,)),
    (dict(filters=3, kernel_size=3, strides=2, padding="same"), (2, 5, 2), (10,)),
    (dict(filters=3, kernel_size=4, strides=2, padding="same"), (2, 5, 2), (10,)),
    (dict(filters=2, kernel_size=2, strides=3, padding="same"), (2, 4, 2), (12,)),
    (dict(filters=2, kernel_size=3, dilation_rate=2, padding="same"), (2, 6, 2), (6,)),
    (dict(filters=2, kernel_size=3, dilation_rate=2), (2, 6, 2), (10,)),
    (dict(filters=2, kernel_size=3, strides=2, output_padding=1), (2, 4, 3), (10,)),
    (dict(filters=2, kernel_size=3, strides=3, padding="same", output_padding=2), (2, 4, 3),
     (12,)),
])
def test_conv1d_transpose_is_the_adjoint_of_conv1d(rng, kwargs, shape, out_spatial):
    layer = layers.Conv1DTranspose(**kwargs)
    x = rng.standard_normal(shape).astype("float32")
    _set_random_weights(layer, rng, x)
    kernel, bias = layer.get_weights()
    expected = ref.conv_transpose(
        x, kernel, out_spatial, bias, kwargs.get("strides", 1), kwargs.get("padding", "valid"),
        kwargs.get("dilation_rate", 1),
    )
    y = layer(x).detach().numpy()
    np.testing.assert_allclose(y, expected, rtol=1e-5, atol=1e-5)
    assert layer.compute_output_shape(shape) == y.shape


@pytest.mark.parametrize("kwargs, shape, out_spatial", [
    (dict(filters=3, kernel_size=3, activation="relu"), (2, 4, 5, 2), (6, 7)),
    (dict(filters=3, kernel_size=3, strides=2, padding="same"), (2, 4, 3, 2), (8, 6)),
    (dict(filters=2, kernel_size=(4, 3), strides=(2, 3), padding="same"), (2, 3, 4, 2),
     (6, 12)),
    (dict(filters=2, kernel_size=3, strides=2, output_padding=(1, 0), use_bias=False),
     (2, 3, 3, 2), (8, 7)),
    (dict(filters=2, kernel_size=2, dilation_rate=(1, 2), padding="same"), (2, 3, 4, 2),
     (3, 4)),
])
def test_conv2d_transpose_matches_numpy(rng, kwargs, shape, out_spatial):
    layer = layers.Conv2DTranspose(**kwargs)
    x = rng.standard_normal(shape).astype("float32")
    _set_random_weights(layer, rng, x)
    weights = layer.get_weights()
    expected = ref.conv_transpose(
        x, weights[0], out_spatial, weights[1] if len(weights) > 1 else None,
        kwargs.get("strides", 1), kwargs.get("padding", "valid"),
        kwargs.get("dilation_rate", 1),
    )
    if kwargs.get("activation") == "relu":
        expected = np.maximum(expected, 0)
    np.testing.assert_allclose(layer(x).detach().numpy(), expected, rtol=1e-5, atol=1e-5)


def test_channels_first_equals_channels_last(rng):
    kwargs = dict(filters=2, kernel_size=3, strides=2, padding="same")
    last = layers.Conv3DTranspose(**kwargs)
    first = layers.Conv3DTranspose(data_format="channels_first", **kwargs)
    x = rng.standard_normal((2, 2, 3, 2, 2)).astype("float32")
    _set_random_weights(last, rng, x)
    first(ref.to_channels_first(x))
    first.set_weights(last.get_weights())
    kernel, bias = last.get_weights()
    expected = ref.conv_transpose(x, kernel, (4, 6, 4), bias, 2, "same")
    np.testing.assert_allclose(
        ref.to_channels_last(first(ref.to_channels_first(x)).detach().numpy()), expected,
        rtol=1e-5, atol=1e-5,
    )
    np.testing.assert_allclose(last(x).detach().numpy(), expected, rtol=1e-5, atol=1e-5)


def test_symbolic_output_shape():
    from torchkeras import Input

    y = layers.Conv2DTranspose(3, 3, strides=2, padding="same")(Input(shape=(None, 5, 2)))
    assert tuple(y.shape) == (None, None, 10, 3)


def test_config_keys():
    config = layers.Conv2DTranspose(2, 3, output_padding=1, strides=2).get_config()
    assert config["output_padding"] == (1, 1)
    assert "groups" not in config
    assert layers.Conv2DTranspose.from_config(config).get_config() == config


def test_output_padding_must_be_smaller_than_strides():
    with pytest.raises(ValueError) as info:
        layers.Conv2DTranspose(2, 3, strides=2, output_padding=(1, 2))
    assert str(info.value) == (
        "`output_padding` must be strictly less than `strides` for all dimensions. At "
        "dimension 1, `output_padding` is 2 but `strides` is 2. Received: "
        "output_padding=(1, 2), strides=(2, 2)"
    )


def test_output_padding_must_be_non_negative():
    with pytest.raises(ValueError, match="including values {-1} that do not satisfy"):
        layers.Conv1DTranspose(2, 3, output_padding=-1)


def test_transpose_argument_errors():
    with pytest.raises(ValueError, match="Received filters=-1."):
        layers.Conv2DTranspose(-1, 2)
    with pytest.raises(ValueError, match="`strides > 1` not supported in conjunction"):
        layers.Conv1DTranspose(2, 3, strides=2, dilation_rate=2)
    with pytest.raises(ValueError, match="one of {'same', 'valid'}. Received: causal"):
        layers.Conv1DTranspose(2, 3, padding="causal")


def test_unknown_channel_dimension():
    with pytest.raises(ValueError, match="the channel dimension of the inputs should be defined"):
        layers.Conv1DTranspose(2, 2).build((None, 4, None))


def test_plan_fallback_extends_with_bias_only(rng):
    # An output longer than torch can produce (output_padding >= strides, which the layers
    # refuse) is the full transposed convolution followed by positions holding only the bias.
    import torch

    from torchkeras.layers.convolutional import conv_utils

    x = torch.tensor(rng.standard_normal((1, 4, 2)), dtype=torch.float32)
    kernel = torch.tensor(rng.standard_normal((3, 2, 2)), dtype=torch.float32)
    bias = torch.tensor([0.5, -1.0])
    plan = conv_utils.ConvTransposePlan((4,), (3,), (2,), "valid", (2,), (1,))
    y = conv_utils.conv_transpose(
        x, conv_utils.kernel_to_torch(kernel, 1), bias, (2,), plan, (1,), 1, "channels_last"
    ).numpy()
    assert y.shape == (1, 11, 2)
    full = ref.conv_transpose(x.numpy(), kernel.numpy(), (9,), bias.numpy(), 2, "valid")
    np.testing.assert_allclose(y[:, :9], full, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(y[:, 9:], np.broadcast_to(bias.numpy(), (1, 2, 2)))
