"""`keras.utils`: data utilities, seeding, the progress bar."""

import numpy as np

from torchkeras.backend.random import set_random_seed
from torchkeras.utils.progbar import Progbar
from torchkeras.trainers.data_adapters.data_adapter_utils import pack_x_y_sample_weight
from torchkeras.trainers.data_adapters.data_adapter_utils import unpack_x_y_sample_weight
from torchkeras.utils.py_dataset import PyDataset
from torchkeras.utils.py_dataset import Sequence
from torchkeras.utils.sequence_utils import pad_sequences


def to_categorical(x, num_classes=None):
    """Convert a class vector (integers) to a one-hot class matrix.

    Args:
        x: Array-like of class values (integers from 0 to `num_classes - 1`).
        num_classes: Total number of classes. Defaults to `max(x) + 1`.

    Example:

    >>> keras.utils.to_categorical([0, 2, 1], num_classes=3)
    array([[1., 0., 0.],
           [0., 0., 1.],
           [0., 1., 0.]])
    """
    x = np.array(x, dtype="int64")
    input_shape = x.shape
    if input_shape and input_shape[-1] == 1 and len(input_shape) > 1:
        input_shape = tuple(input_shape[:-1])
    x = x.reshape(-1)
    if not num_classes:
        num_classes = int(np.max(x)) + 1
    batch_size = x.shape[0]
    categorical = np.zeros((batch_size, num_classes))
    categorical[np.arange(batch_size), x] = 1
    output_shape = input_shape + (num_classes,)
    return np.reshape(categorical, output_shape)


def normalize(x, axis=-1, order=2):
    """Normalize an array along `axis` with the `order`-norm (L2 by default)."""
    x = np.asarray(x)
    norm = np.atleast_1d(np.linalg.norm(x, order, axis))
    norm[norm == 0] = 1
    return x / np.expand_dims(norm, axis)


__all__ = [
    "Progbar",
    "PyDataset",
    "Sequence",
    "normalize",
    "pack_x_y_sample_weight",
    "pad_sequences",
    "set_random_seed",
    "to_categorical",
    "unpack_x_y_sample_weight",
]
