import os
import stat

import pytest

from torchkeras.saving import file_utils


def _leftovers(directory):
    return [name for name in os.listdir(directory) if name.endswith(".tmp")]


def test_atomic_open_writes_and_replaces(tmp_path):
    target = tmp_path / "file.bin"
    target.write_bytes(b"old")
    with file_utils.atomic_open(target) as f:
        f.write(b"new")
        # Until the block ends the previous content is still in place.
        assert target.read_bytes() == b"old"
    assert target.read_bytes() == b"new"
    assert _leftovers(tmp_path) == []


def test_failure_keeps_previous_file_and_removes_temp(tmp_path):
    target = tmp_path / "file.bin"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError, match="midway"):
        with file_utils.atomic_open(target) as f:
            f.write(b"partial")
            raise RuntimeError("midway")
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_failure_without_previous_file_leaves_nothing(tmp_path):
    target = tmp_path / "file.bin"
    with pytest.raises(KeyboardInterrupt):
        with file_utils.atomic_write_path(target) as tmp:
            with open(tmp, "wb") as f:
                f.write(b"x")
            raise KeyboardInterrupt
    assert os.listdir(tmp_path) == []


def test_new_file_gets_default_mode_and_replaced_file_keeps_its_mode(tmp_path):
    target = tmp_path / "new.bin"
    with file_utils.atomic_open(target) as f:
        f.write(b"a")
    # mkstemp's 0o600 must not leak into the result.
    assert stat.S_IMODE(os.stat(target).st_mode) == file_utils._default_file_mode()
    os.chmod(target, 0o640)
    with file_utils.atomic_open(target) as f:
        f.write(b"b")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640


def test_text_mode(tmp_path):
    target = tmp_path / "file.json"
    with file_utils.atomic_open(target, "w") as f:
        f.write("{}")
    assert target.read_text() == "{}"


def test_missing_directory_names_the_target(tmp_path):
    target = tmp_path / "missing" / "file.bin"
    with pytest.raises(FileNotFoundError, match="No such file or directory") as info:
        with file_utils.atomic_open(target):
            pass
    assert info.value.filename == str(target)


def test_bad_mode():
    with pytest.raises(ValueError, match=r"atomic_open\(\): `mode` must be 'wb' or 'w'. "
                       r"Received: mode=ab"):
        with file_utils.atomic_open("x", "ab"):
            pass
