"""keras.applications.inception_v3: structure and numbers against Keras."""

import re

import numpy as np
import pytest

from torchkeras import applications
from torchkeras.applications import inception_v3
from app_fixtures import check_numeric
from app_fixtures import check_structure
from app_fixtures import load_fixture

FIXTURE = load_fixture("inception")


@pytest.mark.parametrize(
    "kwargs",
    [{}, pytest.param({"include_top": False, "pooling": "avg"}, marks=pytest.mark.slow)],
)
def test_structure_matches_keras(kwargs):
    check_structure(applications.InceptionV3, "InceptionV3", kwargs, FIXTURE)


def test_numbers_match_keras():
    check_numeric(applications.InceptionV3, "InceptionV3")


def test_preprocess_input_is_tf_mode():
    x = np.array([[[[0.0, 127.5, 255.0]]]], dtype="float32")
    np.testing.assert_allclose(inception_v3.preprocess_input(x)[0, 0, 0], [-1.0, 0.0, 1.0])


def test_errors():
    with pytest.raises(ValueError, match=re.escape(
        "The `weights` argument should be either `None` (random initialization), `imagenet` "
        "(pre-training on ImageNet), or the path to the weights file to be loaded; "
        "Received: weights=nope"
    )):
        inception_v3.InceptionV3(weights="nope")
    with pytest.raises(ValueError, match=re.escape(
        'If using `weights="imagenet"` with `include_top=True`, `classes` should be 1000. '
        "Received classes=10"
    )):
        inception_v3.InceptionV3(classes=10)
    with pytest.raises(ValueError, match=re.escape(
        "Input size must be at least 75x75; Received: input_shape=(10, 10, 3)"
    )):
        inception_v3.InceptionV3(weights=None, include_top=False, input_shape=(10, 10, 3))
