"""`tf.data`: the `Dataset` pipeline Keras scripts build, as a re-iterable torch dataset.

A `Dataset` is a recipe: each pass (`for batch in ds`, or each epoch of `fit`) runs it again, so
`shuffle` reshuffles every epoch as in TensorFlow. Elements are tensors (or tuples/dicts of them);
`batch` stacks them. `fit`/`evaluate`/`predict` accept a Dataset directly.
"""

import itertools
import math as _math

import numpy as np
import torch

from torchkeras import backend
from torchkeras.utils import tree

AUTOTUNE = -1


class _Iterable(torch.utils.data.IterableDataset):
    def __init__(self, dataset):
        self._dataset = dataset

    def __iter__(self):
        return iter(self._dataset)

    def __len__(self):
        return len(self._dataset)


class Dataset:
    """A sequence of elements built from a source and transformations (TensorFlow's API)."""

    def __init__(self, make_iterator, length=None):
        self._make_iterator = make_iterator
        self._length = length

    # -- sources ------------------------------------------------------------------------------
    @staticmethod
    def from_tensor_slices(tensors, name=None):
        """Elements are the slices of `tensors` (arrays or a tuple/dict of them) along axis 0."""
        flat = [backend.convert_to_tensor(t) for t in tree.flatten(tensors)]
        sizes = {int(t.shape[0]) for t in flat}
        if len(sizes) != 1:
            raise ValueError(
                "Dimensions of the tensors in `from_tensor_slices` must all be equal along axis "
                f"0. Received sizes: {sorted(sizes)}"
            )
        size = sizes.pop()

        def make():
            for i in range(size):
                yield tree.pack_sequence_as(tensors, [t[i] for t in flat])

        return Dataset(make, size)

    @staticmethod
    def from_tensors(tensors, name=None):
        """A dataset of one element, `tensors`."""
        value = tree.map_structure(backend.convert_to_tensor, tensors)
        return Dataset(lambda: iter([value]), 1)

    @staticmethod
    def from_generator(generator, output_types=None, output_shapes=None, args=None,
                       output_signature=None, name=None):
        """Elements come from calling `generator(*args)` anew on each pass."""
        args = tuple(args or ())

        def make():
            for element in generator(*args):
                yield tree.map_structure(backend.convert_to_tensor, element)

        return Dataset(make)

    @staticmethod
    def range(*args, **kwargs):
        values = range(*args)
        return Dataset(lambda: (torch.tensor(v) for v in values), len(values))

    # -- transformations ----------------------------------------------------------------------
    def batch(self, batch_size, drop_remainder=False, num_parallel_calls=None,
              deterministic=None, name=None):
        """Stack consecutive elements into batches of `batch_size`."""
        source = self

        def make():
            iterator = iter(source)
            while True:
                chunk = list(itertools.islice(iterator, batch_size))
                if not chunk or (drop_remainder and len(chunk) < batch_size):
                    return
                flat = [tree.flatten(e) for e in chunk]
                yield tree.pack_sequence_as(chunk[0], [torch.stack(parts) for parts in zip(*flat)])

        length = None
        if self._length is not None:
            length = (self._length // batch_size if drop_remainder
                      else _math.ceil(self._length / batch_size))
        return Dataset(make, length)

    def unbatch(self, name=None):
        source = self

        def make():
            for element in source:
                flat = tree.flatten(element)
                for i in range(int(flat[0].shape[0])):
                    yield tree.pack_sequence_as(element, [t[i] for t in flat])

        return Dataset(make)

    def shuffle(self, buffer_size, seed=None, reshuffle_each_iteration=True, name=None):
        """Shuffle with a buffer of `buffer_size` elements (a full shuffle when it covers the
        data), anew on each pass unless `reshuffle_each_iteration=False`."""
        source = self
        state = {"pass": 0}
        base_seed = seed if seed is not None else int(torch.randint(0, 2**31 - 1, ()).item())

        def make():
            pass_seed = base_seed + (state["pass"] if reshuffle_each_iteration else 0)
            state["pass"] += 1
            rng = np.random.default_rng(pass_seed)
            buffer = []
            for element in source:
                buffer.append(element)
                if len(buffer) >= buffer_size:
                    yield buffer.pop(int(rng.integers(len(buffer))))
            while buffer:
                yield buffer.pop(int(rng.integers(len(buffer))))

        return Dataset(make, self._length)

    def map(self, map_func, num_parallel_calls=None, deterministic=None, name=None):
        """Apply `map_func` to each element (tuples are passed as separate arguments)."""
        source = self

        def make():
            for element in source:
                yield map_func(*element) if isinstance(element, tuple) else map_func(element)

        return Dataset(make, self._length)

    def filter(self, predicate, name=None):
        source = self

        def make():
            for element in source:
                keep = predicate(*element) if isinstance(element, tuple) else predicate(element)
                if bool(keep):
                    yield element

        return Dataset(make)

    def repeat(self, count=None, name=None):
        """Repeat the dataset `count` times (forever when `count` is None or -1)."""
        source = self

        def make():
            passes = itertools.count() if count in (None, -1) else range(count)
            for _ in passes:
                yield from source

        length = None if count in (None, -1) or self._length is None else self._length * count
        return Dataset(make, length)

    def take(self, count, name=None):
        source = self
        length = count if self._length is None else min(count, self._length)
        return Dataset(lambda: itertools.islice(iter(source), count), length)

    def skip(self, count, name=None):
        source = self
        length = None if self._length is None else max(0, self._length - count)
        return Dataset(lambda: itertools.islice(iter(source), count, None), length)

    def cache(self, filename="", name=None):
        """Keep the elements of the first complete pass in memory."""
        source = self
        store = {}

        def make():
            if "elements" in store:
                return iter(store["elements"])

            def record():
                elements = []
                for element in source:
                    elements.append(element)
                    yield element
                store["elements"] = elements

            return record()

        return Dataset(make, self._length)

    def prefetch(self, buffer_size, name=None):
        return self

    def with_options(self, options, name=None):
        return self

    # -- inspection ---------------------------------------------------------------------------
    def __iter__(self):
        return iter(self._make_iterator())

    def __len__(self):
        if self._length is None:
            raise TypeError("The dataset length is unknown.")
        return self._length

    def cardinality(self):
        return torch.tensor(-2 if self._length is None else self._length)

    def as_numpy_iterator(self):
        for element in self:
            yield tree.map_structure(backend.convert_to_numpy, element)

    def _as_torch_dataloader(self):
        """The protocol `fit`/`evaluate`/`predict` use to read this dataset."""
        return torch.utils.data.DataLoader(_Iterable(self), batch_size=None)


class Options:
    """Accepted for compatibility; options have no effect on torch."""
