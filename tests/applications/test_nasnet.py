"""NASNet Mobile/Large against Keras 3.15.1: structure, numbers, weights loading and errors."""

import re

import pytest

import applications_part_b as helpers
import torchkeras
from torchkeras.applications import nasnet

DEFAULT = {
    "NASNetMobile{}",
    'NASNetMobile{"include_top": false, "input_shape": [96, 96, 3], "pooling": "avg"}',
}


@pytest.mark.parametrize("entry", helpers.structure_cases("nasnet", DEFAULT))
def test_structure_matches_keras(entry):
    helpers.check_structure(nasnet, entry)


@pytest.mark.parametrize("entry", helpers.numeric_cases("nasnet"))
def test_output_matches_keras(entry):
    helpers.check_numeric(nasnet, entry)


def test_imagenet_weights_file(monkeypatch, tmp_path):
    helpers.check_imagenet_file(
        monkeypatch, tmp_path, nasnet.NASNetMobile,
        ("nasnet_mobile_no_top.h5", nasnet.NASNET_MOBILE_WEIGHT_PATH_NO_TOP,
         "1ed92395b5b598bdda52abe5c0dbfd63"),
        include_top=False, input_shape=(32, 32, 3),
    )


def test_imagenet_weights_missing_offline(monkeypatch, tmp_path):
    helpers.check_missing_imagenet_file(
        monkeypatch, tmp_path, nasnet.NASNetMobile, "nasnet_mobile.h5",
    )


# Messages from keras 3.15.1.
@pytest.mark.parametrize("fn, kwargs, message", [
    (nasnet.NASNetLarge, {"weights": "nope"},
     "The `weights` argument should be either `None` (random initialization), `imagenet` "
     "(pre-training on ImageNet), or the path to the weights file to be loaded."),
    (nasnet.NASNetLarge, {"weights": "imagenet", "classes": 10},
     'If using `weights` as `"imagenet"` with `include_top` as true, `classes` should be '
     "1000"),
    (nasnet.NASNetLarge, {"weights": "imagenet", "include_top": False,
                          "input_shape": (None, None, 3)},
     "When specifying the input shape of a NASNet and loading `ImageNet` weights, the "
     "input_shape argument must be static (no None entries). Got: "
     "`input_shape=(None, None, 3)`."),
    (nasnet.NASNet, {"penultimate_filters": 100, "weights": None, "include_top": False,
                     "input_shape": (32, 32, 3)},
     "For NASNet-A models, the `penultimate_filters` must be a multiple of 24 * "
     "(`filter_multiplier` ** 2). Current value: 100"),
    (nasnet.NASNet, {"weights": "imagenet", "default_size": 100, "include_top": False,
                     "input_shape": (32, 32, 3), "penultimate_filters": 96, "num_blocks": 1,
                     "stem_block_filters": 8},
     "ImageNet weights can only be loaded with NASNetLarge or NASNetMobile"),
])
def test_errors(fn, kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        fn(**kwargs)


def test_channels_first_is_refused():
    torchkeras.backend.set_image_data_format("channels_first")
    try:
        # from keras 3.15.1
        with pytest.raises(ValueError, match=re.escape(
            "NASNet does not support the `channels_first` image data format. Switch to "
            "`channels_last` by editing your local config file at ~/.keras/keras.json"
        )):
            nasnet.NASNetMobile(weights=None)
    finally:
        torchkeras.backend.set_image_data_format("channels_last")


def test_preprocess_input_scales_to_minus_one_one():
    import numpy as np

    x = np.array([[[[0.0, 127.5, 255.0]]]], dtype="float32")
    np.testing.assert_allclose(nasnet.preprocess_input(x), [[[[-1.0, 0.0, 1.0]]]])
