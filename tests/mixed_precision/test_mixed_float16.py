"""`mixed_float16`: float32 variables, float16 computation, loss scaling in `compile`."""

import numpy as np
import pytest
import torch

import torchkeras as keras


@pytest.fixture
def mixed():
    keras.mixed_precision.set_global_policy("mixed_float16")
    yield
    keras.mixed_precision.set_global_policy("float32")


def test_layers_compute_in_float16_with_float32_variables(mixed):
    layer = keras.layers.Dense(2, kernel_initializer="ones", bias_initializer="ones")
    out = layer(np.array([[1.0, 2.0]], "float32"))
    assert out.dtype == torch.float16 and layer.kernel.dtype == torch.float32
    np.testing.assert_array_equal(out.detach().float().numpy(), [[4.0, 4.0]])
    # A float32 layer inside a mixed model computes in float32.
    model = keras.Sequential([
        keras.Input((2,)), keras.layers.Dense(3),
        keras.layers.Dense(1, dtype="float32"),
    ])
    assert model(np.ones((1, 2), "float32")).dtype == torch.float32


def test_compile_wraps_the_optimizer_in_loss_scaling_and_fit_trains(mixed):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input((4,)), keras.layers.Dense(8, activation="relu"),
        keras.layers.Dense(1, dtype="float32"),
    ])
    model.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse")
    assert isinstance(model.optimizer, keras.optimizers.LossScaleOptimizer)
    x = np.random.default_rng(0).random((64, 4)).astype("float32")
    y = x.sum(axis=1, keepdims=True)
    losses = model.fit(x, y, epochs=5, batch_size=16, verbose=0).history["loss"]
    assert np.all(np.isfinite(losses)) and losses[-1] < losses[0]
    model.compile(optimizer="sgd", loss="mse", auto_scale_loss=False)
    assert not isinstance(model.optimizer, keras.optimizers.LossScaleOptimizer)
