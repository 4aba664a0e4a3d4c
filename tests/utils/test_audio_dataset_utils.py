"""audio_dataset_from_directory against Keras 3.15.1 on TensorFlow 2.21 (tf.audio.decode_wav)."""

import wave

import numpy as np
import pytest
import torch

from torchkeras.utils.audio_dataset_utils import audio_dataset_from_directory


def write_wav(path, samples, channels=1, width=2):
    with wave.open(str(path), "wb") as f:
        f.setnchannels(channels)
        f.setsampwidth(width)
        f.setframerate(8000)
        dtype = "<i2" if width == 2 else "u1"
        f.writeframes(np.asarray(samples, dtype).tobytes())


@pytest.fixture(scope="module")
def wav_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("wav")
    (root / "yes").mkdir()
    (root / "no").mkdir()
    write_wav(root / "yes" / "a.wav", [0, 1000, -32768, 32767, 5])
    write_wav(root / "yes" / "b.wav", [7, -7, 300])
    write_wav(root / "no" / "c.wav", [1, 2, 3, 4, 5, 6, 7, 8])
    return str(root)


def test_padded_batches_equal_keras(wav_dir, capsys):
    ds = audio_dataset_from_directory(wav_dir, shuffle=False, batch_size=2)
    assert capsys.readouterr().out == "Found 3 files belonging to 2 classes.\n"
    (x1, y1), (x2, y2) = list(ds)
    assert x1.dtype == torch.float32 and x1.shape == (2, 8, 1) and y1.tolist() == [0, 1]
    # from keras 3.15.1: samples / 32768, the shorter file zero-padded to the batch's longest
    np.testing.assert_array_equal(x1[1, :, 0].numpy(), [
        0.0, 0.030517578125, -1.0, 0.999969482421875, 0.000152587890625, 0.0, 0.0, 0.0])
    np.testing.assert_array_equal(x2.numpy().ravel(), [
        0.000213623046875, -0.000213623046875, 0.0091552734375])
    assert ds.class_names == ["no", "yes"]


def test_output_sequence_length_and_categorical(wav_dir):
    ds = audio_dataset_from_directory(wav_dir, shuffle=False, batch_size=None,
                                      output_sequence_length=4, label_mode="categorical",
                                      verbose=False)
    got = [(x.numpy().ravel().tolist(), y.tolist()) for x, y in ds]
    # from keras 3.15.1
    assert got == [
        ([3.0517578125e-05, 6.103515625e-05, 9.1552734375e-05, 0.0001220703125], [1.0, 0.0]),
        ([0.0, 0.030517578125, -1.0, 0.999969482421875], [0.0, 1.0]),
        ([0.000213623046875, -0.000213623046875, 0.0091552734375, 0.0], [0.0, 1.0]),
    ]


def test_errors(wav_dir, tmp_path):
    with pytest.raises(ValueError, match="The `labels` argument should be a list/tuple of "
                                         "integer labels, of the same size as the number of "
                                         "audio files"):
        audio_dataset_from_directory(wav_dir, labels="abc")
    with pytest.raises(ValueError, match='`label_mode` argument must be one of "int", '
                                         '"categorical", "binary", or None'):
        audio_dataset_from_directory(wav_dir, label_mode="x")
    with pytest.raises(ValueError, match="Cannot set both `ragged` and `output_sequence_length`"):
        audio_dataset_from_directory(wav_dir, ragged=True, output_sequence_length=3)
    with pytest.raises(ValueError, match="`sampling_rate` should have an integer value"):
        audio_dataset_from_directory(wav_dir, sampling_rate=1.5)
    with pytest.raises(ValueError, match="`sampling_rate` should be higher than 0"):
        audio_dataset_from_directory(wav_dir, sampling_rate=0)
    with pytest.raises(NotImplementedError, match="resampling \\(`sampling_rate`\\) is not "
                                                  "available"):
        audio_dataset_from_directory(wav_dir, sampling_rate=16000)
    with pytest.raises(NotImplementedError, match="`ragged=True` is not available"):
        audio_dataset_from_directory(wav_dir, ragged=True)
    with pytest.raises(ValueError, match="No audio files found in directory .*\\('.wav',\\)"):
        audio_dataset_from_directory(str(tmp_path), verbose=False)
    with pytest.raises(ValueError, match="No training audio files found"):
        audio_dataset_from_directory(wav_dir, validation_split=0.2, subset="both", seed=1,
                                     verbose=False)
    bad = tmp_path / "eight"
    bad.mkdir()
    write_wav(bad / "x.wav", [1, 2], width=1)
    ds = audio_dataset_from_directory(str(tmp_path), verbose=False)
    with pytest.raises(ValueError, match="Can only read 16-bit WAV files, but received 8"):
        next(iter(ds))
