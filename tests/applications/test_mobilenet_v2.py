"""MobileNetV2 against Keras 3.15.1: structure, numbers, weights loading and errors."""

import re

import pytest

import applications_part_b as helpers
import torchkeras
from torchkeras.applications import mobilenet_v2

DEFAULT = {
    "MobileNetV2{}",
    'MobileNetV2{"alpha": 0.35, "include_top": false, "input_shape": [96, 96, 3], '
    '"pooling": "max"}',
}


@pytest.mark.parametrize("entry",
                         helpers.structure_cases("mobilenet", DEFAULT, {"MobileNetV2"}))
def test_structure_matches_keras(entry):
    helpers.check_structure(mobilenet_v2, entry)


@pytest.mark.parametrize("entry", helpers.numeric_cases("mobilenet", {"MobileNetV2"}))
def test_output_matches_keras(entry):
    helpers.check_numeric(mobilenet_v2, entry)


def test_imagenet_weights_file(monkeypatch, tmp_path):
    name = "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_0.35_96_no_top.h5"
    helpers.check_imagenet_file(
        monkeypatch, tmp_path, mobilenet_v2.MobileNetV2,
        (name, mobilenet_v2.BASE_WEIGHT_PATH + name, None),
        alpha=0.35, include_top=False, input_shape=(96, 96, 3),
    )


def test_imagenet_weights_missing_offline(monkeypatch, tmp_path):
    helpers.check_missing_imagenet_file(
        monkeypatch, tmp_path, mobilenet_v2.MobileNetV2,
        "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_0.35_96_no_top.h5",
        alpha=0.35, include_top=False, input_shape=(96, 96, 3),
    )


def test_weights_path(tmp_path):
    helpers.check_weights_path(tmp_path, mobilenet_v2.MobileNetV2, alpha=0.35,
                               include_top=False, input_shape=(32, 32, 3))


def test_input_tensor_picks_the_default_size():
    x = torchkeras.Input((96, 96, 3))
    model = mobilenet_v2.MobileNetV2(input_tensor=x, include_top=False, alpha=0.35,
                                     weights=None)
    # from keras 3.15.1
    assert model.name == "mobilenetv2_0.35_None"
    assert tuple(model.output_shape) == (None, 3, 3, 1280)


# Messages from keras 3.15.1.
@pytest.mark.parametrize("kwargs, message", [
    ({"weights": "nope"},
     "The `weights` argument should be either `None` (random initialization), `imagenet` "
     "(pre-training on ImageNet), or the path to the weights file to be loaded.  "
     "Received `weights=nope`"),
    ({"weights": "imagenet", "classes": 10},
     'If using `weights="imagenet"` with `include_top` as true, `classes` should be 1000. '
     "Received `classes=10`"),
    ({"weights": "imagenet", "alpha": 0.3, "include_top": False, "input_shape": (128, 128, 3)},
     "If imagenet weights are being loaded, alpha must be one of `0.35`, `0.50`, `0.75`, "
     "`1.0`, `1.3` or `1.4` only; Received `alpha=0.3`"),
])
def test_errors(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        mobilenet_v2.MobileNetV2(**kwargs)


def test_input_tensor_and_shape_must_agree():
    x = torchkeras.Input((96, 96, 3))
    # from keras 3.15.1
    message = ("input_tensor.shape[2] must equal input_shape[1]; Received "
               "`input_tensor.shape=(None, 96, 96, 3)`, `input_shape=(96, 64, 3)`")
    with pytest.raises(ValueError, match=re.escape(message)):
        mobilenet_v2.MobileNetV2(input_tensor=x, input_shape=(96, 64, 3), weights=None)
    with pytest.raises(ValueError, match="input_tensor is not a Keras tensor; Received"):
        mobilenet_v2.MobileNetV2(input_tensor=[1.0], input_shape=(96, 96, 3), weights=None)


def test_input_tensor_and_shape_must_agree_channels_first():
    torchkeras.backend.set_image_data_format("channels_first")
    try:
        x = torchkeras.Input((3, 96, 96))
        # from keras 3.15.1 (it compares input_tensor.shape[1] with input_shape[1])
        message = ("input_shape[1] must equal shape(input_tensor)[1] when `image_data_format` "
                   "is `channels_first`; Received `input_tensor.shape=(None, 3, 96, 96)`, "
                   "`input_shape=(3, 64, 96)`")
        with pytest.raises(ValueError, match=re.escape(message)):
            mobilenet_v2.MobileNetV2(input_tensor=x, input_shape=(3, 64, 96), weights=None)
    finally:
        torchkeras.backend.set_image_data_format("channels_last")
