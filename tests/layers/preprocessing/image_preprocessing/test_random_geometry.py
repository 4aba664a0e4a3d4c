"""RandomFlip, RandomRotation, RandomZoom, RandomTranslation and RandomCrop."""

import re

import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import layers

X = ((np.arange(20, dtype="float32").reshape(1, 4, 5, 1) * 7) % 11)


def grid(out):
    return out[0, :, :, 0].numpy()


@pytest.mark.parametrize("layer_cls,kwargs", [
    (layers.RandomFlip, {}),
    (layers.RandomRotation, {"factor": 0.2}),
    (layers.RandomZoom, {"height_factor": 0.2}),
    (layers.RandomTranslation, {"height_factor": 0.2, "width_factor": 0.1}),
])
def test_augmentations_are_identity_in_inference(layer_cls, kwargs):
    x = np.random.default_rng(0).uniform(size=(2, 5, 6, 3)).astype("float32")
    layer = layer_cls(**kwargs)
    np.testing.assert_array_equal(layer(x, training=False).numpy(), x)
    model = keras.Sequential([keras.Input((5, 6, 3)), layer_cls(**kwargs)])
    np.testing.assert_array_equal(model.predict(x, verbose=0), x)
    assert layer_cls.from_config(layer.get_config()).get_config() == layer.get_config()


def test_augmentations_are_reproducible_with_a_seed():
    x = np.random.default_rng(0).uniform(size=(4, 6, 6, 2)).astype("float32")
    for layer_cls, kwargs in [(layers.RandomFlip, {}), (layers.RandomRotation, {"factor": 0.3}),
                              (layers.RandomZoom, {"height_factor": 0.3}),
                              (layers.RandomTranslation, {"height_factor": 0.2,
                                                          "width_factor": 0.2})]:
        a, b = layer_cls(seed=5, **kwargs), layer_cls(seed=5, **kwargs)
        first, second = a(x), a(x)
        assert torch.equal(first, b(x)) and torch.equal(second, b(x))
        assert not torch.equal(first, second)


def test_random_flip_flips_whole_images():
    x = np.random.default_rng(1).uniform(size=(64, 3, 4, 1)).astype("float32")
    horizontal = layers.RandomFlip("horizontal", seed=1)(x).numpy()
    flipped = [np.array_equal(h, img[:, ::-1]) for h, img in zip(horizontal, x)]
    kept = [np.array_equal(h, img) for h, img in zip(horizontal, x)]
    assert all(f or k for f, k in zip(flipped, kept)) and 16 < sum(flipped) < 48
    both = layers.RandomFlip(seed=2)(x).numpy()
    # As in Keras, one draw decides both flips of an image.
    assert all(np.array_equal(o, img) or np.array_equal(o, img[::-1, ::-1])
               for o, img in zip(both, x))
    vertical = layers.RandomFlip("vertical", seed=3)(x[0]).numpy()
    assert np.array_equal(vertical, x[0]) or np.array_equal(vertical, x[0][::-1])


def test_random_rotation_matches_keras():
    # from keras 3.15.1 (a one-point factor range makes the angle deterministic)
    np.testing.assert_allclose(grid(layers.RandomRotation((0.125, 0.125))(X)), [
        [4.41421, 5.47487, 6.09645, 6.66726, 9.70711],
        [6.57538, 5.29289, 3.87868, 3.13173, 4.76067],
        [2.50431, 7.35508, 4.80178, 6.70711, 4.75736],
        [2.29289, 3.15228, 1.36396, 6.52513, 7.58579]], rtol=1e-5, atol=1e-5)
    constant = layers.RandomRotation((-0.25, -0.25), fill_mode="constant", fill_value=-1)
    np.testing.assert_allclose(grid(constant(X)), [
        [1.5, 3.0, 3.75, 4.5, 1.25], [2.25, 4.5, 5.25, 6.0, 2.0],
        [3.0, 6.0, 4.0, 4.75, 2.75], [1.0, 4.75, 5.5, 6.25, 3.5]], rtol=1e-5, atol=1e-5)


def test_random_zoom_matches_keras():
    # from keras 3.15.1
    zoom = layers.RandomZoom((-0.5, -0.5), interpolation="nearest")
    assert grid(zoom(X)).tolist() == [[9, 5, 5, 1, 1], [9, 5, 5, 1, 1], [0, 7, 7, 3, 3],
                                      [0, 7, 7, 3, 3]]
    wrap = layers.RandomZoom((0.5, 0.5), (-0.2, -0.2), fill_mode="wrap")
    np.testing.assert_allclose(grid(wrap(X)), [
        [4.4, 3.4, 9.0, 5.8, 2.6], [4.3, 7.7, 4.5, 3.5, 5.8], [2.9, 1.9, 7.5, 4.3, 6.05],
        [2.8, 6.2, 3.0, 8.6, 7.6]], rtol=1e-5, atol=1e-5)


def test_random_translation_matches_keras():
    # from keras 3.15.1
    reflect = layers.RandomTranslation((0.25, 0.25), (-0.2, -0.2), fill_mode="reflect")
    assert grid(reflect(X)).tolist() == [[7, 3, 10, 6, 6], [7, 3, 10, 6, 6], [9, 5, 1, 8, 8],
                                         [0, 7, 3, 10, 10]]
    constant = layers.RandomTranslation((-0.5, -0.5), (0.3, 0.3), fill_mode="constant",
                                        interpolation="nearest")
    assert grid(constant(X)).tolist() == [[0, 0, 0, 7, 3], [0, 0, 2, 9, 5], [0] * 5, [0] * 5]


def test_random_crop():
    x = np.random.default_rng(2).uniform(size=(3, 6, 7, 2)).astype("float32")
    layer = layers.RandomCrop(3, 4, seed=7)
    out = layer(x).numpy()
    assert out.shape == (3, 3, 4, 2)
    # One window for the whole batch, found in the input.
    matches = [(i, j) for i in range(4) for j in range(4)
               if np.array_equal(x[:, i:i + 3, j:j + 4], out)]
    assert len(matches) == 1
    # Inference returns the input unchanged (Keras 3.15.1 does not crop in inference).
    assert layer(x, training=False).shape == x.shape
    assert layer.compute_output_shape((None, 6, 7, 2)) == (None, 3, 4, 2)
    # from keras 3.15.1: a target larger than the image: center crop to its aspect, resize.
    small = layers.RandomCrop(6, 3, seed=1)(X)
    np.testing.assert_allclose(grid(small), [
        [7.0, 3.0, 10.0], [8.0, 4.0, 5.5], [7.5, 5.33333, 1.33333], [1.5, 6.66667, 2.66667],
        [1.0, 8.0, 4.0], [2.0, 9.0, 5.0]], rtol=1e-5, atol=1e-5)
    assert layers.RandomCrop(2, 2).get_config()["seed"] is not None


def test_geometry_configs_match_keras():
    dtype = {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
             "registered_name": None}
    base = {"trainable": True, "dtype": dtype, "data_format": "channels_last"}
    # from keras 3.15.1
    assert layers.RandomZoom(0.2, name="z").get_config() == dict(
        base, name="z", height_factor=0.2, width_factor=None, fill_mode="reflect",
        interpolation="bilinear", seed=None, fill_value=0.0)
    assert layers.RandomTranslation(0.2, 0.1, name="t").get_config() == dict(
        base, name="t", height_factor=0.2, width_factor=0.1, fill_mode="reflect",
        interpolation="bilinear", seed=None, fill_value=0.0)
    assert layers.RandomFlip(name="f", seed=3).get_config() == dict(
        base, name="f", seed=3, mode="horizontal_and_vertical")
    assert layers.RandomCrop(2, 2, name="c", seed=3).get_config() == dict(
        base, name="c", height=2, width=2, seed=3)
    assert layers.RandomRotation(0.1, name="r").get_config() == dict(
        base, name="r", factor=(-0.1, 0.1), fill_mode="reflect", fill_value=0.0,
        interpolation="bilinear", seed=None)


def test_geometry_errors():
    with pytest.raises(NotImplementedError, match=re.escape(
            "Unknown `fill_mode` mirror. Expected of one ('reflect', 'wrap', 'constant', "
            "'nearest').")):
        layers.RandomRotation(0.1, fill_mode="mirror")
    with pytest.raises(NotImplementedError, match=re.escape(
            "Unknown `interpolation` bicubic. Expected of one ('nearest', 'bilinear').")):
        layers.RandomZoom(0.1, interpolation="bicubic")
    with pytest.raises(NotImplementedError, match="Unknown `fill_mode` mirror."):
        layers.RandomZoom(0.1, fill_mode="mirror")
    with pytest.raises(NotImplementedError, match="Unknown `fill_mode` mirror."):
        layers.RandomTranslation(0.1, 0.1, fill_mode="mirror")
    with pytest.raises(NotImplementedError, match="Unknown `interpolation` area."):
        layers.RandomTranslation(0.1, 0.1, interpolation="area")
    with pytest.raises(NotImplementedError, match="Unknown `interpolation` area."):
        layers.RandomRotation(0.1, interpolation="area")
    with pytest.raises(ValueError, match=re.escape(
            "The `height_factor` and `width_factor` arguments should be a number (or a list of "
            "two numbers) in the range (-1.0, 1.0]. Received: input_number=-1.0")):
        layers.RandomZoom(-1.0)
    with pytest.raises(ValueError, match=re.escape(
            "in the range (-1.0, 1.0]. Received: height_factor=(0.1, 0.2, 0.3)")):
        layers.RandomZoom((0.1, 0.2, 0.3))
    with pytest.raises(ValueError, match=re.escape("Received: width_factor=abc")):
        layers.RandomZoom(0.1, "abc")
    with pytest.raises(ValueError, match=re.escape(
            "The `factor` argument should be a number (or a list of two numbers) in the range "
            "[-1.0, 1.0]. Received: input_number=1.5")):
        layers.RandomTranslation(1.5, 0.1)
    with pytest.raises(ValueError, match=re.escape(
            "The `factor` argument should be a number (or a list of two numbers) in the range "
            "[-1, 1]. Received: factor=2")):
        layers.RandomRotation(2)
