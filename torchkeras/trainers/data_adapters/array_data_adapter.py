"""Batches from in-memory arrays: the hot path of `fit()` on NumPy or torch data."""

import math

import torch

from torchkeras.backend import device as device_lib
from torchkeras.trainers.data_adapters import data_adapter_utils
from torchkeras.trainers.data_adapters.data_adapter import DataAdapter
from torchkeras.utils import tree


class ArrayDataAdapter(DataAdapter):
    """Adapter for array-like objects: NumPy arrays, torch tensors, lists of scalars, pandas
    and scipy.sparse data, and nested lists/tuples/dicts of them.

    The arrays are converted to torch tensors once (floats that are not `floatx()` cast to
    it, as in Keras) and moved to `backend.get_device()` once; each batch is then a slice (or,
    with `shuffle=True`, an `index_select` along a per-epoch permutation) of those tensors. If
    the device runs out of memory the tensors stay on the host and each batch is copied over.
    String arrays and scipy.sparse matrices stay on the host and are sliced there.

    Batches are packed as Keras packs them: `x` alone, `(x,)` when `x` is a list or tuple
    and `y` is None, `(x, y)`, or `(x, y, sample_weight)`, each with the nesting given.

    Args:
        x: Input data.
        y: Target data, or `None`.
        sample_weight: Per-sample weights, or `None`. A single array is shared by all outputs
            when `y` has several.
        batch_size: Samples per batch. Defaults to `ceil(num_samples / steps)` when `steps`
            is given, else `32`.
        steps: Batches per epoch, used only to derive `batch_size`.
        shuffle: `True` for a new global permutation every epoch, `"batch"` to shuffle only
            within each batch, `False` for the given order. Defaults to `False`.
        class_weight: Dict mapping class indices to weights; turned into sample weights.
    """

    def __init__(
        self,
        x,
        y=None,
        sample_weight=None,
        batch_size=None,
        steps=None,
        shuffle=False,
        class_weight=None,
    ):
        x, y, sample_weight = data_adapter_utils.lists_of_scalars_to_arrays((x, y, sample_weight))
        if not can_convert_arrays((x, y, sample_weight)):
            raise ValueError(
                "Expected all elements of `x` to be array-like. "
                f"Received invalid types: x={x}"
            )
        if sample_weight is not None:
            if class_weight is not None:
                raise ValueError(
                    "You cannot `class_weight` and `sample_weight` at the same time."
                )
            if tree.is_nested(y):
                sample_weight = _sample_weight_per_output(y, sample_weight)
        if class_weight is not None and y is not None:
            if tree.is_nested(y):
                raise ValueError(
                    "`class_weight` is only supported for Models with a single output."
                )
            sample_weight = data_adapter_utils.class_weight_to_sample_weights(y, class_weight)

        inputs = data_adapter_utils.pack_x_y_sample_weight(x, y, sample_weight)
        data_adapter_utils.check_data_cardinality(inputs)
        flat = tree.flatten(inputs)
        sizes = set(data_adapter_utils.num_rows(t) for t in flat if t is not None)
        if not sizes:
            raise ValueError(f"Unrecognized data type: x={x} (of type {type(x)})")
        num_samples = sizes.pop()

        # Without `batch_size`, derive it from `steps`; Keras's historical default is 32.
        if not batch_size:
            batch_size = int(math.ceil(num_samples / steps)) if steps else 32
        self._num_samples = num_samples
        self._batch_size = batch_size
        self._size = int(math.ceil(num_samples / batch_size))
        self._partial_batch_size = num_samples % batch_size
        self._shuffle = shuffle

        self._device = device_lib.get_device()
        self._leaves, self._storage_device = _place_leaves(flat, self._device)
        self._host_leaves = [
            t is not None and not isinstance(t, torch.Tensor) for t in self._leaves
        ]
        self._fast = not any(self._host_leaves) and self._storage_device == self._device
        self._pack = _make_packer(inputs)

    def get_torch_iterator(self):
        n, bs = self._num_samples, self._batch_size
        leaves, pack = self._leaves, self._pack
        order = self._epoch_order()
        if self._fast:
            # The hot loop: one slice (or gather) per array, no other per-batch work.
            if order is None:
                for start in range(0, n, bs):
                    stop = start + bs
                    yield pack([None if t is None else t[start:stop] for t in leaves])
            else:
                for start in range(0, n, bs):
                    idx = order[start : start + bs]
                    yield pack([None if t is None else t.index_select(0, idx) for t in leaves])
            return
        order_host = order.cpu().numpy() if order is not None else None
        for start in range(0, n, bs):
            stop = min(start + bs, n)
            parts = []
            for t, on_host in zip(leaves, self._host_leaves):
                if t is None:
                    parts.append(None)
                elif on_host:
                    piece = t[start:stop] if order is None else t[order_host[start:stop]]
                    parts.append(data_adapter_utils.to_tensor_leaf(piece, self._device))
                else:
                    piece = t[start:stop] if order is None else t.index_select(0, order[start:stop])
                    parts.append(piece.to(self._device, non_blocking=True))
            yield pack(parts)

    def _epoch_order(self):
        """This epoch's sample order as an index tensor, or `None` for the given order."""
        if not self._shuffle:
            return None
        n, bs, device = self._num_samples, self._batch_size, self._storage_device
        if self._shuffle != "batch":
            # Global RNG: reproducible under `set_random_seed`, different every epoch.
            return torch.randperm(n, device=device)
        # "batch": the batches keep their samples, only the order inside each one changes.
        num_full = n // bs
        pieces = []
        if num_full:
            within = torch.rand(num_full, bs, device=device).argsort(dim=1)
            offsets = torch.arange(0, num_full * bs, bs, device=device).unsqueeze(1)
            pieces.append((within + offsets).reshape(-1))
        if n - num_full * bs:
            pieces.append(torch.randperm(n - num_full * bs, device=device) + num_full * bs)
        return torch.cat(pieces)

    @property
    def num_batches(self):
        return self._size

    @property
    def batch_size(self):
        return self._batch_size

    @property
    def has_partial_batch(self):
        return self._partial_batch_size > 0

    @property
    def partial_batch_size(self):
        return self._partial_batch_size or None


def can_convert_arrays(arrays):
    """Whether every leaf of `arrays` is an array `ArrayDataAdapter` can handle (or `None`).

    Args:
        arrays: Structure of tensors, NumPy arrays, lists of scalars or array-likes.
    """
    arrays = data_adapter_utils.lists_of_scalars_to_arrays(arrays)
    return all(data_adapter_utils.can_slice_array(t) for t in tree.flatten(arrays))


def _sample_weight_per_output(y, sample_weight):
    """Check `sample_weight` against a multi-output `y`, sharing a single array by all outputs."""
    if isinstance(sample_weight, (list, tuple, dict)):
        try:
            data_adapter_utils.assert_same_structure(y, sample_weight)
        except ValueError:
            raise ValueError(
                "You should provide one `sample_weight` array per "
                "output in `y`. The two structures did not match:\n"
                f"- y: {y}\n"
                f"- sample_weight: {sample_weight}\n"
            ) from None
        return sample_weight
    shape = tuple(sample_weight.shape)
    if not (len(shape) == 1 or (len(shape) == 2 and shape[1] == 1)):
        raise ValueError(
            "For a model with multiple outputs, when providing "
            "a single `sample_weight` array, it should only "
            "have one scalar score per sample "
            "(i.e. shape `(num_samples,)`). If you want to use "
            "non-scalar sample weights, pass a `sample_weight` "
            "argument with one array per model output."
        )
    return tree.map_structure(lambda _: sample_weight, y)


def _place_leaves(flat, device):
    """Convert every leaf once and put it on `device`; on out-of-memory keep tensors on the host.

    Returns `(leaves, storage_device)`. String arrays and scipy.sparse matrices stay host-side
    (as NumPy arrays / CSR matrices) whatever the device.
    """
    try:
        return [_to_sliceable(t, device) for t in flat], device
    except torch.OutOfMemoryError:
        host = torch.device("cpu")
        return [_to_sliceable(t, host) for t in flat], host


def _to_sliceable(t, device):
    if t is None:
        return None
    if data_adapter_utils.is_scipy_sparse(t):
        # CSR slices by rows; each batch is densified on its way to the device.
        return t.tocsr()
    if not isinstance(t, torch.Tensor):
        t = data_adapter_utils.to_numpy_leaf(t)
        if t.dtype.kind in ("U", "S", "O"):
            return t
    return data_adapter_utils.to_tensor_leaf(t, device)


def _make_packer(structure):
    """A function rebuilding `structure` from its flat list of batch leaves, cheaply."""
    if not isinstance(structure, (list, tuple, dict)):
        return lambda parts: parts[0]
    if type(structure) is tuple and not any(isinstance(s, (list, tuple, dict)) for s in structure):
        return tuple
    return lambda parts: tree.pack_sequence_as(structure, parts)
