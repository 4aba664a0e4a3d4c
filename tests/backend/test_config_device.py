import random

import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras.backend import device as device_lib


def test_defaults():
    assert keras.config.floatx() == "float32"
    assert keras.config.epsilon() == 1e-7
    assert keras.config.image_data_format() == "channels_last"
    assert keras.config.backend() == "torch"


def test_setters_validate():
    keras.config.set_epsilon(1e-5)
    assert keras.backend.epsilon() == 1e-5
    keras.config.set_epsilon(1e-7)
    with pytest.raises(ValueError, match="Unknown `floatx` value"):
        keras.config.set_floatx("int8")
    with pytest.raises(ValueError, match="The `data_format` argument must be one of"):
        keras.config.set_image_data_format("nhwc")


def test_device_selection(monkeypatch):
    monkeypatch.setattr(device_lib, "_DEVICE", None)
    monkeypatch.setenv("TORCHKERAS_DEVICE", "cpu")
    assert keras.config.get_device() == torch.device("cpu")
    monkeypatch.setattr(device_lib, "_DEVICE", None)
    monkeypatch.delenv("TORCHKERAS_DEVICE")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert keras.config.get_device() == torch.device("cpu")  # no torch_xla installed here
    keras.config.set_device("cpu")
    assert keras.config.get_device() == torch.device("cpu")
    with pytest.raises(ValueError, match="unknown device"):
        keras.config.set_device("abacus")
    with pytest.raises(ValueError, match="torch_xla is not installed"):
        keras.config.set_device("tpu")
    monkeypatch.setattr(device_lib, "_DEVICE", None)


def test_set_random_seed_seeds_python_numpy_and_torch():
    keras.utils.set_random_seed(7)
    a = (random.random(), np.random.rand(), torch.rand(1).item())
    keras.utils.set_random_seed(7)
    assert (random.random(), np.random.rand(), torch.rand(1).item()) == a
    with pytest.raises(ValueError, match="Expected `seed` argument to be an integer"):
        keras.utils.set_random_seed(1.5)


def test_seeded_model_initialization_is_reproducible():
    def weights():
        keras.utils.set_random_seed(3)
        model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])
        return model.get_weights()[0]

    np.testing.assert_array_equal(weights(), weights())
