import os
import re

import pytest

from torchkeras.datasets import cache
from torchkeras.datasets import mnist


def test_keras_home_honours_env(monkeypatch, tmp_path):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "kh"))
    assert cache.keras_home() == str(tmp_path / "kh")


def test_keras_home_default(monkeypatch, tmp_path):
    monkeypatch.delenv("KERAS_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.keras_home() == os.path.join(str(tmp_path), ".keras")


def test_read_at_call_time(monkeypatch, tmp_path, datasets_dir):
    # A Keras cache set up after import is still found.
    other = tmp_path / "other"
    (other / "datasets").mkdir(parents=True)
    monkeypatch.setenv("KERAS_HOME", str(other))
    assert cache.cache_dirs()[0] == str(other / "datasets")


def test_missing_file_error(datasets_dir):
    expected = str(datasets_dir / "mnist.npz")
    message = (
        "keras.datasets.mnist.load_data(): the dataset is not in the Keras cache, and torchkeras "
        f"does not download datasets. Expected it at {expected}, where Keras's own download leaves "
        "it (set KERAS_HOME to use another Keras cache). Load it once with Keras, or download "
        "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz to that path. "
        "Received: path=mnist.npz"
    )
    with pytest.raises(FileNotFoundError, match=re.escape(message)):
        mnist.load_data()


def test_missing_error_is_an_oserror(datasets_dir):
    # `except OSError` (what a failed download raises deeper down) also catches it.
    with pytest.raises(OSError):
        mnist.load_data("other.npz")


def test_paths_are_refused_like_keras(datasets_dir):
    # Keras's `get_file` text, from keras 3.15.1.
    with pytest.raises(
        ValueError,
        match=re.escape(
            "Paths are no longer accepted as the `fname` argument. To specify the file's parent "
            f"directory, use the `cache_dir` argument. Received: fname=a{os.sep}b.npz"
        ),
    ):
        mnist.load_data(path=f"a{os.sep}b.npz")


def test_unwritable_home_also_looks_in_tmp(monkeypatch, tmp_path):
    # Keras's `get_file` saves to /tmp/.keras when the Keras home is not writable.
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(cache.os, "access", lambda path, mode: False)
    assert cache.cache_dirs() == [
        os.path.join(str(tmp_path), "datasets"),
        os.path.join("/tmp", ".keras", "datasets"),
    ]
