"""keras.applications.imagenet_utils: preprocessing numbers, decoding, input-shape rules."""

import json
import os
import re

import numpy as np
import pytest
import torch

import torchkeras
from torchkeras.applications import imagenet_utils
from app_fixtures import load_fixture

# from keras 3.15.1: preprocess_input outputs on x = arange(54).reshape(2, 3, 3, 3) * 4.
PRE = load_fixture("preprocess")
X4 = np.arange(2 * 3 * 3 * 3, dtype="float32").reshape(2, 3, 3, 3) * 4.0


@pytest.mark.parametrize("key", [k for k in PRE if k.count("|") == 2])
def test_preprocess_numpy_matches_keras(key):
    mode, data_format, nd = key.split("|")
    x = X4.copy() if nd == "4d" else X4[0].copy()
    y = imagenet_utils.preprocess_input(x, data_format=data_format, mode=mode)
    assert str(y.dtype) == PRE[key]["dtype"]
    np.testing.assert_allclose(y, np.array(PRE[key]["value"]), rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("key", [k for k in PRE if k.count("|") == 2])
def test_preprocess_torch_tensor_matches_keras_and_keeps_input(key):
    mode, data_format, nd = key.split("|")
    x = torch.tensor(X4 if nd == "4d" else X4[0])
    before = x.clone()
    y = imagenet_utils.preprocess_input(x, data_format=data_format, mode=mode)
    assert isinstance(y, torch.Tensor) and y.dtype == torch.float32
    np.testing.assert_allclose(y.numpy(), np.array(PRE[key]["value"]), rtol=1e-6, atol=1e-5)
    # Unlike NumPy arrays, tensors are never modified in place.
    assert torch.equal(x, before)


def test_preprocess_numpy_in_place_and_int_conversion():
    x = X4.copy()
    y = imagenet_utils.preprocess_input(x, mode="tf")
    assert y is x  # Keras writes float arrays in place
    xi = (np.arange(12).reshape(1, 2, 2, 3) * 20).astype("uint8")
    y = imagenet_utils.preprocess_input(xi, mode="caffe")
    assert y.dtype == np.float32
    np.testing.assert_allclose(y, np.array(PRE["uint8|caffe"]["value"]), rtol=1e-6)


def test_preprocess_default_mode_is_caffe_and_format_global():
    np.testing.assert_allclose(
        imagenet_utils.preprocess_input(X4.copy()),
        np.array(PRE["caffe|channels_last|4d"]["value"]), rtol=1e-6,
    )


def test_preprocess_symbolic_inside_a_model():
    inputs = torchkeras.Input((3, 3, 3))
    outputs = imagenet_utils.preprocess_input(inputs, mode="caffe")
    model = torchkeras.Model(inputs, outputs)
    y = model(torch.tensor(X4))
    np.testing.assert_allclose(
        y.detach().numpy(), np.array(PRE["caffe|channels_last|4d"]["value"]), rtol=1e-6,
        atol=1e-5,
    )


def test_preprocess_errors():
    with pytest.raises(
        ValueError,
        match=re.escape(
            "Expected mode to be one of `caffe`, `tf` or `torch`. Received: mode=foo"
        ),
    ):
        imagenet_utils.preprocess_input(X4, mode="foo")
    with pytest.raises(
        ValueError,
        match=re.escape(
            "Expected data_format to be one of `channels_first` or `channels_last`. "
            "Received: data_format=foo"
        ),
    ):
        imagenet_utils.preprocess_input(X4, data_format="foo")


@pytest.fixture
def keras_home(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(imagenet_utils, "CLASS_INDEX", None)
    return tmp_path


def _offline(*args, **kwargs):
    raise OSError("URL fetch failure: offline")


def test_decode_predictions_reads_the_cached_index(keras_home, monkeypatch):
    # get_file finds the file in the cache: simulated so that no download is ever attempted.
    monkeypatch.setattr(
        imagenet_utils, "_get_file",
        lambda fname, origin, cache_subdir, file_hash: str(keras_home / cache_subdir / fname),
    )
    os.makedirs(keras_home / "models")
    index = {str(i): [f"n{i:08d}", f"class_{i}"] for i in range(1000)}
    with open(keras_home / "models" / "imagenet_class_index.json", "w") as f:
        json.dump(index, f)
    preds = np.zeros((2, 1000), dtype="float32")
    preds[0, [5, 7, 9]] = [0.2, 0.5, 0.3]
    preds[1, 999] = 1.0
    result = imagenet_utils.decode_predictions(preds, top=3)
    assert [r[:2] for r in result[0]] == [
        ("n00000007", "class_7"), ("n00000009", "class_9"), ("n00000005", "class_5")
    ]
    assert result[0][0][2] == pytest.approx(0.5)
    assert result[1][0][:2] == ("n00000999", "class_999")
    # Tensors are accepted too.
    assert imagenet_utils.decode_predictions(torch.tensor(preds), top=1)[1][0][1] == "class_999"


def test_decode_predictions_missing_index_is_a_clear_error(keras_home, monkeypatch):
    monkeypatch.setattr(imagenet_utils, "_get_file", _offline)
    with pytest.raises(FileNotFoundError, match=r"decode_predictions\(\): the file "
                       r"'imagenet_class_index.json' is not in the Keras cache .*~/.keras/models"):
        imagenet_utils.decode_predictions(np.zeros((1, 1000)))


def test_decode_predictions_shape_error():
    with pytest.raises(
        ValueError,
        match=re.escape(
            "`decode_predictions` expects a batch of predictions (i.e. a 2D array of shape "
            "(samples, 1000)). Received array with shape: (2, 10)"
        ),
    ):
        imagenet_utils.decode_predictions(np.zeros((2, 10)))


def test_keras_cache_dir_follows_keras_home(keras_home):
    assert imagenet_utils.keras_cache_dir() == os.path.join(str(keras_home), "models")


def test_obtain_input_shape_defaults_and_checks():
    f = imagenet_utils.obtain_input_shape
    assert f(None, 224, 32, "channels_last", True) == (224, 224, 3)
    assert f(None, 224, 32, "channels_first", True) == (3, 224, 224)
    assert f(None, 224, 32, "channels_last", False) == (None, None, 3)
    assert f(None, 224, 32, "channels_first", False) == (3, None, None)
    assert f((64, 80, 3), 224, 32, "channels_last", False, "imagenet") == (64, 80, 3)
    assert f(None, 299, 75, "channels_last", True, "imagenet") == (299, 299, 3)
    with pytest.warns(UserWarning, match="This model usually expects 1 or 3 input channels. "
                      "However, it was passed an input_shape with 5 input channels."):
        assert f((64, 64, 5), 224, 32, "channels_last", False) == (64, 64, 5)
    with pytest.raises(ValueError, match=re.escape(
        "When setting `include_top=True` and loading `imagenet` weights, `input_shape` "
        "should be (224, 224, 3).  Received: input_shape=(100, 100, 3)"
    )):
        f((100, 100, 3), 224, 32, "channels_last", True, "imagenet")
    with pytest.raises(ValueError, match=re.escape(
        "`input_shape` must be a tuple of three integers."
    )):
        f((64, 64), 224, 32, "channels_last", False)
    with pytest.raises(ValueError, match=re.escape(
        "The input must have 3 channels; Received `input_shape=(1, 64, 64)`"
    )):
        f((1, 64, 64), 224, 32, "channels_first", False, "imagenet")
    with pytest.raises(ValueError, match=re.escape(
        "Input size must be at least 32x32; Received: input_shape=(3, 64, 10)"
    )):
        f((3, 64, 10), 224, 32, "channels_first", False)
    with pytest.raises(ValueError, match=re.escape(
        "If `include_top` is True, you should specify a static `input_shape`. "
        "Received: input_shape=(None, None, 3)"
    )):
        f((None, None, 3), 224, 32, "channels_last", True)


def test_correct_pad():
    assert imagenet_utils.correct_pad(torchkeras.Input((224, 224, 3)), 3) == ((0, 1), (0, 1))
    assert imagenet_utils.correct_pad(torchkeras.Input((225, 224, 3)), (5, 3)) == (
        (2, 2), (0, 1)
    )
    assert imagenet_utils.correct_pad(torchkeras.Input((None, None, 3)), 3) == ((0, 1), (0, 1))


def test_validate_activation():
    imagenet_utils.validate_activation("relu", None)
    imagenet_utils.validate_activation("softmax", "imagenet")
    imagenet_utils.validate_activation(None, "imagenet")
    with pytest.raises(ValueError, match=re.escape(
        "Only `None` and `softmax` activations are allowed for the `classifier_activation` "
        "argument when using pretrained weights, with `include_top=True`; Received: "
        "classifier_activation=<function relu"
    )):
        imagenet_utils.validate_activation("relu", "imagenet")
