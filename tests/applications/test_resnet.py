"""keras.applications.resnet / resnet50 / resnet_v2: structure and numbers against Keras."""

import re

import numpy as np
import pytest

from torchkeras import applications
from torchkeras.applications import imagenet_utils
from torchkeras.applications import resnet
from torchkeras.applications import resnet50
from torchkeras.applications import resnet_v2
from app_fixtures import check_numeric
from app_fixtures import check_outputs
from app_fixtures import describe
from app_fixtures import check_structure
from app_fixtures import load_fixture

FIXTURE = load_fixture("resnet")
SMALL = load_fixture("numeric_small")


@pytest.mark.parametrize(
    "fn_name,kwargs",
    [
        ("ResNet50", {}),
        ("ResNet50", {"include_top": False, "pooling": "max"}),
        ("ResNet50V2", {}),
        pytest.param("ResNet101", {}, marks=pytest.mark.slow),
        pytest.param("ResNet152", {}, marks=pytest.mark.slow),
        pytest.param("ResNet101V2", {}, marks=pytest.mark.slow),
        pytest.param("ResNet152V2", {}, marks=pytest.mark.slow),
    ],
)
def test_structure_matches_keras(fn_name, kwargs):
    check_structure(getattr(applications, fn_name), fn_name, kwargs, FIXTURE)


def _tiny_v1(x):
    x = resnet.stack_residual_blocks_v1(x, 8, 2, stride1=1, name="conv2")
    x = resnet.stack_residual_blocks_v1(x, 16, 1, name="conv3")
    return resnet.stack_residual_blocks_v1(x, 16, 2, name="conv4")


def _tiny_v2(x):
    x = resnet.stack_residual_blocks_v2(x, 8, 2, name="conv2")
    x = resnet.stack_residual_blocks_v2(x, 16, 3, name="conv3")
    return resnet.stack_residual_blocks_v2(x, 16, 2, stride1=1, name="conv4")


@pytest.mark.parametrize("key,stack_fn,preact", [
    ("resnet_v1", _tiny_v1, False), ("resnet_v2", _tiny_v2, True)
])
def test_numbers_match_keras(key, stack_fn, preact):
    # Narrow stacks through Keras's shared `ResNet` builder: every block type at a tiny cost.
    ref = SMALL[key]
    model = resnet.ResNet(
        stack_fn, preact, True, weights=None, include_top=False, pooling="avg",
        input_shape=(64, 64, 3), name=ref["name"],
    )
    assert describe(model) == {k: ref[k] for k in ("name", "layers", "params", "output_shape")}
    check_outputs(model, ref["size"], ref["output"])


@pytest.mark.slow
@pytest.mark.parametrize("fn_name", ["ResNet50", "ResNet50V2"])
def test_numbers_match_keras_full(fn_name):
    check_numeric(getattr(applications, fn_name), fn_name)


def test_namespaces():
    assert applications.ResNet50 is resnet.ResNet50 is resnet50.ResNet50
    assert resnet50.preprocess_input is resnet.preprocess_input
    assert applications.ResNet152V2 is resnet_v2.ResNet152V2
    assert applications.resnet50 is resnet50


def test_preprocess_modes():
    x = np.full((1, 1, 1, 3), 255.0, dtype="float32")
    np.testing.assert_allclose(resnet_v2.preprocess_input(x.copy())[0, 0, 0], [1.0, 1.0, 1.0])
    np.testing.assert_allclose(
        resnet.preprocess_input(x.copy())[0, 0, 0], [255 - 103.939, 255 - 116.779, 255 - 123.68],
        rtol=1e-6,
    )


def test_weights_files(monkeypatch, tmp_path):
    """The published file names, origins and hashes are Keras's."""
    requests = []

    def fake_get_file(fname, origin, cache_subdir, file_hash):
        requests.append((fname, origin, file_hash))
        raise OSError("offline")

    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(imagenet_utils, "_get_file", fake_get_file)
    with pytest.raises(FileNotFoundError):
        resnet_v2.ResNet50V2(include_top=False)
    with pytest.raises(FileNotFoundError):
        resnet.ResNet50()
    base = "https://storage.googleapis.com/tensorflow/keras-applications/resnet/"
    assert requests == [
        ("resnet50v2_weights_tf_dim_ordering_tf_kernels_notop.h5",
         base + "resnet50v2_weights_tf_dim_ordering_tf_kernels_notop.h5",
         "fac2f116257151a9d068a22e544a4917"),
        ("resnet50_weights_tf_dim_ordering_tf_kernels.h5",
         base + "resnet50_weights_tf_dim_ordering_tf_kernels.h5",
         "2cb95161c43110f7111970584f804107"),
    ]


def test_errors():
    with pytest.raises(ValueError, match=re.escape(
        "The `weights` argument should be either `None` (random initialization), 'imagenet' "
        "(pre-training on ImageNet), or the path to the weights file to be loaded.  "
        "Received: weights=nope"
    )):
        resnet.ResNet101(weights="nope")
    with pytest.raises(ValueError, match=re.escape(
        "If using `weights='imagenet'` with `include_top=True`, `classes` should be 1000.  "
        "Received classes=10"
    )):
        resnet_v2.ResNet50V2(classes=10)
    with pytest.raises(ValueError, match=re.escape(
        "When setting `include_top=True` and loading `imagenet` weights, `input_shape` should "
        "be (224, 224, 3).  Received: input_shape=(100, 100, 3)"
    )):
        resnet.ResNet50(input_shape=(100, 100, 3))
    with pytest.raises(ValueError, match=re.escape(
        "The input must have 3 channels; Received `input_shape=(64, 64, 1)`"
    )):
        resnet.ResNet50(include_top=False, input_shape=(64, 64, 1))
