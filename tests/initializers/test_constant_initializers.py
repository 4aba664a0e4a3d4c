"""Zeros, Ones, Constant, Identity, STFT: values, dtypes, configs and errors."""

import numpy as np
import pytest
import torch

from torchkeras import backend
from torchkeras import initializers


@pytest.mark.parametrize("dtype", [None, "float32", "float64", "float16", "bfloat16", "int32"])
def test_zeros_ones_dtypes(dtype):
    expected = backend.to_torch_dtype(dtype)
    for cls, value in ((initializers.Zeros, 0), (initializers.Ones, 1)):
        out = cls()((2, 3), dtype=dtype)
        assert out.dtype == expected and out.shape == (2, 3)
        assert out.device == backend.get_device()
        assert bool(torch.all(out == value))


def test_zeros_accepts_torch_dtype_and_list_shape():
    out = initializers.Zeros()([4], dtype=torch.float64)
    assert out.dtype == torch.float64 and out.shape == (4,)


def test_constant():
    out = initializers.Constant(10.0)((2, 2))
    np.testing.assert_array_equal(out.numpy(), np.full((2, 2), 10.0, "float32"))
    assert out.dtype == torch.float32
    out = initializers.Constant(0.1)((3,), dtype="float64")
    np.testing.assert_array_equal(out.numpy(), np.full((3,), 0.1))
    # An array value is broadcast to the shape.
    out = initializers.Constant(np.array([1.0, 2.0, 3.0]))((2, 3))
    np.testing.assert_array_equal(out.numpy(), [[1, 2, 3], [1, 2, 3]])
    assert out.dtype == torch.float32
    assert initializers.Constant(3)((2,), dtype="int32").dtype == torch.int32


def test_constant_config_round_trip():
    init = initializers.Constant(2.5)
    assert init.get_config() == {"value": 2.5}  # from keras 3.15.1
    assert initializers.Constant.from_config(init.get_config()).value == 2.5
    # Keras writes array values as `__numpy__` dicts (from keras 3.15.1).
    config = {"value": {"class_name": "__numpy__",
                        "config": {"value": [1.0, 2.0], "dtype": "float64"}}}
    clone = initializers.Constant.from_config(config)
    np.testing.assert_array_equal(clone((2,)).numpy(), [1.0, 2.0])


def test_identity():
    np.testing.assert_array_equal(initializers.Identity()((3, 3)).numpy(), np.eye(3))
    # from keras 3.15.1: Identity(gain=2.0)((2, 3))
    np.testing.assert_array_equal(initializers.Identity(gain=2.0)((2, 3)).numpy(),
                                  [[2, 0, 0], [0, 2, 0]])
    assert initializers.Identity()((2, 2), dtype="float64").dtype == torch.float64
    assert initializers.Identity().get_config() == {"gain": 1.0}


def test_identity_rank_error():
    with pytest.raises(ValueError) as e:
        initializers.Identity()((3, 3, 3))
    assert str(e.value) == (
        "Identity matrix initializer can only be used for 2D matrices. "
        "Received: shape=(3, 3, 3) of rank 3."
    )


def test_base_initializer():
    with pytest.raises(NotImplementedError) as e:
        initializers.Initializer()((2,))
    assert str(e.value) == "Initializer subclasses must implement the `__call__()` method."
    assert initializers.Initializer().get_config() == {}
    clone = initializers.Constant(4.0).clone()
    assert isinstance(clone, initializers.Constant) and clone.value == 4.0


# STFT values from keras 3.15.1.
STFT_NONE_REAL = [[[1.0, 1.0, 1.0]], [[1.0, -4.371138828673793e-08, -1.0]], [[1.0, -1.0, 1.0]],
                  [[1.0, 1.1924880638503055e-08, -1.0]]]
STFT_NONE_IMAG = [[[-0.0, -0.0, -0.0]], [[-0.0, -1.0, 8.742277657347586e-08]],
                  [[-0.0, 8.742277657347586e-08, -1.7484555314695172e-07]],
                  [[-0.0, 1.0, 2.384976127700611e-08]]]
STFT_ARRAY_DENSITY = [[[0.1380131095647812] * 3],
                      [[0.621059000492096, -2.7147351033818268e-08, -0.621059000492096]],
                      [[0.6900655627250671, -0.6900655627250671, 0.6900655627250671]],
                      [[0.34503278136253357, 4.114474538852164e-09, -0.34503278136253357]]]
STFT_ARRAY_SPECTRUM_IMAG = [[[-0.0, -0.0, -0.0]],
                            [[-0.0, -0.3461538553237915, 3.026173089892836e-08]],
                            [[-0.0, 3.3624147022237594e-08, -6.724829404447519e-08]],
                            [[-0.0, 0.19230769574642181, 4.586492519109697e-09]]]


def test_stft_matches_keras():
    window = np.array([0.2, 0.9, 1.0, 0.5])
    cases = [
        (initializers.STFT(window=None, scaling=None), (4, 1, 3), STFT_NONE_REAL),
        (initializers.STFT(side="imag", window=None), (4, 1, 3), STFT_NONE_IMAG),
        (initializers.STFT(window=window, scaling="density"), (4, 2, 3), STFT_ARRAY_DENSITY),
        (initializers.STFT(side="imag", window=window, scaling="spectrum"), (4, 1, 3),
         STFT_ARRAY_SPECTRUM_IMAG),
    ]
    for init, shape, expected in cases:
        out = init(shape)
        assert out.shape == (4, 1, 3)
        np.testing.assert_allclose(out.numpy(), expected, atol=3e-7)


@pytest.mark.parametrize("periodic", [False, True])
def test_stft_hann_window(periodic):
    frame_length, fft_length = 6, 4
    out = initializers.STFT(window="hann", periodic=periodic)((frame_length, 1, fft_length))
    denominator = frame_length if periodic else frame_length - 1
    n = np.arange(frame_length)
    window = 0.5 - 0.5 * np.cos(2 * np.pi * n / denominator)
    freq = np.arange(fft_length) / ((fft_length - 1) * 2)
    kernel = np.cos(-2 * np.pi * n[:, None] * freq[None, :]) * window[:, None]
    kernel /= np.sqrt(np.sum(window**2))
    np.testing.assert_allclose(out.numpy()[:, 0, :], kernel, atol=1e-6)


def test_stft_config():
    # from keras 3.15.1
    assert initializers.STFT(window=None).get_config() == {
        "side": "real", "window": None, "periodic": False, "scaling": "density"
    }


def test_stft_errors():
    with pytest.raises(ValueError) as e:
        initializers.STFT(side="foo")
    assert str(e.value) == "side should be 'real' or 'imag', not foo"
    with pytest.raises(ValueError) as e:
        initializers.STFT(window=None, scaling="foo")
    assert str(e.value) == (
        "Scaling is invalid, it must be `None`, 'density' or 'spectrum'. Received scaling=foo"
    )
    with pytest.raises(ValueError) as e:
        initializers.STFT(window=np.ones(3))((4, 1, 3))
    assert str(e.value) == (
        "The shape of `window` must be equal to [frame_length].Received: window shape=(3,)"
    )


def test_stft_window_needing_scipy_without_scipy(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "scipy", None)
    monkeypatch.setitem(sys.modules, "scipy.signal", None)
    with pytest.raises(ImportError) as e:
        initializers.STFT(window="triang")
    assert str(e.value) == (
        "This requires the scipy module. You can install it via `pip install scipy`"
    )
