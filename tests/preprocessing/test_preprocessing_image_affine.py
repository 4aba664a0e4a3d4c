"""tf.keras 2's augmentation functions. Expected values: tf_keras 2.21 + SciPy 1.17.1
(`fixtures/reference.json`, recorded by `fixtures/make_reference.py`)."""

import numpy as np
import pytest

from torchkeras.preprocessing import image as image_lib

AFFINE_CASES = [
    {"theta": 30},
    {"theta": -73.5, "fill_mode": "constant", "cval": 3.0},
    {"tx": 2.5, "ty": -1.25, "fill_mode": "reflect"},
    {"shear": 20, "fill_mode": "wrap"},
    {"zx": 0.7, "zy": 1.3},
    {"theta": 45, "tx": 1, "ty": 2, "shear": 10, "zx": 1.1, "zy": 0.9, "fill_mode": "constant"},
    {"theta": 33, "order": 0},
    {"theta": 12, "zx": 0.5, "zy": 0.5, "fill_mode": "reflect", "order": 0},
    {"theta": 200, "fill_mode": "wrap"},
]


def _assert_same(actual, expected):
    assert actual.dtype == expected.dtype
    assert actual.shape == expected.shape
    np.testing.assert_allclose(actual, expected, rtol=1e-6, atol=1e-5)


@pytest.mark.parametrize("case", range(len(AFFINE_CASES)))
def test_apply_affine_transform_matches_tf_keras(reference, inputs, case):
    _, image, _ = inputs
    kwargs = AFFINE_CASES[case]
    expected_last, expected_first = reference["image"]["affine"][2 * case : 2 * case + 2]
    last = image_lib.apply_affine_transform(image, row_axis=0, col_axis=1, channel_axis=2, **kwargs)
    _assert_same(last, expected_last)
    first = image_lib.apply_affine_transform(
        image.transpose(2, 0, 1), row_axis=1, col_axis=2, channel_axis=0, **kwargs
    )
    _assert_same(first, expected_first)


def test_affine_pure_shift_closed_form():
    # A whole-pixel shift moves the image (with these axes, `tx` moves along the columns and
    # `ty` along the rows, as in tf.keras 2); "constant" fills the uncovered pixels with cval.
    x = np.arange(12, dtype="float32").reshape(1, 3, 4)
    out = image_lib.apply_affine_transform(x, tx=1, fill_mode="constant", cval=-1.0)
    expected = np.concatenate([x[:, :, 1:], np.full((1, 3, 1), -1.0, "float32")], axis=2)
    np.testing.assert_array_equal(out, expected)
    out = image_lib.apply_affine_transform(x, ty=1, fill_mode="constant", cval=-1.0)
    expected = np.concatenate([x[:, 1:], np.full((1, 1, 4), -1.0, "float32")], axis=1)
    np.testing.assert_array_equal(out, expected)
    # "nearest" repeats the border column instead.
    out = image_lib.apply_affine_transform(x, tx=-1, fill_mode="nearest")
    np.testing.assert_array_equal(out, np.concatenate([x[:, :, :1], x[:, :, :3]], axis=2))


def test_affine_identity_returns_input():
    x = np.ones((2, 3, 1), "float32")
    assert image_lib.apply_affine_transform(x, row_axis=0, col_axis=1, channel_axis=2) is x


def test_affine_integer_images_round_like_scipy():
    x = np.array([[[0, 10, 20]]], dtype="uint8")  # (1, 1, 3)
    out = image_lib.apply_affine_transform(x, tx=0.5, fill_mode="nearest")
    # 5 and 15 are exact halves: SciPy rounds half up when writing integers.
    np.testing.assert_array_equal(out, np.array([[[5, 15, 20]]], dtype="uint8"))


def test_channel_shift_and_brightness_match_tf_keras(reference, inputs):
    _, image, _ = inputs
    ref = reference["image"]
    _assert_same(image_lib.apply_channel_shift(image, 20.0, 2), ref["channel_shift"])
    _assert_same(image_lib.apply_brightness_shift(image[:, :, :1] * 2, 1.4), ref["brightness"])
    _assert_same(
        image_lib.apply_brightness_shift(image[:, :, :1] * 3 - 100, 0.7, scale=False),
        ref["brightness_unscaled"],
    )


def test_random_functions_match_tf_keras_with_numpy_seed(reference, inputs):
    _, _, batch = inputs
    rgb = batch[0]
    ref = reference["image"]["random"]
    np.random.seed(123)
    _assert_same(image_lib.random_rotation(rgb, 30, 0, 1, 2), ref["rotation"])
    np.random.seed(124)
    _assert_same(image_lib.random_shift(rgb, 0.2, 0.3, 0, 1, 2, fill_mode="wrap"), ref["shift"])
    np.random.seed(125)
    _assert_same(image_lib.random_shear(rgb, 20, 0, 1, 2), ref["shear"])
    np.random.seed(126)
    _assert_same(
        image_lib.random_zoom(rgb, (0.5, 1.2), 0, 1, 2, fill_mode="constant"), ref["zoom"]
    )
    np.random.seed(127)
    _assert_same(image_lib.random_channel_shift(rgb, 30, 2), ref["channel_shift"])
    np.random.seed(128)
    _assert_same(image_lib.random_brightness(rgb, (0.2, 0.9)), ref["brightness"])


def test_affine_errors():
    x = np.zeros((2, 3, 1), "float32")
    with pytest.raises(ValueError, match="'row_axis', 'col_axis', and 'channel_axis' must be"):
        image_lib.apply_affine_transform(x, theta=1, row_axis=0, col_axis=0, channel_axis=2)
    with pytest.raises(ValueError, match=r"Invalid axis' indices: \{3\}"):
        image_lib.apply_affine_transform(x, theta=1, row_axis=0, col_axis=1, channel_axis=3)
    with pytest.raises(ValueError, match="Input arrays must be multi-channel 2D images."):
        image_lib.apply_affine_transform(x[0], theta=1)
    with pytest.raises(ValueError, match="Channels are allowed and the first and last dimensions"):
        image_lib.apply_affine_transform(x, theta=1, row_axis=0, col_axis=2, channel_axis=1)
    with pytest.raises(ValueError, match="unsupported `fill_mode`.*Received: fill_mode=edge"):
        image_lib.apply_affine_transform(x, theta=1, fill_mode="edge")
    with pytest.raises(NotImplementedError, match="orders 0 and 1.*Received: order=3"):
        image_lib.apply_affine_transform(x, theta=1, order=3)
    with pytest.raises(ValueError, match=r"`zoom_range` should be a tuple or list of two floats"):
        image_lib.random_zoom(x, (1,))
    with pytest.raises(ValueError, match=r"`brightness_range should be tuple or list of two"):
        image_lib.random_brightness(x, (1,))


def test_brightness_without_pillow(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "PIL", None)
    with pytest.raises(ImportError, match="Using brightness shifts requires PIL"):
        image_lib.apply_brightness_shift(np.zeros((2, 2, 3)), 1.0)
