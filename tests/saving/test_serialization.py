import numpy as np
import torch

import torchkeras as keras
from torchkeras.saving import serialization


def test_arrays_in_configs_use_keras_forms():
    config = serialization.serialize_keras_object({"w": torch.tensor([1.0, 2.0]),
                                                   "n": np.array([1, 2], "int32")})
    assert config == {
        "w": {"class_name": "__tensor__", "config": {"value": [1.0, 2.0], "dtype": "float32"}},
        "n": {"class_name": "__numpy__", "config": {"value": [1, 2], "dtype": "int32"}},
    }
    tensor = serialization.deserialize_keras_object(config["w"])
    assert isinstance(tensor, torch.Tensor) and tensor.tolist() == [1.0, 2.0]
    array = serialization.deserialize_keras_object(config["n"])
    assert array.dtype == np.int32 and array.tolist() == [1, 2]


def test_functions_use_keras_function_form():
    assert serialization.serialize_keras_object(keras.losses.mean_squared_error) == {
        "module": "builtins", "class_name": "function", "config": "mean_squared_error",
        "registered_name": "function",
    }
    assert keras.activations.serialize(keras.activations.relu) == "relu"


def test_model_public_names():
    x = keras.Input((2,))
    functional = keras.Model(x, keras.layers.Dense(1)(x))
    config = serialization.serialize_keras_object(functional)
    assert (config["module"], config["registered_name"]) == ("keras.src.models.functional", "Functional")
    assert config["compile_config"] == {} and config["build_config"] == {"input_shape": None}
    sequential = serialization.serialize_keras_object(keras.Sequential([keras.Input((2,))]))
    assert sequential["module"] == "keras"
