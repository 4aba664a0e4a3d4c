import numpy as np
import torch

from torchkeras import layers
from torchkeras.testing import run_layer_test


def test_rescaling_basics():
    x = np.arange(6, dtype="float32").reshape(2, 3)
    run_layer_test(
        layers.Rescaling, {"scale": 0.5, "offset": -1.0}, input_data=x,
        expected_output=x * 0.5 - 1.0, expected_num_trainable_weights=0,
        expected_num_non_trainable_weights=0, supports_masking=True,
    )


def test_rescaling_integer_inputs_give_floats():
    y = layers.Rescaling(1.0 / 255)(np.array([[0, 51, 255]], "uint8"))
    assert y.dtype == torch.float32
    np.testing.assert_allclose(y.numpy(), [[0.0, 0.2, 1.0]], rtol=1e-6)


def test_rescaling_per_channel_scale_and_offset():
    x = np.ones((1, 2, 2, 3), "float32")
    y = layers.Rescaling(np.array([0.5, 2.0, 1.0]), offset=np.array([1.0, 0.0, -1.0]))(x)
    np.testing.assert_allclose(y.numpy()[0, 0, 0], [1.5, 2.0, 0.0])


def test_rescaling_config_serializes_numpy_like_keras():
    layer = layers.Rescaling(np.array([0.5, 2.0]), offset=np.float32(1.5))
    config = layer.get_config()
    # from keras 3.15.1
    assert config["scale"] == {"class_name": "__numpy__",
                               "config": {"value": [0.5, 2.0], "dtype": "float64"}}
    assert config["offset"] == 1.5
    clone = layers.Rescaling.from_config(config)
    assert isinstance(clone.scale, np.ndarray) and clone.scale.tolist() == [0.5, 2.0]
