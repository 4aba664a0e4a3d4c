"""RegNetX/Y against tf_keras 2.21 (Keras 3 has no RegNet): structure, numbers, weights, errors."""

import re

import pytest

import applications_part_b as helpers
import torchkeras
from torchkeras.applications import regnet

DEFAULT = {
    "RegNetX002{}",
    "RegNetY002{}",
    'RegNetX002{"include_preprocessing": false, "include_top": false, "pooling": "avg"}',
}


@pytest.mark.parametrize("entry", helpers.structure_cases("regnet", DEFAULT))
def test_structure_matches_tf_keras(entry):
    helpers.check_structure(regnet, entry, tf_keras=True)


@pytest.mark.parametrize("entry", helpers.numeric_cases("regnet"))
def test_output_matches_tf_keras(entry):
    helpers.check_numeric(regnet, entry)


def test_imagenet_weights_file(monkeypatch, tmp_path):
    name = "regnetx002_notop.h5"
    helpers.check_imagenet_file(
        monkeypatch, tmp_path, regnet.RegNetX002,
        (name, regnet.BASE_WEIGHTS_PATH + name, regnet.WEIGHTS_HASHES["x002"][1]),
        include_top=False, input_shape=(32, 32, 3),
    )


def test_imagenet_weights_missing_offline(monkeypatch, tmp_path):
    helpers.check_missing_imagenet_file(
        monkeypatch, tmp_path, regnet.RegNetX002, "regnetx002_notop.h5",
        include_top=False, input_shape=(32, 32, 3),
    )


def test_head_returns_logits():
    # As in tf_keras 2.21: `classifier_activation` is validated but the head has none.
    model = regnet.RegNetX002(weights=None, input_shape=(32, 32, 3), classes=3)
    assert model.layers[-1].name == "1head_dense"
    assert model.layers[-1].activation is torchkeras.activations.get("linear")


def test_preprocess_input_is_identity():
    x = object()
    assert regnet.preprocess_input(x) is x


# Messages from tf_keras 2.21.
@pytest.mark.parametrize("kwargs, message", [
    ({"weights": "nope"},
     "The `weights` argument should be either `None` (random initialization), `imagenet` "
     "(pre-training on ImageNet), or the path to the weights file to be loaded."),
    ({"weights": "imagenet", "classes": 10},
     "If using `weights` as `'imagenet'` with `include_top` as true, `classes` should be "
     "1000"),
])
def test_errors(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        regnet.RegNetX002(**kwargs)


def test_block_errors():
    x = torchkeras.Input((32, 32, 8))
    # from tf_keras 2.21
    with pytest.raises(ValueError, match=re.escape(
        "Input filters(8) and output filters(16) are not equal for stride 1. Input and output "
        "filters must be equal for stride=1."
    )):
        regnet.XBlock(8, 16, 8, stride=1, name="b")(x)
    with pytest.raises(NotImplementedError, match=re.escape(
        "Block type `Q` not recognized.block_type must be one of (`X`, `Y`, `Z`). "
    )):
        regnet.Stage("Q", 1, 8, 8, 16, name="s")(x)
