"""`tf.io`: reading and writing files as Python `bytes` (torch has no string tensors)."""

from torchkeras.compat.tensorflow import gfile  # noqa: F401  (tf.io.gfile)
from torchkeras.compat.tensorflow.image import decode_bmp  # noqa: F401
from torchkeras.compat.tensorflow.image import decode_gif  # noqa: F401
from torchkeras.compat.tensorflow.image import decode_image  # noqa: F401
from torchkeras.compat.tensorflow.image import decode_jpeg  # noqa: F401
from torchkeras.compat.tensorflow.image import decode_png  # noqa: F401
from torchkeras.compat.tensorflow.image import encode_jpeg  # noqa: F401
from torchkeras.compat.tensorflow.image import encode_png  # noqa: F401


def read_file(filename, name=None):
    """The file's contents as `bytes` (TF returns a scalar string tensor)."""
    with open(_path(filename), "rb") as f:
        return f.read()


def write_file(filename, contents, name=None):
    with open(_path(filename), "wb") as f:
        f.write(contents if isinstance(contents, bytes) else str(contents).encode())


def _path(filename):
    return filename.decode() if isinstance(filename, bytes) else str(filename)


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(
        f"tf.io.{name} is not provided by torchkeras.compat (no TFRecord or string tensors on "
        "torch). See compat/DIFFERENCES.md."
    )

