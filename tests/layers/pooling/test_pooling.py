import numpy as np
import pytest
import torch

import pool_numpy_reference as ref
from torchkeras import layers
from torchkeras.testing import run_layer_test

MAX = {1: layers.MaxPooling1D, 2: layers.MaxPooling2D, 3: layers.MaxPooling3D}
AVERAGE = {1: layers.AveragePooling1D, 2: layers.AveragePooling2D, 3: layers.AveragePooling3D}


@pytest.mark.parametrize("cls, kwargs, input_shape, output_shape", [
    (layers.MaxPooling1D, dict(), (2, 7, 3), (2, 3, 3)),
    (layers.AveragePooling2D, dict(pool_size=3, strides=2, padding="same"), (2, 5, 6, 2),
     (2, 3, 3, 2)),
    (layers.MaxPooling3D, dict(data_format="channels_first"), (2, 2, 4, 5, 4), (2, 2, 2, 2, 2)),
])
def test_pooling_layer_contract(cls, kwargs, input_shape, output_shape):
    run_layer_test(
        cls, kwargs, input_shape=input_shape, expected_output_shape=output_shape,
        expected_num_trainable_weights=0, expected_num_non_trainable_weights=0,
    )


def test_defaults_and_aliases():
    layer = layers.MaxPooling2D()
    assert (layer.pool_size, layer.strides, layer.padding) == ((2, 2), (2, 2), "valid")
    assert layers.AveragePooling1D(3).strides == (3,)
    assert layers.MaxPool1D is layers.MaxPooling1D
    assert layers.MaxPool2D is layers.MaxPooling2D
    assert layers.MaxPool3D is layers.MaxPooling3D
    assert layers.AvgPool1D is layers.AveragePooling1D
    assert layers.AvgPool2D is layers.AveragePooling2D
    assert layers.AvgPool3D is layers.AveragePooling3D
    assert layers.MaxPooling2D().built


@pytest.mark.parametrize("mode", ["max", "average"])
@pytest.mark.parametrize("rank, kwargs, shape", [
    (1, dict(pool_size=2), (2, 9, 3)),
    (1, dict(pool_size=3, strides=2, padding="same"), (2, 8, 3)),
    (1, dict(pool_size=2, strides=1, padding="same"), (2, 7, 2)),
    (2, dict(pool_size=3, strides=1), (2, 6, 5, 3)),
    (2, dict(pool_size=3, strides=2, padding="same"), (2, 7, 8, 3)),
    (2, dict(pool_size=(2, 3), strides=1, padding="same"), (2, 5, 6, 2)),
    (2, dict(pool_size=2, strides=3, padding="same"), (2, 7, 8, 2)),
    (2, dict(pool_size=4, strides=(1, 2), padding="same"), (2, 5, 6, 2)),
    (3, dict(pool_size=2), (2, 4, 5, 4, 2)),
    (3, dict(pool_size=3, strides=2, padding="same"), (2, 5, 4, 3, 2)),
])
def test_pooling_matches_numpy(rng, mode, rank, kwargs, shape):
    cls = MAX[rank] if mode == "max" else AVERAGE[rank]
    layer = cls(**kwargs)
    x = rng.standard_normal(shape).astype("float32")
    strides = kwargs.get("strides") or kwargs["pool_size"]
    expected = ref.pool(x, kwargs["pool_size"], strides, kwargs.get("padding", "valid"), mode)
    y = layer(x).detach().numpy()
    np.testing.assert_allclose(y, expected, rtol=1e-6, atol=1e-6)
    assert layer.compute_output_shape(shape) == y.shape


def test_same_average_excludes_the_padding():
    x = np.arange(1, 7, dtype="float32").reshape(1, 6, 1)
    y = layers.AveragePooling1D(3, strides=2, padding="same")(x)
    # from keras 3.15.1
    np.testing.assert_allclose(y.numpy().ravel(), [2.0, 4.0, 5.5])


def test_same_max_at_stride_one_with_an_even_window():
    x = np.array([3, 1, 4, 1, 5], dtype="float32").reshape(1, 5, 1)
    y = layers.MaxPooling1D(2, strides=1, padding="same")(x)
    # from keras 3.15.1: the padding goes after the input.
    np.testing.assert_allclose(y.numpy().ravel(), [3.0, 4.0, 4.0, 5.0, 5.0])


@pytest.mark.parametrize("cls", [layers.MaxPooling2D, layers.AveragePooling2D])
def test_channels_first_equals_channels_last(rng, cls):
    x = rng.standard_normal((2, 7, 8, 3)).astype("float32")
    last = cls(3, strides=2, padding="same")(x).numpy()
    first = cls(3, strides=2, padding="same", data_format="channels_first")(
        np.moveaxis(x, -1, 1)
    ).numpy()
    np.testing.assert_allclose(np.moveaxis(first, 1, -1), last, rtol=1e-6)


def test_max_pooling_gradient_goes_to_the_maximum():
    x = torch.tensor([[[1.0], [3.0], [2.0], [0.0]]], requires_grad=True)
    layers.MaxPooling1D(2)(x).sum().backward()
    np.testing.assert_array_equal(x.grad.numpy().ravel(), [0.0, 1.0, 1.0, 0.0])


def test_symbolic_output_shape():
    from torchkeras import Input

    y = layers.MaxPooling2D(3, strides=2, padding="same")(Input(shape=(None, 7, 2)))
    assert tuple(y.shape) == (None, None, 4, 2)


def test_config():
    config = layers.AveragePooling2D(3, strides=1, padding="same", name="p").get_config()
    assert {k: config[k] for k in ("pool_size", "padding", "strides", "data_format")} == {
        "pool_size": (3, 3), "padding": "same", "strides": (1, 1),
        "data_format": "channels_last",
    }
    assert list(config)[3:] == ["pool_size", "padding", "strides", "data_format"]
    # Keras keeps `padding` as given.
    assert layers.MaxPooling2D(padding="SAME").get_config()["padding"] == "SAME"


def test_errors():
    with pytest.raises(ValueError) as info:
        layers.MaxPooling2D(2, padding="full")
    assert str(info.value) == (
        "Argument `padding` must be either 'valid' or 'same'. Received: padding=full"
    )
    with pytest.raises(ValueError) as info:
        layers.AveragePooling2D(0)
    assert str(info.value) == (
        "The `pool_size` argument must be a tuple of 2 integers. Received pool_size=0, "
        "including values {0} that do not satisfy `value > 0`"
    )
    with pytest.raises(ValueError) as info:
        layers.MaxPooling2D(5).compute_output_shape((None, 3, 3, 1))
    # from keras 3.15.1
    assert str(info.value) == (
        "Computed output size would be zero or negative. Received: `inputs.shape=[None 3 3 1]`, "
        "`pool_size=[5 5]`, `strides=(5, 5)`, `padding=valid`."
    )
    with pytest.raises(ValueError, match="expected ndim=4, found ndim=3"):
        layers.MaxPooling2D()(np.zeros((1, 3, 3), "float32"))
