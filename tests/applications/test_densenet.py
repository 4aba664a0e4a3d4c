"""keras.applications.densenet: structure and numbers against Keras."""

import re

import numpy as np
import pytest

from torchkeras import applications
from torchkeras import backend
from torchkeras.applications import densenet
from app_fixtures import check_numeric
from app_fixtures import check_outputs
from app_fixtures import describe
from app_fixtures import check_structure
from app_fixtures import load_fixture

FIXTURE = load_fixture("densenet")


@pytest.mark.parametrize(
    "fn_name",
    [
        "DenseNet121",
        pytest.param("DenseNet169", marks=pytest.mark.slow),
        pytest.param("DenseNet201", marks=pytest.mark.slow),
    ],
)
def test_structure_matches_keras(fn_name):
    check_structure(getattr(applications, fn_name), fn_name, {}, FIXTURE)


def test_numbers_match_keras():
    check_numeric(applications.DenseNet121, "DenseNet121")


def test_custom_blocks_match_keras():
    ref = load_fixture("numeric_small")["densenet"]
    model = densenet.DenseNet(
        [1, 2, 1, 2], weights=None, include_top=False, pooling="avg", input_shape=(32, 32, 3),
        name=ref["name"],
    )
    assert describe(model) == {k: ref[k] for k in ("name", "layers", "params", "output_shape")}
    check_outputs(model, ref["size"], ref["output"])


def test_preprocess_input_is_torch_mode():
    x = np.full((1, 1, 1, 3), 255.0, dtype="float32")
    expected = [(1 - 0.485) / 0.229, (1 - 0.456) / 0.224, (1 - 0.406) / 0.225]
    np.testing.assert_allclose(densenet.preprocess_input(x)[0, 0, 0], expected, rtol=1e-6)


def test_headless_avg_pool_name():
    model = densenet.DenseNet121(weights=None, include_top=False, pooling="avg")
    assert model.layers[-1].name == "avg_pool"
    assert model.output.shape == (None, 1024)


def test_errors():
    with pytest.raises(ValueError, match=re.escape(
        "The `weights` argument should be either `None` (random initialization), `imagenet` "
        "(pre-training on ImageNet), or the path to the weights file to be loaded."
    )):
        densenet.DenseNet121(weights="nope")
    with pytest.raises(ValueError, match=re.escape(
        'If using `weights` as `"imagenet"` with `include_top` as true, `classes` should be 1000'
    )):
        densenet.DenseNet169(classes=10)
    backend.set_image_data_format("channels_first")
    try:
        with pytest.raises(ValueError, match=re.escape(
            "DenseNet does not support the `channels_first` image data format. Switch to "
            "`channels_last` by editing your local config file at ~/.keras/keras.json"
        )):
            densenet.DenseNet121(weights=None)
    finally:
        backend.set_image_data_format("channels_last")
