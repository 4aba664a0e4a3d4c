"""tf.keras 2's `models.model_from_config` and `models.model_from_yaml`."""

import numpy as np
import pytest

import torchkeras as keras


def test_model_from_config_rebuilds_a_model():
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, name="d")])
    clone = keras.models.model_from_config({"class_name": "Sequential", "config": model.get_config()})
    assert isinstance(clone, keras.Sequential) and clone.layers[0].name == "d"
    assert clone(np.ones((1, 3), "float32")).shape == (1, 2)
    with pytest.raises(TypeError, match=r"`model_from_config` expects a dictionary, not a list. "
                                        r"Received: config=\[1\]. Did you meant to use"):
        keras.models.model_from_config([1])


def test_model_from_yaml_raises_as_tf_keras_2():
    with pytest.raises(RuntimeError, match=r"Method `model_from_yaml\(\)` has been removed due to "
                                           r"security risk of arbitrary code execution"):
        keras.models.model_from_yaml("a: 1")
