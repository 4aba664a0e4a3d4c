"""Atomic file writes: a save either completes or leaves the previous file untouched.

Every file torchkeras saves is first written to a temporary file in the target's directory,
flushed and fsynced, then moved over the target with `os.replace` (atomic on POSIX and Windows
when both paths are on one filesystem, which a sibling temp file guarantees). A save that fails
midway, or a crash, leaves at worst a stray temp file, never a truncated model.
"""

import contextlib
import errno
import math
import os
import tempfile
import threading

_UMASK_LOCK = threading.Lock()
_UMASK = None


def _default_file_mode():
    """The mode `open(path, "w")` would give a new file (0o666 minus the umask)."""
    global _UMASK
    if _UMASK is None:
        # The umask can only be read by setting it; do it once, under a lock.
        with _UMASK_LOCK:
            if _UMASK is None:
                current = os.umask(0o022)
                os.umask(current)
                _UMASK = current
    return 0o666 & ~_UMASK


def _fsync_directory(dirpath):
    # Makes the rename itself durable. Not possible on every platform (e.g. Windows).
    try:
        fd = os.open(dirpath, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_write_path(filepath):
    """Yield a temporary path next to `filepath`; on success it replaces `filepath`.

    The caller writes (and closes) the temporary file. When the `with` block exits without an
    exception, the file is fsynced and moved over `filepath`; otherwise it is deleted and
    `filepath` keeps its previous content.

    Args:
        filepath: `str` or `pathlib.Path`, the final destination.
    """
    filepath = os.fspath(filepath)
    dirpath = os.path.dirname(os.path.abspath(filepath))
    if not os.path.isdir(dirpath):
        # The error `open(filepath, "wb")` would give, rather than one naming the temp file.
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), filepath)
    fd, tmp_path = tempfile.mkstemp(
        dir=dirpath, prefix="." + os.path.basename(filepath) + ".", suffix=".tmp"
    )
    os.close(fd)
    try:
        yield tmp_path
        # mkstemp creates the file as 0o600; give the result the mode of the file it replaces,
        # or the one a plain `open()` would have given.
        try:
            mode = os.stat(filepath).st_mode & 0o7777
        except OSError:
            mode = _default_file_mode()
        os.chmod(tmp_path, mode)
        with open(tmp_path, "r+b") as f:
            os.fsync(f.fileno())
        os.replace(tmp_path, filepath)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(tmp_path)
        raise
    _fsync_directory(dirpath)


@contextlib.contextmanager
def atomic_open(filepath, mode="wb"):
    """Open a temporary file next to `filepath` for writing; on success it replaces `filepath`.

    Args:
        filepath: `str` or `pathlib.Path`, the final destination.
        mode: `"wb"` or `"w"`. Defaults to `"wb"`.
    """
    if mode not in ("wb", "w"):
        raise ValueError(f"atomic_open(): `mode` must be 'wb' or 'w'. Received: mode={mode}")
    with atomic_write_path(filepath) as tmp_path:
        with open(tmp_path, mode) as f:
            yield f
            f.flush()


# -- load limits ---------------------------------------------------------------------------------
# The most bytes one loaded zip member or HDF5 dataset may declare. Files declaring more are
# refused before anything is read or allocated: a hostile file cannot make a load exhaust
# memory. 64 GiB by default; raise it with `set_max_load_bytes()` for larger models.
_MAX_LOAD_BYTES = 1 << 36


def get_max_load_bytes():
    """The most bytes a loaded file member (zip member, HDF5 dataset) may declare."""
    return _MAX_LOAD_BYTES


def set_max_load_bytes(num_bytes):
    """Set the most bytes a loaded file member (zip member, HDF5 dataset) may declare.

    Loading a `.keras` or `.weights.h5` file refuses, before reading or allocating anything,
    any member or dataset that declares more than this. Raise it to load very large models.

    Args:
        num_bytes: Positive integer. Defaults (at import) to 64 GiB.
    """
    global _MAX_LOAD_BYTES
    if isinstance(num_bytes, bool) or not isinstance(num_bytes, int):
        raise TypeError(
            "set_max_load_bytes(): `num_bytes` must be an integer. "
            f"Received: num_bytes={num_bytes} of type {type(num_bytes)}"
        )
    if num_bytes <= 0:
        raise ValueError(
            "set_max_load_bytes(): `num_bytes` must be a positive integer. "
            f"Received: num_bytes={num_bytes}"
        )
    _MAX_LOAD_BYTES = num_bytes


def too_large_message(what, declared):
    return (
        f"Not allowed: {what} declares {declared} bytes, more than the limit of "
        f"{_MAX_LOAD_BYTES} bytes; refusing to load it. If you trust this file, raise the "
        "limit with `torchkeras.saving.file_utils.set_max_load_bytes()`."
    )


# While a model is rebuilt from a loaded config, the variables its layers create are charged
# against the load limit, so a config declaring huge shapes fails before allocating them.
_BUDGET = threading.local()


@contextlib.contextmanager
def allocation_budget(num_bytes):
    """Within the scope, `charge_allocation` refuses variables beyond `num_bytes` in total."""
    previous = getattr(_BUDGET, "left", None)
    _BUDGET.left = num_bytes
    try:
        yield
    finally:
        _BUDGET.left = previous


def charge_allocation(shape, itemsize, owner):
    """Count a variable of `shape` about to be created by `owner` (a layer name) against the
    active `allocation_budget`; a no-op outside one."""
    left = getattr(_BUDGET, "left", None)
    if left is None:
        return
    num_bytes = math.prod(shape) * itemsize
    if num_bytes > left:
        raise ValueError(
            f"Not allowed: the loaded config makes layer '{owner}' create a variable of shape "
            f"{tuple(shape)} ({num_bytes} bytes), beyond the limit of {_MAX_LOAD_BYTES} bytes "
            "for all variables of a loaded model; refusing to allocate it. If you trust this "
            "file, raise the limit with `torchkeras.saving.file_utils.set_max_load_bytes()`."
        )
    _BUDGET.left = left - num_bytes
