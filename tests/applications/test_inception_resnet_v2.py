"""keras.applications.inception_resnet_v2: structure and numbers against Keras."""

import re

import numpy as np
import pytest
import torch

import torchkeras
from torchkeras import applications
from torchkeras.applications import inception_resnet_v2
from app_fixtures import check_numeric
from app_fixtures import check_structure
from app_fixtures import load_fixture

FIXTURE = load_fixture("inception")


@pytest.mark.slow  # the headless model is compared in test_numbers_match_keras
def test_structure_matches_keras():
    check_structure(applications.InceptionResNetV2, "InceptionResNetV2", {}, FIXTURE)


def test_numbers_match_keras():
    check_numeric(applications.InceptionResNetV2, "InceptionResNetV2")


def test_custom_scale_layer():
    layer = inception_resnet_v2.CustomScaleLayer(0.5)
    a, b = torch.ones((2, 3)), torch.full((2, 3), 4.0)
    np.testing.assert_allclose(layer([a, b]).numpy(), np.full((2, 3), 3.0))
    assert layer.get_config()["scale"] == 0.5
    assert layer.compute_output_shape([(None, 3), (None, 3)]) == (None, 3)


def test_block_saves_and_loads(tmp_path):
    inputs = torchkeras.Input((8, 8, 32))
    outputs = inception_resnet_v2.inception_resnet_block(inputs, 0.17, "block35", 1)
    model = torchkeras.Model(inputs, outputs)
    model.save(tmp_path / "block.keras")
    loaded = torchkeras.models.load_model(tmp_path / "block.keras")
    assert isinstance(loaded.get_layer("custom_scale_layer"), inception_resnet_v2.CustomScaleLayer)
    x = np.random.default_rng(0).random((1, 8, 8, 32)).astype("float32")
    np.testing.assert_allclose(
        loaded(x).detach().numpy(), model(x).detach().numpy(), rtol=1e-6, atol=1e-6
    )


def test_preprocess_input_is_tf_mode():
    x = np.array([[[[0.0, 127.5, 255.0]]]], dtype="float32")
    np.testing.assert_allclose(inception_resnet_v2.preprocess_input(x)[0, 0, 0], [-1.0, 0.0, 1.0])


def test_errors():
    with pytest.raises(ValueError, match=re.escape(
        "The `weights` argument should be either `None` (random initialization), `imagenet` "
        "(pre-training on ImageNet), or the path to the weights file to be loaded."
    )):
        inception_resnet_v2.InceptionResNetV2(weights="nope")
    with pytest.raises(ValueError, match=re.escape(
        'If using `weights="imagenet"` with `include_top=True`, `classes` should be 1000. '
        "Received classes=10"
    )):
        inception_resnet_v2.InceptionResNetV2(classes=10)
    with pytest.raises(ValueError, match=re.escape(
        'Unknown Inception-ResNet block type. Expects "block35", "block17" or "block8", '
        "but got: block99"
    )):
        inception_resnet_v2.inception_resnet_block(
            torchkeras.Input((8, 8, 32)), 0.1, "block99", 1
        )
