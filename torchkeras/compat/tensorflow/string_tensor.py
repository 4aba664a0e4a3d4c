"""String tensors for the tf shim: NumPy object arrays of `bytes` (torch has no strings).

`tf.data` text pipelines, `tf.strings` and the shape functions (`tf.expand_dims`, `tf.reshape`,
...) pass them around; string preprocessing layers take them as they are.
"""

import numpy as np


class StringTensor(np.ndarray):
    """A TensorFlow string tensor: a NumPy object array of `bytes` (torch has no strings).

    `.numpy()` returns what TensorFlow returns: `bytes` for a scalar, else a plain NumPy object
    array of `bytes`. Being an ndarray, it goes straight into `TextVectorization` and friends.
    """

    def numpy(self):
        plain = self.view(np.ndarray)
        return plain.item() if plain.ndim == 0 else plain

    def __repr__(self):
        return f"<tf.Tensor: shape={tuple(self.shape)}, dtype=string, numpy={self.numpy()!r}>"

    __str__ = __repr__

    def __array_wrap__(self, array, context=None, return_scalar=False):
        # Comparisons and other NumPy results that are not strings are plain arrays.
        if array.dtype != object:
            array = array.view(np.ndarray)
            return array[()] if return_scalar else array
        return super().__array_wrap__(array, context, return_scalar)


def is_string_leaf(x):
    if isinstance(x, (str, bytes, np.str_, np.bytes_)):
        return True
    if isinstance(x, np.ndarray):
        return x.dtype.kind in ("U", "S") or (
            x.dtype.kind == "O" and x.size > 0 and isinstance(x.flat[0], (str, bytes))
        )
    if isinstance(x, (list, tuple)) and x:
        first = x[0]
        while isinstance(first, (list, tuple)) and first:
            first = first[0]
        return isinstance(first, (str, bytes, np.str_, np.bytes_))
    return False


def to_bytes(v):
    return v.encode("utf-8") if isinstance(v, (str, np.str_)) else bytes(v)


def string_tensor(values):
    """Return `values` (str, bytes, or nested lists/arrays of them) as a `StringTensor`."""
    array = np.asarray(values, dtype=object)
    out = np.empty(array.shape, dtype=object)
    for index, value in np.ndenumerate(array):
        out[index] = to_bytes(value)
    return out.view(StringTensor)


def as_string_array(value):
    """`value` as a `StringTensor` if it holds strings (a StringTensor, a NumPy string or object
    array of strings, a str/bytes or a list of them), else `None`."""
    if isinstance(value, StringTensor):
        return value
    if is_string_leaf(value):
        return string_tensor(value)
    return None

