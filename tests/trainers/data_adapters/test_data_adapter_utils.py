import collections
import re

import numpy as np
import pytest
import torch

from torchkeras.trainers.data_adapters import data_adapter_utils as du


# ---- unpack / pack -------------------------------------------------------------------------


def test_unpack_x_y_sample_weight():
    x, y, w = np.ones(2), np.zeros(2), np.full(2, 0.5)
    assert du.unpack_x_y_sample_weight(x) == (x, None, None)
    assert du.unpack_x_y_sample_weight((x,)) == (x, None, None)
    assert du.unpack_x_y_sample_weight((x, y)) == (x, y, None)
    assert du.unpack_x_y_sample_weight([x, y]) == (x, y, None)
    assert du.unpack_x_y_sample_weight((x, y, w)) == (x, y, w)
    # A dict is one `x`.
    d = {"a": x}
    assert du.unpack_x_y_sample_weight(d) == (d, None, None)


def test_unpack_x_y_sample_weight_error():
    # from keras 3.15.1
    with pytest.raises(ValueError) as e:
        du.unpack_x_y_sample_weight((1, 2, 3, 4))
    assert str(e.value) == (
        "Data is expected to be in format `x`, `(x,)`, `(x, y)`, or `(x, y, sample_weight)`, "
        "found: (1, 2, 3, 4)"
    )


def test_pack_x_y_sample_weight():
    # from keras 3.15.1: a list x is wrapped, a bare x is not, sample_weight without y drops.
    assert du.pack_x_y_sample_weight([1]) == ([1],)
    assert du.pack_x_y_sample_weight((1, 2)) == ((1, 2),)
    assert du.pack_x_y_sample_weight(1) == 1
    assert du.pack_x_y_sample_weight(1, None, 3) == 1
    assert du.pack_x_y_sample_weight(1, 2) == (1, 2)
    assert du.pack_x_y_sample_weight(1, 2, 3) == (1, 2, 3)


def test_list_to_tuple():
    assert du.list_to_tuple([1, 2]) == (1, 2)
    assert du.list_to_tuple({"a": 1}) == {"a": 1}


# ---- lists of scalars ----------------------------------------------------------------------


def test_is_scalar_list():
    assert du.is_scalar_list([1, 2, 3])
    assert du.is_scalar_list([[1.0, 2.0], [3.0, 4.0]])
    assert du.is_scalar_list(["a", "b"])
    assert not du.is_scalar_list([np.ones(2), np.ones(2)])
    assert not du.is_scalar_list((1, 2))
    assert not du.is_scalar_list([])
    assert not du.is_scalar_list(3)


def test_lists_of_scalars_to_arrays_keeps_structure():
    Pair = collections.namedtuple("Pair", ["a", "b"])
    out = du.lists_of_scalars_to_arrays({"a": [1, 2], "b": Pair([[1.0], [2.0]], None)})
    np.testing.assert_array_equal(out["a"], np.array([1, 2]))
    assert isinstance(out["b"], Pair)
    assert out["b"].a.shape == (2, 1)
    assert out["b"].b is None
    arrays = [np.ones(2), np.zeros(2)]
    assert du.lists_of_scalars_to_arrays(arrays)[0] is arrays[0]


# ---- cardinality ---------------------------------------------------------------------------


def test_check_data_cardinality_passes():
    du.check_data_cardinality((np.ones(3), np.ones((3, 2)), None))
    du.check_data_cardinality(np.ones(3))


def test_check_data_cardinality_message_x_y():
    # from keras 3.15.1
    with pytest.raises(ValueError) as e:
        du.check_data_cardinality((np.ones(10), np.ones(8)))
    assert str(e.value) == (
        "Data cardinality is ambiguous. Make sure all arrays contain the same number of "
        "samples.'x' sizes: 10\n'y' sizes: 8\n"
    )


def test_check_data_cardinality_message_nested():
    # from keras 3.15.1 (dict keys sorted, lists in order)
    data = (
        {"b": np.ones(9), "a": np.ones(10)},
        [np.ones(8), np.ones(10)],
        [np.ones(7), np.ones(10)],
    )
    with pytest.raises(ValueError) as e:
        du.check_data_cardinality(data)
    assert str(e.value) == (
        "Data cardinality is ambiguous. Make sure all arrays contain the same number of "
        "samples.'x' sizes: 10, 9\n'y' sizes: 8, 10\n'sample_weight' sizes: 7, 10\n"
    )


# ---- class_weight --------------------------------------------------------------------------


def test_class_weight_sparse_labels():
    # from keras 3.15.1: classes missing from the dict weigh 1.0
    w = du.class_weight_to_sample_weights(np.array([0, 1, 2, 1, 5]), {0: 0.5, 1: 2.0, 2: 3.0})
    np.testing.assert_array_equal(w, [0.5, 2.0, 3.0, 2.0, 1.0])
    assert w.dtype == np.float32


def test_class_weight_one_hot_uses_argmax():
    # from keras 3.15.1
    y = np.array([[0, 1, 0], [1, 0, 0], [0, 0, 1]])
    w = du.class_weight_to_sample_weights(y, {0: 0.5, 1: 2.0})
    np.testing.assert_array_equal(w, [2.0, 0.5, 1.0])


def test_class_weight_column_is_rounded_half_to_even():
    # from keras 3.15.1: (N, 1) targets are squeezed then np.round-ed (0.6->1, 2.5->2, 1.5->2)
    y = np.array([[0.6], [1.4], [2.5], [1.5]])
    w = du.class_weight_to_sample_weights(y, {0: 0.5, 1: 2.0, 2: 4.0})
    np.testing.assert_array_equal(w, [2.0, 2.0, 4.0, 4.0])


def test_class_weight_float_keys_and_tensor_targets():
    # from keras 3.15.1: float keys match integer classes
    w = du.class_weight_to_sample_weights(np.array([0.0, 1.0]), {0.0: 0.5, 1.0: 2.0})
    np.testing.assert_array_equal(w, [0.5, 2.0])
    w = du.class_weight_to_sample_weights(torch.tensor([1, 0, 1]), {0: 3.0, 1: 0.25})
    np.testing.assert_array_equal(w, [0.25, 3.0, 0.25])


def test_class_weight_rejects_sequence_targets():
    with pytest.raises(ValueError) as e:
        du.class_weight_to_sample_weights(np.zeros((4, 3, 2)), {0: 1.0})
    assert str(e.value) == (
        "`class_weight` needs one class per sample: targets of shape `(num_samples,)`, "
        "`(num_samples, 1)` or one-hot `(num_samples, num_classes)`. "
        "Received: y.shape=(4, 3, 2)"
    )


# ---- validation split ----------------------------------------------------------------------


def test_validation_split_last_samples_validate():
    # from keras 3.15.1: 10 samples, split 0.25 -> the last 3 validate
    x = np.arange(10)
    y = np.arange(10) * 10
    (tx, ty, tw), (vx, vy, vw) = du.train_validation_split((x, y, None), 0.25)
    np.testing.assert_array_equal(tx, np.arange(7))
    np.testing.assert_array_equal(vx, [7, 8, 9])
    np.testing.assert_array_equal(vy, [70, 80, 90])
    assert tw is None and vw is None


@pytest.mark.parametrize(
    "num_samples, split, num_train",
    # from keras 3.15.1: train = floor(num_samples * (1 - split))
    [(10, 0.25, 7), (10, 0.2, 8), (7, 0.3, 4), (100, 0.15, 85), (3, 0.5, 1), (10, 0.33, 6)],
)
def test_validation_split_rule(num_samples, split, num_train):
    train, val = du.train_validation_split(np.arange(num_samples), split)
    np.testing.assert_array_equal(train, np.arange(num_train))
    np.testing.assert_array_equal(val, np.arange(num_train, num_samples))


def test_validation_split_nested_and_tensors():
    x = {"a": torch.arange(10), "b": np.arange(20).reshape(10, 2)}
    y = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]  # a list of scalars is one array
    (tx, ty), (vx, vy) = du.train_validation_split((x, y), 0.2)
    assert torch.equal(vx["a"], torch.tensor([8, 9]))
    np.testing.assert_array_equal(vx["b"], [[16, 17], [18, 19]])
    np.testing.assert_array_equal(ty, np.arange(1, 9))
    np.testing.assert_array_equal(vy, [9, 10])


def test_validation_split_all_none():
    # from keras 3.15.1
    assert du.train_validation_split((None, None), 0.5) == ((None, None), (None, None))


def test_validation_split_too_few_samples():
    # from keras 3.15.1
    with pytest.raises(ValueError) as e:
        du.train_validation_split((np.arange(3), None), 0.9)
    assert str(e.value) == (
        "Training data contains 3 samples, which is not sufficient to split it into a "
        "validation and training set as specified by `validation_split=0.9`. Either provide "
        "more data, or a different value for the `validation_split` argument."
    )


def test_validation_split_unsupported_type():
    # from keras 3.15.1 (note Keras's missing space before "Found")
    with pytest.raises(ValueError) as e:
        du.train_validation_split(("abc", None), 0.5)
    assert str(e.value) == (
        "Argument `validation_split` is only supported for tensors or NumPy arrays."
        "Found incompatible type in the input: [<class 'str'>]"
    )


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


def test_validation_split_scipy_sparse():
    m = FakeSparse(np.eye(4))
    train, val = du.train_validation_split(m, 0.5)
    np.testing.assert_array_equal(val.toarray(), np.eye(4)[2:])


# ---- leaf conversion -----------------------------------------------------------------------


def test_to_tensor_leaf_dtypes():
    cpu = torch.device("cpu")
    assert du.to_tensor_leaf(np.ones(2), cpu).dtype == torch.float32
    assert du.to_tensor_leaf(np.ones(2, "float16"), cpu).dtype == torch.float32
    assert du.to_tensor_leaf(np.ones(2, "int64"), cpu).dtype == torch.int64
    assert du.to_tensor_leaf(np.ones(2, "int32"), cpu).dtype == torch.int32
    assert du.to_tensor_leaf(np.ones(2, "uint8"), cpu).dtype == torch.uint8
    assert du.to_tensor_leaf(np.ones(2, "uint32"), cpu).dtype == torch.int64
    assert du.to_tensor_leaf(np.ones(2, bool), cpu).dtype == torch.bool
    assert du.to_tensor_leaf(torch.ones(2, dtype=torch.float64), cpu).dtype == torch.float32
    assert du.to_tensor_leaf(torch.ones(2, dtype=torch.bfloat16), cpu).dtype == torch.float32
    assert du.to_tensor_leaf([1.0, 2.0], cpu).dtype == torch.float32
    assert du.to_tensor_leaf(None, cpu) is None


def test_to_tensor_leaf_no_copy_for_float32():
    a = np.arange(6, dtype="float32")
    t = du.to_tensor_leaf(a, torch.device("cpu"))
    assert t.data_ptr() == a.ctypes.data
    s = torch.ones(3)
    assert du.to_tensor_leaf(s, torch.device("cpu")) is s


def test_to_tensor_leaf_copies_read_only_and_strided():
    a = np.arange(4, dtype="float32")
    a.setflags(write=False)
    t = du.to_tensor_leaf(a, torch.device("cpu"))
    assert t.data_ptr() != a.ctypes.data
    t = du.to_tensor_leaf(np.arange(6, dtype="float32")[::-2], torch.device("cpu"))
    assert t.tolist() == [5.0, 3.0, 1.0]


def test_to_tensor_leaf_keeps_strings_on_host():
    a = np.array(["a", "b"])
    assert du.to_tensor_leaf(a, torch.device("cpu")) is a


def test_convert_batch_keeps_structure():
    batch = ({"a": np.ones((2, 2))}, [np.zeros(2, "int64"), None], [1.0, 2.0])
    out = du.convert_batch(batch, torch.device("cpu"))
    assert isinstance(out, tuple) and isinstance(out[1], list)
    assert out[0]["a"].dtype == torch.float32
    assert out[1][0].dtype == torch.int64 and out[1][1] is None
    assert torch.equal(out[2], torch.tensor([1.0, 2.0]))


def test_assert_same_structure():
    du.assert_same_structure([1, (2, 3)], [4, (5, 6)])
    du.assert_same_structure({"a": 1, "b": 2}, {"b": 1, "a": 2})
    for a, b in [([1, 2], (1, 2)), ([1, 2], [1]), ({"a": 1}, {"b": 1}), ([1], 1)]:
        with pytest.raises(ValueError, match=re.escape("don't have the same nested structure")):
            du.assert_same_structure(a, b)
