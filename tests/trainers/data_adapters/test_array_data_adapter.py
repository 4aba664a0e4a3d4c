import collections

import numpy as np
import pytest
import torch

from torchkeras.backend import device as device_lib
from torchkeras.trainers.data_adapters import array_data_adapter
from torchkeras.trainers.data_adapters.array_data_adapter import ArrayDataAdapter


def batches(adapter):
    return list(adapter.get_torch_iterator())


def test_batches_in_order_with_partial_batch():
    x = np.arange(20, dtype="float32").reshape(10, 2)
    y = np.arange(10)
    adapter = ArrayDataAdapter(x, y, batch_size=4)
    assert adapter.num_batches == 3
    assert adapter.batch_size == 4
    assert adapter.has_partial_batch is True
    assert adapter.partial_batch_size == 2
    out = batches(adapter)
    assert [tuple(b[0].shape) for b in out] == [(4, 2), (4, 2), (2, 2)]
    assert [b[1].tolist() for b in out] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    torch.testing.assert_close(out[2][0], torch.tensor([[16.0, 17.0], [18.0, 19.0]]))


def test_no_partial_batch():
    adapter = ArrayDataAdapter(np.ones((8, 1)), batch_size=4)
    assert adapter.has_partial_batch is False
    assert adapter.partial_batch_size is None


def test_default_batch_size_and_from_steps():
    # from keras 3.15.1: 32 by default, ceil(num_samples / steps) with steps
    assert ArrayDataAdapter(np.ones((100, 1))).batch_size == 32
    adapter = ArrayDataAdapter(np.ones((10, 2)), steps=3)
    assert (adapter.batch_size, adapter.num_batches, adapter.partial_batch_size) == (4, 3, 2)


def test_packing_follows_keras():
    x, y, w = np.ones((4, 2)), np.zeros((4, 1)), np.full((4,), 0.5)
    first = batches(ArrayDataAdapter(x, batch_size=2))[0]
    assert isinstance(first, torch.Tensor)  # a single x is yielded bare
    first = batches(ArrayDataAdapter([x, x], batch_size=2))[0]
    assert isinstance(first, tuple) and len(first) == 1 and isinstance(first[0], list)
    first = batches(ArrayDataAdapter(x, y, batch_size=2))[0]
    assert isinstance(first, tuple) and len(first) == 2
    first = batches(ArrayDataAdapter(x, y, sample_weight=w, batch_size=2))[0]
    assert len(first) == 3 and first[2].tolist() == [0.5, 0.5]
    # sample_weight without y is dropped, as Keras's pack_x_y_sample_weight does.
    assert isinstance(batches(ArrayDataAdapter(x, sample_weight=w, batch_size=2))[0], torch.Tensor)


def test_dict_and_nested_inputs():
    Pair = collections.namedtuple("Pair", ["left", "right"])
    x = {"b": np.arange(6).reshape(6, 1), "a": Pair(np.ones((6, 3)), np.zeros((6, 2)))}
    y = [np.arange(6), np.arange(6) * 2]
    out = batches(ArrayDataAdapter(x, y, batch_size=4))
    bx, by = out[1]
    assert list(bx) == ["b", "a"]  # the dict keeps its key order
    assert isinstance(bx["a"], Pair) and tuple(bx["a"].left.shape) == (2, 3)
    assert bx["b"].reshape(-1).tolist() == [4, 5]
    assert isinstance(by, list) and by[1].tolist() == [8, 10]


def test_single_sample_weight_is_shared_by_outputs():
    y = [np.zeros(4), np.ones(4)]
    w = np.arange(4, dtype="float32")
    _, _, bw = batches(ArrayDataAdapter(np.ones((4, 1)), y, sample_weight=w, batch_size=4))[0]
    assert isinstance(bw, list) and len(bw) == 2
    assert bw[0].tolist() == bw[1].tolist() == [0.0, 1.0, 2.0, 3.0]
    # A (N, 1) weight counts as one score per sample.
    ArrayDataAdapter(np.ones((4, 1)), y, sample_weight=w.reshape(4, 1))


def test_dtypes_follow_keras():
    # from keras 3.15.1: every float that is not floatx is cast to it, ints and bools are kept
    x = np.ones((4, 2), "float16")
    y = np.ones(4, "int64")
    w = np.ones(4, "float64")
    bx, by, bw = batches(ArrayDataAdapter(x, y, sample_weight=w))[0]
    assert (bx.dtype, by.dtype, bw.dtype) == (torch.float32, torch.int64, torch.float32)
    bx, by = batches(ArrayDataAdapter(torch.ones(4, dtype=torch.float64), np.ones(4, bool)))[0]
    assert (bx.dtype, by.dtype) == (torch.float32, torch.bool)


def test_arrays_converted_once_without_copy():
    x = np.arange(12, dtype="float32").reshape(6, 2)
    adapter = ArrayDataAdapter(x, batch_size=2)
    first = batches(adapter)[0]
    # On the CPU the batch is a view of the user's float32 array: no conversion per batch.
    assert first.data_ptr() == x.ctypes.data
    assert batches(adapter)[1].data_ptr() == x.ctypes.data + 4 * 4


def test_torch_tensors_and_lists_of_scalars():
    x = torch.arange(6.0).reshape(3, 2).requires_grad_()
    out = batches(ArrayDataAdapter(x, [0, 1, 2], batch_size=2))
    assert not out[0][0].requires_grad
    assert out[1][1].tolist() == [2]
    out = batches(ArrayDataAdapter([[1.0, 2.0], [3.0, 4.0]], [0.0, 1.0], batch_size=1))
    assert out[1][0].tolist() == [[3.0, 4.0]] and out[1][0].dtype == torch.float32


def test_string_arrays_stay_on_host():
    x = np.array(["a", "b", "c"])
    y = np.arange(3)
    out = batches(ArrayDataAdapter(x, y, batch_size=2))
    assert isinstance(out[0][0], np.ndarray) and out[0][0].tolist() == ["a", "b"]
    assert out[1][1].tolist() == [2]
    torch.manual_seed(0)
    for bx, by in batches(ArrayDataAdapter(x, y, batch_size=2, shuffle=True)):
        # shuffled strings stay aligned with their targets
        assert [x[i] for i in by.tolist()] == bx.tolist()


class FakeSparse:
    """Stands in for a scipy.sparse matrix (scipy is not a dependency): the interface the
    adapters use, `tocoo`/`tocsr`/`todense`/`toarray`, row slicing and `shape`."""

    __module__ = "scipy.sparse._coo"

    def __init__(self, dense):
        self._dense = np.asarray(dense)
        self.shape = self._dense.shape

    def tocoo(self):
        return self

    def tocsr(self):
        return self

    def todense(self):
        return np.asmatrix(self._dense)

    def toarray(self):
        return self._dense.copy()

    def __getitem__(self, index):
        return FakeSparse(self._dense[index])

    def __len__(self):
        return self.shape[0]


def test_scipy_sparse_densified_per_batch():
    dense = np.arange(12, dtype="float64").reshape(6, 2)
    out = batches(ArrayDataAdapter(FakeSparse(dense), batch_size=4))
    assert out[0].dtype == torch.float32
    np.testing.assert_array_equal(out[1].numpy(), dense[4:])


def test_pandas_series_becomes_a_column():
    # Keras reads a pandas Series as an (N, 1) array; faked here without pandas.
    class Series:
        __module__ = "pandas.core.series"

        def __init__(self, values):
            self.values = values

        def to_numpy(self):
            return self.values

        def __array__(self, dtype=None, copy=None):
            return self.values

    out = batches(ArrayDataAdapter(np.ones((3, 2)), Series(np.arange(3.0)), batch_size=3))
    assert tuple(out[0][1].shape) == (3, 1)


def test_shuffle_new_permutation_each_epoch_covering_all_samples():
    torch.manual_seed(1)
    x = np.arange(50, dtype="float32").reshape(50, 1)
    y = np.arange(50) * 10
    adapter = ArrayDataAdapter(x, y, batch_size=8, shuffle=True)
    orders = []
    for _ in range(2):
        out = batches(adapter)
        assert [len(b[1]) for b in out] == [8, 8, 8, 8, 8, 8, 2]
        order = torch.cat([b[0].reshape(-1) for b in out]).long().tolist()
        targets = torch.cat([b[1] for b in out]).tolist()
        assert targets == [10 * i for i in order]  # x and y stay aligned
        assert sorted(order) == list(range(50))  # every sample exactly once
        orders.append(order)
    assert orders[0] != orders[1]
    assert orders[0] != list(range(50))


def test_shuffle_is_reproducible_under_the_torch_seed():
    x = np.arange(20).reshape(20, 1)

    def order():
        adapter = ArrayDataAdapter(x, batch_size=5, shuffle=True)
        return torch.cat(batches(adapter)).reshape(-1).tolist()

    torch.manual_seed(3)
    first = order()
    torch.manual_seed(3)
    assert order() == first


def test_shuffle_batch_keeps_batch_membership():
    torch.manual_seed(0)
    adapter = ArrayDataAdapter(np.arange(22), batch_size=5, shuffle="batch")
    seen_shuffled = False
    for _ in range(3):
        out = [b.tolist() for b in batches(adapter)]
        for i, b in enumerate(out):
            assert sorted(b) == list(range(5 * i, min(5 * i + 5, 22)))
            seen_shuffled |= b != sorted(b)
    assert seen_shuffled


def test_sample_weight_and_class_weight_together():
    # from keras 3.15.1 (sic)
    with pytest.raises(ValueError) as e:
        ArrayDataAdapter(np.ones(4), np.ones(4), sample_weight=np.ones(4), class_weight={0: 1})
    assert str(e.value) == "You cannot `class_weight` and `sample_weight` at the same time."


def test_class_weight_with_several_outputs():
    # from keras 3.15.1
    with pytest.raises(ValueError) as e:
        ArrayDataAdapter(np.ones(4), [np.ones(4), np.ones(4)], class_weight={0: 1})
    assert str(e.value) == "`class_weight` is only supported for Models with a single output."


def test_class_weight_becomes_sample_weight():
    y = np.array([0, 1, 1, 2])
    _, _, w = batches(ArrayDataAdapter(np.ones((4, 1)), y, class_weight={1: 3.0}))[0]
    assert w.tolist() == [1.0, 3.0, 3.0, 1.0] and w.dtype == torch.float32


def test_sample_weight_structure_mismatch():
    # from keras 3.15.1
    y = [np.ones(2), np.ones(2)]
    w = (np.ones(2), np.ones(2))
    with pytest.raises(ValueError) as e:
        ArrayDataAdapter(np.ones(2), y, sample_weight=w)
    assert str(e.value) == (
        "You should provide one `sample_weight` array per output in `y`. The two structures "
        f"did not match:\n- y: {y}\n- sample_weight: {w}\n"
    )


def test_single_non_scalar_sample_weight_with_several_outputs():
    # from keras 3.15.1
    with pytest.raises(ValueError) as e:
        ArrayDataAdapter(np.ones(4), [np.ones(4), np.ones(4)], sample_weight=np.ones((4, 3)))
    assert str(e.value) == (
        "For a model with multiple outputs, when providing a single `sample_weight` array, it "
        "should only have one scalar score per sample (i.e. shape `(num_samples,)`). If you "
        "want to use non-scalar sample weights, pass a `sample_weight` argument with one array "
        "per model output."
    )


def test_invalid_types():
    # from keras 3.15.1
    with pytest.raises(ValueError) as e:
        ArrayDataAdapter("abc")
    assert str(e.value) == (
        "Expected all elements of `x` to be array-like. Received invalid types: x=abc"
    )


def test_cardinality_error():
    with pytest.raises(ValueError, match="Data cardinality is ambiguous"):
        ArrayDataAdapter(np.ones(10), np.ones(8))


def test_no_arrays():
    with pytest.raises(ValueError) as e:
        ArrayDataAdapter(None)
    assert str(e.value) == "Unrecognized data type: x=None (of type <class 'NoneType'>)"


def test_can_convert_arrays():
    assert array_data_adapter.can_convert_arrays((np.ones(2), [1, 2], None))
    assert array_data_adapter.can_convert_arrays(({"a": torch.ones(2)}, None, None))
    assert not array_data_adapter.can_convert_arrays(("abc", None, None))
    assert not array_data_adapter.can_convert_arrays((iter([1]), None, None))


def test_out_of_device_memory_keeps_data_on_host(monkeypatch):
    # Simulate a device that cannot hold the data: the tensors stay on the CPU and each batch
    # is copied over. "meta" stands in for the accelerator.
    meta = torch.device("meta")
    monkeypatch.setattr(device_lib, "_DEVICE", meta)
    original = array_data_adapter._to_sliceable

    def to_sliceable(t, device):
        if device == meta:
            raise torch.OutOfMemoryError("simulated")
        return original(t, device)

    monkeypatch.setattr(array_data_adapter, "_to_sliceable", to_sliceable)
    adapter = ArrayDataAdapter(np.ones((5, 2)), np.arange(5), batch_size=2, shuffle=True)
    assert adapter._storage_device == torch.device("cpu")
    out = batches(adapter)
    assert [tuple(b[0].shape) for b in out] == [(2, 2), (2, 2), (1, 2)]
    assert all(b[0].device == meta and b[1].device == meta for b in out)


def test_numpy_iterator_and_dataloader():
    adapter = ArrayDataAdapter(np.arange(5), np.arange(5) * 2, batch_size=2)
    out = list(adapter.get_numpy_iterator())
    assert isinstance(out[0][0], np.ndarray) and out[2][1].tolist() == [8]
    loaded = list(adapter.get_torch_dataloader())
    assert [b[1].tolist() for b in loaded] == [[0, 2], [4, 6], [8]]
    assert [b.tolist() for b, _ in adapter.get_iterator()] == [[0, 1], [2, 3], [4]]
