"""Helpers shared by the preprocessing layers: argument checks, categorical encoding, string
arrays and the batches `adapt()` reads."""

import numpy as np
import torch

from torchkeras import backend


def validate_string_arg(value, allowable_strings, caller_name, arg_name, allow_none=False,
                        allow_callables=False):
    """Raise Keras's `ValueError` unless `value` is one of `allowable_strings`."""
    if allow_none and value is None:
        return
    if allow_callables and callable(value):
        return
    if isinstance(value, str) and value in allowable_strings:
        return
    raise ValueError(
        f"Unknown value for `{arg_name}` argument of {caller_name}. "
        f"Allowed values are: {allowable_strings}. Received: "
        f"{arg_name}={value}"
    )


def listify(value):
    """Arrays and tensors as (nested) lists, for configs."""
    if isinstance(value, torch.Tensor):
        value = value.detach().cpu().numpy()
    if isinstance(value, np.ndarray):
        return value.tolist()
    return value


# -- categorical encoding ----------------------------------------------------------------------
def _one_hot(indices, depth, dtype):
    # Comparing against a range gives all-zero rows for indices outside [0, depth), as
    # `tf.one_hot` does (torch's `F.one_hot` raises instead).
    classes = torch.arange(depth, device=indices.device)
    return (indices.unsqueeze(-1) == classes).to(dtype)


def encode_categorical_inputs(indices, output_mode, depth, dtype, sparse=False,
                              count_weights=None):
    """Encode integer indices as Keras does: `"int"`, `"one_hot"`, `"multi_hot"` or `"count"`.

    Indices outside `[0, depth)` are dropped (zero rows), like TensorFlow's `bincount` and
    `one_hot`. Rank-0 inputs count as one sample. For rank <= 2 inputs `multi_hot`/`count`
    encode the last axis; for higher ranks they reduce axis 1, as Keras's fallback path does.

    Args:
        indices: Integer tensor.
        output_mode: One of `"int"`, `"one_hot"`, `"multi_hot"`, `"count"`.
        depth: Number of classes.
        dtype: Torch dtype of the output (of `count_weights` when given).
        sparse: Whether to return a sparse COO tensor.
        count_weights: Optional weights (same shape as `indices`) summed in `"count"` mode.
    """
    if output_mode == "int":
        return indices.to(dtype)
    if indices.dim() == 0:
        indices = indices.unsqueeze(0)
    if output_mode == "one_hot":
        if indices.dim() > 1 and indices.shape[-1] == 1:
            indices = indices.squeeze(-1)
        outputs = _one_hot(indices, depth, dtype)
    elif indices.dim() <= 2:
        # The bincount path: a scatter-add of each row into `depth` bins.
        if count_weights is not None:
            dtype = count_weights.dtype
        rows = indices.reshape(1, -1) if indices.dim() == 1 else indices
        valid = (rows >= 0) & (rows < depth)
        values = valid.to(dtype)
        if count_weights is not None:
            values = values * count_weights.reshape(rows.shape).to(dtype)
        counts = torch.zeros(rows.shape[0], depth, dtype=dtype, device=indices.device)
        counts.scatter_add_(1, torch.where(valid, rows, torch.zeros_like(rows)), values)
        if output_mode == "multi_hot":
            counts = (counts > 0).to(dtype)
        outputs = counts[0] if indices.dim() == 1 else counts
    else:
        encoded = _one_hot(indices, depth, dtype)
        if count_weights is not None and output_mode == "count":
            encoded = encoded * count_weights.unsqueeze(-1).to(dtype)
        outputs = encoded.amax(dim=1) if output_mode == "multi_hot" else encoded.sum(dim=1)
    if sparse:
        outputs = outputs.to_sparse()
    return outputs


# -- strings -----------------------------------------------------------------------------------
def to_string_array(values, encoding="utf-8"):
    """`values` (str, bytes, lists of them, NumPy arrays) as a NumPy unicode array."""
    if isinstance(values, torch.Tensor):
        raise TypeError(
            "Expected string inputs (a NumPy array or list of `str`/`bytes`). torch has no string "
            f"tensors. Received: a tensor of dtype {values.dtype}"
        )
    array = np.asarray(values)
    if array.dtype.kind == "U":
        return array
    if array.dtype.kind == "S":
        return np.char.decode(array, encoding)
    if array.dtype.kind == "O":
        flat = [
            v.decode(encoding) if isinstance(v, bytes) else str(v) for v in array.reshape(-1)
        ]
        return np.asarray(flat, dtype=str).reshape(array.shape) if flat else array.astype(str)
    return array.astype(str)


def is_string_like(values):
    if isinstance(values, (str, bytes)):
        return True
    if isinstance(values, torch.Tensor):
        return False
    if isinstance(values, np.ndarray):
        return values.dtype.kind in ("U", "S", "O")
    if isinstance(values, (list, tuple)):
        flat = values
        while isinstance(flat, (list, tuple)) and flat:
            flat = flat[0]
        return isinstance(flat, (str, bytes, np.str_, np.bytes_))
    return False


# -- adapt data --------------------------------------------------------------------------------
def is_batch_iterable(data):
    """Whether `adapt(data)` should read `data` batch by batch (a dataset, generator, loader)."""
    if isinstance(data, (list, tuple, np.ndarray, torch.Tensor, str, bytes)):
        return False
    return hasattr(data, "__iter__") or _is_py_dataset(data)


def _is_py_dataset(data):
    from torchkeras.utils.py_dataset import PyDataset

    return isinstance(data, PyDataset)


def iterate_batches(data, steps=None):
    """Yield the batches of a batched iterable (a `PyDataset` is read by index)."""
    if _is_py_dataset(data):
        iterator = (data[i] for i in range(len(data)))
    else:
        iterator = iter(data)
    for i, batch in enumerate(iterator):
        if steps is not None and i >= steps:
            break
        yield batch


def ensure_tensor(x, dtype=None):
    """`x` as a tensor: lists and NumPy arrays are converted, as Keras's preprocessing layers
    accept them."""
    if isinstance(x, torch.Tensor):
        return x if dtype is None or x.dtype == dtype else x.to(dtype)
    return backend.convert_to_tensor(x, dtype=dtype)


def to_numpy(x):
    if isinstance(x, torch.Tensor):
        return backend.convert_to_numpy(x)
    return np.asarray(x)
