"""MobileNetV3 Small/Large against Keras 3.15.1: structure, numbers, weights loading, errors."""

import re

import pytest

import applications_part_b as helpers
import torchkeras
from torchkeras.applications import mobilenet_v3

V3 = {"MobileNetV3Small", "MobileNetV3Large"}
DEFAULT = {
    "MobileNetV3Small{}",
    "MobileNetV3Large{}",
    'MobileNetV3Small{"alpha": 0.75, "minimalistic": true}',
    'MobileNetV3Large{"include_preprocessing": false, "include_top": false, '
    '"minimalistic": true, "pooling": "max"}',
    'MobileNetV3Large{"alpha": 1.25, "classes": 7, "dropout_rate": 0.0}',
}


@pytest.mark.parametrize("entry", helpers.structure_cases("mobilenet", DEFAULT, V3))
def test_structure_matches_keras(entry):
    helpers.check_structure(mobilenet_v3, entry)


@pytest.mark.parametrize("entry", helpers.numeric_cases("mobilenet", V3))
def test_output_matches_keras(entry):
    helpers.check_numeric(mobilenet_v3, entry)


def test_imagenet_weights_file(monkeypatch, tmp_path):
    name = "weights_mobilenet_v3_small_minimalistic_224_1.0_float_no_top_v2.h5"
    helpers.check_imagenet_file(
        monkeypatch, tmp_path, mobilenet_v3.MobileNetV3Small,
        (name, mobilenet_v3.BASE_WEIGHT_PATH + name, "cde8136e733e811080d9fcd8a252f7e4"),
        minimalistic=True, include_top=False, input_shape=(224, 224, 3),
    )


def test_imagenet_weights_missing_offline(monkeypatch, tmp_path):
    with pytest.warns(UserWarning, match="Weights for input shape"):
        helpers.check_missing_imagenet_file(
            monkeypatch, tmp_path, mobilenet_v3.MobileNetV3Large,
            "weights_mobilenet_v3_large_224_0.75_float.h5", alpha=0.75,
        )


def test_weights_path(tmp_path):
    helpers.check_weights_path(tmp_path, mobilenet_v3.MobileNetV3Small, minimalistic=True,
                               include_top=False, input_shape=(32, 32, 3))


def test_preprocess_input_is_identity():
    x = object()
    assert mobilenet_v3.preprocess_input(x) is x


def test_input_tensor_sets_the_shape():
    x = torchkeras.Input((64, 64, 3))
    model = mobilenet_v3.MobileNetV3Small(input_tensor=x, include_top=False, weights=None)
    # from keras 3.15.1
    assert tuple(model.output_shape) == (None, 2, 2, 576)


# Messages from keras 3.15.1.
@pytest.mark.parametrize("kwargs, message", [
    ({"weights": "nope"},
     "The `weights` argument should be either `None` (random initialization), `imagenet` "
     "(pre-training on ImageNet), or the path to the weights file to be loaded.  "
     "Received weights=nope"),
    ({"weights": "imagenet", "classes": 10},
     'If using `weights="imagenet"` with `include_top` as true, `classes` should be 1000.  '
     "Received classes=10"),
    ({"weights": None, "input_shape": (16, 16, 3)},
     "Input size must be at least 32x32; Received `input_shape=(16, 16, 3)`"),
    ({"weights": "imagenet", "alpha": 0.5},
     "If imagenet weights are being loaded, alpha can be one of `0.75`, `1.0` for non "
     "minimalistic or `1.0` for minimalistic only."),
    ({"weights": "imagenet", "alpha": 0.75, "minimalistic": True},
     "If imagenet weights are being loaded, alpha can be one of `0.75`, `1.0` for non "
     "minimalistic or `1.0` for minimalistic only."),
])
def test_errors(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        mobilenet_v3.MobileNetV3Small(**kwargs)


def test_input_tensor_and_shape_must_agree():
    x = torchkeras.Input((96, 96, 3))
    # from keras 3.15.1
    message = ("input_shape[1] must equal input_tensor.shape[2].  Received "
               "input_shape=(96, 64, 3), input_tensor.shape=(None, 96, 96, 3)")
    with pytest.raises(ValueError, match=re.escape(message)):
        mobilenet_v3.MobileNetV3Small(input_tensor=x, input_shape=(96, 64, 3), weights=None)
    with pytest.raises(ValueError, match="is not a keras tensor"):
        mobilenet_v3.MobileNetV3Small(input_tensor=[1.0], input_shape=(96, 96, 3), weights=None)


def test_one_training_step():
    import numpy as np

    model = mobilenet_v3.MobileNetV3Small(weights=None, minimalistic=True, alpha=0.75,
                                          input_shape=(32, 32, 3), classes=3)
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    x = np.linspace(0, 255, 4 * 32 * 32 * 3, dtype="float32").reshape(4, 32, 32, 3)
    before = model.get_weights()
    history = model.fit(x, np.array([0, 1, 2, 0]), batch_size=4, epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    assert any(not np.array_equal(a, b) for a, b in zip(before, model.get_weights()))


def test_input_tensor_and_shape_must_agree_channels_first():
    torchkeras.backend.set_image_data_format("channels_first")
    try:
        x = torchkeras.Input((3, 96, 96))
        # from keras 3.15.1 (it compares input_tensor.shape[1] with input_shape[1])
        message = ("When backend.image_data_format()=channels_first, input_shape[1] must equal "
                   "input_tensor.shape[1].  Received input_shape=(3, 64, 96), "
                   "input_tensor.shape=(None, 3, 96, 96)")
        with pytest.raises(ValueError, match=re.escape(message)):
            mobilenet_v3.MobileNetV3Small(input_tensor=x, input_shape=(3, 64, 96), weights=None)
    finally:
        torchkeras.backend.set_image_data_format("channels_last")
