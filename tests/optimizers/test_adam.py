import numpy as np
import pytest

from optimizer_reference import numpy_adam
from optimizer_reference import numpy_trajectory
from optimizer_reference import run_keras_style
from torchkeras import optimizers


@pytest.mark.parametrize(
    "kwargs, decay",
    [
        ({}, 1.0),
        ({"learning_rate": 0.1}, 1.0),
        ({"learning_rate": 0.1, "beta_1": 0.5, "beta_2": 0.9, "epsilon": 1e-3}, 1.0),
        ({"learning_rate": 0.1, "amsgrad": True}, 0.3),
    ],
    ids=["defaults", "lr", "hyperparameters", "amsgrad"],
)
def test_matches_numpy_reference(kwargs, decay):
    result = run_keras_style(optimizers.Adam(**kwargs), decay=decay)
    expected = numpy_trajectory(numpy_adam, decay=decay, **kwargs)
    for variable, value in zip(result, expected):
        # float32 against a float64 reference: cancellation near 0 needs the atol.
        np.testing.assert_allclose(variable.numpy(), value, rtol=1e-5, atol=1e-5)


def test_epsilon_hat_closed_form():
    # Keras adds epsilon to the uncorrected sqrt(v) (torch.optim.Adam to the bias-corrected
    # one). At t = 1: m = 0.1 g, v = 0.001 g^2, alpha = lr sqrt(1 - beta_2) / (1 - beta_1),
    # computed in float32 as Keras does.
    optimizer = optimizers.Adam(learning_rate=1.0, epsilon=0.1)
    _, bias = run_keras_style(optimizer, steps=1)
    g = np.random.RandomState(0).randn(9)[6:]  # the bias gradient of step 1
    alpha = np.sqrt(np.float32(1) - np.float32(0.999)) / (np.float32(1) - np.float32(0.9))
    expected = np.array([0.2, -0.4, 1.5]) - 0.1 * g * alpha / (np.sqrt(0.001 * g * g) + 0.1)
    np.testing.assert_allclose(bias.numpy(), expected, rtol=1e-5)


def test_get_config_matches_keras():
    # from keras 3.15.1: keras.optimizers.Adam(name="adam").get_config()
    assert optimizers.Adam(name="adam").get_config() == {
        "name": "adam", "learning_rate": 0.0010000000474974513, "weight_decay": None,
        "clipnorm": None, "global_clipnorm": None, "clipvalue": None, "use_ema": False,
        "ema_momentum": 0.99, "ema_overwrite_frequency": None, "loss_scale_factor": None,
        "gradient_accumulation_steps": None, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07,
        "amsgrad": False,
    }


def test_slot_order_with_ema_and_accumulation_matches_keras():
    optimizer = optimizers.Adam(amsgrad=True, use_ema=True, gradient_accumulation_steps=2,
                                name="adam")
    run_keras_style(optimizer, steps=1)
    # from keras 3.15.1 (same options, variables named kernel/bias): the paths, in order.
    assert [v.path for v in optimizer.variables] == [
        "adam/iteration", "adam/learning_rate", "adam/kernel_average", "adam/bias_average",
        "adam/kernel_gradient_accumulator", "adam/bias_gradient_accumulator",
        "adam/kernel_momentum", "adam/kernel_velocity", "adam/bias_momentum",
        "adam/bias_velocity", "adam/kernel_velocity_hat", "adam/bias_velocity_hat",
    ]
    assert [str(v.dtype) for v in optimizer.variables[:2]] == ["torch.int64", "torch.float32"]
    assert [tuple(v.shape) for v in optimizer.variables[2:4]] == [(2, 3), (3,)]
    assert all(not v.requires_grad for v in optimizer.variables)
