import io
import os
import pickle
import warnings

import numpy as np
import pytest

from torchkeras.datasets import npz_utils


class _Exploit:
    def __reduce__(self):
        return (os.system, ("echo pwned",))


def test_refuses_arbitrary_globals():
    raw = pickle.dumps({b"data": _Exploit()})
    with pytest.raises(
        pickle.UnpicklingError,
        match=r"Refusing to deserialize `(posix|nt|os)\.system` while loading a Keras dataset\. "
        r"The file may be corrupted or malicious\.",
    ):
        npz_utils.load_pickle(io.BytesIO(raw))


def test_refuses_malicious_object_array_in_npz(tmp_path):
    path = tmp_path / "evil.npz"
    evil = np.empty(1, dtype=object)
    evil[0] = _Exploit()
    np.savez(path, x=evil)
    with pytest.raises(pickle.UnpicklingError, match=r"Refusing to deserialize"):
        npz_utils.load_npz(path)


def test_legacy_numpy_core_spelling_loads_without_warning():
    array = np.arange(6, dtype=np.uint8).reshape(2, 3)
    raw = pickle.dumps({b"data": array}, protocol=3)
    raw = raw.replace(b"numpy._core.multiarray", b"numpy.core.multiarray")
    assert b"numpy.core.multiarray" in raw
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loaded = npz_utils.load_pickle(io.BytesIO(raw), encoding="bytes")
    np.testing.assert_array_equal(loaded[b"data"], array)


def test_load_npz_numeric_and_object_arrays(tmp_path):
    path = tmp_path / "mixed.npz"
    ragged = np.empty(2, dtype=object)
    ragged[0], ragged[1] = [1, 2, 3], [4]
    np.savez_compressed(path, numbers=np.arange(4.0), ragged=ragged)
    arrays = npz_utils.load_npz(path)
    assert sorted(arrays) == ["numbers", "ragged"]
    np.testing.assert_array_equal(arrays["numbers"], [0.0, 1.0, 2.0, 3.0])
    assert arrays["ragged"].dtype == object
    assert arrays["ragged"].tolist() == [[1, 2, 3], [4]]
