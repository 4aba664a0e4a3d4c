"""keras.utils names that alias existing code, Config, get_source_inputs and utils.legacy
(texts and configs from keras 3.15.1)."""

import logging

import numpy as np
import pytest

import torchkeras as keras
from torchkeras import utils


def test_aliases_are_the_saving_and_backend_objects():
    assert utils.CustomObjectScope is keras.saving.CustomObjectScope
    assert utils.custom_object_scope is keras.saving.custom_object_scope
    assert utils.get_custom_objects is keras.saving.get_custom_objects
    assert utils.register_keras_serializable is keras.saving.register_keras_serializable
    assert utils.get_registered_name is keras.saving.get_registered_name
    assert utils.get_registered_object is keras.saving.get_registered_object
    assert utils.serialize_keras_object is keras.saving.serialize_keras_object
    assert utils.deserialize_keras_object is keras.saving.deserialize_keras_object
    assert utils.clear_session is keras.backend.clear_session
    assert utils.is_keras_tensor(keras.Input((2,))) and not utils.is_keras_tensor(np.ones(2))
    assert utils.standardize_dtype("float32") == "float32"
    assert utils.is_interactive_logging_enabled is keras.config.is_interactive_logging_enabled


def test_config():
    config = utils.Config(lr=0.1, momentum=0.9)
    config.seed = 1
    config["decay"] = 0.5
    # from keras 3.15.1
    assert repr(config) == "<Config {'lr': 0.1, 'momentum': 0.9, 'seed': 1, 'decay': 0.5}>"
    assert list(config) == ["decay", "lr", "momentum", "seed"]
    assert len(config) == 4 and "lr" in config and config.lr == 0.1 and config["seed"] == 1
    assert config.to_json() == '{"lr": 0.1, "momentum": 0.9, "seed": 1, "decay": 0.5}'
    assert config.as_dict() == {"lr": 0.1, "momentum": 0.9, "seed": 1, "decay": 0.5}
    assert config.get("missing", 3) == 3
    with pytest.raises(AttributeError) as info:
        config.lrr
    assert str(info.value) == "Unknown attribute: 'lrr'. Did you mean 'lr'?"
    config.freeze()
    assert config.frozen
    for mutate in (lambda: setattr(config, "x", 1), lambda: config.__setitem__("x", 1),
                   lambda: config.pop("lr"), lambda: config.update(a=1),
                   lambda: config.__delitem__("lr")):
        with pytest.raises(ValueError) as info:
            mutate()
        assert str(info.value) == "Cannot mutate attribute(s) because the config is frozen."
    config.unfreeze()
    del config["decay"]
    assert "decay" not in config


def test_get_source_inputs():
    a, b = keras.Input((3,)), keras.Input((3,))
    merged = keras.layers.Add()([a, keras.layers.Dense(3)(b)])
    out = keras.layers.Dense(2)(keras.layers.Concatenate()([merged, a]))
    sources = utils.get_source_inputs(out)
    # from keras 3.15.1: each input once, in the order first reached.
    assert len(sources) == 2 and sources[0] is a and sources[1] is b
    assert utils.get_source_inputs(a)[0] is a
    assert utils.get_source_inputs(5) == 5


def test_legacy_serialization():
    legacy = utils.legacy
    # from keras 3.15.1
    assert legacy.serialize_keras_object(keras.initializers.GlorotUniform(seed=1)) == {
        "class_name": "GlorotUniform", "config": {"seed": 1, "input_axes": None,
                                                  "output_axes": None}}
    config = legacy.serialize_keras_object(
        keras.layers.Dense(2, name="d", kernel_regularizer=keras.regularizers.L2(0.1)))
    assert config["class_name"] == "Dense" and config["config"]["units"] == 2
    assert "module" not in config
    layer = legacy.deserialize_keras_object(config, module_objects={"Dense": keras.layers.Dense})
    assert isinstance(layer, keras.layers.Dense) and layer.units == 2
    assert isinstance(layer.kernel_regularizer, keras.regularizers.L2)
    init = legacy.deserialize_keras_object(
        {"class_name": "GlorotUniform", "config": {"seed": 1}},
        module_objects={"GlorotUniform": keras.initializers.GlorotUniform})
    assert isinstance(init, keras.initializers.GlorotUniform)
    relu = keras.activations.relu
    assert legacy.deserialize_keras_object("relu", module_objects={"relu": relu}) is relu
    assert legacy.serialize_keras_object(None) is None
    unknown = ("Please ensure you are using a `keras.utils.custom_object_scope` and that this "
               "object is included in the scope. See https://www.tensorflow.org/guide/keras/"
               "save_and_serialize#registering_the_custom_object for details.")
    cases = [
        (lambda: legacy.serialize_keras_object("relu"),
         "Cannot serialize relu because it doesn't implement `get_config()`."),
        (lambda: legacy.deserialize_keras_object({"class_name": "Foo", "config": {}},
                                                 printable_module_name="initializer"),
         "Unknown initializer: 'Foo'. " + unknown),
        (lambda: legacy.deserialize_keras_object("foo", printable_module_name="initializer"),
         "Unknown initializer: 'foo'. " + unknown),
        (lambda: legacy.deserialize_keras_object(3), "Could not interpret serialized object: 3"),
        (lambda: legacy.deserialize_keras_object({"a": 1}),
         "Improper config format for {'a': 1}. Expecting python dict contains `class_name` and "
         "`config` as keys"),
    ]
    for fn, message in cases:
        with pytest.raises(ValueError) as info:
            fn()
        assert str(info.value) == message


def test_progbar_logger_honours_interactive_logging(capsys, caplog):
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile(loss="mse", optimizer="sgd")
    utils.disable_interactive_logging()
    try:
        assert not utils.is_interactive_logging_enabled()
        with caplog.at_level(logging.INFO):
            model.fit(np.ones((4, 2)), np.ones((4, 1)), epochs=1, verbose=1)
    finally:
        utils.enable_interactive_logging()
    assert capsys.readouterr().out == ""
    assert "1/1" in caplog.text and "loss:" in caplog.text
