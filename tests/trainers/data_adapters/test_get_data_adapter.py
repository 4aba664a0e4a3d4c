import warnings

import numpy as np
import pytest
import torch

from torchkeras.trainers import data_adapters
from torchkeras.utils.py_dataset import PyDataset


class TwoBatches(PyDataset):
    def __len__(self):
        return 2

    def __getitem__(self, i):
        return np.ones((2, 1)), np.zeros(2)


class Endless(TwoBatches):
    @property
    def num_batches(self):
        return None


def generator():
    yield (np.ones((2, 1)),)


def loader():
    data = torch.utils.data.TensorDataset(torch.ones(4, 1))
    return torch.utils.data.DataLoader(data, batch_size=2)


def dataset():
    return torch.utils.data.TensorDataset(torch.ones(40, 1), torch.zeros(40))


def test_dispatch():
    get = data_adapters.get_data_adapter
    assert isinstance(get(np.ones(3)), data_adapters.ArrayDataAdapter)
    assert isinstance(get([1.0, 2.0], [0, 1]), data_adapters.ArrayDataAdapter)
    assert isinstance(get({"a": torch.ones(2)}), data_adapters.ArrayDataAdapter)
    assert isinstance(get(TwoBatches()), data_adapters.PyDatasetAdapter)
    assert isinstance(get(loader()), data_adapters.TorchDataLoaderAdapter)
    assert isinstance(get(generator()), data_adapters.GeneratorDataAdapter)
    assert isinstance(get(iter([(np.ones(1),)])), data_adapters.GeneratorDataAdapter)
    custom = data_adapters.ArrayDataAdapter(np.ones(2))
    assert get(custom) is custom


def test_torch_dataset_is_batched():
    adapter = data_adapters.get_data_adapter(dataset())
    assert isinstance(adapter, data_adapters.TorchDataLoaderAdapter)
    assert (adapter.batch_size, adapter.num_batches) == (32, 2)
    adapter = data_adapters.get_data_adapter(dataset(), batch_size=16, shuffle=True)
    assert (adapter.batch_size, adapter.num_batches) == (16, 3)
    x, y = next(iter(adapter.get_torch_iterator()))
    assert tuple(x.shape) == (16, 1) and tuple(y.shape) == (16,)


@pytest.mark.parametrize(
    "make, name",
    [
        (TwoBatches, "PyDataset"),
        (loader, "torch DataLoader"),
        (dataset, "torch Dataset"),
        (generator, "generator"),
    ],
)
def test_y_and_sample_weight_refused(make, name):
    # from keras 3.15.1 (torch Dataset: the same text, not a Keras input type)
    with pytest.raises(ValueError) as e:
        data_adapters.get_data_adapter(make(), y=np.ones(2))
    assert str(e.value) == (
        f"When providing `x` as a {name}, `y` should not be passed. Instead, the targets "
        f"should be included as part of the {name}."
    )
    with pytest.raises(ValueError) as e:
        data_adapters.get_data_adapter(make(), sample_weight=np.ones(2))
    assert str(e.value) == (
        f"When providing `x` as a {name}, `sample_weights` should not be passed. Instead, the "
        f"sample weights should be included as part of the {name}."
    )


def test_class_weight_refused_for_generator():
    # from keras 3.15.1
    with pytest.raises(ValueError) as e:
        data_adapters.get_data_adapter(generator(), class_weight={0: 1})
    assert str(e.value) == (
        "Argument `class_weight` is not supported for Python generator inputs. "
        "Received: class_weight={0: 1}"
    )


def test_class_weight_refused_for_dataloader():
    # from keras 3.15.1
    with pytest.raises(ValueError) as e:
        data_adapters.get_data_adapter(loader(), class_weight={0: 1})
    assert str(e.value) == (
        "Argument `class_weight` is not supported for torch DataLoader inputs. You can modify "
        "your `__getitem__ ` method to return input tensor, label and class_weight. "
        "Alternatively, use a custom training loop. See the User Guide "
        "https://keras.io/guides/custom_train_step_in_torch/"
        "#supporting-sampleweight-amp-classweight for more details. "
        "Received: class_weight={0: 1}"
    )


def test_class_weight_refused_for_dataset():
    with pytest.raises(ValueError) as e:
        data_adapters.get_data_adapter(dataset(), class_weight={0: 1})
    assert str(e.value) == (
        "Argument `class_weight` is not supported for torch Dataset inputs. You can modify "
        "your `__getitem__ ` method to return input tensor, label and class_weight. "
        "Received: class_weight={0: 1}"
    )


def test_class_weight_accepted_for_py_dataset():
    adapter = data_adapters.get_data_adapter(TwoBatches(), class_weight={0: 2.0})
    assert next(iter(adapter.get_torch_iterator()))[2].tolist() == [2.0, 2.0]


def shuffle_warnings(x):
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        data_adapters.get_data_adapter(x, shuffle=True)
    return [str(w.message) for w in record]


def test_shuffle_warnings():
    # from keras 3.15.1
    assert shuffle_warnings(generator()) == [
        "`shuffle=True` was passed, but will be ignored since the data `x` was provided as a "
        "generator. The generator is expected to yield already-shuffled data."
    ]
    assert shuffle_warnings(loader()) == [
        "`shuffle=True` was passed, but will be ignored since the data `x` was provided as a "
        "torch DataLoader. The DataLoader is expected to already be shuffled."
    ]
    assert shuffle_warnings(Endless()) == [
        "`shuffle=True` was passed, but will be ignored since the data `x` was provided as an "
        "infinite PyDataset. The PyDataset is expected to already be shuffled."
    ]
    assert shuffle_warnings(TwoBatches()) == []
    assert shuffle_warnings(dataset()) == []


def test_shuffle_warning_iterable_dataset():
    class Stream(torch.utils.data.IterableDataset):
        def __iter__(self):
            return iter([torch.ones(1)])

    assert shuffle_warnings(Stream()) == [
        "`shuffle=True` was passed, but will be ignored since the data `x` was provided as a "
        "torch IterableDataset. The IterableDataset is expected to already be shuffled."
    ]


def test_batch_size_is_ignored_for_generators():
    # from keras 3.15.1: no error, no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        adapter = data_adapters.get_data_adapter(generator(), batch_size=5)
    assert adapter.batch_size is None


@pytest.mark.parametrize("x", ["unsupported_data", 5, [1, "a", np.ones(2)]])
def test_unrecognized_data_type(x):
    # from keras 3.15.1
    with pytest.raises(ValueError) as e:
        data_adapters.get_data_adapter(x)
    assert str(e.value) == f"Unrecognized data type: x={x} (of type {type(x)})"


def test_is_torch_dataloader_and_dataset():
    assert data_adapters.is_torch_dataloader(loader())
    assert not data_adapters.is_torch_dataloader(dataset())
    assert data_adapters.is_torch_dataset(dataset())
    assert not data_adapters.is_torch_dataset(np.ones(2))
