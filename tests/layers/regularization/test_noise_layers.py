import math

import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import layers
from torchkeras.testing import run_layer_test


@pytest.mark.parametrize("cls,kwargs", [
    (layers.GaussianNoise, {"stddev": 0.5}),
    (layers.GaussianDropout, {"rate": 0.3}),
    (layers.AlphaDropout, {"rate": 0.3}),
    (layers.SpatialDropout1D, {"rate": 0.3}),
])
def test_identity_in_inference(cls, kwargs, rng):
    x = rng.normal(size=(2, 3, 4)).astype("float32")
    run_layer_test(cls, kwargs, input_data=x, expected_output=x, supports_masking=True,
                   run_training_check=False)


def test_gaussian_noise_and_dropout_statistics():
    x = torch.full((400, 250), 2.0)
    noise = layers.GaussianNoise(0.5, seed=1)(x, training=True) - x
    assert abs(float(noise.mean())) < 0.01 and abs(float(noise.std()) - 0.5) < 0.01
    factor = layers.GaussianDropout(0.2, seed=1)(x, training=True) / x
    assert abs(float(factor.mean()) - 1.0) < 0.01
    assert abs(float(factor.std()) - math.sqrt(0.2 / 0.8)) < 0.01
    # A seed fixes the draws.
    a = layers.GaussianNoise(0.3, seed=5)(x, training=True)
    b = layers.GaussianNoise(0.3, seed=5)(x, training=True)
    assert torch.equal(a, b)
    assert torch.equal(layers.GaussianNoise(0.0)(x, training=True), x)


def test_alpha_dropout_keeps_mean_and_variance():
    x = torch.randn(500, 400, generator=torch.Generator().manual_seed(0))
    y = layers.AlphaDropout(0.2, seed=3)(x, training=True)
    alpha_p = -1.6732632423543772 * 1.0507009873554805
    a = ((1 - 0.2) * (1 + 0.2 * alpha_p ** 2)) ** -0.5
    b = -a * alpha_p * 0.2
    kept = torch.isclose(y, a * x + b)
    dropped = torch.isclose(y, torch.tensor(a * alpha_p + b))
    assert bool((kept | dropped).all())
    assert abs(float(dropped.float().mean()) - 0.2) < 0.01
    assert abs(float(y.mean())) < 0.02 and abs(float(y.std()) - 1.0) < 0.02
    shared = layers.AlphaDropout(0.5, noise_shape=(None, 1), seed=2)(x[:4], training=True)
    assert all(len(set(torch.isclose(row, torch.tensor(a * alpha_p + b)).tolist())) == 1
               for row in shared)


def test_spatial_dropout_drops_whole_channels():
    x = torch.ones(8, 5, 6)
    y = layers.SpatialDropout1D(0.5, seed=1)(x, training=True)
    # Each (sample, channel) is kept (scaled by 2) or dropped for every timestep.
    assert torch.equal(y, y[:, :1].expand_as(y))
    assert set(torch.unique(y).tolist()) <= {0.0, 2.0}
    image = torch.ones(4, 3, 3, 6)
    y = layers.SpatialDropout2D(0.5, seed=1)(image, training=True)
    assert torch.equal(y, y[:, :1, :1].expand_as(y))
    y = layers.SpatialDropout2D(0.5, data_format="channels_first", seed=1)(image, training=True)
    assert torch.equal(y, y[:, :, :1, :1].expand_as(y))
    volume = torch.ones(2, 2, 2, 2, 4)
    y = layers.SpatialDropout3D(0.5, seed=1)(volume, training=True)
    assert torch.equal(y, y[:, :1, :1, :1].expand_as(y))
    y = layers.SpatialDropout3D(0.5, data_format="channels_first")(volume, training=True)
    assert torch.equal(y, y[:, :, :1, :1, :1].expand_as(y))
    assert torch.equal(layers.SpatialDropout1D(1.0)(x, training=True), torch.zeros_like(x))


def test_configs():
    # Keras writes SpatialDropout configs with these keys only, `dtype` as a string.
    assert layers.SpatialDropout1D(0.2, name="s").get_config() == {
        "rate": 0.2, "seed": None, "name": "s", "dtype": "float32"
    }
    config = layers.SpatialDropout2D(0.2, seed=3).get_config()
    assert config["data_format"] == "channels_last" and config["seed"] == 3
    assert layers.SpatialDropout2D.from_config(config).get_config() == config
    assert layers.SpatialDropout3D(0.1).get_config()["data_format"] == "channels_last"
    assert {"rate": 0.1, "seed": 2, "noise_shape": None}.items() <= (
        layers.AlphaDropout(0.1, seed=2).get_config().items()
    )
    assert {"stddev": 0.1, "seed": None}.items() <= layers.GaussianNoise(0.1).get_config().items()
    assert {"rate": 0.1, "seed": None}.items() <= layers.GaussianDropout(0.1).get_config().items()
    config = layers.ActivityRegularization(l1=0.1, l2=0.2).get_config()
    assert "activity_regularizer" not in config and config["l1"] == 0.1 and config["l2"] == 0.2


def test_activity_regularization_adds_its_penalty(rng):
    x = rng.normal(size=(4, 3)).astype("float32")
    layer = layers.ActivityRegularization(l1=0.1, l2=0.2)
    np.testing.assert_array_equal(layer(x).numpy(), x)
    # Divided by the batch size, as Keras does with activity regularizers.
    expected = (0.1 * np.abs(x).sum() + 0.2 * (x ** 2).sum()) / 4
    np.testing.assert_allclose(float(sum(layer.losses)), expected, rtol=1e-5)
    model = keras.Sequential([keras.Input((3,)), layers.Dense(2),
                              layers.ActivityRegularization(l2=0.5)])
    model.compile(optimizer="sgd", loss="mse")
    model.set_weights([np.eye(3, 2, dtype="float32"), np.zeros(2, "float32")])
    loss = model.evaluate(x, np.zeros((4, 2), "float32"), verbose=0)
    np.testing.assert_allclose(loss, (x[:, :2] ** 2).mean() + 0.5 * (x[:, :2] ** 2).sum() / 4,
                               rtol=1e-5)


def test_errors():
    with pytest.raises(ValueError, match=r"Invalid value received for argument `stddev`. "
                                         r"Expected a float value between 0 and 1. Received: "
                                         r"stddev=2.0"):
        layers.GaussianNoise(2.0)
    with pytest.raises(ValueError, match=r"Invalid value received for argument `rate`. Expected "
                                         r"a float value between 0 and 1. Received: rate=1.5"):
        layers.GaussianDropout(1.5)
    with pytest.raises(ValueError, match=r"Expected a float value between 0 and 1. Received: "
                                         r"rate=-0.1"):
        layers.AlphaDropout(-0.1)
    with pytest.raises(ValueError, match=r"expected ndim=4, found ndim=2"):
        layers.SpatialDropout2D(0.5)(np.ones((2, 3), "float32"))
    with pytest.raises(TypeError, match=r"unexpected keyword argument 'trainable'"):
        layers.SpatialDropout1D(0.2, trainable=False)
