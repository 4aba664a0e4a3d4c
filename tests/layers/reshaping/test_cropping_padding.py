import numpy as np
import pytest

import torchkeras as keras
from torchkeras import layers
from torchkeras.testing import run_layer_test


def test_cropping1d(rng):
    x = rng.normal(size=(2, 6, 3)).astype("float32")
    run_layer_test(layers.Cropping1D, {"cropping": (1, 2)}, input_data=x,
                   expected_output=x[:, 1:4], expected_output_shape=(2, 3, 3))
    np.testing.assert_array_equal(layers.Cropping1D(2)(x).numpy(), x[:, 2:4])
    np.testing.assert_array_equal(layers.Cropping1D((0, 0))(x).numpy(), x)
    assert layers.Cropping1D()(keras.Input((None, 3))).shape == (None, None, 3)
    assert layers.Cropping1D(1).get_config()["cropping"] == (1, 1)


def test_cropping2d_and_3d(rng):
    x = rng.normal(size=(2, 5, 6, 3)).astype("float32")
    run_layer_test(layers.Cropping2D, {"cropping": ((1, 2), (0, 1))}, input_data=x,
                   expected_output=x[:, 1:3, 0:5], expected_output_shape=(2, 2, 5, 3))
    np.testing.assert_array_equal(layers.Cropping2D(1)(x).numpy(), x[:, 1:4, 1:5])
    np.testing.assert_array_equal(layers.Cropping2D((2, 1))(x).numpy(), x[:, 2:3, 1:5])
    channels_first = layers.Cropping2D(((1, 0), (1, 1)), data_format="channels_first")
    np.testing.assert_array_equal(channels_first(x).numpy(), x[:, :, 1:, 1:2])
    assert layers.Cropping2D(1)(keras.Input((5, None, 3))).shape == (None, 3, None, 3)
    config = layers.Cropping2D((2, 1)).get_config()
    assert config["cropping"] == ((2, 2), (1, 1)) and config["data_format"] == "channels_last"

    v = rng.normal(size=(1, 4, 5, 6, 2)).astype("float32")
    run_layer_test(layers.Cropping3D, {"cropping": ((0, 1), (1, 1), 2)}, input_data=v,
                   expected_output=v[:, 0:3, 1:4, 2:4], expected_output_shape=(1, 3, 3, 2, 2))
    np.testing.assert_array_equal(layers.Cropping3D()(v).numpy(), v[:, 1:3, 1:4, 1:5])
    cf = layers.Cropping3D(((1, 2), (2, 1), 0), data_format="channels_first")
    np.testing.assert_array_equal(cf(v).numpy(), v[:, :, 1:3, 2:5, :])


def test_zero_padding(rng):
    x = rng.normal(size=(2, 3, 2)).astype("float32")
    run_layer_test(layers.ZeroPadding1D, {"padding": (1, 2)}, input_data=x,
                   expected_output=np.pad(x, ((0, 0), (1, 2), (0, 0))),
                   expected_output_shape=(2, 6, 2))
    np.testing.assert_array_equal(
        layers.ZeroPadding1D(1, data_format="channels_first")(x).numpy(),
        np.pad(x, ((0, 0), (0, 0), (1, 1))),
    )
    image = rng.normal(size=(2, 3, 4, 2)).astype("float32")
    run_layer_test(layers.ZeroPadding2D, {"padding": ((1, 0), (2, 1))}, input_data=image,
                   expected_output=np.pad(image, ((0, 0), (1, 0), (2, 1), (0, 0))),
                   expected_output_shape=(2, 4, 7, 2))
    np.testing.assert_array_equal(layers.ZeroPadding2D()(image).numpy(),
                                  np.pad(image, ((0, 0), (1, 1), (1, 1), (0, 0))))
    np.testing.assert_array_equal(
        layers.ZeroPadding2D((1, 2), data_format="channels_first")(image).numpy(),
        np.pad(image, ((0, 0), (0, 0), (1, 1), (2, 2))),
    )
    volume = rng.normal(size=(1, 2, 3, 2, 2)).astype("float32")
    run_layer_test(layers.ZeroPadding3D, {"padding": ((1, 0), (0, 1), 2)}, input_data=volume,
                   expected_output=np.pad(volume, ((0, 0), (1, 0), (0, 1), (2, 2), (0, 0))),
                   expected_output_shape=(1, 3, 4, 6, 2))
    assert layers.ZeroPadding3D(1).get_config()["padding"] == ((1, 1), (1, 1), (1, 1))
    assert layers.ZeroPadding2D(1)(keras.Input((None, 4, 2))).shape == (None, None, 6, 2)


def test_errors():
    with pytest.raises(ValueError, match=r"`cropping` parameter of `Cropping1D` layer must be "
                                         r"smaller than the input length. Received: "
                                         r"inputs.shape=\(1, 4, 2\), cropping=\(2, 2\)"):
        layers.Cropping1D((2, 2))(np.ones((1, 4, 2), "float32"))
    with pytest.raises(ValueError, match=r"must be smaller than the input length. Received: "
                                         r"input_shape=\(None, 3, 2\)"):
        layers.Cropping1D((2, 2))(keras.Input((3, 2)))
    with pytest.raises(ValueError, match=r"The `cropping` argument must be a tuple of 2 "
                                         r"integers. Received cropping=-1, including values "
                                         r"\{-1\} that do not satisfy `value >= 0`"):
        layers.Cropping1D(-1)
    with pytest.raises(ValueError, match=r"The `cropping` argument must be a tuple of 2 "
                                         r"integers. Received cropping=\(1, 2, 3\)$"):
        layers.Cropping1D((1, 2, 3))
    with pytest.raises(ValueError, match=r"The `cropping` argument must be a tuple of 2 "
                                         r"integers. Received cropping=1.5$"):
        layers.Cropping1D(1.5)
    with pytest.raises(ValueError, match=r"`cropping` cannot be negative. Received: "
                                         r"cropping=-1."):
        layers.Cropping2D(-1)
    with pytest.raises(ValueError, match=r"`cropping` should have two elements. Received: "
                                         r"cropping=\(1, 2, 3\)."):
        layers.Cropping2D((1, 2, 3))
    with pytest.raises(ValueError, match=r"`cropping` should be either an int, a tuple of 2 "
                                         r"ints"):
        layers.Cropping2D(1.5)
    with pytest.raises(ValueError, match=r"Values in `cropping` argument should be smaller than "
                                         r"the corresponding spatial dimension of the input. "
                                         r"Received: inputs.shape=\(1, 4, 4, 1\), "
                                         r"cropping=\(\(1, 1\), \(2, 2\)\)"):
        layers.Cropping2D(((1, 1), (2, 2)))(np.ones((1, 4, 4, 1), "float32"))
    with pytest.raises(ValueError, match=r"`cropping` should have 3 elements. Received: "
                                         r"\(1, 2\)."):
        layers.Cropping3D((1, 2))
    with pytest.raises(ValueError, match=r"`cropping` should be either an int, a tuple of 3 "
                                         r"ints"):
        layers.Cropping3D(None)
    with pytest.raises(ValueError, match=r"Values in `cropping` argument should be smaller"):
        layers.Cropping3D(((1, 1), (1, 1), (3, 1)))(np.ones((1, 4, 4, 4, 1), "float32"))
    with pytest.raises(ValueError, match=r"The `padding` argument must be a tuple of 2 integers. "
                                         r"Received padding=-1, including values \{-1\}"):
        layers.ZeroPadding1D(-1)
    with pytest.raises(ValueError, match=r"`padding` should have two elements. Received: "
                                         r"padding=\(1, 2, 3\)."):
        layers.ZeroPadding2D((1, 2, 3))
    with pytest.raises(ValueError, match=r"`padding` should be either an int, a tuple of 2 "
                                         r"ints"):
        layers.ZeroPadding2D(None)
    with pytest.raises(ValueError, match=r"`padding` should have 3 elements. Received: "
                                         r"\(1, 2\)."):
        layers.ZeroPadding3D((1, 2))
    with pytest.raises(ValueError, match=r"`padding` should be either an int, a tuple of 3 "
                                         r"ints"):
        layers.ZeroPadding3D(None)
    with pytest.raises(ValueError, match=r"The `1st entry of padding` argument must be a tuple of "
                                         r"2 integers. Received 1st entry of padding=\(1, 'a'\)"
                                         r"including element a of type <class 'str'>"):
        layers.ZeroPadding2D(((1, "a"), (1, 1)))
    with pytest.raises(ValueError, match=r"expected ndim=3, found ndim=4"):
        layers.ZeroPadding1D()(np.ones((1, 2, 2, 2), "float32"))
