import numpy as np
import pytest
import torch

from torchkeras.trainers.data_adapters.torch_data_loader_adapter import TorchDataLoaderAdapter
from torchkeras.trainers.data_adapters.torch_data_loader_adapter import dataset_to_dataloader


class PairDataset(torch.utils.data.Dataset):
    def __init__(self, n):
        self.x = np.arange(2 * n, dtype="float64").reshape(n, 2)
        self.y = np.arange(n)

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


class Stream(torch.utils.data.IterableDataset):
    def __iter__(self):
        for i in range(5):
            yield torch.tensor([float(i)]), torch.tensor(i)


def test_dataloader_batches():
    loader = torch.utils.data.DataLoader(PairDataset(10), batch_size=4)
    adapter = TorchDataLoaderAdapter(loader)
    assert (adapter.num_batches, adapter.batch_size) == (3, 4)
    assert (adapter.has_partial_batch, adapter.partial_batch_size) == (True, 2)
    out = list(adapter.get_torch_iterator())
    # The collated list `[x, y]` reads as `(x, y)`; float64 becomes floatx.
    assert isinstance(out[0], tuple)
    assert out[0][0].dtype == torch.float32 and out[0][1].dtype == torch.int64
    assert [b[1].tolist() for b in out] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    assert adapter.get_torch_dataloader() is loader


def test_dataloader_without_partial_batch_or_length():
    adapter = TorchDataLoaderAdapter(torch.utils.data.DataLoader(PairDataset(8), batch_size=4))
    # from keras 3.15.1's adapter: None (not False) when there is no partial batch
    assert (adapter.has_partial_batch, adapter.partial_batch_size) == (None, 0)
    adapter = TorchDataLoaderAdapter(torch.utils.data.DataLoader(Stream(), batch_size=2))
    assert adapter.num_batches is None and adapter.partial_batch_size is None
    assert [b[1].tolist() for b in adapter.get_torch_iterator()] == [[0, 1], [2, 3], [4]]


def test_dict_and_single_tensor_batches():
    class Dicts(torch.utils.data.Dataset):
        def __len__(self):
            return 3

        def __getitem__(self, i):
            return {"a": torch.tensor([i]), "b": np.float64(i)}

    adapter = TorchDataLoaderAdapter(torch.utils.data.DataLoader(Dicts(), batch_size=2))
    out = list(adapter.get_torch_iterator())
    assert isinstance(out[0], dict) and out[0]["b"].dtype == torch.float32
    single = torch.utils.data.DataLoader(torch.arange(5.0), batch_size=2)
    out = list(TorchDataLoaderAdapter(single).get_torch_iterator())
    assert isinstance(out[0], torch.Tensor) and out[2].tolist() == [4.0]


def test_not_a_dataloader():
    # from keras 3.15.1 (note Keras's missing space before the backquote)
    with pytest.raises(ValueError) as e:
        TorchDataLoaderAdapter([1, 2])
    assert str(e.value) == (
        "Expected argument `dataloader` to be an instance of`torch.utils.data.DataLoader`. "
        "Received: [1, 2]"
    )


def test_dataset_batching():
    loader = dataset_to_dataloader(PairDataset(70))
    assert loader.batch_size == 32 and len(loader) == 3
    assert dataset_to_dataloader(PairDataset(70), batch_size=10).batch_size == 10
    assert dataset_to_dataloader(PairDataset(10), steps=3).batch_size == 4
    assert dataset_to_dataloader(Stream(), steps=3).batch_size == 32


def test_dataset_shuffle():
    torch.manual_seed(0)
    loader = dataset_to_dataloader(PairDataset(20), batch_size=5, shuffle=True)
    adapter = TorchDataLoaderAdapter(loader)
    orders = [torch.cat([b[1] for b in adapter.get_torch_iterator()]).tolist() for _ in range(2)]
    assert sorted(orders[0]) == list(range(20)) and orders[0] != orders[1]
    # An IterableDataset cannot be shuffled by the loader; the flag is dropped.
    loader = dataset_to_dataloader(Stream(), batch_size=5, shuffle=True)
    assert next(iter(loader))[1].tolist() == [0, 1, 2, 3, 4]
