"""STFTSpectrogram against Keras 3.15.1."""

import numpy as np
import pytest

import torchkeras as keras
from torchkeras.testing.layer_test import run_layer_test

_rng = np.random.RandomState(1)
_rng.uniform(-1, 1, (2, 700))  # the MelSpectrogram signal comes first in the recording script
SIGNAL = _rng.uniform(-1, 1, (2, 300, 2)).astype("float32")

# name: (shape, sum, first 6 values), from keras 3.15.1 (TensorFlow backend; the reference passed
# the windows as arrays: np.hanning(32), and np.hamming(33)[:-1] for the periodic Hamming one).
GOLDEN = {
    "stft_log_channels_last": ((2, 27, 66), -3048.2523, [-0.4805546, -0.5525996, -0.7126672, -0.6682334, -0.398565, -0.245975]),
    "stft_log_channels_first": ((2, 2, 30, 33), -9632.6415, [-2.596938, -2.372934, -2.084766, -1.939743, -1.944913, -2.118308]),
    "stft_magnitude_channels_last": ((2, 27, 66), 1805.8942, [0.6184403, 0.5754519, 0.4903347, 0.5126134, 0.6712826, 0.7819418]),
    "stft_magnitude_channels_first": ((2, 2, 30, 33), 413.97058, [0.07450139, 0.09320684, 0.1243362, 0.1437408, 0.1429996, 0.1202348]),
    "stft_psd_channels_last": ((2, 27, 66), 2251.6516, [0.3824684, 0.6622898, 0.4808562, 0.5255449, 0.9012408, 1.222866]),
    "stft_psd_channels_first": ((2, 2, 30, 33), 106.41381, [0.005550457, 0.01737503, 0.03091896, 0.04132285, 0.04089779, 0.02891284]),
    "stft_real_channels_last": ((2, 27, 66), -9.527913, [-0.6184403, -0.2369508, 0.2595033, 0.5003574, 0.471173, -0.3512196]),
    "stft_real_channels_first": ((2, 2, 30, 33), 2.0143925, [-0.07450139, 0.07128501, 0.0233319, -0.1419346, 0.06652629, 0.07554833]),
    "stft_imag_channels_last": ((2, 27, 66), -12.82644, [0, 0.5244037, 0.4160362, 0.1114224, -0.4781385, -0.6986256]),
    "stft_imag_channels_first": ((2, 2, 30, 33), 2.6978613, [0, 0.06004967, -0.1221274, 0.02271535, 0.1265826, -0.09353539]),
    "stft_angle_channels_last": ((2, 27, 66), 177.0554, [3.141593, 1.995186, 1.013095, 0.2191105, -0.7927356, -2.036625]),
    "stft_angle_channels_first": ((2, 2, 30, 33), 310.85395, [3.141593, 0.7000585, -1.382025, 2.982898, 1.086913, -0.8913793]),
    "stft_stft_channels_last": ((2, 27, 132), -22.354353, [-0.6184403, -0.2369508, 0.2595033, 0.5003574, 0.471173, -0.3512196]),
    "stft_stft_channels_first": ((2, 2, 30, 66), 4.7122538, [-0.07450139, 0.07128501, 0.0233319, -0.1419346, 0.06652629, 0.07554833]),
}

MODES = ["log", "magnitude", "psd", "real", "imag", "angle", "stft"]


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
@pytest.mark.parametrize("mode", MODES)
def test_matches_keras(mode, data_format):
    last = data_format == "channels_last"
    x = SIGNAL if last else np.transpose(SIGNAL, (0, 2, 1))
    layer = keras.layers.STFTSpectrogram(
        mode=mode, frame_length=32, frame_step=10, fft_length=64,
        padding="valid" if last else "same", expand_dims=not last, data_format=data_format,
        window="hann" if last else "hamming", periodic=not last,
        scaling="density" if last else "spectrum",
    )
    out = layer(x).detach().numpy().astype("float64")
    shape, total, head = GOLDEN[f"stft_{mode}_{data_format}"]
    assert out.shape == shape and tuple(layer.compute_output_shape(x.shape)) == shape
    np.testing.assert_allclose(out.ravel()[:6], head, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(out.sum(), total, rtol=1e-5, atol=1e-4)
    names = [w.name for w in layer.weights]
    assert names == {"real": ["real_kernel"], "imag": ["imag_kernel"]}.get(
        mode, ["real_kernel", "imag_kernel"])
    assert all(tuple(w.shape) == (32, 1, 33) for w in layer.weights)


def test_layer_basics():
    run_layer_test(
        keras.layers.STFTSpectrogram,
        init_kwargs=dict(mode="magnitude", frame_length=16, frame_step=8),
        input_shape=(2, 64, 1), expected_output_shape=(2, 7, 9),
        expected_num_trainable_weights=2, expected_num_non_trainable_weights=0,
    )
    config = keras.layers.STFTSpectrogram(window=None, name="s").get_config()
    for key, value in {"mode": "log", "frame_length": 256, "frame_step": None, "fft_length": None,
                       "window": None, "periodic": False, "scaling": "density", "padding": "valid",
                       "data_format": "channels_last", "expand_dims": False}.items():
        assert config[key] == value


@pytest.mark.parametrize("kwargs, message", [
    (dict(frame_step=40, frame_length=32),
     "`frame_step` should be a positive integer not greater than `frame_length`. Received "
     "frame_step=40, frame_length=32"),
    (dict(fft_length=16, frame_length=32),
     "`fft_length` should be not less than `frame_length`. Received fft_length=16, frame_length=32"),
    (dict(mode="foo"), "Output mode is invalid, it must be one of log, magnitude, psd, real, imag, "
                       "angle, stft. Received: mode=foo"),
    (dict(scaling="x"), "Scaling is invalid, it must be `None`, 'density' or 'spectrum'. Received "
                        "scaling=x"),
    (dict(padding="causal"), "Padding is invalid, it should be 'valid', 'same'. Received: "
                             "padding=causal"),
])
def test_argument_errors(kwargs, message):
    with pytest.raises(ValueError) as info:
        keras.layers.STFTSpectrogram(**kwargs)
    assert str(info.value) == message


def test_input_errors_and_warning():
    with pytest.raises(TypeError, match="Invalid input type. Expected `float16`, `float32` or "
                                        "`float64`. Received: input type=int32"):
        keras.layers.STFTSpectrogram(window=None)(np.ones((1, 300, 1), "int32"))
    with pytest.warns(UserWarning, match="`fft_length` is recommended to be a power of two. "
                                         "Received fft_length=300"):
        keras.layers.STFTSpectrogram(fft_length=300)
