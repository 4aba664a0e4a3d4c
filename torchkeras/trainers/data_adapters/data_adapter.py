"""The interface every input pipeline presents to the trainer."""

import torch

from torchkeras.backend import tensors
from torchkeras.utils import tree


class DataAdapter:
    """Base class for input data adapters.

    A DataAdapter gives the trainer one way to iterate over data supplied in many forms
    (NumPy arrays, torch tensors, generators, `torch.utils.data.DataLoader`, `PyDataset`...).
    Subclasses implement `get_torch_iterator()`, which yields one batch per step as torch
    tensors on `backend.get_device()`, packed as Keras packs them: `x`, `(x,)`, `(x, y)` or
    `(x, y, sample_weight)`.

    A custom subclass passed as `x` to `fit()` is used as is.
    """

    def get_torch_iterator(self):
        """Return a Python iterator over one epoch of batches of torch tensors on the device."""
        raise NotImplementedError

    def get_iterator(self):
        """Alias of `get_torch_iterator()`."""
        return self.get_torch_iterator()

    def get_numpy_iterator(self):
        """Return a Python iterator over one epoch of batches of NumPy arrays."""

        def to_numpy(leaf):
            return tensors.convert_to_numpy(leaf) if isinstance(leaf, torch.Tensor) else leaf

        for batch in self.get_torch_iterator():
            yield tree.map_structure(to_numpy, batch)

    def get_torch_dataloader(self):
        """Return a `torch.utils.data.DataLoader` over one epoch of (already batched) data."""
        adapter = self

        class _Batches(torch.utils.data.IterableDataset):
            def __iter__(self):
                return iter(adapter.get_torch_iterator())

        # `batch_size=None`: the batches are already made, the loader must not re-batch.
        return torch.utils.data.DataLoader(_Batches(), batch_size=None)

    @property
    def num_batches(self):
        """The number of batches in an epoch, or `None` when unknown (e.g. a generator)."""
        raise NotImplementedError

    @property
    def batch_size(self):
        """The batch size, or `None` when unknown (e.g. a generator)."""
        raise NotImplementedError

    @property
    def has_partial_batch(self):
        """Whether the last batch of an epoch is smaller than the others."""
        raise NotImplementedError

    @property
    def partial_batch_size(self):
        """The size of the last, partial batch, or `None` when there is none or it is unknown."""
        raise NotImplementedError

    def on_epoch_begin(self):
        """A hook called before each epoch."""
        pass

    def on_epoch_end(self):
        """A hook called after each epoch."""
        pass
