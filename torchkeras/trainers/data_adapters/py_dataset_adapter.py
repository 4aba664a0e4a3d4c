"""Batches from a `keras.utils.PyDataset`, read ahead by a thread pool when `workers > 1`."""

import collections
import concurrent.futures
import itertools
import random
import warnings

import numpy as np
import torch

from torchkeras.backend import device as device_lib
from torchkeras.trainers.data_adapters import data_adapter_utils
from torchkeras.trainers.data_adapters.data_adapter import DataAdapter
from torchkeras.utils.py_dataset import PyDataset  # noqa: F401  (re-exported for adapters)


class PyDatasetAdapter(DataAdapter):
    """Adapter for `keras.utils.PyDataset` instances.

    Batches are read in index order (a new random order of the batch indices each epoch with
    `shuffle=True`, drawn from Python's `random` as Keras does). With `workers > 1`, a pool of
    that many threads calls `__getitem__` up to `max_queue_size` batches ahead, keeping the
    order. Each batch's leaves become torch tensors on `backend.get_device()`.

    Args:
        x: The `PyDataset`.
        class_weight: Dict mapping class indices to weights, turned into sample weights for
            `(x, y)` batches.
        shuffle: Whether to shuffle the order of the batches each epoch (finite datasets).
    """

    def __init__(self, x, class_weight=None, shuffle=False):
        self.py_dataset = x
        self.class_weight = class_weight
        self.shuffle = shuffle
        self._within_epoch = False
        # Where an infinite, threaded dataset resumes: Keras's enqueuer keeps its place.
        self._next_index = 0

        workers = x.workers
        use_multiprocessing = x.use_multiprocessing
        self._workers = 0
        if workers > 1 or (workers > 0 and use_multiprocessing):
            if use_multiprocessing:
                warnings.warn(
                    "PyDataset: `use_multiprocessing=True` is not supported; the workers run as "
                    "threads instead (see compat/DIFFERENCES.md). Received: "
                    f"use_multiprocessing={use_multiprocessing}, workers={workers}",
                    stacklevel=2,
                )
            self._workers = workers
        self._max_queue_size = max(1, int(x.max_queue_size or 1))

    def _standardize_batch(self, batch):
        if isinstance(batch, dict):
            return batch
        if isinstance(batch, (np.ndarray, torch.Tensor)):
            batch = (batch,)
        if isinstance(batch, list):
            batch = tuple(batch)
        if not isinstance(batch, tuple) or len(batch) not in {1, 2, 3}:
            raise ValueError(
                "PyDataset.__getitem__() must return a tuple or a dict. "
                "If a tuple, it must be ordered either "
                "(input,) or (inputs, targets) or "
                "(inputs, targets, sample_weights). "
                f"Received: {str(batch)[:100]}... of type {type(batch)}"
            )
        if self.class_weight is not None:
            if len(batch) == 3:
                raise ValueError(
                    "You cannot specify `class_weight` "
                    "and `sample_weight` at the same time."
                )
            if len(batch) == 2:
                sample_weight = data_adapter_utils.class_weight_to_sample_weights(
                    batch[1], self.class_weight
                )
                batch = batch + (sample_weight,)
        return batch

    def _raw_batches(self):
        """One pass over the dataset's batches, as `__getitem__` returns them."""
        num_batches = self.py_dataset.num_batches
        if num_batches is None:
            if self._workers:
                return self._threaded(itertools.count(self._next_index), track=True)
            return (self.py_dataset[i] for i in itertools.count())
        indices = list(range(num_batches))
        if self.shuffle:
            random.shuffle(indices)
        if self._workers:
            return self._threaded(indices)
        return (self.py_dataset[i] for i in indices)

    def _threaded(self, indices, track=False):
        """Yield `py_dataset[i]` for `i` in `indices`, in order, `max_queue_size` ahead."""
        executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=self._workers, thread_name_prefix="PyDataset_worker"
        )
        indices = iter(indices)
        pending = collections.deque(
            executor.submit(self.py_dataset.__getitem__, i)
            for i in itertools.islice(indices, self._max_queue_size)
        )
        try:
            while pending:
                batch = pending.popleft().result()
                following = next(indices, None)
                if following is not None:
                    pending.append(executor.submit(self.py_dataset.__getitem__, following))
                if track:
                    self._next_index += 1
                yield batch
        finally:
            # Runs when the pass ends or its generator is dropped: no thread outlives it.
            for future in pending:
                future.cancel()
            executor.shutdown(wait=False)

    def get_torch_iterator(self):
        device = device_lib.get_device()
        for batch in self._raw_batches():
            yield data_adapter_utils.convert_batch(self._standardize_batch(batch), device)

    def on_epoch_begin(self):
        if self._within_epoch:
            raise ValueError(
                "`on_epoch_begin` was called twice without `on_epoch_end` "
                "having been called."
            )
        self._within_epoch = True
        self.py_dataset.on_epoch_begin()

    def on_epoch_end(self):
        self.py_dataset.on_epoch_end()
        self._within_epoch = False

    @property
    def num_batches(self):
        return self.py_dataset.num_batches

    @property
    def batch_size(self):
        return None

    @property
    def has_partial_batch(self):
        return None

    @property
    def partial_batch_size(self):
        return None
