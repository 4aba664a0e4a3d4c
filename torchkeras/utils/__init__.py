"""`keras.utils`: data utilities, seeding, the progress bar."""

import numpy as np

from torchkeras.backend.dtypes import standardize_dtype
from torchkeras.backend.global_state import clear_session
from torchkeras.backend.keras_tensor import is_keras_tensor
from torchkeras.backend.random import set_random_seed
from torchkeras.saving.object_registry import CustomObjectScope
from torchkeras.saving.object_registry import custom_object_scope
from torchkeras.saving.object_registry import get_custom_objects
from torchkeras.saving.object_registry import get_registered_name
from torchkeras.saving.object_registry import get_registered_object
from torchkeras.saving.object_registry import register_keras_serializable
from torchkeras.saving.serialization import deserialize_keras_object
from torchkeras.saving.serialization import serialize_keras_object
from torchkeras.utils import legacy
from torchkeras.utils.config import Config
from torchkeras.utils.io_utils import disable_interactive_logging
from torchkeras.utils.io_utils import enable_interactive_logging
from torchkeras.utils.io_utils import is_interactive_logging_enabled
from torchkeras.utils.operation_utils import get_source_inputs
from torchkeras.utils.progbar import Progbar
from torchkeras.trainers.data_adapters.data_adapter_utils import pack_x_y_sample_weight
from torchkeras.trainers.data_adapters.data_adapter_utils import unpack_x_y_sample_weight
from torchkeras.utils.py_dataset import PyDataset
from torchkeras.utils.py_dataset import Sequence
from torchkeras.utils.sequence_utils import pad_sequences
from torchkeras.utils.audio_dataset_utils import audio_dataset_from_directory
from torchkeras.utils.dataset_utils import split_dataset
from torchkeras.utils.file_download import get_file
from torchkeras.utils.image_dataset_utils import image_dataset_from_directory
from torchkeras.utils.image_utils import array_to_img
from torchkeras.utils.image_utils import img_to_array
from torchkeras.utils.image_utils import load_img
from torchkeras.utils.image_utils import save_img
from torchkeras.utils.model_visualization import model_to_dot
from torchkeras.utils.model_visualization import plot_model
from torchkeras.utils.text_dataset_utils import text_dataset_from_directory
from torchkeras.utils.timeseries_dataset_utils import timeseries_dataset_from_array


def to_categorical(x, num_classes=None):
    """Convert a class vector (integers) to a one-hot class matrix.

    Args:
        x: Array-like of class values (integers from 0 to `num_classes - 1`).
        num_classes: Total number of classes. Defaults to `max(x) + 1`.

    Example:

    >>> keras.utils.to_categorical([0, 2, 1], num_classes=3)
    array([[1., 0., 0.],
           [0., 0., 1.],
           [0., 1., 0.]])
    """
    x = np.array(x, dtype="int64")
    input_shape = x.shape
    if input_shape and input_shape[-1] == 1 and len(input_shape) > 1:
        input_shape = tuple(input_shape[:-1])
    x = x.reshape(-1)
    if not num_classes:
        num_classes = int(np.max(x)) + 1
    batch_size = x.shape[0]
    categorical = np.zeros((batch_size, num_classes))
    categorical[np.arange(batch_size), x] = 1
    output_shape = input_shape + (num_classes,)
    return np.reshape(categorical, output_shape)


def normalize(x, axis=-1, order=2):
    """Normalize an array along `axis` with the `order`-norm (L2 by default)."""
    x = np.asarray(x)
    norm = np.atleast_1d(np.linalg.norm(x, order, axis))
    norm[norm == 0] = 1
    return x / np.expand_dims(norm, axis)


__all__ = [
    "Config",
    "CustomObjectScope",
    "Progbar",
    "PyDataset",
    "Sequence",
    "array_to_img",
    "audio_dataset_from_directory",
    "clear_session",
    "custom_object_scope",
    "deserialize_keras_object",
    "disable_interactive_logging",
    "enable_interactive_logging",
    "get_custom_objects",
    "get_file",
    "get_registered_name",
    "get_registered_object",
    "get_source_inputs",
    "image_dataset_from_directory",
    "img_to_array",
    "is_interactive_logging_enabled",
    "is_keras_tensor",
    "legacy",
    "load_img",
    "model_to_dot",
    "normalize",
    "pack_x_y_sample_weight",
    "pad_sequences",
    "plot_model",
    "register_keras_serializable",
    "save_img",
    "serialize_keras_object",
    "set_random_seed",
    "split_dataset",
    "standardize_dtype",
    "text_dataset_from_directory",
    "timeseries_dataset_from_array",
    "to_categorical",
    "unpack_x_y_sample_weight",
]
