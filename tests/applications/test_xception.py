"""keras.applications.xception: structure and numbers against Keras."""

import re

import numpy as np
import pytest

from torchkeras import applications
from torchkeras.applications import xception
from app_fixtures import check_numeric
from app_fixtures import check_structure
from app_fixtures import load_fixture

FIXTURE = load_fixture("inception")


@pytest.mark.slow  # the headless model is compared in test_numbers_match_keras
def test_structure_matches_keras():
    check_structure(applications.Xception, "Xception", {}, FIXTURE)


def test_numbers_match_keras():
    check_numeric(applications.Xception, "Xception")


def test_preprocess_input_is_tf_mode():
    x = np.array([[[[0.0, 127.5, 255.0]]]], dtype="float32")
    np.testing.assert_allclose(xception.preprocess_input(x)[0, 0, 0], [-1.0, 0.0, 1.0])


def test_errors():
    with pytest.raises(ValueError, match=re.escape(
        "The `weights` argument should be either `None` (random initialization), 'imagenet' "
        "(pre-training on ImageNet), or the path to the weights file to be loaded."
    )):
        xception.Xception(weights="nope")
    with pytest.raises(ValueError, match=re.escape(
        "If using `weights='imagenet'` with `include_top=True`, `classes` should be 1000.  "
        "Received classes=10"
    )):
        xception.Xception(classes=10)
    with pytest.raises(ValueError, match=re.escape(
        "Input size must be at least 71x71; Received: input_shape=(70, 80, 3)"
    )):
        xception.Xception(weights=None, include_top=False, input_shape=(70, 80, 3))
