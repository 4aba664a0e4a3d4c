"""EfficientNet B0-B7 against Keras 3.15.1: structure, numbers, weights loading and errors."""

import re

import numpy as np
import pytest

import applications_part_b as helpers
from torchkeras.applications import efficientnet

DEFAULT = {
    "EfficientNetB0{}",
    'EfficientNetB0{"include_top": false, "input_shape": [64, 64, 3], "pooling": "avg"}',
}


@pytest.mark.parametrize("entry", helpers.structure_cases("efficientnet", DEFAULT))
def test_structure_matches_keras(entry):
    helpers.check_structure(efficientnet, entry)


@pytest.mark.parametrize("entry", helpers.numeric_cases("efficientnet"))
def test_output_matches_keras(entry):
    helpers.check_numeric(efficientnet, entry)


def test_imagenet_weights_file_adds_the_stddev_rescaling(monkeypatch, tmp_path):
    name = "efficientnetb0_notop.h5"
    model = helpers.check_imagenet_file(
        monkeypatch, tmp_path, efficientnet.EfficientNetB0,
        (name, efficientnet.BASE_WEIGHTS_PATH + name, "50bc09e76180e00e4465e1a485ddc09d"),
        include_top=False, input_shape=(32, 32, 3),
    )
    # from keras 3.15.1: with imagenet weights a third preprocessing layer divides by
    # sqrt(stddev) once more.
    assert [type(layer).__name__ for layer in model.layers[1:5]] == [
        "Rescaling", "Normalization", "Rescaling", "ZeroPadding2D"]
    np.testing.assert_allclose(model.layers[3].scale,
                               [1 / np.sqrt(s) for s in (0.229, 0.224, 0.225)])


def test_imagenet_weights_missing_offline(monkeypatch, tmp_path):
    helpers.check_missing_imagenet_file(
        monkeypatch, tmp_path, efficientnet.EfficientNetB0, "efficientnetb0.h5",
    )


def test_preprocess_input_is_identity():
    x = np.ones((1, 2, 2, 3))
    assert efficientnet.preprocess_input(x) is x


# Messages from keras 3.15.1.
@pytest.mark.parametrize("kwargs, message", [
    ({"weights": "nope"},
     "The `weights` argument should be either `None` (random initialization), `imagenet` "
     "(pre-training on ImageNet), or the path to the weights file to be loaded."),
    ({"weights": "imagenet", "classes": 10},
     'If using `weights="imagenet"` with `include_top` as true, `classes` should be 1000'),
])
def test_errors(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        efficientnet.EfficientNetB0(**kwargs)


def test_repeats_must_be_positive():
    blocks = [dict(efficientnet.DEFAULT_BLOCKS_ARGS[0], repeats=0)]
    # from keras 3.15.1
    message = "The number of repeats in `EfficientNet` must be > 0. Received: repeats=0"
    with pytest.raises(ValueError, match=re.escape(message)):
        efficientnet.EfficientNet(1.0, 1.0, 224, blocks_args=blocks, weights=None,
                                  include_top=False)


@pytest.mark.slow  # a full EfficientNetB0 training step (~5 s)
def test_one_training_step_with_stochastic_depth():
    # The residual Dropout layers (noise_shape=(None, 1, 1, 1)) are active while training.
    model = efficientnet.EfficientNetB0(weights=None, input_shape=(32, 32, 3), classes=3)
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    x = np.linspace(0, 255, 4 * 32 * 32 * 3, dtype="float32").reshape(4, 32, 32, 3)
    history = model.fit(x, np.array([0, 1, 2, 0]), batch_size=4, epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])
