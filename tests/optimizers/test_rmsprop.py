import numpy as np
import pytest

from optimizer_reference import numpy_rmsprop
from optimizer_reference import numpy_trajectory
from optimizer_reference import run_keras_style
from torchkeras import optimizers


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"learning_rate": 0.1, "rho": 0.8},
        {"learning_rate": 0.1, "momentum": 0.5},
        {"learning_rate": 0.1, "centered": True},
        {"learning_rate": 0.1, "momentum": 0.5, "centered": True, "epsilon": 1e-3},
    ],
    ids=["defaults", "rho", "momentum", "centered", "momentum_centered"],
)
def test_matches_numpy_reference(kwargs):
    result = run_keras_style(optimizers.RMSprop(**kwargs))
    expected = numpy_trajectory(numpy_rmsprop, **kwargs)
    for variable, value in zip(result, expected):
        # float32 against a float64 reference: cancellation near 0 needs the atol.
        np.testing.assert_allclose(variable.numpy(), value, rtol=1e-5, atol=1e-5)


def test_epsilon_inside_the_square_root():
    # One step from zero state: v = (1 - rho) g^2, w -= lr g / sqrt(v + eps).
    optimizer = optimizers.RMSprop(learning_rate=1.0, epsilon=0.5)
    _, bias = run_keras_style(optimizer, steps=1)
    g = np.random.RandomState(0).randn(9)[6:]
    expected = np.array([0.2, -0.4, 1.5]) - g / np.sqrt(0.1 * g * g + 0.5)
    np.testing.assert_allclose(bias.numpy(), expected, rtol=1e-5)


def test_slots_and_config_match_keras():
    optimizer = optimizers.RMSprop(momentum=0.5, centered=True, name="rm_sprop")
    run_keras_style(optimizer, steps=1)
    # from keras 3.15.1: RMSprop(momentum=0.5, centered=True) variable paths, in order.
    assert [v.path for v in optimizer.variables] == [
        "rm_sprop/iteration", "rm_sprop/learning_rate", "rm_sprop/kernel_velocity",
        "rm_sprop/bias_velocity", "rm_sprop/kernel_momentum", "rm_sprop/bias_momentum",
        "rm_sprop/kernel_average_gradient", "rm_sprop/bias_average_gradient",
    ]
    # from keras 3.15.1: keras.optimizers.RMSprop().get_config() (name aside).
    config = optimizers.RMSprop(name="rm_sprop_4").get_config()
    assert config == {
        "name": "rm_sprop_4", "learning_rate": 0.0010000000474974513, "weight_decay": None,
        "clipnorm": None, "global_clipnorm": None, "clipvalue": None, "use_ema": False,
        "ema_momentum": 0.99, "ema_overwrite_frequency": None, "loss_scale_factor": None,
        "gradient_accumulation_steps": None, "rho": 0.9, "momentum": 0.0, "epsilon": 1e-07,
        "centered": False,
    }


def test_auto_name_is_keras_snake_case():
    from torchkeras.backend import global_state

    global_state.clear_session(free_memory=False)
    # from keras 3.15.1: RMSprop -> "rm_sprop", then "rm_sprop_1"; Adam -> "adam", "adam_1".
    assert optimizers.RMSprop().name == "rm_sprop"
    assert optimizers.RMSprop().name == "rm_sprop_1"
    assert optimizers.Adam().name == "adam"
    assert optimizers.Adam().name == "adam_1"
    assert optimizers.SGD(name="x").name == "x"
