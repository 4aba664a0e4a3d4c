import numpy as np
import pytest

import torchkeras as keras
from torchkeras import layers


def test_add_multiply_concatenate_numbers(rng):
    a = rng.standard_normal((2, 3)).astype("float32")
    b = rng.standard_normal((2, 3)).astype("float32")
    np.testing.assert_allclose(layers.Add()([a, b]).numpy(), a + b, rtol=1e-6)
    np.testing.assert_allclose(layers.Multiply()([a, b]).numpy(), a * b, rtol=1e-6)
    np.testing.assert_allclose(
        layers.Concatenate(axis=0)([a, b]).numpy(), np.concatenate([a, b], 0), rtol=1e-6
    )
    np.testing.assert_allclose(keras.layers.add([a, b, a]).numpy(), 2 * a + b, rtol=1e-6)


def test_symbolic_merge_shapes():
    x1, x2 = keras.Input((4,)), keras.Input((6,))
    assert layers.Concatenate()([x1, x2]).shape == (None, 10)
    assert layers.Add()([keras.Input((4,)), keras.Input((4,))]).shape == (None, 4)


def test_merge_errors():
    with pytest.raises(ValueError, match="A merge layer should be called on a list of inputs"):
        layers.Add()(keras.Input((4,)))
    with pytest.raises(ValueError, match="requires inputs with matching shapes except for the concatenation axis"):
        layers.Concatenate()([keras.Input((4, 2)), keras.Input((3, 2))])
    with pytest.raises(ValueError, match="Inputs have incompatible shapes"):
        layers.Add()([keras.Input((4,)), keras.Input((3,))])


def test_merge_config():
    layer = layers.Concatenate(axis=1, name="c")
    assert layers.Concatenate.from_config(layer.get_config()).axis == 1
