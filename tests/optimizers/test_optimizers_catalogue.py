import re

import pytest

from torchkeras import optimizers
from torchkeras import saving
from torchkeras.optimizers import schedules


@pytest.mark.parametrize(
    "identifier, cls",
    [("sgd", optimizers.SGD), ("SGD", optimizers.SGD), ("Adam", optimizers.Adam),
     ("ADAM", optimizers.Adam), ("rmsprop", optimizers.RMSprop), ("RMSProp", optimizers.RMSprop)],
)
def test_get_by_name_is_case_insensitive(identifier, cls):
    assert type(optimizers.get(identifier)) is cls


def test_get_instance_dict_and_none():
    optimizer = optimizers.Adam()
    assert optimizers.get(optimizer) is optimizer
    assert optimizers.get(None) is None
    restored = optimizers.get({"class_name": "adam", "config": {"learning_rate": 0.5}})
    assert isinstance(restored, optimizers.Adam) and float(restored.learning_rate) == 0.5


@pytest.mark.parametrize("identifier", ["foo", 3, {"class_name": "Foo", "config": {}}])
def test_get_unknown(identifier):
    # from keras 3.15.1
    with pytest.raises(ValueError, match="^" + re.escape(
            f"Could not interpret optimizer identifier: {identifier}") + "$"):
        optimizers.get(identifier)


def test_serialize_matches_keras():
    config = optimizers.serialize(optimizers.SGD(0.1, momentum=0.9, name="sgd_1"))
    # from keras 3.15.1: keras.optimizers.serialize(SGD(0.1, momentum=0.9)) (name sgd_1)
    assert config == {
        "module": "keras.optimizers", "class_name": "SGD",
        "config": {"name": "sgd_1", "learning_rate": 0.10000000149011612, "weight_decay": None,
                   "clipnorm": None, "global_clipnorm": None, "clipvalue": None,
                   "use_ema": False, "ema_momentum": 0.99, "ema_overwrite_frequency": None,
                   "loss_scale_factor": None, "gradient_accumulation_steps": None,
                   "momentum": 0.9, "nesterov": False},
        "registered_name": None,
    }
    restored = optimizers.deserialize(config)
    assert isinstance(restored, optimizers.SGD) and restored.get_config() == config["config"]
    assert config["class_name"] == "SGD"  # deserialize does not mutate its argument


def test_deserialize_with_custom_schedule():
    class Halving(schedules.LearningRateSchedule):
        def __call__(self, step):
            return 0.5 ** step

        def get_config(self):
            return {}

    config = optimizers.serialize(optimizers.SGD(Halving()))
    restored = optimizers.deserialize(config, custom_objects={"Halving": Halving})
    assert isinstance(restored._learning_rate, Halving)


def test_registered_custom_optimizer():
    @saving.register_keras_serializable(package="Test")
    class MySGD(optimizers.SGD):
        pass

    config = optimizers.serialize(MySGD(0.1))
    assert config["registered_name"] == "Test>MySGD"
    assert type(optimizers.deserialize(config)) is MySGD
