"""`keras.utils` image helpers. Expected values: Keras 3.15.1 with Pillow 13
(`tests/preprocessing/fixtures/reference.json`, recorded by `make_reference.py` there)."""

import io
import json
import os
import pathlib
import sys

import numpy as np
import pytest
import torch
from PIL import Image

from torchkeras.utils import image_utils

_REFERENCE = os.path.join(
    os.path.dirname(__file__), os.pardir, "preprocessing", "fixtures", "reference.json"
)


def _decode(value):
    if isinstance(value, dict):
        if set(value) == {"dtype", "shape", "values"}:
            return np.array(value["values"], dtype=value["dtype"]).reshape(value["shape"])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


@pytest.fixture(scope="module")
def ref():
    with open(_REFERENCE) as f:
        return _decode(json.load(f)["image_utils"])


@pytest.fixture
def png_path(tmp_path):
    png = ((np.arange(6 * 8 * 3).reshape(6, 8, 3) * 37) % 256).astype("uint8")
    path = tmp_path / "x.png"
    Image.fromarray(png).save(path)
    return path


def _error(exc):
    return [type(exc).__name__, str(exc)]


def test_array_to_img_matches_keras(ref):
    base = (np.arange(2 * 3 * 3).reshape(2, 3, 3) * 7 - 5).astype("float32")
    cases = {
        "rgb_scaled": (base, {}),
        "rgb_unscaled": (np.abs(base), {"scale": False}),
        "rgba": (np.arange(2 * 2 * 4).reshape(2, 2, 4), {}),
        "gray": (np.arange(6).reshape(2, 3, 1), {}),
        "gray_int32": (np.arange(6).reshape(2, 3, 1) * 100, {"scale": False}),
        "channels_first": (base.transpose(2, 0, 1), {"data_format": "channels_first"}),
    }
    for name, (x, kwargs) in cases.items():
        img = image_utils.array_to_img(x, **kwargs)
        assert img.mode == ref["array_to_img"][name]["mode"], name
        np.testing.assert_array_equal(np.asarray(img), ref["array_to_img"][name]["pixels"])
    # Torch tensors are accepted too.
    img = image_utils.array_to_img(torch.tensor(base))
    np.testing.assert_array_equal(np.asarray(img), ref["array_to_img"]["rgb_scaled"]["pixels"])


def test_img_to_array_layouts():
    pixels = np.arange(6, dtype="uint8").reshape(2, 3)
    img = Image.fromarray(pixels, "L")
    x = image_utils.img_to_array(img)
    assert x.dtype == np.float32 and x.shape == (2, 3, 1)
    np.testing.assert_array_equal(x[..., 0], pixels)
    x = image_utils.img_to_array(img, data_format="channels_first", dtype="float64")
    assert x.dtype == np.float64 and x.shape == (1, 2, 3)
    rgb = np.arange(2 * 3 * 3, dtype="uint8").reshape(2, 3, 3)
    x = image_utils.img_to_array(Image.fromarray(rgb), data_format="channels_first")
    np.testing.assert_array_equal(x, rgb.transpose(2, 0, 1))


def test_load_img_matches_keras(ref, png_path):
    expected = ref["load_img"]
    for mode in ("rgb", "rgba", "grayscale"):
        got = image_utils.img_to_array(image_utils.load_img(png_path, color_mode=mode))
        np.testing.assert_array_equal(got, expected[mode])
    for interp in ("nearest", "bilinear", "bicubic", "hamming", "box", "lanczos"):
        img = image_utils.load_img(str(png_path), target_size=(4, 5), interpolation=interp)
        np.testing.assert_array_equal(image_utils.img_to_array(img), expected["resize_" + interp])
    img = image_utils.load_img(png_path, target_size=(3, 3), keep_aspect_ratio=True,
                               interpolation="bilinear")
    np.testing.assert_array_equal(image_utils.img_to_array(img), expected["aspect_3x3"])
    img = image_utils.load_img(png_path, target_size=(2, 6), keep_aspect_ratio=True)
    np.testing.assert_array_equal(image_utils.img_to_array(img), expected["aspect_2x6"])
    # bytes paths and in-memory files.
    from_bytes = image_utils.load_img(str(png_path).encode())
    from_buffer = image_utils.load_img(io.BytesIO(pathlib.Path(png_path).read_bytes()))
    np.testing.assert_array_equal(np.asarray(from_bytes), np.asarray(from_buffer))


def test_save_img_round_trip(tmp_path):
    x = np.random.RandomState(0).randint(0, 256, size=(4, 5, 3)).astype("float32")
    image_utils.save_img(tmp_path / "a.png", x, scale=False)
    loaded = image_utils.img_to_array(image_utils.load_img(tmp_path / "a.png"))
    np.testing.assert_array_equal(loaded, x)
    image_utils.save_img(
        str(tmp_path / "b.png"), x.transpose(2, 0, 1), data_format="channels_first", scale=False
    )
    np.testing.assert_array_equal(np.asarray(Image.open(tmp_path / "b.png")), x.astype("uint8"))
    # ".jpg" means Pillow's "jpeg"; RGBA is converted to RGB with Keras's warning.
    rgba = np.concatenate([x, np.full((4, 5, 1), 255.0, "float32")], axis=-1)
    with pytest.warns(UserWarning, match="The JPEG format does not support RGBA images"):
        image_utils.save_img(tmp_path / "c.jpg", rgba)
    assert Image.open(tmp_path / "c.jpg").format == "JPEG"
    buffer = io.BytesIO()
    image_utils.save_img(buffer, x, file_format="png")
    assert buffer.getvalue().startswith(b"\x89PNG")


def test_smart_resize_matches_keras(ref):
    x = np.arange(5 * 7 * 3).reshape(5, 7, 3)
    expected = ref["smart_resize"]
    for dtype in ("uint8", "float64"):
        for interp in ("nearest", "bilinear", "bicubic", "area", "lanczos3", "lanczos5"):
            got = image_utils.smart_resize(x.astype(dtype), (3, 4), interpolation=interp)
            want = expected[f"{dtype}_{interp}"]
            assert isinstance(got, np.ndarray) and got.dtype == want.dtype, (dtype, interp)
            np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-4)
    batch = np.stack([x, x[::-1]]).astype("float32").transpose(0, 3, 1, 2)
    got = image_utils.smart_resize(batch, (4, 3), data_format="channels_first")
    np.testing.assert_allclose(got, expected["channels_first_batch"], rtol=1e-6)
    got = image_utils.smart_resize(torch.tensor(x[:, :2], dtype=torch.float32), (3, 4),
                                   backend_module=None)
    assert isinstance(got, torch.Tensor)
    np.testing.assert_allclose(got.numpy(), expected["tall"], rtol=1e-6)


def test_errors_match_keras(ref, png_path):
    with pytest.raises(ValueError) as e:
        image_utils.load_img(png_path, target_size=(2, 2), interpolation="area")
    assert _error(e.value) == ref["load_img_bad_interpolation"]
    with pytest.raises(ValueError) as e:
        image_utils.load_img(png_path, color_mode="cmyk")
    assert _error(e.value) == ref["load_img_bad_color_mode"]
    with pytest.raises(TypeError) as e:
        image_utils.load_img(3)
    assert _error(e.value) == ref["load_img_bad_path"]
    with pytest.raises(ValueError) as e:
        image_utils.array_to_img(np.zeros((2, 2)))
    assert _error(e.value) == ref["array_to_img_rank"]
    with pytest.raises(ValueError) as e:
        image_utils.array_to_img(np.zeros((2, 2, 2)))
    assert _error(e.value) == ref["array_to_img_channels"]
    with pytest.raises(ValueError) as e:
        image_utils.img_to_array(np.zeros((2, 2, 2, 2)))
    assert _error(e.value) == ref["img_to_array_rank"]
    x = np.arange(5 * 7 * 3).reshape(5, 7, 3)
    with pytest.raises(ValueError) as e:
        image_utils.smart_resize(x, (1, 2, 3))
    assert _error(e.value) == ref["smart_resize_size"]
    with pytest.raises(ValueError) as e:
        image_utils.smart_resize(np.zeros((2, 2)), (2, 2))
    assert _error(e.value) == ref["smart_resize_rank"]
    with pytest.raises(TypeError) as e:
        image_utils.smart_resize(x, (2, 2), foo=1)
    assert _error(e.value) == ref["smart_resize_kwargs"]


def test_missing_pillow_raises_import_error(monkeypatch, png_path):
    monkeypatch.setitem(sys.modules, "PIL", None)
    with pytest.raises(ImportError, match="The use of `load_img` requires PIL.*pip install pillow"):
        image_utils.load_img(png_path)
    with pytest.raises(ImportError, match="The use of `array_to_img` requires PIL"):
        image_utils.array_to_img(np.zeros((2, 2, 3)))
