"""Helpers shared by the data adapters: packing `(x, y, sample_weight)`, cardinality checks,
`class_weight` conversion, the `validation_split` rule and turning batch leaves into tensors."""

import math

import numpy as np
import torch

from torchkeras.backend import config
from torchkeras.backend import device as device_lib
from torchkeras.backend import dtypes
from torchkeras.utils import tree

# How many batches a generator adapter reads ahead of the first epoch (Keras peeks at two to
# build its tensor spec, and replays them at the start of every later pass over the generator).
NUM_BATCHES_FOR_TENSOR_SPEC = 2

_SCALAR_TYPES = (bool, int, float, str, np.bool_, np.number)


def unpack_x_y_sample_weight(data):
    """Unpacks user-provided data tuple.

    This is a convenience utility to be used when overriding `Model.train_step`,
    `Model.test_step`, or `Model.predict_step`. It makes it easy to support data of the form
    `(x,)`, `(x, y)`, or `(x, y, sample_weight)`.

    Args:
        data: A tuple of the form `(x,)`, `(x, y)`, or `(x, y, sample_weight)`.

    Returns:
        The unpacked tuple, with `None`s for `y` and `sample_weight` if they are not provided.

    Example:

    >>> x, y, sample_weight = unpack_x_y_sample_weight((features, labels))
    >>> sample_weight is None
    True
    """
    if isinstance(data, list):
        data = tuple(data)
    if not isinstance(data, tuple):
        return (data, None, None)
    if len(data) == 1:
        return (data[0], None, None)
    if len(data) == 2:
        return (data[0], data[1], None)
    if len(data) == 3:
        return (data[0], data[1], data[2])
    raise ValueError(
        "Data is expected to be in format `x`, `(x,)`, `(x, y)`, "
        f"or `(x, y, sample_weight)`, found: {data}"
    )


def pack_x_y_sample_weight(x, y=None, sample_weight=None):
    """Packs user-provided data into a tuple.

    This is a convenience utility for packing data into the tuple formats that `Model.fit()`
    uses. A single `x` is returned as is (a list or tuple `x` is wrapped as `(x,)` so it cannot
    be mistaken for `(x, y)`); `sample_weight` is dropped when `y` is `None`, as in Keras.

    Args:
        x: Features to pass to `Model`.
        y: Ground-truth targets to pass to `Model`.
        sample_weight: Sample weight for each element.

    Returns:
        Tuple in the format used in `Model.fit()`.
    """
    if y is None:
        if not isinstance(x, (tuple, list)):
            return x
        return (x,)
    if sample_weight is None:
        return (x, y)
    return (x, y, sample_weight)


def list_to_tuple(maybe_list):
    """Return a list as a tuple, anything else unchanged."""
    if isinstance(maybe_list, list):
        return tuple(maybe_list)
    return maybe_list


def is_scalar_list(x):
    """Whether `x` is a (nested) Python list of scalars, e.g. `[[1.0, 2.0], [3.0, 4.0]]`.

    Such lists are one array, not a structure of arrays (as tf.keras 2 read them).
    """
    while isinstance(x, list) and x:
        x = x[0]
        if isinstance(x, _SCALAR_TYPES):
            return True
    return False


def lists_of_scalars_to_arrays(structure):
    """Replace every list of scalars in `structure` with a NumPy array; keep the rest."""
    if is_scalar_list(structure):
        try:
            array = np.asarray(structure)
        except ValueError:  # ragged or mixed: not an array, leave it to the type checks
            return structure
        if array.dtype != object:
            return array
        return structure
    if isinstance(structure, dict):
        return type(structure)((k, lists_of_scalars_to_arrays(v)) for k, v in structure.items())
    if isinstance(structure, tuple) and hasattr(structure, "_fields"):
        return type(structure)(*[lists_of_scalars_to_arrays(v) for v in structure])
    if isinstance(structure, (list, tuple)):
        return type(structure)(lists_of_scalars_to_arrays(v) for v in structure)
    return structure


def assert_same_structure(a, b):
    """Raise `ValueError` unless `a` and `b` nest the same way (Keras's `tree` rules: lists,
    tuples and namedtuples are different structures, dicts match on their keys)."""
    if isinstance(a, dict) or isinstance(b, dict):
        if not (isinstance(a, dict) and isinstance(b, dict)) or set(a) != set(b):
            raise ValueError("The two structures don't have the same nested structure.")
        for key in a:
            assert_same_structure(a[key], b[key])
        return
    a_nested = isinstance(a, (list, tuple))
    b_nested = isinstance(b, (list, tuple))
    if a_nested != b_nested:
        raise ValueError("The two structures don't have the same nested structure.")
    if a_nested:
        if type(a) is not type(b) or len(a) != len(b):
            raise ValueError("The two structures don't have the same nested structure.")
        for item_a, item_b in zip(a, b):
            assert_same_structure(item_a, item_b)


def check_data_cardinality(data):
    """Raise Keras's "Data cardinality is ambiguous" error when arrays differ in length.

    Args:
        data: The packed `(x, y, sample_weight)` structure (or a bare `x`).
    """
    parts = data if isinstance(data, tuple) else (data,)
    num_samples = set(num_rows(t) for t in tree.flatten(parts) if t is not None)
    if len(num_samples) > 1:
        msg = (
            "Data cardinality is ambiguous. "
            "Make sure all arrays contain the same number of samples."
        )
        for label, single_data in zip(["x", "y", "sample_weight"], parts):
            sizes = ", ".join(str(num_rows(t)) for t in tree.flatten(single_data) if t is not None)
            msg += f"'{label}' sizes: {sizes}\n"
        raise ValueError(msg)


def num_rows(t):
    """The size of the first (batch) dimension of an array-like."""
    shape = t.shape if hasattr(t, "shape") else np.shape(t)
    return int(shape[0])


def batch_rows(structure):
    """The batch size of a batch: the first dimension of its first leaf (`None` if empty)."""
    if isinstance(structure, torch.Tensor):
        return structure.shape[0]
    for leaf in tree.flatten(structure):
        if leaf is not None:
            return leaf.shape[0]
    return None


def class_weight_to_sample_weights(y, class_weight):
    """Turn a `class_weight` dict into one weight per sample of `y`.

    Integer targets `(N,)` or `(N, 1)` are rounded to the class index; one-hot targets
    `(N, C)` use their argmax. Classes missing from `class_weight` weigh `1.0`.

    Args:
        y: Targets (NumPy array, tensor or list).
        class_weight: Dict mapping class indices to a weight.

    Returns:
        A NumPy array of shape `(N,)` and dtype `floatx()` (float32 when `floatx()` has no
        NumPy equivalent).
    """
    y_numpy = np.asarray(y.detach().cpu() if isinstance(y, torch.Tensor) else y)
    if y_numpy.ndim > 1:
        if y_numpy.shape[-1] != 1:
            y_numpy = np.argmax(y_numpy, axis=-1)
        else:
            y_numpy = np.squeeze(y_numpy, axis=-1)
    if y_numpy.ndim != 1:
        raise ValueError(
            "`class_weight` needs one class per sample: targets of shape `(num_samples,)`, "
            "`(num_samples, 1)` or one-hot `(num_samples, num_classes)`. "
            f"Received: y.shape={np.shape(y)}"
        )
    classes = np.round(y_numpy).astype("int32")
    # One lookup per distinct class rather than per sample: the same numbers as Keras's loop.
    unique, inverse = np.unique(classes, return_inverse=True)
    weights = np.array([class_weight.get(int(c), 1.0) for c in unique], dtype="float64")
    numpy_dtype = config.floatx() if config.floatx() != "bfloat16" else "float32"
    return weights[inverse.reshape(-1)].astype(numpy_dtype)


def can_slice_array(x):
    """Whether `x` is an array `ArrayDataAdapter` can slice (or `None`)."""
    return (
        x is None
        or isinstance(x, (np.ndarray, torch.Tensor))
        or is_scipy_sparse(x)
        or hasattr(x, "__array__")
    )


def is_scipy_sparse(x):
    return str(type(x).__module__).startswith("scipy.sparse") and hasattr(x, "tocoo")


def is_pandas_series(x):
    return type(x).__name__ == "Series" and str(type(x).__module__).startswith("pandas")


def train_validation_split(arrays, validation_split):
    """Split arrays into train and validation subsets in deterministic order.

    The last part of the data becomes the validation data: the first
    `floor(num_samples * (1 - validation_split))` samples train, the rest validate. Done before
    any shuffling, as in Keras.

    Args:
        arrays: Tensors to split. Allowed inputs are arbitrarily nested structures of tensors
            and NumPy arrays (lists of scalars count as arrays).
        validation_split: Float between 0 and 1. The proportion of the dataset to include in
            the validation split.

    Returns:
        `(train_arrays, validation_arrays)`, with the nesting of `arrays`.
    """
    arrays = lists_of_scalars_to_arrays(arrays)
    flat_arrays = tree.flatten(arrays)
    unsplitable = [type(t) for t in flat_arrays if not can_slice_array(t)]
    if unsplitable:
        raise ValueError(
            "Argument `validation_split` is only supported "
            "for tensors or NumPy arrays."
            f"Found incompatible type in the input: {unsplitable}"
        )
    if all(t is None for t in flat_arrays):
        return arrays, arrays

    first = next(t for t in flat_arrays if t is not None)
    batch_dim = num_rows(first)
    split_at = int(math.floor(batch_dim * (1.0 - validation_split)))
    if split_at == 0 or split_at == batch_dim:
        raise ValueError(
            f"Training data contains {batch_dim} samples, which is not "
            "sufficient to split it into a validation and training set as "
            f"specified by `validation_split={validation_split}`. Either "
            "provide more data, or a different value for the "
            "`validation_split` argument."
        )

    def split(start, stop):
        def take(t):
            if t is None:
                return None
            if is_scipy_sparse(t):
                t = t.tocsr()
            elif is_pandas_series(t) or type(t).__name__ == "DataFrame":
                return t.iloc[start:stop]
            elif not isinstance(t, (np.ndarray, torch.Tensor)):
                t = np.asarray(t)
            return t[start:stop]

        return tree.map_structure(take, arrays)

    return split(0, split_at), split(split_at, batch_dim)


def to_tensor_leaf(x, device=None, cast_floats=True):
    """Convert one batch leaf to a `torch.Tensor` on `device` (default: `get_device()`).

    NumPy arrays become tensors without a copy where possible; floats that are not
    `floatx()` are cast to it (Keras does this for all array data); `uint32` becomes `int64`
    (torch has few `uint32` kernels). String and object arrays stay NumPy arrays (torch has no
    string tensors; preprocessing layers take them). A pinned host tensor moves with
    `non_blocking=True`.
    """
    if x is None:
        return None
    if device is None:
        device = device_lib.get_device()
    if not isinstance(x, torch.Tensor):
        x = to_numpy_leaf(x)
        if not isinstance(x, np.ndarray) or x.dtype.kind in ("U", "S", "O"):
            return x
        if x.dtype == np.uint32:
            x = x.astype(np.int64)
        if not x.flags.writeable:
            # A tensor over read-only memory would crash on an in-place op: copy once.
            x = np.array(x)
        x = torch.from_numpy(np.ascontiguousarray(x))
    elif x.requires_grad:
        x = x.detach()
    target_dtype = None
    if cast_floats and x.dtype.is_floating_point:
        floatx = dtypes.to_torch_dtype(config.floatx())
        if x.dtype != floatx:
            target_dtype = floatx
    if x.device == device and target_dtype is None:
        return x
    non_blocking = x.device.type == "cpu" and device.type != "cpu" and x.is_pinned()
    return x.to(device=device, dtype=target_dtype, non_blocking=non_blocking)


def to_numpy_leaf(x):
    """Return an array-like leaf as a NumPy array (scipy sparse densified, pandas Series as a
    column, as in Keras); anything else unchanged."""
    if isinstance(x, np.ndarray):
        return x
    if is_scipy_sparse(x):
        return np.asarray(x.todense())
    if is_pandas_series(x):
        return np.expand_dims(x.to_numpy(), axis=-1)
    if isinstance(x, _SCALAR_TYPES) or isinstance(x, list) or hasattr(x, "__array__"):
        return np.asarray(x)
    return x


def convert_batch(batch, device=None):
    """Convert every leaf of a batch structure with `to_tensor_leaf`."""
    if device is None:
        device = device_lib.get_device()
    batch = lists_of_scalars_to_arrays(batch)
    return tree.map_structure(lambda leaf: to_tensor_leaf(leaf, device), batch)
