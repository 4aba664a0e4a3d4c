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


# -- the rest of the catalogue ---------------------------------------------------------------
@pytest.mark.parametrize(
    "identifier, cls",
    [("adamw", optimizers.AdamW), ("AdamW", optimizers.AdamW), ("adamax", optimizers.Adamax),
     ("adagrad", optimizers.Adagrad), ("adadelta", optimizers.Adadelta),
     ("adafactor", optimizers.Adafactor), ("ftrl", optimizers.Ftrl), ("lion", optimizers.Lion),
     ("nadam", optimizers.Nadam), ("Nadam", optimizers.Nadam), ("muon", optimizers.Muon),
     ("schedulefreeadamw", optimizers.ScheduleFreeAdamW)],
)
def test_get_catalogue_names(identifier, cls):
    assert type(optimizers.get(identifier)) is cls


@pytest.mark.parametrize("identifier", [
    "lamb", "Lamb", {"class_name": "Lamb", "config": {}}, "losscaleoptimizer"])
def test_get_names_keras_does_not_know(identifier):
    # from keras 3.15.1: Lamb is not in keras.optimizers.get's table.
    with pytest.raises(ValueError, match="^" + re.escape(
            f"Could not interpret optimizer identifier: {identifier}") + "$"):
        optimizers.get(identifier)


def test_get_loss_scale_optimizer_by_name_needs_its_inner_optimizer():
    # from keras 3.15.1: get("lossscaleoptimizer") raises KeyError: 'inner_optimizer'.
    with pytest.raises(KeyError, match="inner_optimizer"):
        optimizers.get("lossscaleoptimizer")


_BASE_CONFIG = {
    "learning_rate": 0.0010000000474974513, "weight_decay": None, "clipnorm": None,
    "global_clipnorm": None, "clipvalue": None, "use_ema": False, "ema_momentum": 0.99,
    "ema_overwrite_frequency": None, "loss_scale_factor": None,
    "gradient_accumulation_steps": None,
}
# from keras 3.15.1: cls(name="x").get_config(), less the base entries above (the key order of
# a Keras config is the base entries, then these).
KERAS_CONFIGS = {
    optimizers.AdamW: {"weight_decay": 0.004, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07,
                       "amsgrad": False},
    optimizers.Adamax: {"beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07},
    optimizers.Adagrad: {"initial_accumulator_value": 0.1, "epsilon": 1e-07},
    optimizers.Adadelta: {"rho": 0.95, "epsilon": 1e-07},
    optimizers.Adafactor: {"beta_2_decay": -0.8, "epsilon_1": 1e-30, "epsilon_2": 0.001,
                           "clip_threshold": 1.0, "relative_step": True},
    optimizers.Ftrl: {"learning_rate_power": -0.5, "initial_accumulator_value": 0.1,
                      "l1_regularization_strength": 0.0, "l2_regularization_strength": 0.0,
                      "l2_shrinkage_regularization_strength": 0.0, "beta": 0.0},
    optimizers.Lamb: {"beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07},
    optimizers.Lion: {"beta_1": 0.9, "beta_2": 0.99},
    optimizers.Nadam: {"beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07},
    optimizers.Muon: {"weight_decay": 0.004, "adam_beta_1": 0.9, "adam_beta_2": 0.999,
                      "epsilon": 1e-07, "exclude_layers": [], "muon_a": 3.4445, "muon_b": -4.775,
                      "muon_c": 2.0315, "adam_lr_ratio": 1, "momentum": 0.95, "ns_steps": 5,
                      "nesterov": True, "exclude_embeddings": True, "adam_weight_decay": 0.004,
                      "rms_rate": 0.2},
    optimizers.ScheduleFreeAdamW: {"learning_rate": 0.0024999999441206455, "beta_1": 0.9,
                                   "beta_2": 0.999, "epsilon": 1e-08, "warmup_steps": 0},
}


@pytest.mark.parametrize("cls", list(KERAS_CONFIGS), ids=lambda c: c.__name__)
def test_default_config_matches_keras(cls):
    config = cls(name="x").get_config()
    expected = {"name": "x", **_BASE_CONFIG, **KERAS_CONFIGS[cls]}
    assert config == expected
    assert list(config)[:11] == ["name", *_BASE_CONFIG]
    restored = optimizers.deserialize(optimizers.serialize(cls(name="x")))
    assert type(restored) is cls and restored.get_config() == config


def test_lamb_deserializes_from_a_full_config():
    config = optimizers.serialize(optimizers.Lamb(0.5, name="lamb_x"))
    assert config["module"] == "keras.optimizers" and config["class_name"] == "Lamb"
    restored = optimizers.deserialize(config)
    assert isinstance(restored, optimizers.Lamb) and restored.get_config() == config["config"]


def test_loss_scale_optimizer_config_matches_keras():
    optimizer = optimizers.LossScaleOptimizer(optimizers.SGD(0.1, name="sgd"))
    config = optimizers.serialize(optimizer)
    # from keras 3.15.1: keras.optimizers.serialize(LossScaleOptimizer(SGD(0.1)))
    assert config == {
        "module": "keras.optimizers", "class_name": "LossScaleOptimizer",
        "config": {
            "name": optimizer.name,
            "inner_optimizer": {
                "module": "keras.optimizers", "class_name": "SGD",
                "config": {"name": "sgd", "learning_rate": 0.10000000149011612,
                           "weight_decay": None, "clipnorm": None, "global_clipnorm": None,
                           "clipvalue": None, "use_ema": False, "ema_momentum": 0.99,
                           "ema_overwrite_frequency": None, "loss_scale_factor": None,
                           "gradient_accumulation_steps": None, "momentum": 0.0,
                           "nesterov": False},
                "registered_name": None},
            "initial_scale": 32768.0, "dynamic_growth_steps": 2000},
        "registered_name": None,
    }
    restored = optimizers.deserialize(config)
    assert isinstance(restored, optimizers.LossScaleOptimizer)
    assert isinstance(restored.inner_optimizer, optimizers.SGD)
    assert restored.get_config() == config["config"]
