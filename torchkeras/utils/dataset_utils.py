"""`keras.utils.split_dataset` and the directory indexing the `*_dataset_from_directory`
builders share.

The file order, the seeded shuffle of file paths and the training/validation cut are Keras's
exactly (`np.random.RandomState(seed)` over the sorted `os.walk` listing), so for a given seed
the training and validation files are the same ones Keras picks.
"""

import os
import random
import time
import warnings

import numpy as np
import torch

from torchkeras.utils import io_utils
from torchkeras.utils import tree


def split_dataset(dataset, left_size=None, right_size=None, shuffle=False, seed=None,
                  preferred_backend=None):
    """Splits a dataset into a left half and a right half (e.g. train / test).

    Args:
        dataset: A `tf.data.Dataset` (`torchkeras.compat.tensorflow.data.Dataset`), a
            `torch.utils.data.Dataset` object, or a list/tuple of arrays with the same length.
        left_size: If float (in the range `[0, 1]`), it signifies the fraction of the data to
            pack in the left dataset. If integer, it signifies the number of samples to pack in
            the left dataset. If `None`, defaults to the complement to `right_size`. Defaults
            to `None`.
        right_size: If float (in the range `[0, 1]`), it signifies the fraction of the data to
            pack in the right dataset. If integer, it signifies the number of samples to pack in
            the right dataset. If `None`, defaults to the complement to `left_size`. Defaults
            to `None`.
        shuffle: Boolean, whether to shuffle the data before splitting it.
        seed: A random seed for shuffling.
        preferred_backend: String, `"tensorflow"` or `"torch"`. If `None`, inferred from the
            type of `dataset`: a `torch.utils.data.Dataset` gives `"torch"`, anything else
            `"tensorflow"` (Keras's choice on its TensorFlow backend). Defaults to `None`.

    Returns:
        A tuple of two datasets, the left and right splits: `tf.data`-style Datasets, or
        `torch.utils.data.Subset`s with the `"torch"` backend.

    Example:

    >>> data = np.random.random(size=(1000, 4))
    >>> left_ds, right_ds = keras.utils.split_dataset(data, left_size=0.8)
    >>> int(left_ds.cardinality())
    800
    """
    preferred_backend = preferred_backend or _infer_preferred_backend(dataset)
    if preferred_backend != "torch":
        return _split_dataset_tf(dataset, left_size, right_size, shuffle, seed)
    return _split_dataset_torch(dataset, left_size, right_size, shuffle, seed)


def _split_dataset_tf(dataset, left_size, right_size, shuffle, seed):
    from torchkeras.compat.tensorflow import data as tf_data

    type_spec = _get_type_spec(dataset)
    if type_spec is None:
        raise TypeError(
            "The `dataset` argument must be either"
            "a `tf.data.Dataset` object, or"
            "a list/tuple of arrays. "
            f"Received: dataset={dataset} of type {type(dataset)}"
        )
    _check_sizes_given(left_size, right_size)
    samples = _convert_dataset_to_list(dataset, type_spec)
    if shuffle:
        if seed is None:
            seed = random.randint(0, int(1e6))
        # Keras calls `random.seed(seed); random.shuffle(...)`: a private `Random(seed)` draws
        # the same permutation without reseeding the user's global generator.
        random.Random(seed).shuffle(samples)
    total = len(samples)
    left_size, right_size = _rescale_dataset_split_sizes(left_size, right_size, total)
    left = _restore_dataset_from_list(samples[:left_size], type_spec, dataset)
    right = _restore_dataset_from_list(samples[-right_size:], type_spec, dataset)
    left = tf_data.Dataset.from_tensor_slices(left)
    right = tf_data.Dataset.from_tensor_slices(right)
    batch_size = getattr(dataset, "_batch_size", None)
    if type_spec is tf_data.Dataset and batch_size is not None:
        left, right = left.batch(batch_size), right.batch(batch_size)
    return left, right


def _split_dataset_torch(dataset, left_size, right_size, shuffle, seed):
    from torchkeras.compat.tensorflow import data as tf_data

    type_spec = _get_type_spec(dataset)
    if type_spec is None:
        raise TypeError(
            "The `dataset` argument must be a `torch.utils.data.Dataset`"
            " object, or a list/tuple of arrays."
            f" Received: dataset={dataset} of type {type(dataset)}"
        )
    if not isinstance(dataset, torch.utils.data.Dataset):
        if type_spec is np.ndarray:
            dataset = torch.utils.data.TensorDataset(torch.from_numpy(dataset))
        elif type_spec in (list, tuple):
            dataset = torch.utils.data.TensorDataset(*[torch.from_numpy(x) for x in dataset])
        elif type_spec is tf_data.Dataset:
            samples = _convert_dataset_to_list(dataset, type_spec)
            tensors = [torch.from_numpy(np.array(component)) for component in zip(*samples)]
            dataset = torch.utils.data.TensorDataset(*tensors)
    _check_sizes_given(left_size, right_size)
    left_size, right_size = _rescale_dataset_split_sizes(left_size, right_size, len(dataset))
    generator = None
    if shuffle:
        generator = torch.Generator()
        if seed is not None:
            generator.manual_seed(seed)
        else:
            generator.seed()
    return tuple(torch.utils.data.random_split(dataset, [left_size, right_size],
                                               generator=generator))


def _check_sizes_given(left_size, right_size):
    if right_size is None and left_size is None:
        raise ValueError(
            "At least one of the `left_size` or `right_size` "
            "must be specified. Received: left_size=None and "
            "right_size=None"
        )


def _infer_preferred_backend(dataset):
    from torchkeras.compat.tensorflow import data as tf_data

    if isinstance(dataset, (list, tuple, np.ndarray, tf_data.Dataset)):
        # Keras on TensorFlow (the reference) splits arrays into tf.data Datasets.
        return "tensorflow"
    if isinstance(dataset, torch.utils.data.Dataset):
        return "torch"
    raise TypeError(f"Unsupported dataset type: {type(dataset)}")


def _get_type_spec(dataset):
    from torchkeras.compat.tensorflow import data as tf_data

    for kind in (tuple, list, np.ndarray, tf_data.Dataset, torch.utils.data.Dataset):
        if isinstance(dataset, kind):
            return kind
    return None


def _check_arrays(dataset, kind):
    name = "list" if kind is list else "tuple"
    if len(dataset) == 0:
        if kind is list:
            raise ValueError(
                "Received an empty list dataset. Please provide a non-empty list of arrays."
            )
        raise ValueError(
            "Received an empty list dataset.Please provide a non-empty tuple of arrays."
        )
    expected_shape = None
    for i, element in enumerate(dataset):
        if not isinstance(element, np.ndarray):
            raise ValueError(
                f"Expected a {name} of `numpy.ndarray` objects,"
                f"Received: {type(element)} at index {i}."
            )
        if expected_shape is None:
            expected_shape = element.shape
        elif element.shape[0] != expected_shape[0]:
            raise ValueError(
                f"Received a {name} of NumPy arrays with different lengths."
                f"Mismatch found at index {i}, "
                f"Expected shape={expected_shape} "
                f"Received shape={np.array(element).shape}."
                f"Please provide a {name} of NumPy arrays of the same length."
            )


def _convert_dataset_to_list(dataset, type_spec):
    """Return the samples of `dataset` as a list (NumPy leaves), checking equal shapes."""
    from torchkeras.compat.tensorflow import data as tf_data

    if type_spec in (list, tuple):
        _check_arrays(dataset, type_spec)
        iterator = iter(zip(*dataset))
    elif type_spec is tf_data.Dataset:
        if hasattr(dataset, "_batch_size"):
            dataset = dataset.unbatch()
        iterator = (tree.map_structure(tf_data._leaf_to_numpy, e) for e in dataset)
    else:
        iterator = iter(dataset)

    samples = []
    start_time = time.time()
    warn = True
    first_shape = None
    for i, sample in enumerate(iterator):
        if i == 0:
            if isinstance(sample, (np.ndarray, torch.Tensor)):
                first_shape = np.array(sample).shape
        elif first_shape is not None:
            if first_shape != np.array(sample).shape:
                raise ValueError(
                    "All `dataset` samples must have same shape, "
                    f"Expected shape: {np.array(samples[0]).shape} "
                    f"Received shape: {np.array(sample).shape} at index "
                    f"{i - 1}."
                )
        if warn and i % 10 == 1 and int(time.time() - start_time) > 10:
            warnings.warn(
                "The dataset is taking longer than 10 seconds to "
                "iterate over. This may be due to the size of the "
                "dataset. Keep in mind that the `split_dataset` "
                "utility is only for small in-memory dataset "
                "(e.g. < 10,000 samples).",
                category=ResourceWarning,
                source="split_dataset",
            )
            warn = False
        samples.append(sample)
    if not samples:
        raise ValueError(
            "Received an empty dataset. Argument `dataset` must "
            "be a non-empty list/tuple of `numpy.ndarray` objects "
            "or `tf.data.Dataset` objects."
        )
    return samples


def _rescale_dataset_split_sizes(left_size, right_size, total_length):
    """Return `(left_size, right_size)` as sample counts, with Keras's checks and errors."""
    left_type, right_type = type(left_size), type(right_size)
    if (left_size is not None and left_type not in (int, float)) and (
        right_size is not None and right_type not in (int, float)
    ):
        raise TypeError(
            "Invalid `left_size` and `right_size` Types. Expected: "
            "integer or float or None, Received: type(left_size)="
            f"{left_type} and type(right_size)={right_type}"
        )
    if left_size is not None and left_type not in (int, float):
        raise TypeError(
            "Invalid `left_size` Type. Expected: int or float or None, "
            f"Received: type(left_size)={left_type}.  "
        )
    if right_size is not None and right_type not in (int, float):
        raise TypeError(
            "Invalid `right_size` Type. "
            "Expected: int or float or None,"
            f"Received: type(right_size)={right_type}."
        )
    if left_size == 0 and right_size == 0:
        raise ValueError(
            "Both `left_size` and `right_size` are zero. "
            "At least one of the split sizes must be non-zero."
        )
    if (left_type is int and (left_size <= 0 or left_size >= total_length)) or (
        left_type is float and (left_size <= 0 or left_size >= 1)
    ):
        raise ValueError(
            "`left_size` should be either a positive integer "
            f"smaller than {total_length}, or a float "
            "within the range `[0, 1]`. Received: left_size="
            f"{left_size}"
        )
    if (right_type is int and (right_size <= 0 or right_size >= total_length)) or (
        right_type is float and (right_size <= 0 or right_size >= 1)
    ):
        raise ValueError(
            "`right_size` should be either a positive integer "
            f"and smaller than {total_length} or a float "
            "within the range `[0, 1]`. Received: right_size="
            f"{right_size}"
        )
    if right_type is left_type is float and right_size + left_size > 1:
        raise ValueError(
            "The sum of `left_size` and `right_size` is greater "
            "than 1. It must be less than or equal to 1."
        )
    if left_type is float:
        left_size = round(left_size * total_length)
    elif left_type is int:
        left_size = float(left_size)
    if right_type is float:
        right_size = round(right_size * total_length)
    elif right_type is int:
        right_size = float(right_size)
    if left_size is None:
        left_size = total_length - right_size
    elif right_size is None:
        right_size = total_length - left_size
    if left_size + right_size > total_length:
        raise ValueError(
            "The sum of `left_size` and `right_size` should "
            f"be smaller than the {total_length}. "
            f"Received: left_size + right_size = {left_size + right_size}"
            f"and total_length = {total_length}"
        )
    for split, side in ((left_size, "left"), (right_size, "right")):
        if split == 0:
            raise ValueError(
                f"With `dataset` of length={total_length}, `left_size`="
                f"{left_size} and `right_size`={right_size}."
                f"Resulting {side} side dataset split will be empty. "
                "Adjust any of the aforementioned parameters"
            )
    return int(left_size), int(right_size)


def _restore_dataset_from_list(samples, type_spec, original):
    """Stack a list of samples back into arrays with the structure of one sample."""
    if type_spec is np.ndarray:
        array = np.array(samples)
        if array.ndim == 1 and array.dtype == np.int64:
            array = array.astype(np.int32)  # TensorFlow reads a list of int64 scalars as int32
        return array
    structure = samples[0]
    flat = [tree.flatten(sample) for sample in samples]
    columns = [np.array([np.asarray(v) for v in column]) for column in zip(*flat)]
    packed = tree.pack_sequence_as(structure, columns)
    return _lists_to_tuples(packed)


def _lists_to_tuples(structure):
    if isinstance(structure, dict):
        return {k: _lists_to_tuples(v) for k, v in structure.items()}
    if isinstance(structure, (list, tuple)):
        return tuple(_lists_to_tuples(v) for v in structure)
    return structure


# -- directory indexing (shared by the *_dataset_from_directory builders) --------------------------
def index_directory(directory, labels, formats, class_names=None, shuffle=True, seed=None,
                    follow_links=False, verbose=True):
    """List all files in `directory` with their labels, in Keras's order.

    Args:
        directory: Directory where the data is located. With `labels="inferred"` it should
            contain one subdirectory per class.
        labels: `"inferred"`, `None`, or a list/tuple of integer labels, one per file in the
            alphanumeric order of the file paths.
        formats: Allowed file extensions (e.g. `(".jpg", ".png")`).
        class_names: Only with `labels="inferred"`: the subdirectories to use, in order.
        shuffle: Whether to shuffle the files (seeded with `seed`). Defaults to `True`.
        seed: Random seed for shuffling.
        follow_links: Whether to visit subdirectories pointed to by symlinks.
        verbose: Whether to print the number of files and classes found. Defaults to `True`.

    Returns:
        `(file_paths, labels, class_names)`.
    """
    directory = os.fspath(directory)
    if labels == "inferred":
        subdirs = []
        for subdir in sorted(os.listdir(directory)):
            if os.path.isdir(os.path.join(directory, subdir)) and not subdir.startswith("."):
                subdirs.append(subdir.rstrip("/"))
        if class_names is not None:
            if not set(class_names).issubset(set(subdirs)):
                raise ValueError(
                    "The `class_names` passed did not match the "
                    "names of the subdirectories of the target directory. "
                    f"Expected: {subdirs} (or a subset of it), "
                    f"but received: class_names={class_names}"
                )
            subdirs = class_names  # the user's order
    else:
        subdirs = [""]
        if class_names is not None:
            if labels is None:
                raise ValueError(
                    "When `labels=None` (no labels), argument `class_names` "
                    "cannot be specified."
                )
            raise ValueError(
                "When argument `labels` is specified, argument "
                "`class_names` cannot be specified (the `class_names` "
                "will be the sorted list of labels)."
            )
    class_names = subdirs
    class_indices = {name: i for i, name in enumerate(class_names)}

    filenames, inferred = [], []
    for subdir in subdirs:
        names, indices = _index_subdirectory(
            os.path.join(directory, subdir), class_indices, follow_links, formats)
        filenames += names
        inferred += indices

    if labels == "inferred":
        labels = np.array(inferred, dtype="int32")
    elif labels is None:
        class_names = None
    else:
        if len(labels) != len(filenames):
            raise ValueError(
                "Expected the lengths of `labels` to match the number "
                "of files in the target directory. len(labels) is "
                f"{len(labels)} while we found {len(filenames)} files "
                f"in directory {directory}."
            )
        class_names = [str(label) for label in sorted(set(labels))]
    if verbose:
        if labels is None:
            io_utils.print_msg(f"Found {len(filenames)} files.")
        else:
            io_utils.print_msg(
                f"Found {len(filenames)} files belonging to {len(class_names)} classes."
            )
    file_paths = [os.path.join(directory, name) for name in filenames]
    if shuffle:
        # Shuffle globally to erase macro-structure; paths and labels get the same permutation.
        if seed is None:
            seed = np.random.randint(1e6)
        np.random.RandomState(seed).shuffle(file_paths)
        if labels is not None:
            if not isinstance(labels, np.ndarray):
                labels = list(labels)
            np.random.RandomState(seed).shuffle(labels)
    return file_paths, labels, class_names


def _index_subdirectory(directory, class_indices, follow_links, formats):
    dirname = os.path.basename(directory)
    filenames, labels = [], []
    walk = os.walk(directory, followlinks=follow_links)
    for root, _, files in sorted(walk, key=lambda x: x[0]):
        for fname in sorted(files):
            if fname.lower().endswith(formats):
                labels.append(class_indices[dirname])
                absolute = os.path.join(root, fname)
                filenames.append(os.path.join(dirname, os.path.relpath(absolute, directory)))
    return filenames, labels


def get_training_or_validation_split(samples, labels, validation_split, subset):
    """Restrict samples and labels to the training or validation part, as Keras cuts them
    (the validation part is the last `int(validation_split * len(samples))` samples)."""
    if not validation_split:
        return samples, labels
    num_val_samples = int(validation_split * len(samples))
    if subset == "training":
        io_utils.print_msg(f"Using {len(samples) - num_val_samples} files for training.")
        samples = samples[:-num_val_samples]
        if labels is not None:
            labels = labels[:-num_val_samples]
    elif subset == "validation":
        io_utils.print_msg(f"Using {num_val_samples} files for validation.")
        samples = samples[-num_val_samples:]
        if labels is not None:
            labels = labels[-num_val_samples:]
    else:
        raise ValueError(
            f'`subset` must be either "training" or "validation", received: {subset}'
        )
    return samples, labels


def check_validation_split_arg(validation_split, subset, shuffle, seed):
    """Raise Keras's errors for invalid `validation_split`/`subset`/`seed` combinations."""
    if validation_split and not 0 < validation_split < 1:
        raise ValueError(
            f"`validation_split` must be between 0 and 1, received: {validation_split}"
        )
    if (validation_split or subset) and not (validation_split and subset):
        raise ValueError(
            "If `subset` is set, `validation_split` must be set, and inversely."
        )
    if subset not in ("training", "validation", "both", None):
        raise ValueError(
            '`subset` must be either "training", '
            f'"validation" or "both", received: {subset}'
        )
    if validation_split and shuffle and seed is None:
        raise ValueError(
            "If using `validation_split` and shuffling the data, you must "
            "provide a `seed` argument, to make sure that there is no "
            "overlap between the training and validation subset."
        )


def check_labels_args(labels, label_mode, class_names, what):
    """The `labels`/`label_mode`/`class_names` checks the builders share (`what`: "image"
    or "text"; the audio builder words its first message differently)."""
    if labels not in ("inferred", None):
        if not isinstance(labels, (list, tuple)):
            if what == "audio":
                raise ValueError(
                    "The `labels` argument should be a list/tuple of integer "
                    "labels, of the same size as the number of audio files in "
                    "the target directory. If you wish to infer the labels from "
                    "the subdirectory names in the target directory,"
                    ' pass `labels="inferred"`. '
                    "If you wish to get a dataset that only contains audio samples "
                    f"(no labels), pass `labels=None`. Received: labels={labels}"
                )
            samples = "images" if what == "image" else "text samples"
            raise ValueError(
                "`labels` argument should be a list/tuple of integer labels, "
                f"of the same size as the number of {what} files in the target "
                "directory. If you wish to infer the labels from the "
                "subdirectory names in the target directory, "
                'pass `labels="inferred"`. '
                f"If you wish to get a dataset that only contains {samples} "
                f"(no labels), pass `labels=None`. Received: labels={labels}"
            )
        if class_names:
            raise ValueError(
                "You can only pass `class_names` if "
                f'`labels="inferred"`. Received: labels={labels}, and '
                f"class_names={class_names}"
            )
    if label_mode not in {"int", "categorical", "binary", None}:
        if what == "audio":
            raise ValueError(
                '`label_mode` argument must be one of "int", "categorical", "binary", '
                f"or None. Received: label_mode={label_mode}"
            )
        raise ValueError(
            '`label_mode` argument must be one of "int", '
            '"categorical", "binary", '
            f"or None. Received: label_mode={label_mode}"
        )


def check_binary(label_mode, class_names):
    if label_mode == "binary" and len(class_names) != 2:
        raise ValueError(
            'When passing `label_mode="binary"`, there must be exactly 2 '
            f"class_names. Received: class_names={class_names}"
        )


def encode_labels(labels, label_mode, num_classes):
    """Labels as Keras's datasets yield them: int32 `(n,)`, binary float32 `(n, 1)`, or
    categorical one-hot float32 `(n, num_classes)`."""
    array = np.asarray(labels)
    if array.dtype.kind in "iu":
        array = array.astype("int32")  # TensorFlow reads Python ints as int32
    elif array.dtype.kind == "f":
        array = array.astype("float32")
    tensor = torch.from_numpy(np.ascontiguousarray(array))
    if label_mode == "binary":
        return tensor.to(torch.float32).unsqueeze(-1)
    if label_mode == "categorical":
        return torch.nn.functional.one_hot(tensor.long(), num_classes).to(torch.float32)
    return tensor


def paths_and_labels_dataset(paths, labels, label_mode, num_classes, load, shuffle=False,
                             shuffle_buffer_size=None, seed=None):
    """The `(content, label)` (or `content`) dataset of `paths`, decoded lazily by `load(path)`
    in a thread pool, shuffled with a buffer as Keras's builders do."""
    from torchkeras.compat.tensorflow import data as tf_data

    path_leaf = tf_data.string_tensor(list(paths))
    if label_mode:
        ds = tf_data.Dataset.from_tensor_slices(
            (path_leaf, encode_labels(labels, label_mode, num_classes)))
    else:
        ds = tf_data.Dataset.from_tensor_slices(path_leaf)
    if shuffle:
        ds = ds.shuffle(buffer_size=shuffle_buffer_size or 1024, seed=seed)

    def read(path):
        return load(path.numpy().decode("utf-8"))

    if label_mode:
        return ds.map(lambda x, y: (read(x), y), num_parallel_calls=tf_data.AUTOTUNE)
    return ds.map(read, num_parallel_calls=tf_data.AUTOTUNE)
