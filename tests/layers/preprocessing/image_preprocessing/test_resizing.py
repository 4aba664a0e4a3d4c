import re

import numpy as np
import pytest
import torch

from torchkeras import backend
from torchkeras import layers
from torchkeras.testing import run_layer_test

X = ((np.arange(20, dtype="float32").reshape(1, 4, 5, 1) * 7) % 11)


def test_resizing_basics():
    run_layer_test(layers.Resizing, {"height": 3, "width": 2}, input_shape=(2, 5, 4, 3),
                   expected_output_shape=(2, 3, 2, 3), expected_num_trainable_weights=0,
                   run_training_check=False)


def test_resizing_matches_keras_on_small_images():
    # from keras 3.15.1
    crop = layers.Resizing(2, 2, crop_to_aspect_ratio=True)(X)
    np.testing.assert_allclose(crop[0, :, :, 0].numpy(), [[4.5, 4.75], [3.0, 6.0]], rtol=1e-6)
    pad = layers.Resizing(4, 2, pad_to_aspect_ratio=True, fill_value=9)(X)
    np.testing.assert_allclose(pad[0, :, :, 0].numpy(),
                               [[9.0, 9.0], [5.75, 7.4375], [2.5, 4.1875], [9.0, 9.0]], rtol=1e-6)
    pixels = layers.Resizing(3, 7)((X * 20).astype("uint8"))
    assert pixels.dtype == torch.uint8
    assert pixels[0, :, :, 0].tolist() == [[7, 87, 124, 67, 140, 151, 127],
                                           [60, 77, 99, 120, 63, 100, 180],
                                           [113, 68, 73, 173, 116, 75, 50]]


def test_resizing_unbatched_channels_first_and_masks():
    image = np.random.default_rng(0).uniform(size=(6, 4, 2)).astype("float32")
    batched = layers.Resizing(3, 3)(image[None])
    np.testing.assert_allclose(layers.Resizing(3, 3)(image).numpy(), batched[0].numpy())
    first = layers.Resizing(3, 3, data_format="channels_first")(image.transpose(2, 0, 1)[None])
    np.testing.assert_allclose(first[0].numpy().transpose(1, 2, 0), batched[0].numpy(),
                               rtol=1e-6)
    assert layers.Resizing(3, 3, data_format="channels_first").compute_output_shape(
        (None, 2, 6, 4)) == (None, 2, 3, 3)
    masks = np.arange(24, dtype="float32").reshape(1, 6, 4, 1)
    out = layers.Resizing(3, 2)({"images": image[None], "segmentation_masks": masks})
    assert out["segmentation_masks"][0, :, :, 0].tolist() == [[5, 7], [13, 15], [21, 23]]


def test_resizing_config():
    config = layers.Resizing(2, 3, name="r").get_config()
    # from keras 3.15.1
    assert config == {
        "name": "r", "trainable": True,
        "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                  "registered_name": None},
        "data_format": "channels_last", "height": 2, "width": 3, "interpolation": "bilinear",
        "crop_to_aspect_ratio": False, "pad_to_aspect_ratio": False, "fill_mode": "constant",
        "fill_value": 0.0, "antialias": False,
    }
    assert backend.image_data_format() == "channels_last"


def test_resizing_errors():
    with pytest.raises(ValueError, match=re.escape(
            "Invalid value for argument `interpolation`. Expected of one ('bilinear', "
            "'nearest', 'lanczos3', 'lanczos5', 'bicubic', 'area'). Received: "
            "interpolation=cubic")):
        layers.Resizing(2, 2, interpolation="cubic")
    with pytest.raises(ValueError, match=re.escape(
            "Invalid value for argument `fill_mode`. Only `'constant'` is supported. "
            "Received: fill_mode=reflect")):
        layers.Resizing(2, 2, fill_mode="reflect")
    with pytest.raises(ValueError, match=re.escape(
            "Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio` can be `True`.")):
        layers.Resizing(2, 2, pad_to_aspect_ratio=True, crop_to_aspect_ratio=True)
    with pytest.raises(ValueError, match=re.escape(
            "Expected image tensor to have rank 3 (single image) or 4 (batch of images). "
            "Received: data.shape=(2, 3)")):
        layers.Resizing(2, 2)(np.ones((2, 3), "float32"))
