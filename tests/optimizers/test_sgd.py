import numpy as np
import pytest

from optimizer_reference import numpy_sgd
from optimizer_reference import numpy_trajectory
from optimizer_reference import run_keras_style
from torchkeras import optimizers


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"learning_rate": 0.1, "momentum": 0.9}, {"learning_rate": 0.1, "momentum": 0.5,
                                                   "nesterov": True}],
    ids=["plain", "momentum", "nesterov"],
)
def test_matches_numpy_reference(kwargs):
    result = run_keras_style(optimizers.SGD(**kwargs))
    expected = numpy_trajectory(numpy_sgd, **kwargs)
    for variable, value in zip(result, expected):
        # float32 against a float64 reference: cancellation near 0 needs the atol.
        np.testing.assert_allclose(variable.numpy(), value, rtol=1e-5, atol=1e-5)


def test_defaults_and_slots():
    optimizer = optimizers.SGD(name="sgd")
    assert optimizer.momentum == 0.0 and optimizer.nesterov is False
    np.testing.assert_allclose(float(optimizer.learning_rate), 0.01, rtol=1e-7)
    kernel, bias = run_keras_style(optimizer, steps=1)
    # No momentum: no slot variables, as Keras.
    assert [v.path for v in optimizer.variables] == ["sgd/iteration", "sgd/learning_rate"]
    with_momentum = optimizers.SGD(momentum=0.9, name="sgd_m")
    run_keras_style(with_momentum, steps=1)
    assert [v.path for v in with_momentum.variables] == [
        "sgd_m/iteration", "sgd_m/learning_rate", "sgd_m/kernel_momentum", "sgd_m/bias_momentum"]


def test_get_config_matches_keras():
    config = optimizers.SGD(name="sgd").get_config()
    # from keras 3.15.1: keras.optimizers.SGD(name="sgd").get_config()
    assert config == {
        "name": "sgd", "learning_rate": 0.009999999776482582, "weight_decay": None,
        "clipnorm": None, "global_clipnorm": None, "clipvalue": None, "use_ema": False,
        "ema_momentum": 0.99, "ema_overwrite_frequency": None, "loss_scale_factor": None,
        "gradient_accumulation_steps": None, "momentum": 0.0, "nesterov": False,
    }
    restored = optimizers.SGD.from_config(config)
    assert restored.get_config() == config


@pytest.mark.parametrize("momentum", [1, -0.5, 1.5])
def test_invalid_momentum(momentum):
    with pytest.raises(ValueError, match=r"^`momentum` must be a float between \[0, 1\]\.$"):
        optimizers.SGD(momentum=momentum)
