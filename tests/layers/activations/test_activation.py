import numpy as np

from torchkeras import layers
from torchkeras.testing import run_layer_test


def test_activation_relu():
    run_layer_test(layers.Activation, {"activation": "relu"},
                   input_data=np.array([[-3.0, -1.0, 0.0, 2.0]], "float32"),
                   expected_output=[[0.0, 0.0, 0.0, 2.0]], supports_masking=True,
                   run_training_check=False)


def test_activation_callable_and_config():
    layer = layers.Activation(lambda x: x * 2)
    assert float(layer(np.ones((1, 1), "float32"))) == 2.0
    assert layers.Activation("softmax").get_config()["activation"] == "softmax"
