import warnings

import numpy as np
import pytest
import torch

from torchkeras.trainers import data_adapters
from torchkeras.trainers.epoch_iterator import EpochIterator
from torchkeras.utils.py_dataset import PyDataset

RAN_OUT = (
    "Your input ran out of data; interrupting training. Make sure that your dataset or "
    "generator can generate at least `steps_per_epoch * epochs` batches. You may need to use "
    "the `.repeat()` function when building your dataset."
)


def generator(n):
    for i in range(n):
        yield np.full((2, 1), float(i)), np.zeros((2, 1))


def arrays(n):
    # Batch i (batch_size 1) is the sample with value i.
    return dict(x=np.arange(n, dtype="float64").reshape(n, 1), y=np.zeros((n, 1)), batch_size=1)


class Batches(PyDataset):
    def __init__(self, n, infinite=False, **kwargs):
        super().__init__(**kwargs)
        self.n, self.infinite, self.log = n, infinite, []

    @property
    def num_batches(self):
        return None if self.infinite else self.n

    def __getitem__(self, i):
        return np.full((2, 1), float(i)), np.zeros((2, 1))

    def on_epoch_begin(self):
        self.log.append("b")

    def on_epoch_end(self):
        self.log.append("e")


def first_value(batch):
    x = batch[0] if isinstance(batch, tuple) else batch
    return int(x.reshape(-1)[0])


def run_epochs(iterator, epochs):
    """Per epoch: [steps as (begin, end, [batch ids]), number of warnings, num_batches]."""
    record = []
    for _ in range(epochs):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            steps = [(b, e, [first_value(d) for d in data]) for b, e, data in iterator]
        ran_out = [str(w.message) for w in caught if "ran out of data" in str(w.message)]
        assert all(message == RAN_OUT for message in ran_out)
        record.append([steps, len(ran_out), iterator.num_batches])
    return record


def steps(ids, spe=1):
    return [(i * spe, i * spe + spe - 1, group) for i, group in enumerate(ids)]


def one_each(ids):
    return steps([[i] for i in ids])


# Every expected value below is from keras 3.15.1's EpochIterator on the same data.


def test_generator_without_steps_per_epoch():
    record = run_epochs(EpochIterator(x=generator(10)), 3)
    assert record == [
        [one_each(range(10)), 1, 11],
        [one_each([0, 1]), 1, 11],
        [one_each([0, 1]), 1, 11],
    ]


def test_generator_with_more_steps_than_data():
    record = run_epochs(EpochIterator(x=generator(10), steps_per_epoch=15), 3)
    assert record == [
        [one_each(range(10)), 1, 15],
        [one_each([0, 1]), 1, 15],
        [one_each([0, 1]), 1, 15],
    ]


def test_generator_continues_across_epochs():
    record = run_epochs(EpochIterator(x=generator(10), steps_per_epoch=4), 4)
    assert record == [
        [one_each([0, 1, 2, 3]), 0, 4],
        [one_each([4, 5, 6, 7]), 0, 4],
        [one_each([8, 9]), 1, 4],
        [one_each([0, 1]), 1, 4],
    ]


def test_arrays_one_pass_per_epoch():
    iterator = EpochIterator(**arrays(10))
    assert iterator.num_batches == 10
    record = run_epochs(iterator, 2)
    assert record == [[one_each(range(10)), 0, 10]] * 2


def test_arrays_fewer_steps_continue_across_epochs():
    record = run_epochs(EpochIterator(**arrays(10), steps_per_epoch=3), 4)
    assert record == [
        [one_each([0, 1, 2]), 0, 3],
        [one_each([3, 4, 5]), 0, 3],
        [one_each([6, 7, 8]), 0, 3],
        [one_each([9]), 1, 3],
    ]


def test_arrays_steps_not_dividing_the_data():
    record = run_epochs(EpochIterator(**arrays(10), steps_per_epoch=7), 3)
    assert record == [
        [one_each(range(7)), 0, 7],
        [one_each([7, 8, 9]), 1, 7],
        [one_each(range(7)), 0, 7],
    ]


def test_arrays_more_steps_than_data():
    record = run_epochs(EpochIterator(**arrays(10), steps_per_epoch=15), 2)
    assert record == [[one_each(range(10)), 1, 15]] * 2


def test_steps_per_execution_groups_batches():
    record = run_epochs(EpochIterator(**arrays(10), steps_per_execution=3), 2)
    expected = steps([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]], spe=3)
    assert record == [[expected, 1, 10]] * 2
    record = run_epochs(EpochIterator(**arrays(10), steps_per_epoch=4, steps_per_execution=3), 3)
    assert record == [
        [steps([[0, 1, 2], [3, 4, 5]], spe=3), 0, 4],
        [steps([[6, 7, 8], [9]], spe=3), 1, 4],
        [steps([[0, 1, 2], [3, 4, 5]], spe=3), 0, 4],
    ]


def test_steps_per_execution_generator_partial_group():
    iterator = EpochIterator(x=generator(7), steps_per_execution=3)
    record = run_epochs(iterator, 1)
    # from keras 3.15.1 (two warnings: the partial group, then the empty one)
    assert record == [[steps([[0, 1, 2], [3, 4, 5], [6]], spe=3), 2, 9]]


def test_steps_per_execution_partial_group_then_next_epoch():
    # Keras 3.15.1 raises a TypeError on the epoch after a partial group when
    # steps_per_epoch is set; torchkeras ends that epoch's data as it ran out and goes on.
    iterator = EpochIterator(x=generator(10), steps_per_epoch=4, steps_per_execution=3)
    record = run_epochs(iterator, 3)
    assert record[:2] == [
        [steps([[0, 1, 2], [3, 4, 5]], spe=3), 0, 4],
        [steps([[6, 7, 8], [9]], spe=3), 1, 4],
    ]
    assert record[2] == [steps([[0, 1]], spe=3), 1, 4]


def test_py_dataset_epochs_and_hooks():
    dataset = Batches(5)
    record = run_epochs(EpochIterator(x=dataset, steps_per_epoch=3), 3)
    assert record == [
        [one_each([0, 1, 2]), 0, 3],
        [one_each([3, 4]), 1, 3],
        [one_each([0, 1, 2]), 0, 3],
    ]
    assert "".join(dataset.log) == "bebebe"

    dataset = Batches(5)
    assert run_epochs(EpochIterator(x=dataset), 2) == [[one_each(range(5)), 0, 5]] * 2
    assert "".join(dataset.log) == "bebe"

    dataset = Batches(5)
    record = run_epochs(EpochIterator(x=dataset, steps_per_epoch=8), 2)
    assert record == [[one_each(range(5)), 1, 8]] * 2
    assert "".join(dataset.log) == "bebe"


@pytest.mark.parametrize("workers", [1, 2])
def test_infinite_py_dataset(workers):
    dataset = Batches(0, infinite=True, workers=workers)
    record = run_epochs(EpochIterator(x=dataset, steps_per_epoch=3), 3)
    assert record == [
        [one_each([0, 1, 2]), 0, 3],
        [one_each([3, 4, 5]), 0, 3],
        [one_each([6, 7, 8]), 0, 3],
    ]
    assert "".join(dataset.log) == "bebebe"


def test_threaded_py_dataset():
    dataset = Batches(5, workers=3)
    record = run_epochs(EpochIterator(x=dataset, steps_per_epoch=3), 3)
    assert record == [
        [one_each([0, 1, 2]), 0, 3],
        [one_each([3, 4]), 1, 3],
        [one_each([0, 1, 2]), 0, 3],
    ]


def test_infinite_generator_without_steps_is_an_infinite_epoch():
    def forever():
        i = 0
        while True:
            yield (np.full((1, 1), float(i)),)
            i += 1

    iterator = EpochIterator(x=forever())
    assert iterator.num_batches is None
    seen = []
    for begin, end, data in iterator:
        seen.append((begin, first_value(data[0])))
        if begin == 99:
            break
    assert seen == [(i, i) for i in range(100)]


def test_basic_flow_shapes_and_enumerate_epoch():
    x = np.random.random((100, 16))
    y = np.random.random((100, 4))
    w = np.random.random((100,))
    iterator = EpochIterator(x=x, y=y, sample_weight=w, batch_size=16, shuffle=True)
    seen = []
    for begin, end, data in iterator.enumerate_epoch():
        assert begin == end and len(data) == 1
        bx, by, bw = data[0]
        assert isinstance(bx, torch.Tensor) and bx.dtype == torch.float32
        assert bx.shape[1:] == (16,) and by.shape[1:] == (4,) and bw.ndim == 1
        seen.append(begin)
    assert seen == [0, 1, 2, 3, 4, 5, 6]


def test_reset_starts_a_fresh_pass():
    iterator = EpochIterator(**arrays(10), steps_per_epoch=3)
    run_epochs(iterator, 1)
    iterator.reset()
    assert run_epochs(iterator, 1) == [[one_each([0, 1, 2]), 0, 3]]


def test_reset_after_an_interrupted_epoch():
    # The trainer reads one batch to build the model, then resets.
    dataset = Batches(4)
    iterator = EpochIterator(x=dataset)
    for _, _, data in iterator:
        break
    iterator.reset()
    assert run_epochs(iterator, 1) == [[one_each(range(4)), 0, 4]]
    assert "".join(dataset.log) == "bebe"


def test_dataloader_and_adapter_inputs():
    class Pairs(torch.utils.data.Dataset):
        def __len__(self):
            return 64

        def __getitem__(self, i):
            return np.random.random(2), np.random.random(1)

    loader = torch.utils.data.DataLoader(Pairs(), batch_size=8, shuffle=True)
    iterator = EpochIterator(loader)
    assert iterator.num_batches == 8
    for _, _, data in iterator:
        x, y = data[0]
        assert tuple(x.shape) == (8, 2) and tuple(y.shape) == (8, 1) and x.dtype == torch.float32
    adapter = data_adapters.ArrayDataAdapter(np.ones((6, 1)), batch_size=4)
    assert EpochIterator(adapter).data_adapter is adapter


def test_errors_come_from_the_adapter():
    with pytest.raises(ValueError, match="Unrecognized data type"):
        EpochIterator(x="unsupported_data")
    with pytest.raises(ValueError, match="When providing `x` as a generator, `y` should not"):
        EpochIterator(x=generator(2), y=np.ones(2))
