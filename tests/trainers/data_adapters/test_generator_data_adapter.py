import numpy as np
import pytest
import torch

from torchkeras.trainers.data_adapters.generator_data_adapter import GeneratorDataAdapter


def make_generator(n, with_weights=False):
    for i in range(n):
        x = np.full((2, 3), float(i))
        y = np.full((2,), i, dtype="int64")
        if with_weights:
            yield x, y, np.full((2,), 0.5)
        else:
            yield x, y


def test_batches_converted_to_tensors():
    adapter = GeneratorDataAdapter(make_generator(4))
    assert adapter.num_batches is None and adapter.batch_size is None
    assert adapter.has_partial_batch is None and adapter.partial_batch_size is None
    out = list(adapter.get_torch_iterator())
    assert len(out) == 4
    x, y = out[3]
    assert x.dtype == torch.float32 and tuple(x.shape) == (2, 3) and float(x[0, 0]) == 3.0
    assert y.dtype == torch.int64


def test_three_tuples_and_nested_structures():
    adapter = GeneratorDataAdapter(make_generator(1, with_weights=True))
    out = next(iter(adapter.get_torch_iterator()))
    assert len(out) == 3 and out[2].tolist() == [0.5, 0.5]

    def nested():
        yield ({"a": np.ones((2, 1)), "b": [np.zeros(2), None]},)

    (x,) = next(iter(GeneratorDataAdapter(nested()).get_torch_iterator()))
    assert isinstance(x["b"], list) and x["b"][1] is None and x["a"].dtype == torch.float32


def test_peeked_batches_are_replayed_on_every_pass():
    # Keras 3.15.1 reads two batches ahead and chains them in front of the generator on every
    # pass: once the generator is spent, a pass yields just those two.
    adapter = GeneratorDataAdapter(make_generator(5))
    first = [int(b[1][0]) for b in adapter.get_torch_iterator()]
    second = [int(b[1][0]) for b in adapter.get_torch_iterator()]
    assert first == [0, 1, 2, 3, 4]
    assert second == [0, 1]


def test_any_iterator_is_accepted():
    batches = [(np.ones(2),), (np.zeros(2),)]
    out = list(GeneratorDataAdapter(iter(batches)).get_torch_iterator())
    assert [b[0].tolist() for b in out] == [[1.0, 1.0], [0.0, 0.0]]


def test_empty_generator():
    # from keras 3.15.1
    with pytest.raises(ValueError) as e:
        GeneratorDataAdapter(iter([]))
    assert str(e.value) == (
        "When passing a Python generator to a Keras model, the generator must yield at least "
        "one batch. Received an empty generator."
    )


def test_generator_must_yield_tuples():
    # from keras 3.15.1
    with pytest.raises(ValueError) as e:
        GeneratorDataAdapter(iter([1]))
    assert str(e.value) == (
        "When passing a Python generator to a Keras model, the generator must return a tuple, "
        "either (input,) or (inputs, targets) or (inputs, targets, sample_weights). Received: 1"
    )
