import numpy as np
import pytest

import torchkeras as keras
from torchkeras import layers
from torchkeras.testing import run_layer_test


@keras.saving.register_keras_serializable(package="tests")
def square(x):
    return x**2


def test_lambda_squares():
    run_layer_test(layers.Lambda, {"function": square}, input_data=np.array([[1.0, -2.0]], "float32"),
                   expected_output=[[1.0, 4.0]], expected_num_trainable_weights=0,
                   run_training_check=False)


def test_lambda_arguments_and_symbolic_shape():
    layer = layers.Lambda(lambda x, factor: x * factor, arguments={"factor": 3.0})
    assert float(layer(np.ones((1, 1), "float32"))) == 3.0
    y = layers.Lambda(lambda x: x[:, :2])(keras.Input((5,)))
    assert y.shape == (None, 2)


def test_lambda_needs_callable():
    with pytest.raises(TypeError, match="Argument `function` must be callable"):
        layers.Lambda(3)


def test_lambda_from_config_refuses_bytecode_in_safe_mode():
    config = layers.Lambda(lambda x: x + 1).get_config()
    assert config["function"]["class_name"] == "__lambda__"
    with pytest.raises(ValueError, match="arbitrary code execution"):
        layers.Lambda.from_config(config)
    restored = layers.Lambda.from_config(config, safe_mode=False)
    assert float(restored(np.zeros((1, 1), "float32"))) == 1.0


def test_identity():
    run_layer_test(layers.Identity, {}, input_data=np.array([[1.0, 2.0]], "float32"),
                   expected_output=[[1.0, 2.0]], supports_masking=True, run_training_check=False)
