"""MelSpectrogram against Keras 3.15.1."""

import numpy as np
import pytest

import torchkeras as keras
from torchkeras.testing.layer_test import run_layer_test

_rng = np.random.RandomState(1)
SIGNAL = _rng.uniform(-1, 1, (2, 700)).astype("float32")

# name: (shape, sum, first 6 values), from keras 3.15.1 (TensorFlow backend).
GOLDEN = {
    "mel_default": ((2, 16, 11), 7971.8034, [23.26754, 21.84988, 19.80976, 17.95881, 18.21302, 21.30671]),
    "mel_nodb": ((2, 10, 15), 2033.133, [7.213269, 4.539525, 3.003269, 3.223173, 3.703498, 2.995821]),
    "mel_1d": ((8, 22), 1698.9967, [13.34266, 3.139432, 9.746624, 2.567924, 2.661367, 2.96482]),
}

LAYERS = {
    "mel_default": (dict(fft_length=256, sequence_stride=64, num_mel_bins=16, sampling_rate=8000),
                    SIGNAL),
    "mel_nodb": (dict(fft_length=128, sequence_length=100, sequence_stride=50, num_mel_bins=10,
                      power_to_db=False, mag_exp=1.0, window="hamming", min_freq=100.0,
                      max_freq=3000.0), SIGNAL),
    "mel_1d": (dict(fft_length=64, sequence_stride=32, num_mel_bins=8, ref_power=2.0, top_db=20.0),
               SIGNAL[0]),
}


@pytest.mark.parametrize("name", sorted(LAYERS))
def test_matches_keras(name):
    kwargs, x = LAYERS[name]
    out = keras.layers.MelSpectrogram(**kwargs)(x).numpy().astype("float64")
    shape, total, head = GOLDEN[name]
    assert out.shape == shape
    np.testing.assert_allclose(out.ravel()[:6], head, rtol=1e-5, atol=1e-4)
    np.testing.assert_allclose(out.sum(), total, rtol=1e-5)


def test_mel_matrix_is_triangular_filters():
    layer = keras.layers.MelSpectrogram()
    m = layer.linear_to_mel_weight_matrix(num_mel_bins=4, num_spectrogram_bins=9,
                                          sampling_rate=8000, lower_edge_hertz=0.0,
                                          upper_edge_hertz=4000.0).numpy()
    mel = lambda f: 1127.0 * np.log(1.0 + f / 700.0)  # noqa: E731
    edges = np.linspace(mel(0.0), mel(4000.0), 6)
    bins = mel(np.linspace(0, 4000, 9))[1:, None]
    expected = np.maximum(0, np.minimum((bins - edges[None, :-2]) / (edges[1:-1] - edges[:-2]),
                                        (edges[None, 2:] - bins) / (edges[2:] - edges[1:-1])))
    np.testing.assert_allclose(m, np.vstack([np.zeros((1, 4)), expected]), rtol=1e-5, atol=1e-6)


def test_layer_basics():
    run_layer_test(
        keras.layers.MelSpectrogram,
        init_kwargs=dict(fft_length=64, sequence_stride=32, num_mel_bins=8),
        input_shape=(2, 256), expected_output_shape=(2, 8, 9),
        expected_num_trainable_weights=0, expected_num_non_trainable_weights=0,
        run_training_check=False,
    )
    config = keras.layers.MelSpectrogram().get_config()
    assert {k: config[k] for k in ("sequence_length", "max_freq", "window", "min_power")} == {
        "sequence_length": 2048, "max_freq": 8000, "window": "hann", "min_power": 1e-10}
    # Keras's symbolic frame count: (length + stride + 1) // stride.
    assert tuple(keras.layers.MelSpectrogram(fft_length=64, sequence_stride=32)
                 .compute_output_shape((None, 700))) == (None, 128, 22)


def test_errors():
    with pytest.raises(ValueError, match=r"`fft_length` must be greater than or equal to   "
                                         r"`sequence_length`. Received: `sequence_length`=100, "
                                         r"`fft_length`=64."):
        keras.layers.MelSpectrogram(fft_length=64, sequence_length=100)
