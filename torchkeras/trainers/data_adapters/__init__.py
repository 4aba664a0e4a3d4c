"""Data adapters: one iteration interface over arrays, generators, torch data and PyDatasets."""

import types
import warnings

import torch

from torchkeras.trainers.data_adapters import array_data_adapter
from torchkeras.trainers.data_adapters.array_data_adapter import ArrayDataAdapter
from torchkeras.trainers.data_adapters.data_adapter import DataAdapter
from torchkeras.trainers.data_adapters.generator_data_adapter import GeneratorDataAdapter
from torchkeras.trainers.data_adapters.py_dataset_adapter import PyDatasetAdapter
from torchkeras.trainers.data_adapters.torch_data_loader_adapter import ClassWeightedLoaderAdapter
from torchkeras.trainers.data_adapters.torch_data_loader_adapter import TorchDataLoaderAdapter
from torchkeras.trainers.data_adapters.torch_data_loader_adapter import dataset_to_dataloader
from torchkeras.utils.py_dataset import PyDataset

__all__ = [
    "ArrayDataAdapter",
    "DataAdapter",
    "GeneratorDataAdapter",
    "PyDatasetAdapter",
    "TorchDataLoaderAdapter",
    "get_data_adapter",
    "is_torch_dataloader",
    "is_torch_dataset",
]


def get_data_adapter(
    x,
    y=None,
    sample_weight=None,
    batch_size=None,
    steps_per_epoch=None,
    shuffle=False,
    class_weight=None,
):
    """Return the `DataAdapter` for the data given to `fit()`, `evaluate()` or `predict()`.

    Accepted: a `DataAdapter` (used as is); arrays (NumPy, torch, lists of scalars, pandas,
    scipy.sparse) and nested lists/tuples/dicts of them; a `keras.utils.PyDataset`; a
    `torch.utils.data.DataLoader`; a torch `Dataset` (batched by `batch_size`, default 32);
    a Python generator or iterator. `y` and `sample_weight` go with arrays only, and
    `class_weight` is refused for DataLoaders, Datasets and generators, with Keras's errors.

    Args:
        x: Input data.
        y: Target data (arrays only).
        sample_weight: Sample weights (arrays only).
        batch_size: Samples per batch (arrays and torch Datasets).
        steps_per_epoch: Batches per epoch; gives the batch size of arrays when `batch_size`
            is `None`.
        shuffle: `True`, `False` or `"batch"`. Ignored, with a warning, for data that comes
            in batches already (generators, DataLoaders, infinite PyDatasets).
        class_weight: Dict mapping class indices to weights.
    """
    if hasattr(x, "_as_torch_dataloader"):
        # A dataset object that knows its own batching (e.g. the tf.data compatibility Dataset):
        # it is read through a DataLoader, and, as Keras does for datasets, `shuffle` is ignored.
        for name, value, description in (
            ("y", y, "the targets"), ("sample_weights", sample_weight, "the sample weights")
        ):
            if value is not None:
                raise_unsupported_arg(name, description, "tf.data.Dataset")
        if shuffle:
            warnings.warn(
                "`shuffle=True` was passed, but will be ignored since the "
                "data `x` was provided as a tf.data.Dataset. The Dataset is "
                "expected to already be shuffled "
                "(via `.shuffle(buffer_size)`).",
                stacklevel=2,
            )
        if class_weight is not None:
            return ClassWeightedLoaderAdapter(x._as_torch_dataloader(), class_weight)
        return TorchDataLoaderAdapter(x._as_torch_dataloader())

    if isinstance(x, DataAdapter):
        return x

    if array_data_adapter.can_convert_arrays((x, y, sample_weight)):
        return ArrayDataAdapter(
            x,
            y,
            sample_weight=sample_weight,
            class_weight=class_weight,
            shuffle=shuffle,
            batch_size=batch_size,
            steps=steps_per_epoch,
        )

    if isinstance(x, PyDataset):
        if y is not None:
            raise_unsupported_arg("y", "the targets", "PyDataset")
        if sample_weight is not None:
            raise_unsupported_arg("sample_weights", "the sample weights", "PyDataset")
        if getattr(x, "num_batches", None) is None and shuffle:
            warnings.warn(
                "`shuffle=True` was passed, but will be ignored since the "
                "data `x` was provided as an infinite PyDataset. The "
                "PyDataset is expected to already be shuffled.",
                stacklevel=2,
            )
        return PyDatasetAdapter(x, class_weight=class_weight, shuffle=shuffle)

    if is_torch_dataloader(x):
        if y is not None:
            raise_unsupported_arg("y", "the targets", "torch DataLoader")
        if sample_weight is not None:
            raise_unsupported_arg("sample_weights", "the sample weights", "torch DataLoader")
        if class_weight is not None:
            raise ValueError(
                "Argument `class_weight` is not supported for torch "
                "DataLoader inputs. You can modify your `__getitem__ ` method"
                " to return input tensor, label and class_weight. "
                "Alternatively, use a custom training loop. See the User Guide "
                "https://keras.io/guides/custom_train_step_in_torch/"
                "#supporting-sampleweight-amp-classweight for more details. "
                f"Received: class_weight={class_weight}"
            )
        if shuffle:
            warnings.warn(
                "`shuffle=True` was passed, but will be ignored since the "
                "data `x` was provided as a torch DataLoader. The DataLoader "
                "is expected to already be shuffled.",
                stacklevel=2,
            )
        return TorchDataLoaderAdapter(x)

    if is_torch_dataset(x):
        # Not in Keras: a Dataset is batched here as arrays are, so `shuffle` applies.
        if y is not None:
            raise_unsupported_arg("y", "the targets", "torch Dataset")
        if sample_weight is not None:
            raise_unsupported_arg("sample_weights", "the sample weights", "torch Dataset")
        if class_weight is not None:
            raise ValueError(
                "Argument `class_weight` is not supported for torch "
                "Dataset inputs. You can modify your `__getitem__ ` method"
                " to return input tensor, label and class_weight. "
                f"Received: class_weight={class_weight}"
            )
        if shuffle and isinstance(x, torch.utils.data.IterableDataset):
            warnings.warn(
                "`shuffle=True` was passed, but will be ignored since the "
                "data `x` was provided as a torch IterableDataset. The IterableDataset "
                "is expected to already be shuffled.",
                stacklevel=2,
            )
        return TorchDataLoaderAdapter(
            dataset_to_dataloader(x, batch_size, steps=steps_per_epoch, shuffle=shuffle)
        )

    if isinstance(x, types.GeneratorType) or _is_iterator(x):
        if y is not None:
            raise_unsupported_arg("y", "the targets", "generator")
        if sample_weight is not None:
            raise_unsupported_arg("sample_weights", "the sample weights", "generator")
        if class_weight is not None:
            raise ValueError(
                "Argument `class_weight` is not supported for Python "
                f"generator inputs. Received: class_weight={class_weight}"
            )
        if shuffle:
            warnings.warn(
                "`shuffle=True` was passed, but will be ignored since the "
                "data `x` was provided as a generator. The generator "
                "is expected to yield already-shuffled data.",
                stacklevel=2,
            )
        return GeneratorDataAdapter(x)

    raise ValueError(f"Unrecognized data type: x={x} (of type {type(x)})")


def raise_unsupported_arg(arg_name, arg_description, input_type):
    raise ValueError(
        f"When providing `x` as a {input_type}, `{arg_name}` "
        f"should not be passed. Instead, {arg_description} should "
        f"be included as part of the {input_type}."
    )


def is_torch_dataloader(x):
    return isinstance(x, torch.utils.data.DataLoader)


def is_torch_dataset(x):
    return isinstance(x, torch.utils.data.Dataset)


def _is_iterator(x):
    # Any iterator (itertools objects, `iter(...)`) reads like a generator; Keras takes
    # generators only.
    return hasattr(x, "__next__") and hasattr(x, "__iter__") and not isinstance(x, (str, bytes))
