import numpy as np
import pytest
import torch

from torchkeras import layers
from torchkeras import models
from torchkeras.testing import run_layer_test


def _reference(x, axis, gamma, beta, mean, variance, epsilon=1e-3):
    shape = [1] * x.ndim
    shape[axis] = -1
    x = x.astype(np.float64)
    return (x - mean.reshape(shape)) / np.sqrt(variance.reshape(shape) + epsilon) * gamma.reshape(
        shape
    ) + beta.reshape(shape)


def _injected(layer, rng, x):
    layer(x)
    layer.set_weights([rng.uniform(0.5, 1.5, w.shape).astype("float32") for w in layer.weights])
    return [w.numpy().astype(np.float64) for w in layer.weights]


def test_layer_contract():
    run_layer_test(
        layers.BatchNormalization, {}, input_shape=(4, 5, 3), expected_output_shape=(4, 5, 3),
        expected_num_trainable_weights=2, expected_num_non_trainable_weights=2,
        supports_masking=True,
    )


def test_weights_in_keras_order():
    layer = layers.BatchNormalization()
    layer.build((None, 4))
    assert [w.name for w in layer.weights] == ["gamma", "beta", "moving_mean", "moving_variance"]
    assert [w.name for w in layer.non_trainable_weights] == ["moving_mean", "moving_variance"]
    np.testing.assert_array_equal(layer.moving_variance.numpy(), np.ones(4))
    plain = layers.BatchNormalization(center=False, scale=False)
    plain.build((None, 4))
    assert [w.name for w in plain.weights] == ["moving_mean", "moving_variance"]
    assert plain.gamma is None and plain.beta is None


@pytest.mark.parametrize("axis, shape", [(-1, (4, 3, 5, 6)), (1, (4, 6, 3, 5)),
                                         (-1, (8, 5)), (0, (5, 4, 3)), (2, (3, 4, 5, 2))])
def test_training_uses_batch_statistics_and_updates_moving_ones(rng, axis, shape):
    layer = layers.BatchNormalization(axis=axis, momentum=0.9)
    x = rng.normal(1.0, 2.0, shape).astype("float32")
    gamma, beta, moving_mean, moving_var = _injected(layer, rng, x)
    reduce = tuple(i for i in range(x.ndim) if i != axis % x.ndim)
    mean = x.astype(np.float64).mean(axis=reduce)
    var = x.astype(np.float64).var(axis=reduce)  # biased, as Keras 3
    y = layer(x, training=True).detach().numpy()
    np.testing.assert_allclose(y, _reference(x, axis, gamma, beta, mean, var), rtol=1e-4,
                               atol=1e-4)
    np.testing.assert_allclose(layer.moving_mean.numpy(), moving_mean * 0.9 + mean * 0.1,
                               rtol=1e-5)
    np.testing.assert_allclose(layer.moving_variance.numpy(), moving_var * 0.9 + var * 0.1,
                               rtol=1e-5)
    # Inference uses the moving statistics and changes nothing.
    before = layer.moving_mean.numpy().copy()
    y = layer(x, training=False).detach().numpy()
    np.testing.assert_allclose(
        y, _reference(x, axis, gamma, beta, layer.moving_mean.numpy(),
                      layer.moving_variance.numpy()), rtol=1e-4, atol=1e-4,
    )
    np.testing.assert_array_equal(layer.moving_mean.numpy(), before)


def test_default_call_is_inference(rng):
    layer = layers.BatchNormalization()
    x = rng.normal(size=(4, 3)).astype("float32")
    np.testing.assert_allclose(layer(x).detach().numpy(), x / np.sqrt(1.001), rtol=1e-6)
    np.testing.assert_array_equal(layer.moving_mean.numpy(), np.zeros(3))


def test_single_row_batch(rng):
    layer = layers.BatchNormalization()
    x = rng.normal(size=(1, 3)).astype("float32")
    y = layer(x, training=True).detach().numpy()
    np.testing.assert_allclose(y, np.zeros((1, 3)), atol=1e-6)  # mean = x, variance 0
    np.testing.assert_allclose(layer.moving_mean.numpy(), 0.01 * x[0], rtol=1e-5)
    np.testing.assert_allclose(layer.moving_variance.numpy(), np.full(3, 0.99), rtol=1e-6)


def test_frozen_layer_runs_in_inference_mode(rng):
    layer = layers.BatchNormalization()
    x = rng.normal(2.0, 1.0, (6, 3)).astype("float32")
    layer(x)
    layer.trainable = False
    y = layer(x, training=True).detach().numpy()
    np.testing.assert_allclose(y, x / np.sqrt(1.001), rtol=1e-6)
    np.testing.assert_array_equal(layer.moving_mean.numpy(), np.zeros(3))


def test_mask_leaves_entries_out_of_the_statistics(rng):
    layer = layers.BatchNormalization(center=False, scale=False)
    x = rng.normal(size=(3, 4, 2)).astype("float32")
    mask = np.array([[1, 1, 0, 0], [1, 1, 1, 1], [0, 1, 0, 1]], dtype=bool)
    y = layer(x, training=True, mask=mask).detach().numpy()
    kept = x[mask].astype(np.float64)  # (valid, 2)
    count = mask.sum() + 1e-7  # Keras adds epsilon() to the count
    mean = kept.sum(axis=0) / count
    var = ((kept - mean) ** 2).sum(axis=0) / count
    np.testing.assert_allclose(y, (x - mean) / np.sqrt(var + 1e-3), rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(layer.moving_mean.numpy(), 0.01 * mean, rtol=1e-4)


def test_input_gradient_matches_the_closed_form(rng):
    layer = layers.BatchNormalization()
    x = torch.tensor(rng.normal(size=(6, 3)), dtype=torch.float32, requires_grad=True)
    gamma = np.array([0.5, 1.0, 2.0])
    layer(x)
    layer.set_weights([gamma, np.zeros(3), np.zeros(3), np.ones(3)])
    dy = rng.normal(size=(6, 3))
    (layer(x, training=True) * torch.tensor(dy, dtype=torch.float32)).sum().backward()
    xn = x.detach().numpy().astype(np.float64)
    n = xn.shape[0]
    inv_std = 1.0 / np.sqrt(xn.var(axis=0) + 1e-3)
    x_hat = (xn - xn.mean(axis=0)) * inv_std
    expected = gamma * inv_std / n * (
        n * dy - dy.sum(axis=0) - x_hat * (dy * x_hat).sum(axis=0)
    )
    np.testing.assert_allclose(x.grad.numpy(), expected, rtol=1e-4, atol=1e-5)


def test_batch_renormalization(rng):
    clipping = {"rmax": 1.5, "rmin": 0.7, "dmax": 0.4}
    layer = layers.BatchNormalization(renorm=True, renorm_clipping=clipping,
                                      renorm_momentum=0.9, momentum=0.8)
    x = rng.normal(1.0, 2.0, (8, 3)).astype("float32")
    layer(x)
    assert [w.name for w in layer.weights] == [
        "gamma", "beta", "moving_mean", "moving_variance", "moving_stddev", "renorm_mean",
        "renorm_stddev",
    ]
    np.testing.assert_array_equal(layer.moving_stddev.numpy(), np.ones(3))
    gamma, beta = np.array([1.0, 2.0, 0.5]), np.array([0.1, -0.2, 0.3])
    layer.set_weights([gamma, beta, np.zeros(3), np.ones(3), np.ones(3), np.full(3, 0.5),
                       np.full(3, 1.2)])
    y = layer(x, training=True).detach().numpy()
    xd = x.astype(np.float64)
    mean, var = xd.mean(axis=0), xd.var(axis=0)
    std = np.sqrt(var + 1e-3)
    r = np.clip(std / 1.2, 0.7, 1.5)
    d = np.clip((mean - 0.5) / 1.2, -0.4, 0.4)
    expected = (xd - mean) / std * (r * gamma) + (d * gamma + beta)
    np.testing.assert_allclose(y, expected, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(layer.renorm_mean.numpy(), 0.5 * 0.9 + mean * 0.1, rtol=1e-5)
    np.testing.assert_allclose(layer.renorm_stddev.numpy(), 1.2 * 0.9 + std * 0.1, rtol=1e-5)
    new_std = 0.8 + std * 0.2
    np.testing.assert_allclose(layer.moving_stddev.numpy(), new_std, rtol=1e-5)
    np.testing.assert_allclose(layer.moving_variance.numpy(), new_std ** 2 - 1e-3, rtol=1e-5)
    np.testing.assert_allclose(layer.moving_mean.numpy(), mean * 0.2, rtol=1e-5)


def test_fit_updates_moving_statistics_and_predict_uses_them(rng):
    model = models.Sequential([layers.Input(shape=(3,)), layers.BatchNormalization()])
    x = rng.normal(5.0, 2.0, (32, 3)).astype("float32")
    model.compile(optimizer="sgd", loss="mse")
    model.fit(x, np.zeros((32, 3), "float32"), batch_size=32, epochs=2, verbose=0)
    bn = model.layers[0]
    assert np.all(bn.moving_mean.numpy() > 0.05)
    expected = _reference(x, -1, bn.gamma.numpy(), bn.beta.numpy(), bn.moving_mean.numpy(),
                          bn.moving_variance.numpy())
    np.testing.assert_allclose(model.predict(x, verbose=0), expected, rtol=1e-4, atol=1e-4)


def test_synchronized_is_accepted_and_configs_round_trip():
    layer = layers.BatchNormalization(synchronized=True, momentum=0.9, axis=1)
    config = layer.get_config()
    assert config["synchronized"] is True
    assert (config["axis"], config["momentum"], config["epsilon"]) == (1, 0.9, 0.001)
    assert list(config)[-4:] == ["synchronized", "renorm", "renorm_clipping",
                                 "renorm_momentum"]
    assert layers.BatchNormalization.from_config(config).get_config() == config


def test_errors():
    with pytest.raises(ValueError) as info:
        layers.BatchNormalization(renorm=True, renorm_clipping={"rmax": 2, "foo": 1})
    assert str(info.value) == (
        "Received invalid keys for `renorm_clipping` argument: {'rmax': 2, 'foo': 1}. "
        "Supported values: ['rmax', 'rmin', 'dmax']."
    )
    with pytest.raises(ValueError) as info:
        layers.BatchNormalization(renorm=True, renorm_clipping={"rmax": 1, "rmin": 2})
    assert str(info.value) == (
        "rmax should be greater than rmin in the `renorm_clipping` argument. "
        "Received: rmax=1, rmin=2."
    )
    with pytest.raises(ValueError) as info:
        layers.BatchNormalization(renorm=True, renorm_clipping={"dmax": -1})
    assert str(info.value) == (
        "dmax should be non-negative in the `renorm_clipping` argument. Received: dmax=-1."
    )
    with pytest.raises(ValueError) as info:
        layers.BatchNormalization(axis=3)(np.zeros((2, 4), "float32"))
    assert str(info.value) == (
        "Axis 3 is out of bounds for input shape (2, 4). Received: axis=3"
    )
    with pytest.raises(ValueError, match="Axis 3 is out of bounds"):
        layers.BatchNormalization(axis=3).compute_output_shape((2, 4))
    with pytest.raises(ValueError) as info:
        layers.BatchNormalization(name="bn").build((None, None))
    assert str(info.value) == (
        "Layer 'bn' (BatchNormalization): axis -1 of the inputs should be "
        "defined. Found None. Received: input_shape=(None, None)"
    )
    with pytest.raises(ValueError) as info:
        layers.BatchNormalization()(
            np.zeros((2, 3, 4), "float32"), mask=np.ones((2,), bool), training=True
        )
    # from keras 3.15.1
    assert str(info.value) == (
        "The mask provided should be one dimension less than the inputs. Received: "
        "mask.shape=(2,), inputs.shape=(2, 3, 4)"
    )
