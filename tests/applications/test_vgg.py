"""keras.applications.vgg16 / vgg19: structure, numbers and weight loading against Keras."""

import re

import numpy as np
import pytest
import torch

import torchkeras
from torchkeras import applications
from torchkeras.applications import imagenet_utils
from torchkeras.applications import vgg16
from torchkeras.applications import vgg19
from app_fixtures import assert_loaded
from app_fixtures import check_numeric
from app_fixtures import check_structure
from app_fixtures import load_fixture
from app_fixtures import write_keras2_weights_file

FIXTURE = load_fixture("vgg")


@pytest.mark.parametrize(
    "fn_name,kwargs",
    [
        ("VGG16", {"include_top": False, "pooling": "avg"}),
        ("VGG16", {}),
        pytest.param("VGG19", {}, marks=pytest.mark.slow),
    ],
)
def test_structure_matches_keras(fn_name, kwargs):
    check_structure(getattr(applications, fn_name), fn_name, kwargs, FIXTURE)


def test_numbers_match_keras():
    check_numeric(applications.VGG16, "VGG16")


def test_namespace():
    assert applications.VGG16 is vgg16.VGG16
    assert applications.VGG19 is vgg19.VGG19
    assert applications.vgg16 is vgg16


def test_preprocess_input_is_caffe_mode():
    x = np.full((1, 2, 2, 3), 100.0, dtype="float32")
    y = vgg19.preprocess_input(x.copy())
    np.testing.assert_allclose(y[0, 0, 0], [100 - 103.939, 100 - 116.779, 100 - 123.68], rtol=1e-6)
    assert vgg16.decode_predictions is not None


def test_headless_pooling_and_input_tensor():
    model = vgg16.VGG16(weights=None, include_top=False, pooling="max", input_shape=(32, 32, 3))
    assert model.layers[-1].__class__.__name__ == "GlobalMaxPooling2D"
    model = vgg16.VGG16(weights=None, include_top=False, input_shape=(64, 48, 3))
    assert model.output.shape == (None, 2, 1, 512)
    # An input tensor computed from another Input: the model starts at that Input.
    inputs = torchkeras.Input((32, 32, 3))
    scaled = torchkeras.layers.Rescaling(2.0)(inputs)
    model = vgg16.VGG16(weights=None, include_top=False, input_tensor=scaled)
    assert model.inputs[0] is inputs
    assert model.layers[1].__class__.__name__ == "Rescaling"
    out = model(torch.zeros((1, 32, 32, 3)))
    assert tuple(out.shape) == (1, 1, 1, 512)


def test_channels_first_gives_the_same_numbers():
    last = vgg16.VGG16(weights=None, include_top=False, pooling="avg", input_shape=(32, 32, 3))
    torchkeras.backend.set_image_data_format("channels_first")
    try:
        first = vgg16.VGG16(
            weights=None, include_top=False, pooling="avg", input_shape=(3, 32, 32)
        )
    finally:
        torchkeras.backend.set_image_data_format("channels_last")
    # Kernels keep the Keras layout under both data formats.
    first.set_weights(last.get_weights())
    x = np.random.default_rng(0).random((1, 32, 32, 3)).astype("float32") * 255
    np.testing.assert_allclose(
        first(np.transpose(x, (0, 3, 1, 2))).detach().numpy(), last(x).detach().numpy(),
        rtol=1e-4, atol=1e-4,
    )


def test_classes_and_activation():
    model = vgg16.VGG16(
        weights=None, classes=7, classifier_activation=None, input_shape=(32, 32, 3)
    )
    assert model.output.shape == (None, 7)
    assert model.get_layer("predictions").get_config()["activation"] == "linear"


def test_imagenet_weights_load_by_topology(tmp_path, monkeypatch):
    """A tf.keras 2 weights file with the published name loads into the headless model."""
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    model = vgg16.VGG16(weights=None, include_top=False)
    cache = tmp_path / "models"
    cache.mkdir()
    fname = "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5"
    written = write_keras2_weights_file(cache / fname, model)
    requests = []

    def fake_get_file(name, origin, cache_subdir, file_hash):
        requests.append((name, origin, cache_subdir, file_hash))
        return str(tmp_path / cache_subdir / name)

    monkeypatch.setattr(imagenet_utils, "_get_file", fake_get_file)
    loaded = vgg16.VGG16(weights="imagenet", include_top=False)
    assert requests == [(fname, vgg16.WEIGHTS_PATH_NO_TOP, "models",
                         "6d6bbae143d832006294945121d1f1fc")]
    assert_loaded(loaded, written)
    # A path works too, as in Keras.
    assert_loaded(vgg16.VGG16(weights=str(cache / fname), include_top=False), written)


def test_missing_imagenet_weights_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))

    def offline(*args, **kwargs):
        raise OSError("URL fetch failure: offline")

    monkeypatch.setattr(imagenet_utils, "_get_file", offline)
    with pytest.raises(FileNotFoundError, match=re.escape(
        "vgg16: the file 'vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5' is not in the "
        "Keras cache and could not be downloaded. Download it from "
        f"{vgg16.WEIGHTS_PATH_NO_TOP} and place it in {tmp_path / 'models'}"
    )):
        vgg16.VGG16(include_top=False)


def test_errors():
    with pytest.raises(ValueError, match=re.escape(
        "The `weights` argument should be either `None` (random initialization), 'imagenet' "
        "(pre-training on ImageNet), or the path to the weights file to be loaded.  "
        "Received: weights=nope"
    )):
        vgg16.VGG16(weights="nope")
    with pytest.raises(ValueError, match=re.escape(
        "If using `weights='imagenet'` with `include_top=True`, `classes` should be 1000.  "
        "Received classes=10"
    )):
        vgg19.VGG19(classes=10)
    with pytest.raises(ValueError, match=re.escape(
        "Input size must be at least 32x32; Received: input_shape=(10, 10, 3)"
    )):
        vgg16.VGG16(weights=None, include_top=False, input_shape=(10, 10, 3))
    with pytest.raises(ValueError, match=re.escape(
        "Only `None` and `softmax` activations are allowed"
    )):
        vgg16.VGG16(classifier_activation="relu")
