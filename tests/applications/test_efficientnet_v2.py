"""EfficientNetV2 against Keras 3.15.1: structure, numbers, weights loading and errors."""

import re

import pytest

import applications_part_b as helpers
from torchkeras.applications import efficientnet_v2

DEFAULT = {
    "EfficientNetV2B0{}",
    'EfficientNetV2B0{"include_preprocessing": false, "include_top": false}',
}


@pytest.mark.parametrize("entry", helpers.structure_cases("efficientnet_v2", DEFAULT))
def test_structure_matches_keras(entry):
    helpers.check_structure(efficientnet_v2, entry)


@pytest.mark.parametrize("entry", helpers.numeric_cases("efficientnet_v2"))
def test_output_matches_keras(entry):
    helpers.check_numeric(efficientnet_v2, entry)


def test_imagenet_weights_file(monkeypatch, tmp_path):
    name = "efficientnetv2-b0_notop.h5"
    helpers.check_imagenet_file(
        monkeypatch, tmp_path, efficientnet_v2.EfficientNetV2B0,
        (name, efficientnet_v2.BASE_WEIGHTS_PATH + name, "893217f2bb855e2983157299931e43ff"),
        include_top=False, input_shape=(32, 32, 3),
    )


def test_imagenet_weights_missing_offline(monkeypatch, tmp_path):
    helpers.check_missing_imagenet_file(
        monkeypatch, tmp_path, efficientnet_v2.EfficientNetV2B0, "efficientnetv2-b0.h5",
    )


def test_custom_name_keeps_the_variant():
    # Keras picks the block table from `name` (a custom name raises KeyError there); here the
    # variant decides, so the model is the same under another name.
    model = efficientnet_v2.EfficientNetV2B0(weights=None, include_top=False,
                                             input_shape=(32, 32, 3), name="my_b0")
    assert model.name == "my_b0"
    assert model.count_params() == 5919312  # from keras 3.15.1 (name="efficientnetv2-b0")


def test_preprocess_input_is_identity():
    x = object()
    assert efficientnet_v2.preprocess_input(x) is x


# Messages from keras 3.15.1.
@pytest.mark.parametrize("kwargs, message", [
    ({"weights": "nope"},
     "The `weights` argument should be either `None` (random initialization), `imagenet` "
     "(pre-training on ImageNet), or the path to the weights file to be loaded."
     "Received: weights=nope"),
    ({"weights": "imagenet", "classes": 10},
     'If using `weights="imagenet"` with `include_top` as true, `classes` should be 1000'),
])
def test_errors(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        efficientnet_v2.EfficientNetV2B0(**kwargs)


def test_repeats_must_be_positive():
    blocks = [dict(efficientnet_v2.DEFAULT_BLOCKS_ARGS["efficientnetv2-b0"][0], num_repeat=0)]
    # from keras 3.15.1
    message = "The number of repeats in `EfficientNetV2` must be > 0. Received: num_repeat=0"
    with pytest.raises(ValueError, match=re.escape(message)):
        efficientnet_v2.EfficientNetV2(1.0, 1.0, 224, blocks_args=blocks, weights=None,
                                       include_top=False, name="efficientnetv2-b0")
