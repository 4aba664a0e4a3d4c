"""`keras.utils.PyDataset`: a dataset written in Python, one batch per index."""

import itertools
import warnings


class PyDataset:
    """Base class for defining a parallel dataset using Python code.

    Every `PyDataset` must implement `__getitem__()` and `__len__()` (or the `num_batches`
    property). `__getitem__()` returns a complete batch: `x`, `(x,)`, `(x, y)` or
    `(x, y, sample_weight)`, or a dict. `__len__()` returns the number of batches; a
    `num_batches` of `None` means the dataset is infinite. Override `on_epoch_begin()` /
    `on_epoch_end()` to change the dataset between epochs.

    Args:
        workers: Number of threads `fit()` uses to call `__getitem__()` ahead of the model.
            `1` reads batches in the main thread. Defaults to `1`.
        use_multiprocessing: Keras runs the workers as processes when `True`; torchkeras
            always uses threads (see `compat/DIFFERENCES.md`). Defaults to `False`.
        max_queue_size: Maximum number of batches prepared ahead when `workers > 1`.
            Defaults to `10`.

    These arguments configure how `fit()` iterates; iterating a `PyDataset` by hand applies
    no parallelism.

    Example:

    ```python
    class ArrayBatches(keras.utils.PyDataset):
        def __init__(self, x, y, batch_size, **kwargs):
            super().__init__(**kwargs)
            self.x, self.y, self.batch_size = x, y, batch_size

        def __len__(self):
            return math.ceil(len(self.x) / self.batch_size)

        def __getitem__(self, idx):
            low = idx * self.batch_size
            high = min(low + self.batch_size, len(self.x))
            return self.x[low:high], self.y[low:high]
    ```
    """

    def __init__(self, workers=1, use_multiprocessing=False, max_queue_size=10):
        self._workers = workers
        self._use_multiprocessing = use_multiprocessing
        self._max_queue_size = max_queue_size

    def _warn_if_super_not_called(self):
        warn = False
        if not hasattr(self, "_workers"):
            self._workers = 1
            warn = True
        if not hasattr(self, "_use_multiprocessing"):
            self._use_multiprocessing = False
            warn = True
        if not hasattr(self, "_max_queue_size"):
            self._max_queue_size = 10
            warn = True
        if warn:
            warnings.warn(
                "Your `PyDataset` class should call "
                "`super().__init__(**kwargs)` in its constructor. "
                "`**kwargs` can include `workers`, "
                "`use_multiprocessing`, `max_queue_size`. Do not pass "
                "these arguments to `fit()`, as they will be ignored.",
                stacklevel=2,
            )

    @property
    def workers(self):
        self._warn_if_super_not_called()
        return self._workers

    @workers.setter
    def workers(self, value):
        self._workers = value

    @property
    def use_multiprocessing(self):
        self._warn_if_super_not_called()
        return self._use_multiprocessing

    @use_multiprocessing.setter
    def use_multiprocessing(self, value):
        self._use_multiprocessing = value

    @property
    def max_queue_size(self):
        self._warn_if_super_not_called()
        return self._max_queue_size

    @max_queue_size.setter
    def max_queue_size(self, value):
        self._max_queue_size = value

    def __getitem__(self, index):
        """Return the batch at position `index`."""
        del index
        raise NotImplementedError

    def __iter__(self):
        index_range = None
        try:
            num_batches = self.num_batches
            if num_batches is not None:
                index_range = range(num_batches)
        except NotImplementedError:
            pass
        if index_range is None:
            index_range = itertools.count()
        for index in index_range:
            yield self[index]

    @property
    def num_batches(self):
        """Number of batches in the PyDataset, or `None` if the dataset is infinite."""
        # `__len__` is the historical way (keras.utils.Sequence) to give the size.
        if hasattr(self, "__len__"):
            return len(self)
        raise NotImplementedError(
            "You need to implement the `num_batches` property:\n\n"
            "@property\ndef num_batches(self):\n  return ..."
        )

    def on_epoch_begin(self):
        """Method called at the beginning of every epoch."""
        pass

    def on_epoch_end(self):
        """Method called at the end of every epoch."""
        pass


# Keras exports the same class under its Keras 2 name.
Sequence = PyDataset
