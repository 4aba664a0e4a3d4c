"""`keras.preprocessing.sequence`. Expected values: tf_keras 2.21 (`fixtures/reference.json`)."""

import json
import random

import numpy as np
import pytest

import torchkeras as keras
from torchkeras.preprocessing import sequence
from torchkeras.utils import PyDataset


def test_pad_sequences_is_keras_utils():
    assert sequence.pad_sequences is keras.utils.pad_sequences


def test_make_sampling_table_matches_tf_keras(reference):
    ref = reference["sequence"]
    np.testing.assert_allclose(sequence.make_sampling_table(12), ref["sampling_table"], rtol=1e-15)
    np.testing.assert_allclose(
        sequence.make_sampling_table(5, sampling_factor=0.1), ref["sampling_table_factor"],
        rtol=1e-15,
    )


def test_skipgrams_match_tf_keras_with_python_seed(reference):
    ref = reference["sequence"]
    random.seed(7)
    couples, labels = sequence.skipgrams([1, 2, 0, 3, 4, 5], 6, window_size=2, seed=42)
    assert [couples, labels] == ref["skipgrams"]
    random.seed(8)
    result = sequence.skipgrams([1, 2, 3, 4], 5, window_size=1, negative_samples=0.5,
                                categorical=True, shuffle=False)
    assert list(result) == ref["skipgrams_categorical"]
    random.seed(9)
    result = sequence.skipgrams([1, 2, 3, 4, 5, 6, 7], 8, window_size=3,
                                sampling_table=sequence.make_sampling_table(8, 0.05), seed=1)
    assert list(result) == ref["skipgrams_table"]


def test_skipgrams_positive_pairs_closed_form():
    couples, labels = sequence.skipgrams([1, 2, 3], 4, window_size=1, negative_samples=0,
                                         shuffle=False)
    assert couples == [[1, 2], [2, 1], [2, 3], [3, 2]]
    assert labels == [1, 1, 1, 1]


def _as_lists(batches):
    return [[np.asarray(part).tolist() for part in batch] for batch in batches]


def test_timeseries_generator_matches_tf_keras(reference):
    ref = reference["sequence"]
    data = np.arange(50).reshape(25, 2)
    targets = np.arange(25) * 10
    gen = sequence.TimeseriesGenerator(data, targets, length=4, sampling_rate=2, stride=3,
                                       start_index=1, end_index=22, batch_size=2)
    assert isinstance(gen, PyDataset)
    length, batches = ref["timeseries"]
    assert len(gen) == length
    assert _as_lists(gen[i] for i in range(len(gen))) == _as_lists(batches)
    gen = sequence.TimeseriesGenerator(data, targets, length=3, reverse=True, batch_size=5)
    length, batches = ref["timeseries_reverse"]
    assert len(gen) == length
    assert _as_lists([gen[0], gen[4]]) == _as_lists(batches)
    np.random.seed(3)
    gen = sequence.TimeseriesGenerator(data, targets, length=3, shuffle=True, batch_size=4)
    assert _as_lists([gen[0]]) == _as_lists([ref["timeseries_shuffle"]])
    gen = sequence.TimeseriesGenerator(list(range(10)), list(range(10)), length=2, batch_size=3)
    assert json.loads(gen.to_json()) == json.loads(ref["timeseries_json"])


def test_timeseries_generator_docstring_example():
    data = np.array([[i] for i in range(50)])
    gen = sequence.TimeseriesGenerator(data, data, length=10, sampling_rate=2, batch_size=2)
    assert len(gen) == 20
    x, y = gen[0]
    np.testing.assert_array_equal(x, [[[0], [2], [4], [6], [8]], [[1], [3], [5], [7], [9]]])
    np.testing.assert_array_equal(y, [[10], [11]])


def test_timeseries_generator_trains_a_model():
    data = np.random.RandomState(0).rand(40, 2).astype("float32")
    gen = sequence.TimeseriesGenerator(data, data[:, :1], length=4, batch_size=8)
    model = keras.Sequential([keras.Input((4, 2)), keras.layers.Flatten(), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    assert len(model.fit(gen, epochs=1, verbose=0).history["loss"]) == 1


def test_timeseries_generator_errors(reference):
    data = np.arange(50).reshape(25, 2)
    targets = np.arange(25) * 10
    expected = reference["sequence"]["timeseries_errors"]
    with pytest.raises(ValueError) as e:
        sequence.TimeseriesGenerator(data, targets[:3], length=2)
    assert ["ValueError", str(e.value)] == expected[0]
    with pytest.raises(ValueError) as e:
        sequence.TimeseriesGenerator(data, targets, length=30)
    assert ["ValueError", str(e.value)] == expected[1]
    gen = sequence.TimeseriesGenerator([object()] * 5, [1] * 5, length=2)
    with pytest.raises(TypeError, match="Data not JSON Serializable:"):
        gen.get_config()
