"""The HDF5 variable store behind `.weights.h5` files and the `model.weights.h5` of `.keras` files.

The layout is the one Keras 3 writes. Every saveable object (model, layer, optimizer) has a group
at its path in the structure walk (`layers/dense`, `optimizer`, `d1/cell`...), holding a `vars`
group with the object's name as attribute `name` and one dataset per variable, keyed `"0"`,
`"1"`, ... in the object's variable order:

```
vars/                       attrs {"name": "sequential"}
layers/dense/vars/0         (4, 3) float32
layers/dense/vars/1         (3,) float32
optimizer/vars/0            () int64   (iterations)
```

`bfloat16` values, which NumPy cannot represent, are stored as Keras stores them: 2-byte opaque
data with the dataset attribute `dtype="bfloat16"`.

Reading is defensive: links and external or virtual datasets are refused (they point outside the
file), and so are datasets declaring far more data than the file stores (shape bombs).
"""

import io
import math
import os

import h5py
import numpy as np
import torch

from torchkeras.saving import file_utils

# A dataset declaring more than this many bytes must store at least 1/_MAX_EXPANSION of them.
_DATASET_BOMB_FLOOR_BYTES = 1 << 32
_DATASET_MAX_EXPANSION = 1000


def _readable_size(num_bytes):
    for unit in ("B", "KB", "MB", "GB"):
        if num_bytes < 1024:
            return f"{num_bytes:.2f} {unit}"
        num_bytes /= 1024
    return f"{num_bytes:.2f} TB"


def _safe_group(parent, path):
    """The group at `path` below `parent`, following no soft or external links."""
    current = parent
    for part in path.split("/"):
        if not part:
            raise ValueError(f"Invalid path in H5 file: {path}")
        if part not in current:
            raise KeyError(path)
        link = current.get(part, default=None, getclass=True, getlink=True)
        if link in (h5py.ExternalLink, h5py.SoftLink):
            raise ValueError(f"Not allowed: H5 file with {link.__name__}")
        current = current[part]
        if not isinstance(current, h5py.Group):
            raise ValueError(f"Invalid H5 file, expected Group but received {type(current)}")
    return current


def _safe_dataset(group, name):
    """The dataset `name` of `group`, refusing links, external/virtual storage and shape bombs."""
    if name not in group:
        raise KeyError(name)
    link = group.get(name, default=None, getclass=True, getlink=True)
    if link in (h5py.ExternalLink, h5py.SoftLink):
        raise ValueError(f"Not allowed: H5 file with {link.__name__}")
    dataset = group[name]
    if not isinstance(dataset, h5py.Dataset):
        raise ValueError(f"Invalid H5 file, expected Dataset, received {type(dataset)}")
    if dataset.external:
        raise ValueError(f"Not allowed: H5 file with external Dataset: {dataset.external}")
    if dataset.is_virtual:
        raise ValueError("Not allowed: H5 file with virtual Dataset")
    declared = math.prod(dataset.shape or ()) * dataset.dtype.itemsize
    if declared > file_utils.get_max_load_bytes():
        raise ValueError(file_utils.too_large_message(f"H5 dataset '{name}'", declared))
    stored = dataset.id.get_storage_size()
    if declared > _DATASET_BOMB_FLOOR_BYTES and declared > _DATASET_MAX_EXPANSION * stored:
        raise ValueError(
            f"Not allowed: H5 dataset '{name}' declares {_readable_size(declared)} but only "
            f"{_readable_size(stored)} are stored on disk; refusing to load a potential "
            "decompression/shape bomb."
        )
    return dataset


def _to_storable(value):
    """(array, is_bfloat16) for a tensor, Variable or array-like, on the host."""
    if isinstance(value, torch.Tensor):
        value = value.detach()
        if value.dtype == torch.bfloat16:
            # NumPy has no bfloat16: keep the raw 2-byte patterns, as Keras does.
            raw = value.cpu().contiguous().view(torch.int16).numpy()
            return raw.view("V2"), True
        return value.cpu().numpy(), False
    return np.asarray(value), False


class _WriteEntry:
    """The `store` a saveable's `save_own_variables(store)` writes into: `store["0"] = value`."""

    def __init__(self, h5_file, path, metadata):
        self._file = h5_file
        self._path = path
        self._group = None
        if metadata:
            # Keras writes the group (with the object's name) even when there are no variables.
            self._create(metadata)

    def _create(self, metadata=None):
        group = self._file.create_group(self._path) if self._path else self._file
        self._group = group.create_group("vars")
        for key, value in (metadata or {}).items():
            self._group.attrs[key] = value

    def __setitem__(self, key, value):
        if self._group is None:
            self._create()
        array, is_bfloat16 = _to_storable(value)
        dataset = self._group.create_dataset(str(key), data=array)
        if is_bfloat16:
            dataset.attrs["dtype"] = "bfloat16"

    def __getitem__(self, key):
        if self._group is None:
            raise KeyError(key)
        return _read_dataset(self._group, key)

    def keys(self):
        return [] if self._group is None else list(self._group.keys())

    def __len__(self):
        return 0 if self._group is None else len(self._group)

    def __contains__(self, key):
        return self._group is not None and key in self._group


def _read_dataset(group, key):
    dataset = _safe_dataset(group, str(key))
    if dataset.attrs.get("dtype") == "bfloat16":
        raw = np.ascontiguousarray(np.asarray(dataset)).view(np.int16)
        return torch.from_numpy(raw.copy()).view(torch.bfloat16)
    return np.asarray(dataset[()])


class _ReadEntry:
    """The `store` a saveable's `load_own_variables(store)` reads: `store["0"]` is an array."""

    def __init__(self, group):
        self._group = group  # an h5py Group, or None when the file has nothing at this path

    def keys(self):
        return [] if self._group is None else list(self._group.keys())

    def __len__(self):
        return 0 if self._group is None else len(self._group)

    def __contains__(self, key):
        return self._group is not None and str(key) in self._group

    def __getitem__(self, key):
        if self._group is None:
            raise KeyError(key)
        return _read_dataset(self._group, key)

    def shape(self, key):
        """The stored shape of variable `key`, checked for safety but not read."""
        if self._group is None:
            raise KeyError(key)
        return tuple(_safe_dataset(self._group, str(key)).shape or ())


class H5IOStore:
    """Variable store backed by an HDF5 file, laid out as Keras 3 lays it out.

    Args:
        path_or_io: Path of the `.h5` file, or a binary file object (e.g. `io.BytesIO`).
        mode: `"r"` to read, `"w"` to write. Defaults to `"r"`.
    """

    def __init__(self, path_or_io, mode="r"):
        if mode not in ("r", "w"):
            raise ValueError(f"`mode` should be either 'w' or 'r'. Received: {mode}")
        if not isinstance(path_or_io, (str, os.PathLike, io.IOBase)):
            raise TypeError(
                "`path_or_io` should be a `str`, `pathlib.Path` or a binary file object. "
                f"Received: path_or_io={path_or_io} of type {type(path_or_io)}."
            )
        self.mode = mode
        self.h5_file = h5py.File(path_or_io, mode=mode)

    def make(self, path, metadata=None):
        """The write entry of the object at `path` (`""` for the root)."""
        if self.mode != "w":
            raise ValueError("`make` is only allowed in write mode.")
        return _WriteEntry(self.h5_file, path, metadata)

    def get(self, path):
        """The read entry of the object at `path`; empty when the file has nothing there."""
        if self.mode != "r":
            raise ValueError("`get` is only allowed in read mode.")
        group = None
        if not path:
            if "vars" in self.h5_file:
                group = _safe_group(self.h5_file, "vars")
        elif self.has_path(path):
            parent = _safe_group(self.h5_file, path)
            if "vars" in parent:
                group = _safe_group(parent, "vars")
        elif "_layer_checkpoint_dependencies" in self.h5_file:
            # Files written by Keras 2.13 name the layer list differently.
            legacy = path.replace("layers", "_layer_checkpoint_dependencies")
            if self.has_path(legacy):
                parent = _safe_group(self.h5_file, legacy)
                if "vars" in parent:
                    group = _safe_group(parent, "vars")
        return _ReadEntry(group)

    def has_path(self, path):
        """Whether the file has a group at `path`."""
        try:
            return bool(path) and path in self.h5_file
        except (KeyError, ValueError):
            return False

    def close(self):
        self.h5_file.close()
