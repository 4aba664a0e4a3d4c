import numpy as np
import pytest

import torchkeras as keras
from torchkeras import layers
from torchkeras.testing import run_layer_test


def test_flatten():
    x = np.arange(24, dtype="float32").reshape(2, 3, 4)
    run_layer_test(layers.Flatten, {}, input_data=x, expected_output=x.reshape(2, 12),
                   run_training_check=False)


def test_flatten_channels_first_uses_channels_last_order():
    x = np.arange(12, dtype="float32").reshape(1, 3, 2, 2)  # (batch, C, H, W)
    y = layers.Flatten(data_format="channels_first")(x)
    np.testing.assert_array_equal(y.numpy(), np.transpose(x, (0, 2, 3, 1)).reshape(1, -1))


def test_flatten_symbolic_shape():
    assert layers.Flatten()(keras.Input((10, 64))).shape == (None, 640)


def test_reshape():
    x = np.arange(12, dtype="float32").reshape(1, 12)
    run_layer_test(layers.Reshape, {"target_shape": (3, 4)}, input_data=x,
                   expected_output=x.reshape(1, 3, 4), run_training_check=False)
    assert layers.Reshape((-1, 2))(keras.Input((12,))).shape == (None, 6, 2)


def test_reshape_errors():
    with pytest.raises(ValueError, match="The total size of the tensor must be unchanged"):
        layers.Reshape((5,))(np.ones((1, 12), "float32"))
    with pytest.raises(ValueError, match="at most one `-1`"):
        layers.Reshape((-1, -1))
