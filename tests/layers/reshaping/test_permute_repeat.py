import numpy as np
import pytest

import torchkeras as keras
from torchkeras import layers
from torchkeras.testing import run_layer_test


def test_permute(rng):
    x = rng.normal(size=(2, 3, 4, 5)).astype("float32")
    run_layer_test(layers.Permute, {"dims": (3, 1, 2)}, input_data=x,
                   expected_output=np.transpose(x, (0, 3, 1, 2)),
                   expected_output_shape=(2, 5, 3, 4))
    assert layers.Permute((2, 1))(keras.Input((10, 64))).shape == (None, 64, 10)
    integers = layers.Permute((2, 1))(keras.Input((3, 4), dtype="int32"))
    assert integers.dtype == "int32"
    assert layers.Permute([2, 1]).get_config()["dims"] == (2, 1)
    with pytest.raises(ValueError, match=r"Invalid permutation argument `dims` for Permute "
                                         r"Layer. The set of indices in `dims` must be "
                                         r"consecutive and start from 1. Received dims=\(1, 3\)"):
        layers.Permute((1, 3))
    with pytest.raises(ValueError, match=r"expected ndim=3, found ndim=4"):
        layers.Permute((2, 1))(x)


def test_repeat_vector(rng):
    x = rng.normal(size=(2, 4)).astype("float32")
    run_layer_test(layers.RepeatVector, {"n": 3}, input_data=x,
                   expected_output=np.repeat(x[:, None], 3, axis=1),
                   expected_output_shape=(2, 3, 4))
    assert layers.RepeatVector(3)(keras.Input((32,))).shape == (None, 3, 32)
    assert layers.RepeatVector(5).get_config()["n"] == 5
    with pytest.raises(TypeError, match=r"Expected an integer value for `n`, got <class "
                                        r"'float'>."):
        layers.RepeatVector(2.0)
    with pytest.raises(ValueError, match=r"Argument `n` should be a positive integer. "
                                         r"Received: n=0"):
        layers.RepeatVector(0)
