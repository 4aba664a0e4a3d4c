"""AutoContrast, Solarization, RandomGrayscale, RandomInvert, RandomPosterization,
RandomColorDegeneration, RandomSaturation, RandomHue, RandomSharpness, RandomGaussianBlur,
RandomColorJitter and Equalization, against keras 3.15.1 (one-point factor ranges make the
draws deterministic)."""

import re

import numpy as np
import pytest
import torch

from torchkeras import layers

X = (np.arange(36).reshape(1, 3, 4, 3) * 37 % 255).astype("float32")

# from keras 3.15.1: channel 0 of each layer's output on X
CASES = [
    (lambda: layers.Solarization(0.0, 0.0),
     [[255, 144, 33, 177], [66, 210, 99, 243], [132, 21, 165, 54]]),
    (lambda: layers.RandomGrayscale(1.0),
     [[30.155, 141.1439, 73.3778, 108.1472], [190.0661, 75.1505, 186.1394, 42.1538],
      [153.1427, 85.3766, 120.146, 202.0649]]),
    (lambda: layers.RandomInvert((1.0, 1.0)),
     [[255, 144, 33, 177], [66, 210, 99, 243], [132, 21, 165, 54]]),
    (lambda: layers.RandomPosterization((3, 3)),
     [[0, 96, 192, 64], [160, 32, 128, 0], [96, 224, 64, 192]]),
    (lambda: layers.RandomColorDegeneration((0.4, 0.4)),
     [[12.062, 123.0576, 162.5511, 90.0589], [189.4264, 57.0602, 168.0558, 24.0615],
      [135.0571, 174.5506, 102.0584, 201.426]]),
    (lambda: layers.RandomSaturation((0.8, 0.8)),
     [[-221.9999, -110.9999, 222.0, -143.9999], [78.0, -176.9999, -65.9999, -209.9999],
      [-98.9999, 234.0, -131.9999, 90.0]]),
    (lambda: layers.RandomSharpness((0.9, 0.9)),
     [[0.0, 127.9846, 255.0, 92.4], [250.4769, 0.0, 171.6923, 0.0],
      [154.7538, 255.0, 94.4308, 255.0]]),
    (lambda: layers.RandomGaussianBlur((1.0, 1.0), sigma=(0.7, 0.7)),
     [[38.4878, 85.1137, 119.4536, 61.6626], [99.4024, 118.2602, 124.9634, 70.6845],
      [94.9915, 125.5515, 104.8226, 87.1298]]),
    (lambda: layers.RandomColorJitter(brightness_factor=(-0.1, -0.1),
                                      saturation_factor=(0.2, 0.2)),
     [[36.375, 141.0, 196.5, 108.0], [191.25, 75.0, 186.0, 45.375],
      [153.0, 208.5, 120.0, 203.25]]),
]


@pytest.mark.parametrize("make_layer,expected", CASES)
def test_color_layers_match_keras(make_layer, expected):
    layer = make_layer()
    out = layer(X)
    assert out.dtype == torch.float32 and out.shape == X.shape
    np.testing.assert_allclose(out[0, :, :, 0].numpy(), expected, rtol=1e-5, atol=2e-3)
    np.testing.assert_array_equal(layer(X, training=False).numpy(), X)
    assert type(layer).from_config(layer.get_config()).get_config() == layer.get_config()


def test_auto_contrast_and_equalization_match_keras():
    x = (np.arange(2 * 3 * 4 * 3).reshape(2, 3, 4, 3) * 37 % 255).astype("float32")
    # from keras 3.15.1
    np.testing.assert_allclose(layers.AutoContrast()(x[:1])[0, :, :, 1].numpy(), [
        [35.96154, 156.92308, 0.0, 120.96155], [241.92308, 85.0, 205.96153, 49.03846],
        [170.0, 13.07692, 134.03847, 255.0]], rtol=1e-5)
    assert layers.Equalization()(x)[:, :, :, 0].tolist() == [
        [[0, 122, 233, 89], [200, 55, 166, 22], [133, 244, 100, 211]],
        [[67, 177, 33, 144], [255, 111, 222, 78], [188, 44, 155, 11]]]
    constant = np.full((1, 2, 2, 1), 7.0, "float32")
    np.testing.assert_array_equal(layers.AutoContrast()(constant).numpy(), constant)
    np.testing.assert_array_equal(layers.Equalization()(constant).numpy(), constant)


def test_random_hue_transform_matches_keras():
    layer = layers.RandomHue(0.5)
    out = layer.transform_images(torch.from_numpy(X), {"factor": torch.tensor([0.2])})
    # from keras 3.15.1
    np.testing.assert_allclose(out[0, :, :, 0].numpy(), [
        [51.8, 162.8, 215.4, 129.8], [8.0, 96.8, 207.8, 63.8], [174.8, 227.4, 141.8, 20.0]],
        rtol=1e-5, atol=1e-3)
    shift = layer.get_random_transformation(X)["factor"]
    assert shift.shape == (1,) and abs(float(shift)) <= 0.25


def test_color_layer_configs_match_keras():
    def strip(config):
        return {k: v for k, v in config.items() if k not in ("dtype", "trainable")}

    # from keras 3.15.1
    assert strip(layers.Solarization(0.2, 0.3, name="s").get_config()) == {
        "name": "s", "data_format": "channels_last", "value_range": [0, 255],
        "addition_factor": (0, 0.2), "threshold_factor": (0, 0.3), "seed": None}
    assert strip(layers.RandomPosterization(4, name="p").get_config()) == {
        "name": "p", "data_format": "channels_last", "factor": (1, 4),
        "value_range": [0, 255], "seed": None}
    assert strip(layers.RandomGaussianBlur(name="g").get_config()) == {
        "name": "g", "data_format": "channels_last", "factor": (0, 1.0),
        "kernel_size": (3, 3), "sigma": (0, 1.0), "value_range": (0, 255), "seed": None}
    assert strip(layers.RandomColorJitter(brightness_factor=0.2, name="j").get_config()) == {
        "name": "j", "data_format": "channels_last", "value_range": (0, 255),
        "brightness_factor": 0.2, "contrast_factor": None, "saturation_factor": None,
        "hue_factor": None, "seed": None}
    assert strip(layers.Equalization(name="q").get_config()) == {
        "name": "q", "data_format": "channels_last", "bins": 256, "value_range": [0, 255]}
    assert layers.RandomGrayscale(name="g").get_config()["factor"] == 0.5
    assert layers.RandomInvert().factor == (0, 1.0)
    assert layers.RandomSaturation(0.3).factor == (-0.3, 0.3)
    assert layers.RandomHue(0.3).factor == (0, 0.3)


def test_color_layer_errors():
    with pytest.raises(ValueError, match=re.escape(
            "`factor` should be between 0 and 1. Received: factor=1.5")):
        layers.RandomGrayscale(1.5)
    with pytest.raises(ValueError, match=re.escape(
            "The `addition_factor` and `threshold_factor` arguments should be a number (or a "
            "list of two numbers) in the range [0, 1]. Received: input_number=2")):
        layers.Solarization(2)
    with pytest.raises(ValueError, match=re.escape("Received: threshold_factor=(1, 2, 3)")):
        layers.Solarization(0.1, (1, 2, 3))
    with pytest.raises(ValueError, match=re.escape("Received: addition_factor=x")):
        layers.Solarization("x")
    with pytest.raises(ValueError, match=re.escape(
            "The `value_range` argument should be a list of two numbers. Received: "
            "value_range=(1,)")):
        layers.AutoContrast(value_range=(1,))
    with pytest.raises(ValueError, match=re.escape(
            "kernel_size must be an odd number. Received: kernel_size=4")):
        layers.RandomGaussianBlur(kernel_size=4)
    with pytest.raises(ValueError, match=re.escape(
            "kernel_size must be an odd number. Received: kernel_size=(3, 4)")):
        layers.RandomGaussianBlur(kernel_size=(3, 4))
    with pytest.raises(ValueError, match=re.escape(
            "The `kernel_size` argument should be a number (or a list of two numbers) "
            "Received: kernel_size=(3, 5, 7)")):
        layers.RandomGaussianBlur(kernel_size=(3, 5, 7))
    with pytest.raises(ValueError, match=re.escape(
            "kernel_size must be an odd number. Received: kernel_size=abc")):
        layers.RandomGaussianBlur(kernel_size="abc")
    with pytest.raises(ValueError, match=re.escape(
            "The `sigma` argument should be a number (or a list of two numbers) in the range "
            "[0, 1]. Received: factor=3")):
        layers.RandomGaussianBlur(sigma=3)
    with pytest.raises(ValueError, match=re.escape("Received: factor=(2, 3)")):
        layers.RandomGaussianBlur(sigma=(2, 3))
    with pytest.raises(ValueError, match=re.escape("Received: factor=abc")):
        layers.RandomGaussianBlur(sigma="abc")
    with pytest.raises(ValueError, match=re.escape(
            "Expected the input image to be rank 3 or 4. Received: inputs.shape=(3,)")):
        layers.RandomSharpness(0.2)(np.ones(3, "float32"))
    with pytest.raises(ValueError, match=re.escape(
            "Expected the input image to be rank 3 or 4. Received inputs.shape=(3,)")):
        layers.RandomHue(0.2)(np.ones(3, "float32"))
