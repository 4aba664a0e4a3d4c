"""Small `keras.backend` helpers: dtype predicates and unique ids."""

from torchkeras.backend import dtypes
from torchkeras.backend import global_state


def is_float_dtype(dtype):
    """Whether `dtype` (a name, a torch or NumPy dtype) is a floating point type."""
    dtype = dtypes.standardize_dtype(dtype)
    return dtype.startswith("float") or dtype.startswith("bfloat")


def is_int_dtype(dtype):
    """Whether `dtype` (a name, a torch or NumPy dtype) is a signed or unsigned integer type."""
    dtype = dtypes.standardize_dtype(dtype)
    return dtype.startswith("int") or dtype.startswith("uint")


def get_uid(prefix=""):
    """Associates a string prefix with an integer counter.

    Args:
        prefix: String prefix to index. Defaults to `""`.

    Returns:
        Unique integer ID: 1 on the first call with `prefix`, then 2, 3, ... until
        `keras.backend.clear_session()`.

    Example:

    >>> keras.backend.get_uid('dense')
    1
    >>> keras.backend.get_uid('dense')
    2
    """
    return global_state.get_uid(prefix)
