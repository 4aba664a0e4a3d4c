"""`tf.strings`: a few string functions (torch has no string tensors).

They take a `str`/`bytes`, a (nested) list of them (returned with the same nesting), or a string
tensor (a NumPy array of strings, as `tf.data` text batches are), returned as a string tensor.
"""

import re

import numpy as np
import torch

from torchkeras.compat.tensorflow.string_tensor import string_tensor
from torchkeras.utils import tree


def _map(fn, value):
    if isinstance(value, (str, bytes)):
        return fn(value)
    if isinstance(value, np.ndarray):
        # A string tensor (a `tf.data` text batch): the result is one too, or a numeric tensor.
        flat = [fn(v) for v in value.reshape(-1).tolist()]
        if flat and not isinstance(flat[0], (str, bytes)):
            return torch.as_tensor(np.asarray(flat).reshape(value.shape))
        return string_tensor(np.asarray(flat, dtype=object).reshape(value.shape))
    return tree.map_structure(fn, list(value) if not isinstance(value, (list, tuple, dict))
                              else value)


def _text(s):
    return s.decode("utf-8") if isinstance(s, bytes) else s


def lower(input, encoding="", name=None):
    return _map(lambda s: _text(s).lower(), input)


def upper(input, encoding="", name=None):
    return _map(lambda s: _text(s).upper(), input)


def strip(input, name=None):
    return _map(lambda s: _text(s).strip(), input)


def length(input, unit="BYTE", name=None):
    return _map(lambda s: len(s.encode("utf-8") if isinstance(s, str) and unit == "BYTE"
                              else _text(s)), input)


def split(input, sep=None, maxsplit=-1, name=None):
    """Split on `sep` (whitespace when `None`): a list per string (TF returns a RaggedTensor)."""
    def one(s):
        s = _text(s)
        return s.split(sep, maxsplit) if sep is not None else s.split(None, maxsplit)

    if isinstance(input, (str, bytes)):
        return one(input)
    return [split(s, sep, maxsplit) for s in input]


def regex_replace(input, pattern, rewrite, replace_global=True, name=None):
    count = 0 if replace_global else 1
    # TF uses RE2's `\1` group syntax, which Python's `re` also reads.
    return _map(lambda s: re.sub(pattern, rewrite, _text(s), count=count), input)


def regex_full_match(input, pattern, name=None):
    return _map(lambda s: re.fullmatch(pattern, _text(s)) is not None, input)


def join(inputs, separator="", name=None):
    return separator.join(_text(s) for s in inputs)


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(
        f"tf.strings.{name} is not provided by torchkeras.compat (torch has no string "
        "tensors). Process strings in Python; see compat/DIFFERENCES.md."
    )
