"""tf.keras.applications.resnet_rs: structure and numbers against tf_keras 2.21."""

import hashlib
import json
import re

import numpy as np
import pytest

from torchkeras import applications
from torchkeras.applications import imagenet_utils
from torchkeras.applications import resnet_rs
from app_fixtures import assert_loaded
from app_fixtures import fill_weights_by_layer
from app_fixtures import load_fixture
from app_fixtures import numeric_inputs
from app_fixtures import write_keras2_weights_file

# from tf_keras 2.21 (ResNetRS is not in Keras 3).
FIXTURE = load_fixture("resnet_rs")


@pytest.fixture(autouse=True)
def _fast_initializer(monkeypatch):
    # The truncated-normal kernel initializer is slow for 35M+ weights; values do not matter here.
    monkeypatch.setattr(resnet_rs, "CONV_KERNEL_INITIALIZER", "zeros")


def _layers(model):
    return [
        [layer.name, layer.__class__.__name__, [list(w.shape) for w in layer.weights]]
        for layer in model.layers
    ]


@pytest.mark.parametrize(
    "fn_name",
    ["ResNetRS50"]
    + [
        pytest.param(name, marks=pytest.mark.slow)
        for name in ("ResNetRS101", "ResNetRS152", "ResNetRS200", "ResNetRS270", "ResNetRS350",
                     "ResNetRS420")
    ],
)
def test_structure_matches_tf_keras(fn_name):
    ref = FIXTURE[fn_name]
    model = getattr(applications, fn_name)(weights=None)
    layers = _layers(model)
    assert model.name == ref["name"]
    assert model.count_params() == ref["params"]
    assert list(model.output.shape) == ref["output_shape"]
    assert len(layers) == ref["num_layers"]
    # The input layer is "input_1" in tf.keras 2 and "input_layer" in Keras 3.
    if "layers" in ref:
        assert layers[1:] == ref["layers"][1:]
    body = json.dumps(layers[1:], separators=(",", ":")).encode()
    assert hashlib.md5(body).hexdigest() == ref["layers_md5"]


def test_numbers_match_tf_keras():
    # A narrow ResNet-RS (tf_keras's `block_args`) covers every code path at a tiny cost.
    ref = FIXTURE["numeric|tiny"]
    model = resnet_rs.ResNetRS(
        depth=50, block_args=ref["block_args"], drop_connect_rate=ref["drop_connect_rate"],
        weights=None, include_top=False, pooling="avg", input_shape=(64, 64, 3),
        model_name="tiny-rs",
    )
    assert model.count_params() == ref["params"]
    assert _layers(model)[1:] == ref["layers"][1:]
    fill_weights_by_layer(model)
    x = (numeric_inputs((2, 64, 64, 3)) + 1.0) * 127.5
    y = model(x, training=False).detach().numpy()
    expected = np.array(ref["output"], dtype="float32")
    np.testing.assert_allclose(y, expected, rtol=1e-4, atol=1e-4 * np.abs(expected).max())


def test_preprocessing_flag_and_passthrough():
    model = resnet_rs.ResNetRS50(
        weights=None, include_top=False, input_shape=(32, 32, 3), include_preprocessing=False
    )
    assert [layer.__class__.__name__ for layer in model.layers[:3]] == [
        "InputLayer", "ZeroPadding2D", "Conv2D"
    ]
    x = np.ones((1, 2, 2, 3))
    assert resnet_rs.preprocess_input(x) is x


def test_imagenet_weights_load_by_topology(tmp_path, monkeypatch):
    # The published ResNetRS50 file name, on a narrow ResNetRS50 to keep the test fast.
    tiny = [{"input_filters": 8, "num_repeats": 1}] * 4
    monkeypatch.setitem(resnet_rs.BLOCK_ARGS, 50, tiny)
    model = resnet_rs.ResNetRS50(weights=None, include_top=False)
    fname = "resnet-rs-50-i160_notop.h5"
    written = write_keras2_weights_file(tmp_path / fname, model)
    requests = []

    def fake_get_file(name, origin, cache_subdir, file_hash):
        requests.append((name, origin, file_hash))
        return str(tmp_path / name)

    monkeypatch.setattr(imagenet_utils, "_get_file", fake_get_file)
    loaded = resnet_rs.ResNetRS50(include_top=False)
    assert requests == [(fname, resnet_rs.BASE_WEIGHTS_URL + fname,
                         "90daa68cd26c95aa6c5d25451e095529")]
    assert_loaded(loaded, written)


def test_errors():
    with pytest.raises(ValueError, match=re.escape(
        "The `weights` argument should be either `None` (random initialization), `'imagenet'` "
        "(pre-training on ImageNet, with highest available input shape), or the path to the "
        "weights file to be loaded. For ResNetRS101 the following weight variants are available "
        "['imagenet-i160', 'imagenet-i192'] (default=highest). Received weights=imagenet-i224"
    )):
        resnet_rs.ResNetRS101(weights="imagenet-i224")
    with pytest.raises(ValueError, match=re.escape(
        "If using `weights` as `'imagenet'` or any of ['imagenet-i160'] with `include_top` as "
        "true, `classes` should be 1000. Received classes=10"
    )):
        resnet_rs.ResNetRS50(classes=10)
