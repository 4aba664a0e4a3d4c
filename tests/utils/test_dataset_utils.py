"""split_dataset against Keras 3.15.1 on TensorFlow 2.21 (same elements on each side)."""

import numpy as np
import pytest
import torch

from torchkeras.compat.tensorflow.data import Dataset
from torchkeras.utils.dataset_utils import split_dataset


def values(ds):
    return [np.asarray(x).tolist() for x in ds.as_numpy_iterator()]


def test_shuffled_array_split_equals_keras():
    left, right = split_dataset(np.arange(10), left_size=0.7, shuffle=True, seed=3)
    # from keras 3.15.1 (random.seed(3); random.shuffle), int32 as TensorFlow reads the list
    assert values(left) == [1, 5, 6, 0, 9, 4, 7] and values(right) == [2, 8, 3]
    assert left.element_spec.dtype == torch.int32 and int(left.cardinality()) == 7


def test_tuple_split_keeps_structure_and_dtypes():
    left, right = split_dataset((np.arange(6), np.arange(6) * 10.0), right_size=2)
    # from keras 3.15.1: (TensorSpec((), int64), TensorSpec((), float64))
    assert [tuple(t) for t in values(left)] == [(0, 0.0), (1, 10.0), (2, 20.0), (3, 30.0)]
    assert [tuple(t) for t in values(right)] == [(4, 40.0), (5, 50.0)]
    assert [s.dtype for s in left.element_spec] == [torch.int64, torch.float64]


def test_batched_dataset_split_is_rebatched():
    ds = Dataset.from_tensor_slices(np.arange(10)).batch(3)
    left, right = split_dataset(ds, left_size=4, shuffle=True, seed=1)
    # from keras 3.15.1
    assert values(left) == [[6, 8, 9], [7]] and values(right) == [[5, 3, 0], [4, 1, 2]]


def test_torch_dataset_split():
    ds = torch.utils.data.TensorDataset(torch.arange(10))
    left, right = split_dataset(ds, left_size=0.8, shuffle=True, seed=0)
    assert isinstance(left, torch.utils.data.Subset) and (len(left), len(right)) == (8, 2)
    generator = torch.Generator().manual_seed(0)
    expected = torch.randperm(10, generator=generator).tolist()  # what random_split draws
    assert [int(x[0]) for x in left] == expected[:8]


@pytest.mark.parametrize("kwargs, error, message", [
    # from keras 3.15.1
    (dict(), ValueError, "At least one of the `left_size` or `right_size` must be specified. "
                         "Received: left_size=None and right_size=None"),
    (dict(left_size=0, right_size=0), ValueError, "Both `left_size` and `right_size` are zero."),
    (dict(left_size=1.5), ValueError, "`left_size` should be either a positive integer smaller "
                                      "than 10, or a float within the range `[0, 1]`. Received: "
                                      "left_size=1.5"),
    (dict(left_size=12), ValueError, "Received: left_size=12"),
    (dict(right_size=12), ValueError, "`right_size` should be either a positive integer and "
                                      "smaller than 10 or a float"),
    (dict(right_size=0.5, left_size=0.7), ValueError, "The sum of `left_size` and `right_size` "
                                                      "is greater than 1."),
    (dict(left_size="a"), TypeError, "Invalid `left_size` Type. Expected: int or float or None, "
                                     "Received: type(left_size)=<class 'str'>."),
    (dict(right_size="a"), TypeError, "Invalid `right_size` Type."),
    (dict(left_size="a", right_size="b"), TypeError, "Invalid `left_size` and `right_size` "
                                                     "Types."),
    (dict(left_size=0.01), ValueError, "With `dataset` of length=10, `left_size`=0 and "
                                       "`right_size`=10.Resulting left side dataset split will "
                                       "be empty."),
    (dict(left_size=6, right_size=6), ValueError, "The sum of `left_size` and `right_size` "
                                                  "should be smaller than the 10."),
])
def test_size_errors(kwargs, error, message):
    with pytest.raises(error, match=message.replace("[", "\\[").replace("]", "\\]")
                       .replace("(", "\\(").replace(")", "\\)")):
        split_dataset(np.arange(10), **kwargs)


def test_dataset_errors():
    with pytest.raises(TypeError, match="Unsupported dataset type: <class 'str'>"):
        split_dataset("abc", left_size=0.5)
    with pytest.raises(ValueError, match="Received a list of NumPy arrays with different lengths."
                                         "Mismatch found at index 1, Expected shape=\\(3,\\) "
                                         "Received shape=\\(4,\\)."):
        split_dataset([np.arange(3), np.arange(4)], left_size=0.5)
    with pytest.raises(ValueError, match="Expected a tuple of `numpy.ndarray` objects,Received: "
                                         "<class 'list'> at index 0."):
        split_dataset(([1, 2],), left_size=0.5)
    with pytest.raises(ValueError, match="Received an empty list dataset. Please provide a "
                                         "non-empty list of arrays."):
        split_dataset([], left_size=0.5)
    with pytest.raises(ValueError, match="All `dataset` samples must have same shape"):
        split_dataset(Dataset.from_generator(lambda: iter([np.zeros(2), np.zeros(3)])),
                      left_size=1)
    with pytest.raises(ValueError, match="Received an empty dataset."):
        split_dataset(Dataset.from_generator(lambda: iter([])), left_size=1)
    with pytest.raises(TypeError, match="The `dataset` argument must be either"):
        split_dataset({"a": 1}, left_size=1, preferred_backend="tensorflow")
    with pytest.raises(TypeError, match="The `dataset` argument must be a "
                                        "`torch.utils.data.Dataset` object"):
        split_dataset({"a": 1}, left_size=1, preferred_backend="torch")
