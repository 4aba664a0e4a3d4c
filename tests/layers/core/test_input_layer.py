import pytest

import torchkeras as keras
from torchkeras import layers


def test_input_returns_symbolic_tensor():
    x = keras.Input(shape=(3, 4), batch_size=2, dtype="int32")
    assert x.shape == (2, 3, 4)
    assert x.dtype == "int32"
    layer = x._keras_history.operation
    assert isinstance(layer, layers.InputLayer)
    assert layer.name == "input_layer"
    assert layer.get_config() == {
        "batch_shape": [2, 3, 4], "dtype": "int32", "sparse": False, "ragged": False,
        "name": "input_layer", "optional": False,
    }


def test_input_shape_errors():
    with pytest.raises(ValueError, match="You must pass a `shape` argument."):
        layers.InputLayer()
    with pytest.raises(ValueError, match="You cannot pass both `shape` and `batch_shape` at the same time."):
        layers.InputLayer(shape=(2,), batch_shape=(None, 2))
