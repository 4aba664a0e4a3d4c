"""`tf.data`: the `Dataset` pipeline Keras scripts build, as a re-iterable torch dataset.

A `Dataset` is a recipe: each pass (`for batch in ds`, or each epoch of `fit`) runs it again, so
`shuffle` reshuffles every epoch as in TensorFlow. Elements are torch tensors (or tuples/dicts of
them); strings, which torch cannot hold, are `StringTensor`s (NumPy arrays of `bytes` with
TensorFlow's `.numpy()`). `batch` stacks elements. `fit`/`evaluate`/`predict` accept a Dataset
directly. `keras.utils.image_dataset_from_directory` and friends return one.
"""

import concurrent.futures
import itertools
import math as _math
import os
import types

import numpy as np
import torch

from torchkeras import backend
from torchkeras.compat.tensorflow.string_tensor import StringTensor
from torchkeras.compat.tensorflow.string_tensor import is_string_leaf as _is_string_leaf
from torchkeras.compat.tensorflow.string_tensor import string_tensor
from torchkeras.compat.tensorflow.string_tensor import to_bytes as _to_bytes
from torchkeras.compat.tensorflow.tensor_shape import TensorShape
from torchkeras.compat.tensorflow.tensor_shape import TensorSpec
from torchkeras.utils import tree

AUTOTUNE = -1
INFINITE_CARDINALITY = -1
UNKNOWN_CARDINALITY = -2


# -- leaves ------------------------------------------------------------------------------------
def _to_leaf(x):
    """One element leaf as TensorFlow would hold it: a torch tensor or a `StringTensor`."""
    if isinstance(x, (torch.Tensor, StringTensor)):
        return x
    if _is_string_leaf(x):
        return string_tensor(x)
    if isinstance(x, (np.ndarray, np.generic)):
        # NumPy dtypes are kept (float64 stays float64, as in TensorFlow).
        array = np.asarray(x)
        if not array.flags.writeable:
            array = array.copy()
        return torch.from_numpy(array)
    if isinstance(x, bool):
        return torch.tensor(x)
    if isinstance(x, int):
        return torch.tensor(x, dtype=torch.int32)  # TensorFlow reads Python ints as int32
    if isinstance(x, float):
        return torch.tensor(x, dtype=torch.float32)
    return backend.convert_to_tensor(x)


def _index(leaf, i):
    if isinstance(leaf, StringTensor):
        return leaf[i : i + 1].reshape(leaf.shape[1:])
    return leaf[i]


def _stack(parts):
    if isinstance(parts[0], StringTensor):
        return np.stack([p.view(np.ndarray) for p in parts]).view(StringTensor)
    return torch.stack(parts)


def _leaf_shape(leaf):
    return tuple(int(d) for d in leaf.shape)


def _call(fn, element):
    """Call a `map`/`filter`/`flat_map` function as tf.data does: tuples are unpacked."""
    return fn(*element) if isinstance(element, tuple) else fn(element)


class StringTensorSpec(TensorSpec):
    """The `TensorSpec` of a string element (`dtype=tf.string`; torch has no string dtype)."""

    def __init__(self, shape, name=None):
        self.shape = TensorShape(shape)
        self.dtype = "string"
        self.name = name

    def is_compatible_with(self, spec_or_tensor):
        shape = spec_or_tensor.shape if hasattr(spec_or_tensor, "shape") else spec_or_tensor
        return (getattr(spec_or_tensor, "dtype", "string") in ("string", np.dtype(object))
                and self.shape.is_compatible_with(TensorShape(tuple(shape))))

    def __repr__(self):
        return f"TensorSpec(shape={self.shape}, dtype=tf.string, name={self.name!r})"


# -- the DataLoader protocol ---------------------------------------------------------------------
class _UnsizedIterable(torch.utils.data.IterableDataset):
    def __init__(self, dataset):
        self._dataset = dataset

    def __iter__(self):
        return iter(self._dataset)


class _Iterable(_UnsizedIterable):
    def __len__(self):
        return len(self._dataset)


class Dataset:
    """A sequence of elements built from a source and transformations (TensorFlow's API).

    Args:
        make_iterator: Function returning a fresh iterator over the elements (one per pass).
        length: Number of elements, `INFINITE_CARDINALITY` (-1) or `UNKNOWN_CARDINALITY`
            (-2, also for `None`).
    """

    def __init__(self, make_iterator, length=None):
        self._make_iterator = make_iterator
        self._length = UNKNOWN_CARDINALITY if length is None else int(length)
        # Set by `from_tensor_slices` (and kept by `shuffle`): `(structure, leaves, order)`, with
        # `order()` the element indices of one pass, so `batch` can slice whole batches at once.
        self._slices = None
        self._element_spec = None

    # -- sources ------------------------------------------------------------------------------
    @staticmethod
    def from_tensor_slices(tensors, name=None):
        """Elements are the slices of `tensors` (arrays or a tuple/dict of them) along axis 0."""
        tensors = _lists_to_tuples(tensors)
        flat = [_to_leaf(t) for t in tree.flatten(tensors)]
        sizes = {int(t.shape[0]) if len(t.shape) else None for t in flat}
        if None in sizes:
            raise ValueError(
                "Unbatching a tensor is only supported for rank >= 1. `from_tensor_slices` "
                "expects tensors with a leading dimension. Received a scalar."
            )
        if len(sizes) != 1:
            raise ValueError(
                "Dimensions of the tensors in `from_tensor_slices` must all be equal along axis "
                f"0. Received sizes: {sorted(sizes)}"
            )
        size = sizes.pop()

        def make():
            for i in range(size):
                yield tree.pack_sequence_as(tensors, [_index(t, i) for t in flat])

        dataset = Dataset(make, size)
        dataset._slices = (tensors, flat, lambda: None)
        return dataset

    @staticmethod
    def from_tensors(tensors, name=None):
        """A dataset of one element, `tensors`."""
        value = tree.map_structure(_to_leaf, _lists_to_tuples(tensors))
        return Dataset(lambda: iter([value]), 1)

    @staticmethod
    def from_generator(generator, output_types=None, output_shapes=None, args=None,
                       output_signature=None, name=None):
        """Elements come from calling `generator(*args)` anew on each pass."""
        args = tuple(args or ())

        def make():
            for element in generator(*args):
                yield tree.map_structure(_to_leaf, _lists_to_tuples(element))

        return Dataset(make)

    @staticmethod
    def range(*args, **kwargs):
        """Elements are the int64 values of `range(*args)`."""
        values = range(*args)
        return Dataset(lambda: (torch.tensor(v) for v in values), len(values))

    @staticmethod
    def zip(*args, datasets=None, name=None):
        """Elements are tuples (or dicts) of the elements of `datasets`, up to the shortest."""
        if datasets is None:
            datasets = args[0] if len(args) == 1 else args
        elif args:
            raise TypeError("Both `*args` and `datasets` cannot be set.")
        flat = tree.flatten(datasets)
        for d in flat:
            if not isinstance(d, Dataset):
                raise TypeError(
                    "Invalid input to `zip`. Inputs are expected to be (nested) structures of "
                    f"`tf.data.Dataset` objects. Python `list` is not supported. Received: {d!r}"
                )

        def make():
            for parts in zip(*flat):
                yield tree.pack_sequence_as(datasets, list(parts))

        finite = [d._length for d in flat if d._length != INFINITE_CARDINALITY]
        if not finite:
            length = INFINITE_CARDINALITY
        elif UNKNOWN_CARDINALITY in finite:
            length = UNKNOWN_CARDINALITY
        else:
            length = min(finite)
        return Dataset(make, length)

    @staticmethod
    def list_files(file_pattern, shuffle=None, seed=None, name=None):
        """The file names matching `file_pattern` (a glob or a list of globs) as string
        elements; shuffled anew on each pass unless `shuffle=False` (then sorted)."""
        import glob

        patterns = [file_pattern] if isinstance(file_pattern, (str, bytes, os.PathLike)) else list(
            file_pattern)
        names = sorted({f for p in patterns for f in glob.glob(os.fsdecode(p))})
        if not names:
            raise ValueError(
                f"No files matched pattern: {', '.join(os.fsdecode(p) for p in patterns)}"
            )
        dataset = Dataset.from_tensor_slices(string_tensor(names))
        if shuffle is None or shuffle:
            dataset = dataset.shuffle(len(names), seed=seed)
        return dataset

    @staticmethod
    def sample_from_datasets(datasets, weights=None, seed=None, stop_on_empty_dataset=False,
                             rerandomize_each_iteration=None):
        """Draw each element from one of `datasets`, picked at random with `weights`."""
        n = len(datasets)
        probs = np.full(n, 1.0 / n) if weights is None else np.asarray(weights, dtype="float64")
        probs = probs / probs.sum()
        state = {"pass": 0}
        base_seed = _draw_seed(seed)

        def make():
            rng = np.random.default_rng(base_seed + state["pass"])
            state["pass"] += 1
            iterators = [iter(d) for d in datasets]
            live = probs.copy()
            while live.sum() > 0:
                k = int(rng.choice(n, p=live / live.sum()))
                try:
                    yield next(iterators[k])
                except StopIteration:
                    if stop_on_empty_dataset:
                        return
                    live[k] = 0.0

        return Dataset(make)

    # -- transformations ----------------------------------------------------------------------
    def batch(self, batch_size, drop_remainder=False, num_parallel_calls=None,
              deterministic=None, name=None):
        """Stack consecutive elements into batches of `batch_size`."""
        batch_size = _check_batch_size(batch_size)
        if self._slices is not None:
            dataset = self._batch_slices(batch_size, drop_remainder)
        else:
            source = self

            def make():
                iterator = iter(source)
                while True:
                    chunk = list(itertools.islice(iterator, batch_size))
                    if not chunk or (drop_remainder and len(chunk) < batch_size):
                        return
                    flat = [tree.flatten(e) for e in chunk]
                    yield tree.pack_sequence_as(chunk[0], [_stack(p) for p in zip(*flat)])

            dataset = Dataset(make, _batched_length(self._length, batch_size, drop_remainder))
        dataset._batch_size = batch_size
        dataset._drop_remainder = drop_remainder
        return dataset

    def _batch_slices(self, batch_size, drop_remainder):
        # Whole batches are cut from the source arrays at once (a view when in order), instead
        # of slicing one element at a time and stacking.
        structure, flat, order = self._slices
        size = self._length

        def make():
            indices = order()
            stop = size - size % batch_size if drop_remainder else size
            for start in range(0, stop, batch_size):
                end = min(start + batch_size, size)
                if indices is None:
                    parts = [leaf[start:end] for leaf in flat]
                else:
                    chunk = indices[start:end]
                    parts = [
                        leaf[chunk] if isinstance(leaf, StringTensor)
                        else leaf[torch.from_numpy(chunk).to(leaf.device)]
                        for leaf in flat
                    ]
                yield tree.pack_sequence_as(structure, parts)

        return Dataset(make, _batched_length(size, batch_size, drop_remainder))

    def padded_batch(self, batch_size, padded_shapes=None, padding_values=None,
                     drop_remainder=False, name=None):
        """Batch elements of different shapes, padding each component to the largest shape.

        Args:
            batch_size: Elements per batch.
            padded_shapes: Optional structure of shapes to pad to (`None` or -1 entries: the
                longest in the batch). Defaults to the longest in each batch.
            padding_values: Optional structure (or one scalar) of padding values. Defaults to
                0 (`b""` for strings).
            drop_remainder: Whether to drop a last, smaller batch.
        """
        batch_size = _check_batch_size(batch_size)
        source = self

        def make():
            iterator = iter(source)
            while True:
                chunk = list(itertools.islice(iterator, batch_size))
                if not chunk or (drop_remainder and len(chunk) < batch_size):
                    return
                flat = [tree.flatten(e) for e in chunk]
                n = len(flat[0])
                shapes = _broadcast_structure(padded_shapes, chunk[0], n)
                values = _broadcast_structure(padding_values, chunk[0], n, is_value=True)
                out = [_pad_stack(parts, shapes[k], values[k])
                       for k, parts in enumerate(zip(*flat))]
                yield tree.pack_sequence_as(chunk[0], out)

        dataset = Dataset(make, _batched_length(self._length, batch_size, drop_remainder))
        dataset._batch_size = batch_size
        return dataset

    def unbatch(self, name=None):
        """Split each element along its first axis into separate elements."""
        source = self

        def make():
            for element in source:
                flat = tree.flatten(element)
                for i in range(int(flat[0].shape[0])):
                    yield tree.pack_sequence_as(element, [_index(t, i) for t in flat])

        length = INFINITE_CARDINALITY if self._length == INFINITE_CARDINALITY else None
        return Dataset(make, length)

    def rebatch(self, batch_size, drop_remainder=False, name=None):
        """Re-cut a batched dataset into batches of `batch_size`."""
        return self.unbatch().batch(batch_size, drop_remainder=drop_remainder)

    def shuffle(self, buffer_size, seed=None, reshuffle_each_iteration=True, name=None):
        """Shuffle with a buffer of `buffer_size` elements (a full shuffle when it covers the
        data), anew on each pass unless `reshuffle_each_iteration=False`."""
        if buffer_size == AUTOTUNE:
            buffer_size = max(self._length, 1024)
        if buffer_size <= 0:
            raise ValueError(
                f"buffer_size must be greater than zero. Received: buffer_size={buffer_size}"
            )
        source = self
        state = {"pass": 0}
        base_seed = _draw_seed(seed)

        def next_rng():
            pass_seed = base_seed + (state["pass"] if reshuffle_each_iteration else 0)
            state["pass"] += 1
            return np.random.default_rng(pass_seed)

        def make():
            return buffer_shuffle(iter(source), buffer_size, next_rng())

        dataset = Dataset(make, self._length)
        if self._slices is not None:
            # Shuffle indices instead of elements, so `batch` can still gather whole batches.
            structure, flat, order = self._slices
            size = self._length

            def shuffled_order():
                base = order()
                rng = next_rng()
                if buffer_size >= size:
                    perm = rng.permutation(size)
                else:
                    perm = np.fromiter(buffer_shuffle(range(size), buffer_size, rng),
                                       dtype=np.int64, count=size)
                return perm if base is None else base[perm]

            def make_sliced():
                indices = shuffled_order()
                for i in indices:
                    yield tree.pack_sequence_as(structure, [_index(t, int(i)) for t in flat])

            dataset = Dataset(make_sliced, size)
            dataset._slices = (structure, flat, shuffled_order)
        return dataset

    def map(self, map_func, num_parallel_calls=None, deterministic=None, name=None):
        """Apply `map_func` to each element (tuples are passed as separate arguments).

        With `num_parallel_calls` set (e.g. `AUTOTUNE`), elements are mapped in a pool of
        threads, in order (decoding files and torch kernels release the GIL).
        """
        source = self

        def convert(value):
            return tree.map_structure(_to_leaf, _lists_to_tuples(value))

        if num_parallel_calls is None or num_parallel_calls == 1:
            def make():
                for element in source:
                    yield convert(_call(map_func, element))
        else:
            workers = num_parallel_calls
            if num_parallel_calls == AUTOTUNE:
                workers = os.cpu_count() or 1

            def make():
                yield from _parallel_map(lambda e: convert(_call(map_func, e)), source, workers)

        return Dataset(make, self._length)

    def flat_map(self, map_func, name=None):
        """Map each element to a Dataset and chain their elements."""
        source = self

        def make():
            for element in source:
                yield from _call(map_func, element)

        return Dataset(make)

    def interleave(self, map_func, cycle_length=None, block_length=None,
                   num_parallel_calls=None, deterministic=None, name=None):
        """Map elements to Datasets and take `block_length` elements from each of
        `cycle_length` of them in turn, as TensorFlow orders them."""
        source = self
        cycle_length = (os.cpu_count() or 1) if cycle_length in (None, AUTOTUNE) else cycle_length
        block_length = 1 if block_length is None else block_length

        def make():
            inputs = iter(source)

            def open_next():
                for element in inputs:
                    return iter(_call(map_func, element))
                return None

            slots = [open_next() for _ in range(cycle_length)]
            while any(s is not None for s in slots):
                for k in range(cycle_length):
                    taken = 0
                    while slots[k] is not None and taken < block_length:
                        try:
                            yield next(slots[k])
                            taken += 1
                        except StopIteration:
                            # An exhausted slot takes the next input, which waits for its turn.
                            slots[k] = open_next()
                            break

        return Dataset(make)

    def filter(self, predicate, name=None):
        """Keep the elements for which `predicate` is true."""
        source = self

        def make():
            for element in source:
                if bool(_call(predicate, element)):
                    yield element

        return Dataset(make)

    def enumerate(self, start=0, name=None):
        """Pair each element with its int64 index: `(index, element)`."""
        source = self

        def make():
            for i, element in enumerate(source, start):
                yield torch.tensor(i), element

        return Dataset(make, self._length)

    def concatenate(self, dataset, name=None):
        """The elements of this dataset, then those of `dataset`."""
        source = self
        a, b = self._length, dataset._length
        if INFINITE_CARDINALITY in (a, b):
            length = INFINITE_CARDINALITY
        elif UNKNOWN_CARDINALITY in (a, b):
            length = UNKNOWN_CARDINALITY
        else:
            length = a + b
        return Dataset(lambda: itertools.chain(source, dataset), length)

    def window(self, size, shift=None, stride=1, drop_remainder=False, name=None):
        """Group elements into windows of `size` (each window a Dataset, or a tuple/dict of
        Datasets for structured elements), starting every `shift` elements."""
        shift = size if shift is None else shift
        source = self

        def as_dataset(elements):
            return Dataset(lambda: iter(elements), len(elements))

        def make():
            span = (size - 1) * stride + 1
            iterator = iter(source)
            buffer, exhausted, to_skip = [], False, 0
            while True:
                while not exhausted and (to_skip or len(buffer) < span):
                    try:
                        element = next(iterator)
                    except StopIteration:
                        exhausted = True
                        break
                    if to_skip:
                        to_skip -= 1
                    else:
                        buffer.append(element)
                window = buffer[:span:stride]
                if not window or (drop_remainder and len(window) < size):
                    return
                flat = [tree.flatten(e) for e in window]
                parts = [as_dataset(list(p)) for p in zip(*flat)]
                yield tree.pack_sequence_as(window[0], parts)
                to_skip = max(0, shift - len(buffer))
                del buffer[:shift]

        return Dataset(make)

    def shard(self, num_shards, index, name=None):
        """Keep every `num_shards`-th element, starting at `index`."""
        if not 0 <= index < num_shards:
            raise ValueError(
                "Index must be between 0 and num_shards - 1. "
                f"Received: num_shards={num_shards}, index={index}"
            )
        source = self
        length = self._length
        if length >= 0:
            length = len(range(index, length, num_shards))
        return Dataset(lambda: itertools.islice(iter(source), index, None, num_shards), length)

    def repeat(self, count=None, name=None):
        """Repeat the dataset `count` times (forever when `count` is None or -1)."""
        source = self

        def make():
            passes = itertools.count() if count in (None, -1) else range(count)
            for _ in passes:
                yield from source

        if count in (None, -1):
            length = INFINITE_CARDINALITY if self._length != 0 else 0
        elif self._length < 0:
            length = self._length
        else:
            length = self._length * count
        return Dataset(make, length)

    def take(self, count, name=None):
        """The first `count` elements (all when `count` is -1)."""
        source = self
        if count == -1:
            return self
        length = count if self._length in (INFINITE_CARDINALITY,) else (
            min(count, self._length) if self._length >= 0 else UNKNOWN_CARDINALITY)
        return Dataset(lambda: itertools.islice(iter(source), count), length)

    def skip(self, count, name=None):
        """All but the first `count` elements."""
        source = self
        length = self._length if self._length < 0 else max(0, self._length - count)
        return Dataset(lambda: itertools.islice(iter(source), count, None), length)

    def take_while(self, predicate, name=None):
        source = self
        return Dataset(lambda: itertools.takewhile(lambda e: bool(_call(predicate, e)),
                                                    iter(source)))

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

        return self._derive(make)

    def prefetch(self, buffer_size, name=None):
        """Accepted for compatibility: elements are produced on demand."""
        return self

    def with_options(self, options, name=None):
        return self

    def apply(self, transformation_func):
        """Return `transformation_func(self)`."""
        return transformation_func(self)

    def reduce(self, initial_state, reduce_func, name=None):
        """Fold the elements into `initial_state` with `reduce_func(state, element)`."""
        state = initial_state
        for element in self:
            state = reduce_func(state, element)
        return state

    def _derive(self, make):
        """A dataset with the same elements and metadata as this one, produced by `make`."""
        dataset = Dataset(make, self._length)
        for attr in ("_batch_size", "_drop_remainder"):
            if hasattr(self, attr):
                setattr(dataset, attr, getattr(self, attr))
        return dataset

    # -- inspection ---------------------------------------------------------------------------
    def __iter__(self):
        return iter(self._make_iterator())

    def __len__(self):
        if self._length == INFINITE_CARDINALITY:
            raise TypeError("The dataset is infinite.")
        if self._length < 0:
            raise TypeError("The dataset length is unknown.")
        return self._length

    def __bool__(self):
        return True

    def cardinality(self):
        """The number of elements as an int64 tensor; -1 when infinite, -2 when unknown."""
        return torch.tensor(self._length)

    @property
    def element_spec(self):
        """The `TensorSpec` structure of one element (read from the first element)."""
        if self._element_spec is None:
            first = next(iter(self))
            batched = hasattr(self, "_batch_size") and not getattr(self, "_drop_remainder", 0)

            def spec(leaf):
                shape = _leaf_shape(leaf)
                if batched and shape:
                    shape = (None,) + shape[1:]
                if isinstance(leaf, StringTensor):
                    return StringTensorSpec(shape)
                return TensorSpec(shape, leaf.dtype)

            self._element_spec = tree.map_structure(spec, first)
        return self._element_spec

    def as_numpy_iterator(self):
        """Iterate over the elements as NumPy arrays (strings as `bytes`)."""
        for element in self:
            yield tree.map_structure(_leaf_to_numpy, element)

    def get_single_element(self, name=None):
        elements = list(itertools.islice(iter(self), 2))
        if len(elements) != 1:
            raise ValueError("Dataset had more than one element." if elements
                             else "Dataset was empty.")
        return elements[0]

    def __repr__(self):
        return f"<Dataset cardinality={self._length}>"

    def _as_torch_dataloader(self):
        """The protocol `fit`/`evaluate`/`predict` use to read this dataset."""
        wrapper = _Iterable if self._length >= 0 else _UnsizedIterable
        return torch.utils.data.DataLoader(wrapper(self), batch_size=None)


def TextLineDataset(filenames, compression_type=None, buffer_size=None, num_parallel_reads=None,
                    name=None):
    """The lines of the text files `filenames` (newlines stripped), as string elements."""
    if isinstance(filenames, (str, bytes, os.PathLike)):
        filenames = [filenames]
    filenames = [os.fsdecode(f.numpy() if isinstance(f, StringTensor) else f) for f in filenames]

    def make():
        for filename in filenames:
            with open(filename, "rb") as f:
                for line in f:
                    yield string_tensor(line.rstrip(b"\n").rstrip(b"\r"))

    return Dataset(make)


class Options:
    """Accepted for compatibility; options have no effect on torch."""


def _leaf_to_numpy(leaf):
    if isinstance(leaf, StringTensor):
        return leaf.numpy()
    return backend.convert_to_numpy(leaf)


def _lists_to_tuples(structure):
    # tf.data reads a list of arrays as one tensor and a tuple as a structure; a list of
    # tensors/arrays is stacked by TensorFlow, which `_to_leaf` does through NumPy.
    if isinstance(structure, dict):
        return {k: _lists_to_tuples(v) for k, v in structure.items()}
    if isinstance(structure, tuple):
        return type(structure)(*[_lists_to_tuples(v) for v in structure]) if hasattr(
            structure, "_fields") else tuple(_lists_to_tuples(v) for v in structure)
    if isinstance(structure, list):
        if structure and all(isinstance(v, torch.Tensor) for v in structure):
            return torch.stack(structure)
        if _is_string_leaf(structure):
            return string_tensor(structure)
        array = np.asarray(structure)
        # TensorFlow reads Python lists of numbers as int32 / float32.
        if array.dtype == np.int64:
            return array.astype(np.int32)
        if array.dtype == np.float64:
            return array.astype(np.float32)
        return array
    return structure


def buffer_shuffle(items, buffer_size, rng):
    """Yield `items` shuffled as tf.data does: through a buffer of `buffer_size` from which
    a random element is drawn each time (`rng`: a NumPy Generator)."""
    buffer = []
    for item in items:
        buffer.append(item)
        if len(buffer) >= buffer_size:
            j = int(rng.integers(len(buffer)))
            buffer[j], buffer[-1] = buffer[-1], buffer[j]
            yield buffer.pop()
    while buffer:
        j = int(rng.integers(len(buffer)))
        buffer[j], buffer[-1] = buffer[-1], buffer[j]
        yield buffer.pop()


def _draw_seed(seed):
    if seed is not None:
        return int(seed)
    return int(torch.randint(0, 2**31 - 1, ()).item())


def _check_batch_size(batch_size):
    batch_size = int(batch_size)
    if batch_size <= 0:
        raise ValueError(f"Batch size must be greater than zero. Received: batch_size={batch_size}")
    return batch_size


def _batched_length(length, batch_size, drop_remainder):
    if length < 0:
        return length
    return length // batch_size if drop_remainder else _math.ceil(length / batch_size)


def _broadcast_structure(value, element, n, is_value=False):
    """Flatten `value` (padded shapes or padding values) along the structure of `element`."""
    if value is None:
        return [None] * n
    if is_value and not tree.is_nested(value):
        return [value] * n
    return _flatten_up_to(element, value)


def _flatten_up_to(structure, value):
    if isinstance(structure, dict):
        return [v for k in sorted(structure) for v in _flatten_up_to(structure[k], value[k])]
    if isinstance(structure, (list, tuple)):
        return [v for s, x in zip(structure, value) for v in _flatten_up_to(s, x)]
    return [value]


def _pad_stack(parts, shape, value):
    if isinstance(parts[0], StringTensor):
        fill = b"" if value is None else _to_bytes(value)
    else:
        fill = 0 if value is None else value
    rank = len(parts[0].shape)
    target = [max(int(p.shape[d]) for p in parts) for d in range(rank)]
    if shape is not None:
        for d, s in enumerate(tuple(shape)):
            if s is not None and s != -1:
                target[d] = int(s)
    if isinstance(parts[0], StringTensor):
        out = np.full([len(parts)] + target, fill, dtype=object)
        for i, p in enumerate(parts):
            out[(i,) + tuple(slice(0, int(s)) for s in p.shape)] = p.view(np.ndarray)
        return out.view(StringTensor)
    out = torch.full([len(parts)] + target, fill, dtype=parts[0].dtype, device=parts[0].device)
    for i, p in enumerate(parts):
        out[(i,) + tuple(slice(0, int(s)) for s in p.shape)] = p
    return out


def _parallel_map(fn, source, workers):
    """`map(fn, source)` in a thread pool, keeping the input order, a bounded window ahead."""
    executor = concurrent.futures.ThreadPoolExecutor(max_workers=workers)
    pending = []
    try:
        iterator = iter(source)
        for element in iterator:
            pending.append(executor.submit(fn, element))
            if len(pending) >= 2 * workers:
                yield pending.pop(0).result()
        while pending:
            yield pending.pop(0).result()
    finally:
        for future in pending:
            future.cancel()
        executor.shutdown(wait=False)


def cardinality(dataset):
    """`tf.data.experimental.cardinality(dataset)`."""
    return dataset.cardinality()


experimental = types.SimpleNamespace(
    AUTOTUNE=AUTOTUNE,
    INFINITE_CARDINALITY=INFINITE_CARDINALITY,
    UNKNOWN_CARDINALITY=UNKNOWN_CARDINALITY,
    cardinality=cardinality,
    sample_from_datasets=Dataset.sample_from_datasets,
)
