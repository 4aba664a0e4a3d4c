import numpy as np
import pytest

import torchkeras as keras
from torchkeras import layers
from torchkeras.testing import run_layer_test

IMAGE = np.array([[[[1.0], [2.0]], [[3.0], [5.0]]]], "float32")

# from keras 3.15.1: UpSampling2D(2, interpolation=...)(IMAGE)[0, :, :, 0]
KERAS_RESIZED = {
    "bilinear": [[1.0, 1.25, 1.75, 2.0], [1.5, 1.8125, 2.4375, 2.75],
                 [2.5, 2.9375, 3.8125, 4.25], [3.0, 3.5, 4.5, 5.0]],
    "bicubic": [[0.7430797, 1.012395, 1.5464288, 1.8157443],
                [1.3077734, 1.6643367, 2.3713775, 2.7279413],
                [2.4275212, 2.957092, 4.007194, 4.536765],
                [2.992215, 3.609034, 4.8321433, 5.4489627]],
    "lanczos3": [[0.50435907, 0.84105146, 1.2815596, 1.6182519],
                 [1.2493999, 1.7528408, 2.4115126, 2.9149535],
                 [2.2241664, 2.945771, 3.889875, 4.6114798],
                 [2.9692073, 3.8575606, 5.0198283, 5.908181]],
    "area": [[1.0, 1.0, 2.0, 2.0], [1.0, 1.0, 2.0, 2.0], [3.0, 3.0, 5.0, 5.0],
             [3.0, 3.0, 5.0, 5.0]],
}


def test_up_sampling1d(rng):
    x = rng.normal(size=(2, 3, 4)).astype("float32")
    run_layer_test(layers.UpSampling1D, {"size": 3}, input_data=x,
                   expected_output=np.repeat(x, 3, axis=1), expected_output_shape=(2, 9, 4))
    assert layers.UpSampling1D()(keras.Input((None, 4))).shape == (None, None, 4)
    assert layers.UpSampling1D(4).get_config()["size"] == 4


def test_up_sampling2d_nearest(rng):
    x = rng.normal(size=(2, 3, 4, 2)).astype("float32")
    expected = np.repeat(np.repeat(x, 2, axis=1), 3, axis=2)
    run_layer_test(layers.UpSampling2D, {"size": (2, 3)}, input_data=x, expected_output=expected,
                   expected_output_shape=(2, 6, 12, 2))
    channels_first = layers.UpSampling2D((2, 3), data_format="channels_first")
    np.testing.assert_array_equal(channels_first(x).numpy(),
                                  np.repeat(np.repeat(x, 2, axis=2), 3, axis=3))
    config = layers.UpSampling2D(2, interpolation="Bilinear").get_config()
    assert config["size"] == (2, 2) and config["interpolation"] == "bilinear"


@pytest.mark.parametrize("interpolation", sorted(KERAS_RESIZED))
def test_up_sampling2d_interpolations_match_tensorflow(interpolation):
    out = layers.UpSampling2D(2, interpolation=interpolation)(IMAGE)
    np.testing.assert_allclose(out.numpy()[0, :, :, 0], KERAS_RESIZED[interpolation], rtol=1e-5,
                               atol=2e-6)


def test_bilinear_is_half_pixel_and_channels_first(rng):
    x = rng.normal(size=(1, 2, 3, 2)).astype("float32")
    out = layers.UpSampling2D((1, 2), interpolation="bilinear")(x).numpy()
    # Along the width, output j samples input position (j + 0.5) / 2 - 0.5, clamped at the edges.
    positions = np.clip((np.arange(6) + 0.5) / 2 - 0.5, 0, 2)
    low = np.floor(positions).astype(int)
    high = np.minimum(low + 1, 2)
    frac = (positions - low)[None, None, :, None]
    expected = x[:, :, low] * (1 - frac) + x[:, :, high] * frac
    np.testing.assert_allclose(out, expected, rtol=1e-6, atol=1e-6)
    channels_first = layers.UpSampling2D((2, 1), data_format="channels_first",
                                         interpolation="lanczos5")
    nchw = np.transpose(x, (0, 3, 1, 2))
    np.testing.assert_allclose(
        channels_first(nchw).numpy(),
        np.transpose(layers.UpSampling2D((1, 2), interpolation="lanczos5")(
            np.transpose(nchw, (0, 3, 2, 1))).numpy(), (0, 3, 2, 1)),
        rtol=1e-6, atol=1e-6,
    )


def test_up_sampling3d(rng):
    x = rng.normal(size=(1, 2, 1, 3, 2)).astype("float32")
    expected = np.repeat(np.repeat(np.repeat(x, 2, 1), 3, 2), 1, 3)
    run_layer_test(layers.UpSampling3D, {"size": (2, 3, 1)}, input_data=x,
                   expected_output=expected, expected_output_shape=(1, 4, 3, 3, 2))
    cf = layers.UpSampling3D(2, data_format="channels_first")
    np.testing.assert_array_equal(cf(x).numpy(),
                                  np.repeat(np.repeat(np.repeat(x, 2, 2), 2, 3), 2, 4))
    assert layers.UpSampling3D()(keras.Input((2, None, 3, 1))).shape == (None, 4, None, 6, 1)


def test_errors():
    with pytest.raises(TypeError, match=r"Expected an integer value for `size`, got <class "
                                        r"'float'>."):
        layers.UpSampling1D(2.0)
    with pytest.raises(ValueError, match=r"Argument `size` should be a positive integer. "
                                         r"Received: size=0"):
        layers.UpSampling1D(0)
    with pytest.raises(ValueError, match=r"The `size` argument must be a tuple of 2 integers. "
                                         r"Received size=\(1, 2, 3\)"):
        layers.UpSampling2D((1, 2, 3))
    with pytest.raises(ValueError, match=r"The `size` argument must be a tuple of 2 integers. "
                                         r"Received size=0, including values \{0\} that do not "
                                         r"satisfy `value > 0`"):
        layers.UpSampling2D(0)
    with pytest.raises(ValueError, match=r"Invalid value for argument `interpolation`. Expected "
                                         r"of one \('bilinear', 'nearest', 'lanczos3', "
                                         r"'lanczos5', 'bicubic', 'area'\). Received: "
                                         r"interpolation=foo"):
        layers.UpSampling2D(interpolation="foo")(IMAGE)
    with pytest.raises(ValueError, match=r"The `size` argument must be a tuple of 3 integers"):
        layers.UpSampling3D((1, 2))
