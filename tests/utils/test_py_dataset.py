import math

import numpy as np
import pytest

from torchkeras.utils import py_dataset
from torchkeras.utils.py_dataset import PyDataset


class ArrayBatches(PyDataset):
    def __init__(self, x, batch_size, **kwargs):
        super().__init__(**kwargs)
        self.x, self.batch_size = x, batch_size

    def __len__(self):
        return math.ceil(len(self.x) / self.batch_size)

    def __getitem__(self, idx):
        return self.x[idx * self.batch_size : (idx + 1) * self.batch_size]


def test_defaults_and_arguments():
    ds = ArrayBatches(np.arange(10), 4)
    assert (ds.workers, ds.use_multiprocessing, ds.max_queue_size) == (1, False, 10)
    ds = ArrayBatches(np.arange(10), 4, workers=3, use_multiprocessing=True, max_queue_size=2)
    assert (ds.workers, ds.use_multiprocessing, ds.max_queue_size) == (3, True, 2)
    ds.workers, ds.use_multiprocessing, ds.max_queue_size = 2, False, 5
    assert (ds.workers, ds.use_multiprocessing, ds.max_queue_size) == (2, False, 5)


def test_num_batches_from_len_and_iteration():
    ds = ArrayBatches(np.arange(10), 4)
    assert ds.num_batches == 3
    assert [b.tolist() for b in ds] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]


def test_infinite_iteration():
    class Counter(PyDataset):
        @property
        def num_batches(self):
            return None

        def __getitem__(self, i):
            return i

    it = iter(Counter())
    assert [next(it) for _ in range(4)] == [0, 1, 2, 3]


def test_missing_num_batches():
    # from keras 3.15.1
    ds = PyDataset()
    with pytest.raises(NotImplementedError) as e:
        ds.num_batches
    assert str(e.value) == (
        "You need to implement the `num_batches` property:\n\n"
        "@property\ndef num_batches(self):\n  return ..."
    )
    # Iterating without a size reads until __getitem__ fails.
    with pytest.raises(NotImplementedError):
        next(iter(ds))


def test_super_init_not_called_warns():
    class NoSuper(PyDataset):
        def __init__(self):
            pass

        def __len__(self):
            return 1

    ds = NoSuper()
    with pytest.warns(UserWarning) as record:
        assert ds.workers == 1
    # from keras 3.15.1
    assert str(record[0].message) == (
        "Your `PyDataset` class should call `super().__init__(**kwargs)` in its constructor. "
        "`**kwargs` can include `workers`, `use_multiprocessing`, `max_queue_size`. Do not pass "
        "these arguments to `fit()`, as they will be ignored."
    )
    assert (ds.use_multiprocessing, ds.max_queue_size) == (False, 10)


def test_epoch_hooks_exist_and_sequence_alias():
    ds = ArrayBatches(np.arange(3), 2)
    ds.on_epoch_begin()
    ds.on_epoch_end()
    assert py_dataset.Sequence is PyDataset
