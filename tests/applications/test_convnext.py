"""ConvNeXt against Keras 3.15.1: structure, numbers, its layers, weights loading and errors."""

import re

import numpy as np
import pytest
import torch

import applications_part_b as helpers
import torchkeras
from torchkeras.applications import convnext

DEFAULT = {
    "ConvNeXtTiny{}",
    'ConvNeXtTiny{"include_preprocessing": false, "include_top": false, "pooling": "avg"}',
    'ConvNeXtTiny{"include_top": false, "input_shape": [64, 64, 3]}',
}


@pytest.mark.parametrize("entry", helpers.structure_cases("convnext", DEFAULT))
def test_structure_matches_keras(entry):
    helpers.check_structure(convnext, entry)


@pytest.mark.parametrize("entry", helpers.numeric_cases("convnext"))
def test_output_matches_keras(entry):
    helpers.check_numeric(convnext, entry)


def test_layer_scale():
    layer = convnext.LayerScale(0.5, 4, name="ls")
    x = np.arange(8, dtype="float32").reshape(2, 4)
    np.testing.assert_allclose(torchkeras.ops.convert_to_numpy(layer(x)), 0.5 * x)
    assert [tuple(w.shape) for w in layer.weights] == [(4,)]
    config = layer.get_config()
    # from keras 3.15.1 (less the dtype policy)
    assert {k: config[k] for k in ("name", "trainable", "init_values", "projection_dim")} == {
        "name": "ls", "trainable": True, "init_values": 0.5, "projection_dim": 4}
    clone = convnext.LayerScale.from_config(config)
    assert (clone.init_values, clone.projection_dim) == (0.5, 4)


def test_stochastic_depth_drops_whole_samples():
    layer = convnext.StochasticDepth(0.5, name="sd")
    assert layer.get_config()["drop_path_rate"] == 0.5
    x = torch.ones(64, 3, 5)
    assert layer(x, training=False) is x
    y = layer(x, training=True)
    per_sample = y.reshape(64, -1)
    # Each sample is either dropped (0) or kept and scaled by 1 / keep_prob (2).
    assert set(per_sample.min(dim=1).values.tolist()) <= {0.0, 2.0}
    assert torch.equal(per_sample.min(dim=1).values, per_sample.max(dim=1).values)
    assert 0 < int((per_sample[:, 0] == 0).sum()) < 64


def test_imagenet_weights_file(monkeypatch, tmp_path):
    name = "convnext_tiny_notop.h5"
    helpers.check_imagenet_file(
        monkeypatch, tmp_path, convnext.ConvNeXtTiny,
        (name, convnext.BASE_WEIGHTS_PATH + name, convnext.WEIGHTS_HASHES["convnext_tiny"][1]),
        include_top=False, input_shape=(32, 32, 3),
    )


def test_imagenet_weights_missing_offline(monkeypatch, tmp_path):
    helpers.check_missing_imagenet_file(
        monkeypatch, tmp_path, convnext.ConvNeXtTiny, "convnext_tiny.h5",
    )


def test_preprocess_input_is_identity():
    x = object()
    assert convnext.preprocess_input(x) is x


# Messages from keras 3.15.1.
def test_errors():
    with pytest.raises(ValueError, match=re.escape(
        "The `weights` argument should be either `None` (random initialization), `imagenet` "
        "(pre-training on ImageNet), or the path to the weights file to be loaded."
    )):
        convnext.ConvNeXtTiny(weights="nope")
    with pytest.raises(ValueError, match=re.escape(
        'If using `weights="imagenet"` with `include_top=True`, `classes` should be 1000. '
        "Received classes=10"
    )):
        convnext.ConvNeXtTiny(weights="imagenet", classes=10)
    with pytest.raises(ValueError, match=re.escape(
        "Architecture configuration does not match convnext_tiny variant. When using "
        "pre-trained weights, the model architecture must match the pre-trained configuration "
        "exactly. Expected depths: [3, 3, 9, 3], got: [1, 1, 1, 1]. Expected projection_dims: "
        "[96, 192, 384, 768], got: [8, 16, 32, 64]."
    )):
        convnext.ConvNeXt(depths=[1, 1, 1, 1], projection_dims=[8, 16, 32, 64],
                          weights="imagenet", weights_name="convnext_tiny", include_top=False,
                          input_shape=(32, 32, 3))


def test_imagenet_name_must_name_the_variant():
    # from keras 3.15.1
    message = ('Model name "foo" does not match weights variant "convnext_tiny". When using '
               'imagenet weights, model name must contain the weights variant (e.g., '
               '"convnext_tiny").')
    with pytest.raises(ValueError, match=re.escape(message)):
        convnext.ConvNeXtTiny(weights="imagenet", include_top=False, input_shape=(32, 32, 3),
                              name="foo")


def test_channels_first_is_refused():
    torchkeras.backend.set_image_data_format("channels_first")
    try:
        # from keras 3.15.1
        with pytest.raises(ValueError, match=re.escape(
            "ConvNeXt does not support the `channels_first` image data format. Switch to "
            "`channels_last` by editing your local config file at ~/.keras/keras.json"
        )):
            convnext.ConvNeXtTiny(weights=None)
    finally:
        torchkeras.backend.set_image_data_format("channels_last")
