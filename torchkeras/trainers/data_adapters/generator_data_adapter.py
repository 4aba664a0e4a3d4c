"""Batches from a Python generator (or any iterator) yielding `(x,)`, `(x, y)` or
`(x, y, sample_weight)` tuples."""

import itertools

from torchkeras.backend import device as device_lib
from torchkeras.trainers.data_adapters import data_adapter_utils
from torchkeras.trainers.data_adapters.data_adapter import DataAdapter


class GeneratorDataAdapter(DataAdapter):
    """Adapter for Python generators and iterators.

    The first two batches are read ahead at construction (to check the format), and, as in
    Keras, every pass over the data starts by replaying them before continuing with the
    generator; a generator that has run out therefore yields only those two batches again.
    Each batch keeps its structure; its leaves become torch tensors on `backend.get_device()`
    (floats cast to `floatx()`).

    Args:
        generator: A generator or iterator yielding tuples `(x,)`, `(x, y)` or
            `(x, y, sample_weight)`.
    """

    def __init__(self, generator):
        first_batches, self.generator = peek_and_restore(generator)
        self._first_batches = first_batches
        if not first_batches:
            raise ValueError(
                "When passing a Python generator to a Keras model, "
                "the generator must yield at least one batch. "
                "Received an empty generator."
            )
        if not isinstance(first_batches[0], tuple):
            raise ValueError(
                "When passing a Python generator to a Keras model, "
                "the generator must return a tuple, either "
                "(input,) or (inputs, targets) or "
                "(inputs, targets, sample_weights). "
                f"Received: {first_batches[0]}"
            )

    def get_torch_iterator(self):
        device = device_lib.get_device()
        for batch in self.generator():
            yield data_adapter_utils.convert_batch(batch, device)

    @property
    def num_batches(self):
        return None

    @property
    def batch_size(self):
        return None

    @property
    def has_partial_batch(self):
        return None

    @property
    def partial_batch_size(self):
        return None


def peek_and_restore(generator):
    """Read the first batches of `generator`; return them and a function re-chaining them
    in front of the rest of the generator."""
    batches = list(itertools.islice(generator, data_adapter_utils.NUM_BATCHES_FOR_TENSOR_SPEC))
    return batches, lambda: itertools.chain(batches, generator)
