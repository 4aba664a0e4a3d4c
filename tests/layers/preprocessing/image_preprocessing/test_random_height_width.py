"""tf.keras 2's RandomHeight and RandomWidth."""

import numpy as np
import pytest

import torchkeras as keras

X = np.arange(40, dtype="float32").reshape(2, 4, 5, 1)


def test_random_height_matches_tf_keras_2():
    out = keras.layers.RandomHeight((0.5, 0.5))(X).numpy()
    # from tf_keras 2.21: height 4 * 1.5 = 6, bilinear (half-pixel centers)
    np.testing.assert_allclose(out[0, :, 0, 0], [0.0, 2.5, 5.833334, 9.166668, 12.5, 15.0],
                               rtol=1e-6)
    np.testing.assert_allclose(out[0, 2], out[0, 2, :1] + np.arange(5)[:, None], rtol=1e-6)
    assert out.shape == (2, 6, 5, 1)
    assert keras.layers.RandomHeight((0.5, 0.5))(X[0]).shape == (6, 5, 1)


def test_random_width_matches_tf_keras_2():
    out = keras.layers.RandomWidth((-0.5, -0.5), interpolation="nearest")(X).numpy()
    # from tf_keras 2.21
    np.testing.assert_array_equal(out[0, :, :, 0], [[1, 3], [6, 8], [11, 13], [16, 18]])


@pytest.mark.parametrize("cls, axis", [(keras.layers.RandomHeight, 1), (keras.layers.RandomWidth, 2)])
def test_random_range_inference_shape_and_config(cls, axis):
    layer = cls(0.5, seed=1)
    np.testing.assert_array_equal(layer(X, training=False).numpy(), X)
    sizes = {layer(X).shape[axis] for _ in range(20)}
    base = X.shape[axis]
    assert len(sizes) > 1 and all(int(base * 0.5) <= s <= int(base * 1.5) for s in sizes)
    expected = [None, 4, 5, 3]
    expected[axis] = None
    assert tuple(layer.compute_output_shape((None, 4, 5, 3))) == tuple(expected)
    config = layer.get_config()
    assert (config["factor"], config["interpolation"], config["seed"]) == (0.5, "bilinear", 1)
    assert cls.from_config(config).get_config() == config


@pytest.mark.parametrize("factor, message", [
    ((0.5, 0.2), "`factor` argument cannot have an upper bound lesser than the lower bound. "
                 r"Received: factor=\(0.5, 0.2\)"),
    ((-2, 0.5), r"`factor` argument must have values larger than -1. Received: factor=\(-2, 0.5\)"),
])
def test_factor_errors(factor, message):
    for cls in (keras.layers.RandomHeight, keras.layers.RandomWidth):
        with pytest.raises(ValueError, match=message):
            cls(factor)


def test_interpolation_errors():
    with pytest.raises(NotImplementedError, match="Value not recognized for `interpolation`: cubic"):
        keras.layers.RandomHeight(0.2, interpolation="cubic")
    with pytest.raises(NotImplementedError, match="interpolation='gaussian' is not supported by "
                                                  "torchkeras yet"):
        keras.layers.RandomWidth(0.2, interpolation="gaussian")
