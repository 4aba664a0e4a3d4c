"""MobileNet (v1) against Keras 3.15.1: structure, numbers, weights loading and errors."""

import re

import pytest

import applications_part_b as helpers
from torchkeras.applications import mobilenet

DEFAULT = {
    "MobileNet{}",
    'MobileNet{"alpha": 0.25, "depth_multiplier": 2, "include_top": false, '
    '"input_shape": [128, 128, 3], "pooling": "avg"}',
    'MobileNet{"alpha": 0.75, "classes": 10, "dropout": 0.5, "input_shape": [160, 160, 3]}',
}


@pytest.mark.parametrize("entry", helpers.structure_cases("mobilenet", DEFAULT, {"MobileNet"}))
def test_structure_matches_keras(entry):
    helpers.check_structure(mobilenet, entry)


@pytest.mark.parametrize("entry", helpers.numeric_cases("mobilenet", {"MobileNet"}))
def test_output_matches_keras(entry):
    helpers.check_numeric(mobilenet, entry)


def test_imagenet_weights_file(monkeypatch, tmp_path):
    name = "mobilenet_2_5_128_tf_no_top.h5"
    helpers.check_imagenet_file(
        monkeypatch, tmp_path, mobilenet.MobileNet,
        (name, mobilenet.BASE_WEIGHT_PATH + name, None),
        alpha=0.25, include_top=False, input_shape=(128, 128, 3),
    )


def test_imagenet_weights_missing_offline(monkeypatch, tmp_path):
    helpers.check_missing_imagenet_file(
        monkeypatch, tmp_path, mobilenet.MobileNet, "mobilenet_2_5_224_tf_no_top.h5",
        alpha=0.25, include_top=False,
    )


def test_imagenet_non_square_warns_and_uses_224(monkeypatch, tmp_path):
    name = "mobilenet_2_5_224_tf_no_top.h5"
    with pytest.warns(UserWarning, match=re.escape("Weights for input shape (224, 224)")):
        helpers.check_imagenet_file(
            monkeypatch, tmp_path, mobilenet.MobileNet,
            (name, mobilenet.BASE_WEIGHT_PATH + name, None),
            alpha=0.25, include_top=False, input_shape=(96, 128, 3),
        )


def test_weights_path(tmp_path):
    helpers.check_weights_path(tmp_path, mobilenet.MobileNet, alpha=0.25, include_top=False,
                               input_shape=(32, 32, 3))


def test_default_name_and_input_tensor():
    import torchkeras

    x = torchkeras.Input((64, 64, 3))
    model = mobilenet.MobileNet(input_tensor=x, include_top=False, alpha=0.25, weights=None)
    # from keras 3.15.1: the rows of an unspecified input shape are None.
    assert model.name == "mobilenet_0.25_None"
    assert model.inputs[0] is x
    assert tuple(model.output_shape) == (None, 2, 2, 256)


# Messages from keras 3.15.1.
@pytest.mark.parametrize("kwargs, message", [
    ({"weights": "nope"},
     "The `weights` argument should be either `None` (random initialization), 'imagenet' "
     "(pre-training on ImageNet), or the path to the weights file to be loaded. "
     "Received weights=nope"),
    ({"weights": "imagenet", "classes": 10},
     "If using `weights='imagenet'` with `include_top=True`, `classes` should be 1000.  "
     "Received classes=10"),
    ({"weights": "imagenet", "depth_multiplier": 2, "include_top": False,
      "input_shape": (128, 128, 3)},
     "If imagenet weights are being loaded, depth multiplier must be 1.  "
     "Received depth_multiplier=2"),
    ({"weights": "imagenet", "alpha": 0.3, "include_top": False, "input_shape": (128, 128, 3)},
     "If imagenet weights are being loaded, alpha can be one of`0.25`, `0.50`, `0.75` or "
     "`1.0` only.  Received alpha=0.3"),
])
def test_errors(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        mobilenet.MobileNet(**kwargs)


def test_preprocess_input_scales_to_minus_one_one():
    import numpy as np

    x = np.array([[[[0.0, 127.5, 255.0]]]], dtype="float32")
    np.testing.assert_allclose(mobilenet.preprocess_input(x), [[[[-1.0, 0.0, 1.0]]]])
