"""The loop over one epoch of data, shared by `fit()`, `evaluate()` and `predict()`.

Separation of concerns, as in Keras:

- the DataAdapter owns x, y, sample_weight, class_weight, shuffle and batch_size;
- the EpochIterator owns steps_per_epoch, steps_per_execution, epoch boundaries and the
  "ran out of data" rule;
- the trainer owns validation, callbacks and epochs.

Usage:

```python
iterator = EpochIterator(x, y, batch_size=32, shuffle=True)
for epoch in range(epochs):
    for begin_step, end_step, batches in iterator:
        logs = train_function(batches)  # `batches`: a list of steps_per_execution batches
```
"""

import warnings

from torchkeras.trainers import data_adapters


class EpochIterator:
    """Iterates over epochs of batches, as Keras 3 does.

    Each `for` over the iterator (or `enumerate_epoch()`) is one epoch and yields
    `(begin_step, end_step, batches)`: `batches` is a list of up to `steps_per_execution`
    batches (each packed `x`, `(x,)`, `(x, y)` or `(x, y, sample_weight)`, tensors on
    `backend.get_device()`), and `end_step = begin_step + steps_per_execution - 1`.

    With `steps_per_epoch` set, an epoch is that many steps and the data iterator is kept
    across epochs, so each epoch continues where the previous one stopped; when finite data
    is used up the epoch ends early with the warning "Your input ran out of data" and the next
    epoch starts a fresh pass. With `steps_per_epoch=None`, an epoch is one pass over the data;
    for data of unknown length (generators) the length is learned at the end of the first
    pass; an infinite generator then makes an infinite epoch.

    Args:
        x, y, sample_weight, batch_size, shuffle, class_weight: As for
            `data_adapters.get_data_adapter()`.
        steps_per_epoch: Steps per epoch, or `None` for one pass over the data.
        steps_per_execution: Batches grouped into one step of the loop. Defaults to `1`.
    """

    def __init__(
        self,
        x,
        y=None,
        sample_weight=None,
        batch_size=None,
        steps_per_epoch=None,
        shuffle=False,
        class_weight=None,
        steps_per_execution=1,
    ):
        self.steps_per_epoch = steps_per_epoch
        self.steps_per_execution = steps_per_execution
        self._current_iterator = None
        self._epoch_iterator = None
        self._steps_seen = 0
        self.data_adapter = data_adapters.get_data_adapter(
            x=x,
            y=y,
            sample_weight=sample_weight,
            batch_size=batch_size,
            steps_per_epoch=steps_per_epoch,
            shuffle=shuffle,
            class_weight=class_weight,
        )
        self._num_batches = self.data_adapter.num_batches

    def _get_iterator(self):
        return self.data_adapter.get_torch_iterator()

    def _interrupted_warning(self):
        warnings.warn(
            "Your input ran out of data; interrupting training. "
            "Make sure that your dataset or generator can generate "
            "at least `steps_per_epoch * epochs` batches. "
            "You may need to use the `.repeat()` "
            "function when building your dataset.",
            stacklevel=2,
        )

    def reset(self):
        """Forget the position in the data: the next epoch starts a fresh pass."""
        self._current_iterator = None
        self._num_batches = self.data_adapter.num_batches
        self._steps_seen = 0
        self._epoch_iterator = None
        self.data_adapter.on_epoch_end()

    def _enumerate_iterator(self):
        """One epoch of `(begin_step, end_step, data_iterator)`; `__next__` pulls the data."""
        self.data_adapter.on_epoch_begin()
        spe = self.steps_per_execution
        steps_per_epoch = self.steps_per_epoch or self._num_batches or -1

        if steps_per_epoch > 0:
            if self._current_iterator is None or self.steps_per_epoch is None:
                self._current_iterator = iter(self._get_iterator())
                self._steps_seen = 0
            for step in range(0, steps_per_epoch, spe):
                if self._num_batches and self._steps_seen >= self._num_batches:
                    if self.steps_per_epoch:
                        self._interrupted_warning()
                    break
                self._steps_seen += spe
                yield step, step + spe - 1, self._current_iterator
            if self._num_batches and self._steps_seen >= self._num_batches:
                # The pass is complete: the next epoch starts a new one.
                self._current_iterator = iter(self._get_iterator())
                self._steps_seen = 0
        else:
            # Length unknown and no steps_per_epoch: run until the data ends.
            iterator = iter(self._get_iterator())
            step = -spe
            while True:
                step += spe
                self._steps_seen = step + spe
                yield step, step + spe - 1, iterator
        self.data_adapter.on_epoch_end()

    def __iter__(self):
        self._epoch_iterator = self._enumerate_iterator()
        return self

    def __next__(self):
        begin_step, end_step, iterator = next(self._epoch_iterator)
        if iterator is None:
            # The data ran out inside the previous (partial) group of steps; Keras crashes
            # here with a TypeError, ending the epoch is what it means.
            raise StopIteration
        if self.steps_per_execution == 1:
            try:
                return begin_step, end_step, [next(iterator)]
            except StopIteration:
                self._on_data_exhausted()
                raise
        buffer = []
        try:
            for _ in range(self.steps_per_execution):
                buffer.append(next(iterator))
        except StopIteration:
            self._on_data_exhausted()
            if not buffer:
                raise
        return begin_step, end_step, buffer

    def _on_data_exhausted(self):
        if self._num_batches is None:
            # A generator's length is learned when it ends.
            self._num_batches = self._steps_seen
        self._interrupted_warning()
        self._current_iterator = None
        self.data_adapter.on_epoch_end()

    def enumerate_epoch(self):
        """Yield `(begin_step, end_step, batches)` for one epoch (same as iterating)."""
        for begin_step, end_step, data in self:
            yield begin_step, end_step, data

    @property
    def num_batches(self):
        """Steps in an epoch: `steps_per_epoch` if set, else the data's number of batches
        (`None` until a generator has been read to its end)."""
        if self.steps_per_epoch:
            return self.steps_per_epoch
        return self._num_batches
