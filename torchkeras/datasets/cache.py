"""Finding dataset files in the Keras cache.

Keras downloads datasets into `~/.keras/datasets/` (or `$KERAS_HOME/datasets/`). torchkeras
reads the same files in the same layout, so a machine that ever ran a Keras example already has
them, but it never downloads: a missing file is a `FileNotFoundError` naming the path it expected
and the URL to fetch it from.
"""

import os
import tempfile

# Where Keras's `get_file` downloads the `keras.datasets` files from.
KERAS_DATASETS_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"


def keras_home():
    """Return the Keras cache folder: `$KERAS_HOME`, else `~/.keras`.

    Read at call time (Keras reads it once at import), so tests and scripts may change it freely.
    As in Keras, a home folder that is not writable falls back to `/tmp/.keras`.
    """
    if "KERAS_HOME" in os.environ:
        return os.environ["KERAS_HOME"]
    base = os.path.expanduser("~")
    if not os.access(base, os.W_OK):
        base = "/tmp"
    return os.path.join(base, ".keras")


def cache_dirs(cache_subdir="datasets"):
    """Return the folders Keras's `get_file` would have saved `cache_subdir` files in, in order.

    Keras writes to `<keras_home>/<cache_subdir>`, or to `/tmp/.keras/<cache_subdir>` when the home
    is not writable; a file found in either place was left there by Keras.
    """
    base = os.path.expanduser(keras_home())
    dirs = [os.path.join(base, cache_subdir)]
    if not os.access(base, os.W_OK):
        tmp = "/tmp" if os.path.isdir("/tmp") else tempfile.gettempdir()
        dirs.append(os.path.join(tmp, ".keras", cache_subdir))
    return dirs


def check_fname(fname):
    """Refuse paths as file names, with the error Keras's `get_file` raises."""
    fname = os.fspath(fname)
    if os.sep in fname:
        raise ValueError(
            "Paths are no longer accepted as the `fname` argument. "
            "To specify the file's parent directory, use "
            f"the `cache_dir` argument. Received: fname={fname}"
        )
    return fname


def find_cached(names, origin, caller, cache_subdir="datasets", received=None, extract=False):
    """Return the path of the first of `names` present in the Keras cache.

    Args:
        names: file or folder names relative to the cache subfolder, in order of preference (the
            first one is the layout the current Keras writes; later ones are older layouts).
        origin: the URL Keras downloads the data from, quoted in the error.
        caller: the public function asking, e.g. `"keras.datasets.mnist.load_data()"`.
        cache_subdir: the subfolder of the Keras home the files live in. Defaults to `"datasets"`.
        received: the `Received: ...` text of the error, naming the user's argument if any.
        extract: whether `origin` is an archive whose extracted contents are looked for. Defaults
            to `False`.

    Raises:
        FileNotFoundError: when none of `names` exists.
    """
    dirs = cache_dirs(cache_subdir)
    for directory in dirs:
        for name in names:
            path = os.path.join(directory, name)
            if os.path.exists(path):
                return path
    expected = os.path.join(dirs[0], names[0])
    received = received or f"path={names[0]}"
    if extract:
        fetch = f"download {origin} and extract it into {os.path.dirname(expected)}"
    else:
        fetch = f"download {origin} to that path"
    raise FileNotFoundError(
        f"{caller}: the dataset is not in the Keras cache, and torchkeras does not download "
        f"datasets. Expected it at {expected}, where Keras's own download leaves it (set "
        f"KERAS_HOME to use another Keras cache). Load it once with Keras, or {fetch}. "
        f"Received: {received}"
    )
