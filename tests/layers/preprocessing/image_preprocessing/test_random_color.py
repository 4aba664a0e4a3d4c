"""RandomContrast and RandomBrightness."""

import re

import numpy as np
import pytest
import torch

from torchkeras import layers

X = ((np.arange(20, dtype="float32").reshape(1, 4, 5, 1) * 7) % 11)


def test_random_brightness_matches_keras():
    layer = layers.RandomBrightness((0.01, 0.01), value_range=(0, 10))
    # from keras 3.15.1
    np.testing.assert_allclose(layer(X)[0, :, :, 0].numpy(), [
        [0.1, 7.1, 3.1, 10.0, 6.1], [2.1, 9.1, 5.1, 1.1, 8.1], [4.1, 0.1, 7.1, 3.1, 10.0],
        [6.1, 2.1, 9.1, 5.1, 1.1]], rtol=1e-6)
    pixels = X.astype("uint8")
    assert layers.RandomBrightness(0.5)(pixels, training=False).dtype == torch.uint8


def test_random_brightness_draws_one_delta_per_image():
    x = np.full((8, 3, 3, 2), 100.0, "float32")
    layer = layers.RandomBrightness(0.2, seed=3)
    out = layer(x).numpy()
    deltas = out[:, 0, 0, 0] - 100.0
    assert np.all(np.abs(deltas) <= 0.2 * 255 + 1e-4) and len(set(deltas.tolist())) == 8
    assert np.all(out == out[:, :1, :1, :1])
    transformation = layers.RandomBrightness(0.2, seed=4).get_random_transformation(x)
    assert transformation["rgb_delta"].shape == (8, 1, 1, 1)


def test_random_contrast_formula():
    x = np.random.default_rng(0).uniform(0, 255, size=(3, 4, 5, 2)).astype("float32")
    layer = layers.RandomContrast((0.4, 0.6), seed=2)
    transformation = layer.get_random_transformation(x)
    factor = transformation["contrast_factor"].numpy()
    assert factor.shape == (3, 1, 1, 1) and np.all((factor >= 0.6) & (factor <= 1.6))
    mean = x.mean(axis=(1, 2), keepdims=True)
    expected = np.clip((x - mean) * factor + mean, 0, 255)
    out = layer.transform_images(torch.from_numpy(x), transformation)
    np.testing.assert_allclose(out.numpy(), expected, rtol=1e-5, atol=1e-4)
    assert layer.factor == (0.4, 0.6)
    assert layers.RandomContrast(0.3).factor == (0, 0.3)  # from keras 3.15.1: [1, 1.3]
    np.testing.assert_array_equal(layer(x, training=False).numpy(), x)


def test_random_color_configs_match_keras():
    config = layers.RandomBrightness(0.2, name="b").get_config()
    # from keras 3.15.1
    assert {k: config[k] for k in ("factor", "value_range", "seed", "data_format")} == {
        "factor": (-0.2, 0.2), "value_range": [0, 255], "seed": None,
        "data_format": "channels_last"}
    config = layers.RandomContrast(0.2, name="c").get_config()
    assert {k: config[k] for k in ("factor", "value_range", "seed")} == {
        "factor": (0, 0.2), "value_range": (0, 255), "seed": None}


def test_random_color_errors():
    with pytest.raises(ValueError, match=re.escape(
            "The `value_range` argument should be a list of two numbers. Received: "
            "value_range=5")):
        layers.RandomBrightness(0.1, value_range=5)
    with pytest.raises(ValueError, match=re.escape(
            "The `factor` argument should be a number (or a list of two numbers) in the range "
            "[0, 1]. Received: factor=(0.1, 0.2, 0.3)")):
        layers.RandomContrast((0.1, 0.2, 0.3))
    with pytest.raises(ValueError, match=re.escape(
            "The `factor` argument should be a number (or a list of two numbers) in the range "
            "[-1, 1]. Received: factor=abc")):
        layers.RandomBrightness("abc")
    with pytest.raises(ValueError, match=re.escape(
            "Expected the input image to be rank 3 or 4. Received inputs.shape=(2, 3)")):
        layers.RandomContrast(0.1)(np.ones((2, 3), "float32"))
    with pytest.raises(ValueError, match=re.escape(
            "Expected the input image to be rank 3 or 4. Received inputs.shape=(2, 3)")):
        layers.RandomBrightness(0.1)(np.ones((2, 3), "float32"))
