"""The tf.data-style Dataset: orders, lengths and specs checked against TensorFlow 2.21.

Expected element lists were printed by `tf.data` in the reference environment (comments say
"from tf 2.21"); they are deterministic, unlike shuffle orders, which are checked by content.
"""

import numpy as np
import pytest
import torch

from torchkeras.compat.tensorflow import data as tfd
from torchkeras.compat.tensorflow.data import Dataset


def ints(ds):
    return [np.asarray(x).tolist() for x in ds.as_numpy_iterator()]


def test_lengths_and_cardinality_constants():
    ds = Dataset.range(5)
    assert len(ds) == 5 and int(ds.cardinality()) == 5
    assert tfd.INFINITE_CARDINALITY == -1 and tfd.UNKNOWN_CARDINALITY == -2
    assert tfd.AUTOTUNE == -1 and tfd.experimental.AUTOTUNE == -1
    assert int(ds.repeat().cardinality()) == -1
    assert int(tfd.experimental.cardinality(ds.filter(lambda x: x > 1))) == -2
    with pytest.raises(TypeError, match="^The dataset is infinite.$"):
        len(ds.repeat())
    with pytest.raises(TypeError, match="^The dataset length is unknown.$"):
        len(ds.filter(lambda x: x > 1))
    assert int(ds.take(2).concatenate(ds.skip(3)).cardinality()) == 4  # from tf 2.21
    assert len(ds.repeat(3).batch(4)) == 4 and len(ds.batch(2, drop_remainder=True)) == 2
    assert len(ds.shard(3, 1)) == 2 and int(ds.repeat().take(7).cardinality()) == 7


def test_element_spec_and_string_elements():
    batched = Dataset.from_tensor_slices((np.zeros((3, 2), "float32"), ["a", "b", "c"])).batch(2)
    # from tf 2.21: (TensorSpec(shape=(None, 2), dtype=tf.float32, name=None),
    #                TensorSpec(shape=(None,), dtype=tf.string, name=None))
    assert batched.element_spec == (tfd.TensorSpec((None, 2), "float32"),
                                    tfd.StringTensorSpec((None,)))
    assert repr(batched.element_spec[1]) == "TensorSpec(shape=(None,), dtype=tf.string, name=None)"
    assert repr(Dataset.range(2).element_spec) == "TensorSpec(shape=(), dtype=tf.int64, name=None)"
    scalars = list(Dataset.from_tensor_slices(["ab", "c"]))
    assert [s.numpy() for s in scalars] == [b"ab", b"c"]
    assert repr(scalars[0]) == "<tf.Tensor: shape=(), dtype=string, numpy=b'ab'>"
    (batch,) = list(Dataset.from_tensor_slices(["ab", "c"]).batch(2))
    assert batch.numpy().tolist() == [b"ab", b"c"] and batch.shape == (2,)


def test_dtypes_follow_tensorflow():
    x64 = Dataset.from_tensor_slices(np.arange(4.0)).element_spec
    assert x64.dtype == torch.float64  # NumPy dtypes are kept
    assert Dataset.from_tensor_slices([1.0, 2.0]).element_spec.dtype == torch.float32
    assert Dataset.from_tensor_slices([1, 2]).element_spec.dtype == torch.int32
    assert Dataset.range(3).map(lambda x: (x, 1)).element_spec[1].dtype == torch.int32


def test_structural_transformations_match_tensorflow():
    # Every expected list below from tf 2.21.
    assert [tuple(t) for t in ints(Dataset.range(3).enumerate(start=2))] == [(2, 0), (3, 1), (4, 2)]
    windows = Dataset.range(7).window(3, shift=2, drop_remainder=True).flat_map(lambda w: w.batch(3))
    assert ints(windows) == [[0, 1, 2], [2, 3, 4], [4, 5, 6]]
    assert ints(Dataset.range(7).window(3, shift=2).flat_map(lambda w: w.batch(3))) == [
        [0, 1, 2], [2, 3, 4], [4, 5, 6], [6]]
    padded = Dataset.from_tensor_slices([1, 2, 3]).map(lambda x: torch.arange(x)).padded_batch(2)
    assert ints(padded) == [[[0, 0], [0, 1]], [[0, 1, 2]]]
    assert ints(Dataset.range(10).shard(3, 1)) == [1, 4, 7]
    assert ints(Dataset.range(10).batch(4).rebatch(3)) == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]
    interleaved = Dataset.range(3).interleave(
        lambda x: Dataset.from_tensors(x).repeat(3), cycle_length=2, block_length=2)
    assert ints(interleaved) == [0, 0, 1, 1, 0, 1, 2, 2, 2]
    zipped = Dataset.zip(Dataset.range(5), Dataset.range(5).skip(2))
    assert len(zipped) == 3 and [tuple(t) for t in ints(zipped)] == [(0, 2), (1, 3), (2, 4)]
    assert ints(Dataset.zip({"a": Dataset.range(2), "b": Dataset.range(2)}).map(
        lambda d: d["a"] + d["b"])) == [0, 2]


def test_padded_batch_shapes_and_values():
    ds = Dataset.from_tensor_slices([1, 2]).map(lambda x: (torch.arange(x), x))
    (batch,) = list(ds.padded_batch(2, padded_shapes=([4], []), padding_values=(-1, 0)))
    assert batch[0].tolist() == [[0, -1, -1, -1], [0, 1, -1, -1]] and batch[1].tolist() == [1, 2]


def test_iteration_is_repeatable_and_shuffle_reshuffles():
    ds = Dataset.from_tensor_slices(np.arange(10)).map(lambda x: x * 2)
    assert ints(ds) == ints(ds)
    shuffled = Dataset.from_tensor_slices(np.arange(10)).shuffle(4, seed=1).batch(3)
    first, second = ints(shuffled), ints(shuffled)
    assert sorted(sum(first, [])) == list(range(10)) and first != second
    fixed = Dataset.from_tensor_slices(np.arange(10)).shuffle(100, seed=1,
                                                              reshuffle_each_iteration=False)
    assert ints(fixed) == ints(fixed) and sorted(ints(fixed)) == list(range(10))
    with pytest.raises(ValueError, match="Batch size must be greater than zero"):
        Dataset.range(3).batch(0)
    with pytest.raises(ValueError, match="Index must be between 0 and num_shards - 1"):
        Dataset.range(3).shard(2, 2)


def test_parallel_map_keeps_order():
    ds = Dataset.from_tensor_slices(np.arange(50)).map(lambda x: x + 1,
                                                       num_parallel_calls=tfd.AUTOTUNE)
    assert ints(ds.batch(50)) == [list(range(1, 51))]


def test_misc_api():
    ds = Dataset.range(4)
    assert int(ds.reduce(torch.tensor(0), lambda s, x: s + x)) == 6
    assert ints(ds.apply(lambda d: d.skip(2))) == [2, 3]
    assert int(ds.take(1).get_single_element()) == 0
    assert ints(ds.take_while(lambda x: x < 2)) == [0, 1]
    assert ints(ds.cache()) == ints(ds.cache()) == [0, 1, 2, 3]


@pytest.mark.filterwarnings("ignore:Your input ran out of data")
def test_fit_accepts_a_dataset_of_unknown_length():
    import torchkeras as keras

    x = np.random.RandomState(0).rand(12, 3).astype("float32")
    y = x.sum(1, keepdims=True)
    ds = Dataset.from_tensor_slices((x, y)).filter(lambda a, b: True).batch(4)
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    history = model.fit(ds, epochs=2, verbose=0)
    assert len(history.history["loss"]) == 2


def test_list_files_and_text_lines(tmp_path):
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text(f"{name}\nsecond\r\n")
    files = Dataset.list_files(str(tmp_path / "*.txt"), shuffle=False)
    assert [f.numpy() for f in files] == [str(tmp_path / n).encode() for n in ("a.txt", "b.txt")]
    assert sorted(f.numpy() for f in Dataset.list_files(str(tmp_path / "*.txt"), seed=1)) == [
        str(tmp_path / n).encode() for n in ("a.txt", "b.txt")]
    lines = tfd.TextLineDataset([str(tmp_path / "a.txt")])
    assert [x.numpy() for x in lines] == [b"a.txt", b"second"]
    with pytest.raises(ValueError, match="No files matched pattern"):
        Dataset.list_files(str(tmp_path / "*.csv"))


def test_fit_on_a_dataset_with_class_weight_and_the_shuffle_warning():
    import torchkeras as keras

    x = np.ones((3, 1), "float32")
    y = np.array([[0.0], [1.0], [1.0]], "float32")
    model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1, kernel_initializer="zeros")])
    model.compile(optimizer=keras.optimizers.SGD(0.0), loss="mse")
    ds = Dataset.from_tensor_slices((x, y)).batch(3)
    with pytest.warns(UserWarning, match="`shuffle=True` was passed, but will be ignored since "
                                         "the data `x` was provided as a tf.data.Dataset"):
        history = model.fit(ds, class_weight={0: 1.0, 1: 3.0}, verbose=0)
    # Errors (0, 1, 1) weighted (1, 3, 3), averaged over the batch: 6 / 3.
    np.testing.assert_allclose(history.history["loss"], [2.0])
    # Without class weights: 2 / 3.
    np.testing.assert_allclose(model.fit(ds, shuffle=False, verbose=0).history["loss"], [2 / 3],
                               rtol=1e-6)
