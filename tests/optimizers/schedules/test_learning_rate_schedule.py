import re

import numpy as np
import pytest
import torch

from torchkeras.optimizers import schedules


def test_exponential_decay_matches_keras():
    schedule = schedules.ExponentialDecay(0.1, 3, 0.5)
    # from keras 3.15.1: [float(s(i)) for i in range(6)]
    expected = [0.10000000149011612, 0.07937005162239075, 0.06299605220556259,
                0.05000000074505806, 0.039685025811195374, 0.031498026102781296]
    np.testing.assert_allclose([float(schedule(i)) for i in range(6)], expected, rtol=1e-6)
    staircase = schedules.ExponentialDecay(0.1, 3, 0.5, staircase=True)
    # from keras 3.15.1
    expected = [0.10000000149011612] * 3 + [0.05000000074505806] * 3
    np.testing.assert_allclose([float(staircase(i)) for i in range(6)], expected, rtol=1e-7)


def test_exponential_decay_closed_form_and_dtype():
    schedule = schedules.ExponentialDecay(2.0, 10, 0.9)
    steps = torch.arange(0, 50, 7)
    np.testing.assert_allclose(schedule(steps).numpy(), 2.0 * 0.9 ** (steps.numpy() / 10),
                               rtol=1e-6)
    assert schedule(torch.tensor(3)).dtype == torch.float32
    assert schedule(np.int64(2)).dtype == torch.float32


def test_exponential_decay_config_round_trip():
    schedule = schedules.ExponentialDecay(0.1, 2, 0.5, name="decay")
    config = schedules.serialize(schedule)
    # from keras 3.15.1: keras.optimizers.schedules.serialize(...) (name "decay")
    assert config == {
        "module": "keras.optimizers.schedules", "class_name": "ExponentialDecay",
        "config": {"initial_learning_rate": 0.1, "decay_steps": 2, "decay_rate": 0.5,
                   "staircase": False, "name": "decay"},
        "registered_name": None,
    }
    restored = schedules.deserialize(config)
    assert isinstance(restored, schedules.ExponentialDecay)
    assert restored.get_config() == schedule.get_config()


def test_errors():
    with pytest.raises(ValueError, match=r"^Argument `decay_steps` must be > 0\. "
                       r"Received: decay_steps=0$"):
        schedules.ExponentialDecay(0.1, 0, 0.5)
    with pytest.raises(NotImplementedError, match="^" + re.escape(
            "Learning rate schedule 'LearningRateSchedule' must override "
            "`__call__(self, step)`.") + "$"):
        schedules.LearningRateSchedule()(1)
    with pytest.raises(NotImplementedError, match="^" + re.escape(
            "Learning rate schedule 'LearningRateSchedule' must override `get_config()` in "
            "order to be serializable.") + "$"):
        schedules.LearningRateSchedule().get_config()


def test_custom_schedule_from_config():
    class Constant(schedules.LearningRateSchedule):
        def __init__(self, value):
            self.value = value

        def __call__(self, step):
            return self.value

        def get_config(self):
            return {"value": self.value}

    restored = Constant.from_config(Constant(0.3).get_config())
    assert restored(10) == 0.3
