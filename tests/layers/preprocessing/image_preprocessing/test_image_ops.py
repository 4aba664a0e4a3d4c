"""The TensorFlow-compatible image kernels, against values from TensorFlow 2.21 (keras 3.15.1's
reference backend)."""

import numpy as np
import pytest
import torch

from torchkeras.layers.preprocessing.image_preprocessing import image_ops

X = torch.tensor((np.arange(20, dtype="float32") ** 1.5).reshape(1, 4, 5, 1))
IMG = torch.arange(16, dtype=torch.float32).reshape(1, 4, 4, 1)

# from keras 3.15.1 (tf.image.resize of X, rounded to 5 decimals)
RESIZE_CASES = [
    ("area", (3, 3), False, [[3.44674, 6.84647, 11.47159], [23.0769, 30.09478, 37.71488],
                              [53.73434, 63.00002, 72.72354]]),
    ("lanczos3", (3, 4), False, [[0.72713, 2.65574, 5.2846, 9.24308],
                                  [19.48087, 25.57691, 30.87943, 37.74571],
                                  [56.00186, 64.05532, 70.94129, 79.66570]]),
    ("bilinear", (2, 3), True, [[10.43625, 15.17317, 20.82778], [42.24018, 50.54788, 59.33606]]),
    ("nearest", (5, 3), False, [[0.0, 2.82843, 8.0], [11.18034, 18.52026, 27.0],
                                 [31.62278, 41.56922, 52.3832], [31.62278, 41.56922, 52.3832],
                                 [58.09475, 70.0928, 82.81908]]),
]


@pytest.mark.parametrize("method,size,antialias,expected", RESIZE_CASES)
def test_resize_matches_tensorflow(method, size, antialias, expected):
    out = image_ops.resize(X, size, method, antialias)
    np.testing.assert_allclose(out[0, :, :, 0].numpy(), expected, rtol=1e-5, atol=1e-4)


def test_resize_bicubic_uses_keys_cubic_table():
    # from keras 3.15.1 (`ops.saturate_cast` docstring: tf.image.resize bicubic of a 2x2 image)
    image = torch.tensor([0, 1, 254, 255], dtype=torch.float32).reshape(1, 2, 2, 1)
    expected = [[-22.500004, -22.204624, -21.618908, -21.32353],
                [52.526054, 52.82143, 53.407146, 53.70253],
                [201.29752, 201.59288, 202.17859, 202.47395],
                [276.32355, 276.61893, 277.20465, 277.50006]]
    out = image_ops.resize(image, (4, 4), "bicubic")
    np.testing.assert_allclose(out[0, :, :, 0].numpy(), expected, rtol=1e-6, atol=1e-4)


def test_resize_nearest_keeps_dtype():
    image = torch.arange(6, dtype=torch.uint8).reshape(1, 2, 3, 1)
    out = image_ops.resize(image, (4, 3), "nearest")
    assert out.dtype == torch.uint8 and out[0, :, 0, 0].tolist() == [0, 0, 3, 3]


# from keras 3.15.1 (ImageProjectiveTransformV3, bilinear, translation by (-1.5, 2.5))
FILL_CASES = [
    ("reflect", [[10.5, 10.0, 10.5, 11.5], [12.5, 12.0, 12.5, 13.5], [10.5, 10.0, 10.5, 11.5],
                 [6.5, 6.0, 6.5, 7.5]]),
    ("wrap", [[12.5, 13.0, 10.5, 11.5], [2.5, 3.0, 0.5, 1.5], [4.5, 5.0, 2.5, 3.5],
              [8.5, 9.0, 6.5, 7.5]]),
    ("nearest", [[10.0, 10.0, 10.5, 11.5], [12.0, 12.0, 12.5, 13.5], [12.0, 12.0, 12.5, 13.5],
                 [12.0, 12.0, 12.5, 13.5]]),
    ("constant", [[-1.0, 4.5, 10.5, 11.5], [-1.0, 2.25, 5.75, 6.25], [-1.0] * 4, [-1.0] * 4]),
]


@pytest.mark.parametrize("fill_mode,expected", FILL_CASES)
def test_affine_transform_fill_modes_match_tensorflow(fill_mode, expected):
    transform = torch.tensor([[1, 0, -1.5, 0, 1, 2.5, 0, 0]])
    out = image_ops.affine_transform(IMG, transform, "bilinear", fill_mode, fill_value=-1.0)
    np.testing.assert_allclose(out[0, :, :, 0].numpy(), expected, rtol=1e-6)


def test_affine_transform_nearest_projective():
    transform = torch.tensor([[0.5, 0.3, 0.2, -0.4, 1.1, 0.5, 0, 0]])
    out = image_ops.affine_transform(IMG, transform, "nearest", "constant")
    # from keras 3.15.1
    assert out[0, :, :, 0].tolist() == [[4, 1, 1, 0], [9, 5, 6, 2], [13, 9, 10, 10],
                                        [0, 14, 14, 15]]


def test_affine_transform_integer_images_round_back():
    image = torch.arange(16, dtype=torch.uint8).reshape(1, 4, 4, 1)
    transform = torch.tensor([[1, 0, 0.5, 0, 1, 0, 0, 0]])
    out = image_ops.affine_transform(image, transform, "bilinear", "nearest")
    assert out.dtype == torch.uint8
    assert out[0, 0, :, 0].tolist() == [0, 2, 2, 3]  # 0.5, 1.5, 2.5 round half to even


def test_hsv_round_trip_and_grayscale():
    rgb = torch.rand(2, 3, 4, 3, generator=torch.Generator().manual_seed(0))
    np.testing.assert_allclose(image_ops.hsv_to_rgb(image_ops.rgb_to_hsv(rgb)).numpy(),
                               rgb.numpy(), atol=1e-6)
    pure_red = torch.tensor([[[[1.0, 0.0, 0.0]]]])
    assert image_ops.rgb_to_hsv(pure_red).flatten().tolist() == [0.0, 1.0, 1.0]
    gray = image_ops.rgb_to_grayscale(rgb)
    np.testing.assert_allclose(gray.numpy()[..., 0], rgb.numpy() @ [0.2989, 0.5870, 0.1140],
                               rtol=1e-5)


def test_saturate_cast_clips():
    values = torch.tensor([-3.0, 12.0, 300.0])
    assert image_ops.saturate_cast(values, torch.uint8).tolist() == [0, 12, 255]
