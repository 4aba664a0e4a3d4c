import io
import os

import h5py
import numpy as np
import pytest
import torch

from torchkeras.saving import weights_h5

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")


def _write(path, entries):
    store = weights_h5.H5IOStore(path, mode="w")
    for inner_path, metadata, values in entries:
        entry = store.make(inner_path, metadata=metadata)
        for i, value in enumerate(values):
            entry[str(i)] = value
    store.close()


def test_layout_matches_keras(tmp_path):
    path = tmp_path / "a.weights.h5"
    _write(path, [
        ("", {"name": "model"}, []),
        ("layers/dense", {"name": "dense"}, [np.ones((2, 3), "float32"), torch.zeros(3)]),
        ("layers/no_metadata", None, []),
        ("optimizer", {"name": "adam"}, [torch.tensor(3, dtype=torch.int64)]),
    ])
    with h5py.File(path, "r") as f:
        assert dict(f["vars"].attrs) == {"name": "model"}
        assert len(f["vars"]) == 0
        assert f["layers/dense/vars"].attrs["name"] == "dense"
        assert f["layers/dense/vars/0"].shape == (2, 3)
        assert f["layers/dense/vars/1"].dtype == np.float32
        assert f["optimizer/vars/0"].dtype == np.int64
        assert f["optimizer/vars/0"][()] == 3
        # Without metadata and without variables, no group is written (as in Keras).
        assert "layers/no_metadata" not in f


def test_read_back(tmp_path):
    path = tmp_path / "a.weights.h5"
    _write(path, [("layers/dense", {"name": "dense"}, [np.arange(6.0).reshape(2, 3)])])
    store = weights_h5.H5IOStore(path, mode="r")
    entry = store.get("layers/dense")
    assert entry.keys() == ["0"] and len(entry) == 1 and "0" in entry
    np.testing.assert_array_equal(entry["0"], np.arange(6.0).reshape(2, 3))
    # A path the file does not have reads as an empty entry.
    missing = store.get("layers/other")
    assert len(missing) == 0 and missing.keys() == []
    assert store.has_path("layers/dense") and not store.has_path("layers/other")
    assert len(store.get("")) == 0
    store.close()


def test_bytes_io(tmp_path):
    buffer = io.BytesIO()
    store = weights_h5.H5IOStore(buffer, mode="w")
    store.make("", {"name": "m"})["0"] = np.float32(2.5)
    store.close()
    store = weights_h5.H5IOStore(io.BytesIO(buffer.getvalue()), mode="r")
    assert store.get("")["0"] == np.float32(2.5)
    store.close()


def test_bfloat16_round_trip(tmp_path):
    path = tmp_path / "bf.weights.h5"
    value = torch.tensor([1.5, -2.25, 3.0], dtype=torch.bfloat16)
    _write(path, [("", {"name": "m"}, [value])])
    with h5py.File(path, "r") as f:
        dataset = f["vars/0"]
        # Keras's layout: raw 2-byte opaque values tagged with a `dtype` attribute.
        assert dataset.dtype == np.dtype("V2")
        assert dataset.attrs["dtype"] == "bfloat16"
        np.testing.assert_array_equal(
            np.asarray(dataset).view(np.uint16), [0x3FC0, 0xC010, 0x4040]
        )
    store = weights_h5.H5IOStore(path, mode="r")
    read = store.get("")["0"]
    store.close()
    assert read.dtype == torch.bfloat16
    assert torch.equal(read, value)


def test_reads_keras_bfloat16_file():
    store = weights_h5.H5IOStore(os.path.join(FIXTURES, "keras_bfloat16.weights.h5"), mode="r")
    kernel = store.get("layers/dense")["0"]
    store.close()
    assert kernel.dtype == torch.bfloat16 and tuple(kernel.shape) == (4, 3)


def test_mode_errors(tmp_path):
    path = tmp_path / "a.h5"
    with pytest.raises(ValueError, match="`mode` should be either 'w' or 'r'. Received: a"):
        weights_h5.H5IOStore(path, mode="a")
    with pytest.raises(TypeError, match="`path_or_io` should be a `str`, `pathlib.Path` or a "
                       "binary file object. Received: path_or_io=3 of type <class 'int'>."):
        weights_h5.H5IOStore(3)
    store = weights_h5.H5IOStore(path, mode="w")
    with pytest.raises(ValueError, match="`get` is only allowed in read mode."):
        store.get("")
    store.close()
    store = weights_h5.H5IOStore(path, mode="r")
    with pytest.raises(ValueError, match="`make` is only allowed in write mode."):
        store.make("")
    store.close()


def test_refuses_soft_links(tmp_path):
    path = tmp_path / "link.h5"
    with h5py.File(path, "w") as f:
        f.create_group("real/vars")["0"] = np.ones(2)
        f["layers/dense"] = h5py.SoftLink("/real")
        f.create_group("x")["vars"] = h5py.SoftLink("/real/vars")
        f.create_group("y/vars")["0"] = h5py.SoftLink("/real/vars/0")
    store = weights_h5.H5IOStore(path, mode="r")
    with pytest.raises(ValueError, match="Not allowed: H5 file with SoftLink"):
        store.get("layers/dense")
    with pytest.raises(ValueError, match="Not allowed: H5 file with SoftLink"):
        store.get("x")
    with pytest.raises(ValueError, match="Not allowed: H5 file with SoftLink"):
        store.get("y")["0"]
    store.close()


def test_refuses_external_links_and_external_data(tmp_path):
    other = tmp_path / "other.h5"
    with h5py.File(other, "w") as f:
        f.create_group("vars")["0"] = np.ones(2)
    raw = tmp_path / "raw.bin"
    np.ones(4, "float32").tofile(raw)
    path = tmp_path / "ext.h5"
    with h5py.File(path, "w") as f:
        f["layers/dense"] = h5py.ExternalLink(str(other), "/")
        group = f.create_group("ext/vars")
        group.create_dataset("0", shape=(4,), dtype="float32", external=[(str(raw), 0, 16)])
    store = weights_h5.H5IOStore(path, mode="r")
    with pytest.raises(ValueError, match="Not allowed: H5 file with ExternalLink"):
        store.get("layers/dense")
    with pytest.raises(ValueError, match="Not allowed: H5 file with external Dataset"):
        store.get("ext")["0"]
    store.close()


def test_refuses_shape_bomb(tmp_path):
    path = tmp_path / "bomb.h5"
    with h5py.File(path, "w") as f:
        # 8 GiB declared, nothing stored.
        f.create_group("vars").create_dataset(
            "0", shape=(1 << 31,), dtype="float32", chunks=(1 << 20,), compression="gzip"
        )
    store = weights_h5.H5IOStore(path, mode="r")
    with pytest.raises(ValueError, match="Not allowed: H5 dataset '0' declares 8.00 GB but only "
                       "0.00 B are stored on disk; refusing to load a potential "
                       "decompression/shape bomb."):
        store.get("")["0"]
    store.close()


def test_refuses_non_group_and_non_dataset(tmp_path):
    path = tmp_path / "odd.h5"
    with h5py.File(path, "w") as f:
        f["layers"] = np.ones(2)
        f.create_group("a/vars/0")
    store = weights_h5.H5IOStore(path, mode="r")
    with pytest.raises(ValueError, match="Invalid H5 file, expected Group but received"):
        store.get("layers")
    with pytest.raises(ValueError, match="Invalid H5 file, expected Dataset, received"):
        store.get("a")["0"]
    with pytest.raises(KeyError):
        store.get("a")["1"]
    store.close()
