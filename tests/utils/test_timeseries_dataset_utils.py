"""timeseries_dataset_from_array against Keras 3.15.1 on TensorFlow 2.21."""

import numpy as np
import pytest
import torch

from torchkeras.utils.timeseries_dataset_utils import timeseries_dataset_from_array


def test_windows_equal_keras():
    data = np.arange(20, dtype="float64").reshape(10, 2)
    ds = timeseries_dataset_from_array(data, np.arange(10), sequence_length=3, sequence_stride=2,
                                       sampling_rate=2, batch_size=2, start_index=1)
    got = [(x.tolist(), x.dtype, y.tolist(), y.dtype) for x, y in ds]
    # from keras 3.15.1: dtypes of the NumPy inputs are kept
    assert got == [
        ([[[2.0, 3.0], [6.0, 7.0], [10.0, 11.0]], [[6.0, 7.0], [10.0, 11.0], [14.0, 15.0]]],
         torch.float64, [1, 3], torch.int64),
        ([[[10.0, 11.0], [14.0, 15.0], [18.0, 19.0]]], torch.float64, [5], torch.int64),
    ]
    assert len(ds) == 2 and ds.element_spec[0].shape == (None, 3, 2)


def test_unbatched_lists_and_end_index():
    ds = timeseries_dataset_from_array([1.0, 2, 3, 4, 5], [0, 1, 2, 3, 4], sequence_length=2,
                                       batch_size=None, end_index=4)
    got = [(x.tolist(), x.dtype, y.tolist(), y.dtype) for x, y in ds]
    # from keras 3.15.1: Python lists read as float32 / int32
    assert got == [([1.0, 2.0], torch.float32, 0, torch.int32),
                   ([2.0, 3.0], torch.float32, 1, torch.int32),
                   ([3.0, 4.0], torch.float32, 2, torch.int32)]


def test_docstring_example_and_shuffle():
    data = np.arange(100)
    ds = timeseries_dataset_from_array(data, data[10:], sequence_length=10, sampling_rate=2,
                                       sequence_stride=3, batch_size=4)
    x, y = next(iter(ds))
    assert x[0].tolist() == list(range(0, 20, 2)) and int(y[0]) == 10 and len(ds) == 7
    shuffled = timeseries_dataset_from_array(data, None, sequence_length=5, batch_size=8,
                                             shuffle=True, seed=1)
    first = sorted(int(w[0]) for b in shuffled for w in b)
    second = [int(w[0]) for b in shuffled for w in b]
    assert first == list(range(96)) and sorted(second) == first
    for b in shuffled:
        assert (b[:, 1:] - b[:, :-1] == 1).all()


@pytest.mark.parametrize("kwargs, message", [
    (dict(start_index=-1), "`start_index` must be 0 or greater. Received: start_index=-1"),
    (dict(start_index=10), "`start_index` must be lower than the length of the data. "
                           "Received: start_index=10, for data of length 10"),
    (dict(start_index=5, end_index=4), "`end_index` must be higher than `start_index`"),
    (dict(end_index=10), "`end_index` must be lower than the length of the data"),
    (dict(end_index=-1), "`end_index` must be higher than 0. Received: end_index=-1"),
    (dict(sampling_rate=0), "`sampling_rate` must be higher than 0"),
    (dict(sampling_rate=10), "`sampling_rate` must be lower than the length of the data"),
    (dict(sequence_stride=0), "`sequence_stride` must be higher than 0"),
    (dict(sequence_stride=10), "`sequence_stride` must be lower than the length of the data"),
    (dict(format="x"), '`format` should be either "tf" or "grain". Received: format=x'),
])
def test_errors(kwargs, message):
    with pytest.raises(ValueError, match=message.replace("(", "\\(").replace(")", "\\)")):
        timeseries_dataset_from_array(np.arange(10), None, 2, **kwargs)
    with pytest.raises(NotImplementedError, match='format="grain" is not available'):
        timeseries_dataset_from_array(np.arange(10), None, 2, format="grain")
