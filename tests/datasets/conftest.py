"""Fake Keras caches: tiny files in the exact formats Keras's dataset downloads leave behind."""

import gzip
import pickle
import struct
import types

import numpy as np
import pytest


@pytest.fixture
def datasets_dir(tmp_path, monkeypatch):
    """An empty `$KERAS_HOME/datasets` folder in a temporary Keras home."""
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    path = tmp_path / "datasets"
    path.mkdir()
    return path


def object_array(lists):
    """A 1-D `dtype=object` array of lists, as the IMDB and Reuters files store sequences."""
    array = np.empty(len(lists), dtype=object)
    for i, item in enumerate(lists):
        array[i] = item
    return array


def write_cifar_batch(path, data, labels, label_key="labels", extra=None):
    """Pickle a CIFAR batch: a dict with bytes keys, `data` a `(n, 3072)` uint8 array.

    The real files come from Python 2 and name `numpy.core.multiarray._reconstruct`; the fakes
    are rewritten to that spelling so the legacy path is the one exercised.
    """
    batch = {b"data": data, label_key.encode(): list(labels)}
    batch.update(extra or {})
    raw = pickle.dumps(batch, protocol=3)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw.replace(b"numpy._core.multiarray", b"numpy.core.multiarray"))


def write_idx_labels(path, labels):
    with gzip.open(path, "wb") as f:
        f.write(struct.pack(">II", 2049, len(labels)) + np.asarray(labels, np.uint8).tobytes())


def write_idx_images(path, images):
    images = np.asarray(images, np.uint8)
    with gzip.open(path, "wb") as f:
        f.write(struct.pack(">IIII", 2051, *images.shape) + images.tobytes())


@pytest.fixture
def fakes():
    """The writers above, for tests in this folder."""

    return types.SimpleNamespace(
        object_array=object_array,
        write_cifar_batch=write_cifar_batch,
        write_idx_labels=write_idx_labels,
        write_idx_images=write_idx_images,
    )
