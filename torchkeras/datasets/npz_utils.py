"""Reading the pickled parts of Keras's dataset files without running arbitrary code.

The CIFAR batches are Python pickles of a dict of NumPy arrays, and the IMDB and Reuters `.npz`
files hold ragged sequences as `dtype=object` arrays, which NumPy stores as pickles. Unpickling can
call any importable function, so these readers accept only the three globals a NumPy array needs
to rebuild itself; anything else (`os.system`, `builtins.eval`, ...) is refused.
"""

import io
import pickle
import zipfile

import numpy as np

try:
    from numpy._core.multiarray import _reconstruct
except ImportError:  # NumPy < 2
    from numpy.core.multiarray import _reconstruct

# `numpy.core` became `numpy._core` in NumPy 2; files pickled by either spelling name one of these.
_RECONSTRUCT_MODULES = ("numpy.core.multiarray", "numpy._core.multiarray")
_ALLOWED_GLOBALS = frozenset(
    [("numpy", "ndarray"), ("numpy", "dtype")]
    + [(module, "_reconstruct") for module in _RECONSTRUCT_MODULES]
)


class RestrictedUnpickler(pickle.Unpickler):
    """An unpickler that rebuilds NumPy arrays and plain Python containers, and nothing else."""

    def find_class(self, module, name):
        if (module, name) not in _ALLOWED_GLOBALS:
            raise pickle.UnpicklingError(
                f"Refusing to deserialize `{module}.{name}` while loading a Keras "
                "dataset. The file may be corrupted or malicious."
            )
        if name == "_reconstruct":
            # Resolve whichever spelling the file uses to the running NumPy's own function, so
            # old files load under NumPy 2 without touching the deprecated `numpy.core` alias.
            return _reconstruct
        return super().find_class(module, name)


def load_pickle(fileobj, encoding="ASCII"):
    """Unpickle a dataset file object with `RestrictedUnpickler`."""
    return RestrictedUnpickler(fileobj, encoding=encoding).load()


def _read_npy(fileobj):
    """Read one `.npy` stream: numeric arrays with pickling off, object arrays restricted."""
    try:
        return np.lib.format.read_array(fileobj, allow_pickle=False)
    except ValueError:
        # An object array: its payload after the header is a pickle stream.
        fileobj.seek(0)
        major, _ = np.lib.format.read_magic(fileobj)
        if major == 1:
            np.lib.format.read_array_header_1_0(fileobj)
        elif major in (2, 3):
            # Format 3.0 only changes the header's text encoding; its length field is 2.0's.
            np.lib.format.read_array_header_2_0(fileobj)
        else:
            raise ValueError(
                "Cannot read a Keras dataset file: unsupported `.npy` format version. "
                f"Expected 1.0, 2.0 or 3.0. Received: version={major}"
            )
        return load_pickle(fileobj)


def load_npz(path):
    """Load every array of an `.npz` file into a dict, unpickling object arrays safely.

    Args:
        path: path of the `.npz` file.

    Returns:
        A dict mapping each array's name to the array.
    """
    arrays = {}
    with zipfile.ZipFile(path) as archive:
        for member in archive.namelist():
            if member.endswith(".npy"):
                with archive.open(member) as raw:
                    arrays[member[: -len(".npy")]] = _read_npy(io.BytesIO(raw.read()))
    return arrays
