"""Batches from a `torch.utils.data.DataLoader` (or a torch `Dataset`, batched for you)."""

import math

import torch

from torchkeras.backend import device as device_lib
from torchkeras.trainers.data_adapters import data_adapter_utils
from torchkeras.trainers.data_adapters.data_adapter import DataAdapter


class TorchDataLoaderAdapter(DataAdapter):
    """Adapter that handles `torch.utils.data.DataLoader`.

    The loader's batches are used as they come (a list batch becomes a tuple, so `[x, y]`
    reads as `(x, y)`); their leaves are moved to `backend.get_device()`, non-blocking when the
    loader pins memory, with floats cast to `floatx()`.

    Args:
        dataloader: A `torch.utils.data.DataLoader`.
    """

    def __init__(self, dataloader):
        if not isinstance(dataloader, torch.utils.data.DataLoader):
            raise ValueError(
                "Expected argument `dataloader` to be an instance of"
                f"`torch.utils.data.DataLoader`. Received: {dataloader}"
            )
        self._dataloader = dataloader
        self._batch_size = dataloader.batch_size
        self._num_batches = None
        self._partial_batch_size = None
        if hasattr(dataloader.dataset, "__len__"):
            self._num_batches = len(dataloader)
            if self._batch_size is not None:
                self._partial_batch_size = len(dataloader.dataset) % self._batch_size

    def get_torch_iterator(self):
        device = device_lib.get_device()
        for batch in self._dataloader:
            yield data_adapter_utils.convert_batch(data_adapter_utils.list_to_tuple(batch), device)

    def get_torch_dataloader(self):
        return self._dataloader

    @property
    def num_batches(self):
        return self._num_batches

    @property
    def batch_size(self):
        return self._batch_size

    @property
    def has_partial_batch(self):
        if self._partial_batch_size:
            return self._partial_batch_size > 0
        return None

    @property
    def partial_batch_size(self):
        return self._partial_batch_size


def dataset_to_dataloader(dataset, batch_size=None, steps=None, shuffle=False):
    """Batch a torch `Dataset` with a `DataLoader`, as `fit()` batches arrays.

    Args:
        dataset: A map-style or iterable `torch.utils.data.Dataset`.
        batch_size: Samples per batch. Defaults to `ceil(len(dataset) / steps)` when `steps`
            is given and the dataset has a length, else `32`.
        steps: Batches per epoch, used only to derive `batch_size`.
        shuffle: Whether to draw a new order every epoch (map-style datasets only; `"batch"`
            shuffles globally too). Defaults to `False`.
    """
    iterable = isinstance(dataset, torch.utils.data.IterableDataset)
    if not batch_size:
        if steps and hasattr(dataset, "__len__"):
            batch_size = int(math.ceil(len(dataset) / steps))
        else:
            batch_size = 32
    return torch.utils.data.DataLoader(
        dataset,
        batch_size=batch_size,
        shuffle=bool(shuffle) and not iterable,
        # Pinned host batches let the copy to the GPU overlap with compute.
        pin_memory=device_lib.get_device().type == "cuda",
    )


class ClassWeightedLoaderAdapter(TorchDataLoaderAdapter):
    """Batches `(x, y)` of a dataset, with `class_weight` turned into per-sample weights
    (looked up on the batch's device, no host sync), as Keras does for a `tf.data.Dataset`."""

    def __init__(self, dataloader, class_weight):
        super().__init__(dataloader)
        size = int(max(class_weight)) + 1
        self._table = torch.tensor(
            [float(class_weight.get(i, 1.0)) for i in range(size)], dtype=torch.float32
        )

    def get_torch_iterator(self):
        for batch in super().get_torch_iterator():
            if not isinstance(batch, (tuple, list)) or len(batch) != 2:
                raise ValueError(
                    "`class_weight` needs a dataset of `(x, y)` batches; a dataset with "
                    "sample weights cannot also take `class_weight`. Received a batch of "
                    f"{len(batch) if isinstance(batch, (tuple, list)) else 1} element(s)."
                )
            x, y = batch
            if not isinstance(y, torch.Tensor):
                raise ValueError(
                    "`class_weight` is only supported for Models with a single output."
                )
            classes = y.argmax(-1) if y.dim() > 1 and y.shape[-1] > 1 else y.reshape(-1)
            classes = classes.round().long() if classes.is_floating_point() else classes.long()
            table = self._table.to(classes.device)
            inside = classes < table.shape[0]
            weights = torch.where(inside, table[classes.clamp(0, table.shape[0] - 1)],
                                  torch.ones((), device=classes.device))
            yield type(batch)((x, y, weights)) if isinstance(batch, tuple) else [x, y, weights]
