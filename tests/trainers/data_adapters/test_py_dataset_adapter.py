import random
import threading
import time

import numpy as np
import pytest
import torch

from torchkeras.trainers.data_adapters.py_dataset_adapter import PyDatasetAdapter
from torchkeras.utils.py_dataset import PyDataset


class Batches(PyDataset):
    """Batch `i` is `x = [[i], [i]]`, `y = [i, i]`; `kind` changes what `__getitem__` returns."""

    def __init__(self, n=5, kind="xy", delay=0.0, infinite=False, **kwargs):
        super().__init__(**kwargs)
        self.n, self.kind, self.delay, self.infinite = n, kind, delay, infinite
        self.threads = set()

    @property
    def num_batches(self):
        return None if self.infinite else self.n

    def __getitem__(self, i):
        self.threads.add(threading.get_ident())
        if self.delay:
            # Later batches finish first: the adapter must still keep the order.
            time.sleep(self.delay * ((self.n - i) % 3))
        x = np.full((2, 1), float(i))
        y = np.full((2,), i)
        return {
            "xy": (x, y),
            "list": [x, y],
            "x": x,
            "tensor": torch.from_numpy(x),
            "dict": {"a": x},
            "xyw": (x, y, np.ones(2)),
            "bad": "oops",
            "long": (x, y, y, y),
        }[self.kind]


def ids(adapter):
    out = []
    for batch in adapter.get_torch_iterator():
        x = batch[0] if isinstance(batch, tuple) else batch
        out.append(int(x["a"][0, 0] if isinstance(x, dict) else x[0, 0]))
    return out


def test_batches_in_order():
    adapter = PyDatasetAdapter(Batches())
    assert adapter.num_batches == 5 and adapter.batch_size is None
    assert adapter.has_partial_batch is None and adapter.partial_batch_size is None
    batches = list(adapter.get_torch_iterator())
    assert ids(adapter) == [0, 1, 2, 3, 4]
    x, y = batches[1]
    assert x.dtype == torch.float32 and y.tolist() == [1, 1]


@pytest.mark.parametrize(
    "kind, length",
    [("list", 2), ("x", 1), ("tensor", 1), ("xyw", 3)],
)
def test_batch_standardization(kind, length):
    batch = next(iter(PyDatasetAdapter(Batches(kind=kind)).get_torch_iterator()))
    assert isinstance(batch, tuple) and len(batch) == length


def test_dict_batch_is_kept():
    batch = next(iter(PyDatasetAdapter(Batches(kind="dict")).get_torch_iterator()))
    assert isinstance(batch, dict) and batch["a"].dtype == torch.float32


@pytest.mark.parametrize("kind, shown", [("bad", "oops"), ("long", None)])
def test_bad_batch(kind, shown):
    # from keras 3.15.1
    with pytest.raises(ValueError) as e:
        next(iter(PyDatasetAdapter(Batches(kind=kind)).get_torch_iterator()))
    message = str(e.value)
    assert message.startswith(
        "PyDataset.__getitem__() must return a tuple or a dict. If a tuple, it must be ordered "
        "either (input,) or (inputs, targets) or (inputs, targets, sample_weights). Received: "
    )
    if shown:
        assert message.endswith("Received: oops... of type <class 'str'>")


def test_class_weight_appended():
    adapter = PyDatasetAdapter(Batches(), class_weight={2: 4.0})
    batches = list(adapter.get_torch_iterator())
    assert len(batches[0]) == 3
    assert batches[0][2].tolist() == [1.0, 1.0] and batches[2][2].tolist() == [4.0, 4.0]


def test_class_weight_with_sample_weight():
    # from keras 3.15.1
    adapter = PyDatasetAdapter(Batches(kind="xyw"), class_weight={0: 1.0})
    with pytest.raises(ValueError) as e:
        next(iter(adapter.get_torch_iterator()))
    assert str(e.value) == "You cannot specify `class_weight` and `sample_weight` at the same time."


def test_shuffle_covers_every_batch():
    random.seed(0)
    adapter = PyDatasetAdapter(Batches(n=12), shuffle=True)
    first, second = ids(adapter), ids(adapter)
    assert sorted(first) == sorted(second) == list(range(12))
    assert first != second


def test_threads_keep_the_order():
    dataset = Batches(n=9, delay=0.01, workers=3, max_queue_size=4)
    adapter = PyDatasetAdapter(dataset)
    assert ids(adapter) == list(range(9))
    assert threading.get_ident() not in dataset.threads
    assert len(dataset.threads) > 1


def test_threads_with_shuffle_and_infinite_resume():
    random.seed(1)
    adapter = PyDatasetAdapter(Batches(n=7, workers=2), shuffle=True)
    assert sorted(ids(adapter)) == list(range(7))
    # An infinite threaded dataset continues where the last pass stopped (Keras's enqueuer).
    adapter = PyDatasetAdapter(Batches(infinite=True, workers=2))
    stream = adapter.get_torch_iterator()
    assert [int(next(stream)[0][0, 0]) for _ in range(3)] == [0, 1, 2]
    stream.close()
    stream = adapter.get_torch_iterator()
    assert int(next(stream)[0][0, 0]) == 3
    stream.close()


def test_infinite_without_threads_restarts():
    adapter = PyDatasetAdapter(Batches(infinite=True))
    for _ in range(2):
        stream = adapter.get_torch_iterator()
        assert [int(next(stream)[0][0, 0]) for _ in range(3)] == [0, 1, 2]


def test_worker_errors_propagate():
    class Failing(Batches):
        def __getitem__(self, i):
            if i == 2:
                raise KeyError("broken batch")
            return super().__getitem__(i)

    stream = PyDatasetAdapter(Failing(workers=2)).get_torch_iterator()
    next(stream), next(stream)
    with pytest.raises(KeyError, match="broken batch"):
        next(stream)


def test_multiprocessing_falls_back_to_threads():
    with pytest.warns(UserWarning) as record:
        adapter = PyDatasetAdapter(Batches(n=3, use_multiprocessing=True))
    assert str(record[0].message) == (
        "PyDataset: `use_multiprocessing=True` is not supported; the workers run as threads "
        "instead (see compat/DIFFERENCES.md). Received: use_multiprocessing=True, workers=1"
    )
    assert ids(adapter) == [0, 1, 2]


def test_epoch_hooks():
    log = []

    class Hooked(Batches):
        def on_epoch_begin(self):
            log.append("begin")

        def on_epoch_end(self):
            log.append("end")

    adapter = PyDatasetAdapter(Hooked())
    adapter.on_epoch_begin()
    adapter.on_epoch_end()
    assert log == ["begin", "end"]


def test_on_epoch_begin_twice():
    # from keras 3.15.1
    adapter = PyDatasetAdapter(Batches())
    adapter.on_epoch_begin()
    with pytest.raises(ValueError) as e:
        adapter.on_epoch_begin()
    assert str(e.value) == (
        "`on_epoch_begin` was called twice without `on_epoch_end` having been called."
    )
