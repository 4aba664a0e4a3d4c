"""`keras.saving.save_model` / `load_model` / `save_weights` / `load_weights`.

These check the arguments and the file extension, then hand over to `saving_lib` (`.keras`,
`.weights.h5`) or to the legacy HDF5 module (`.h5`) when it is available.
"""

import json
import os
import zipfile

from torchkeras.saving import file_utils
from torchkeras.saving import legacy_h5
from torchkeras.saving import saving_lib
from torchkeras.utils import io_utils


def _ask_to_proceed_with_overwrite(filepath):
    """Ask on stdin whether `filepath` may be overwritten; `True` to proceed."""
    answer = input(f"[WARNING] {filepath} already exists - overwrite? [y/n]").strip().lower()
    while answer not in ("y", "n"):
        answer = input('Enter "y" (overwrite) or "n" (cancel).').strip().lower()
    if answer == "n":
        return False
    io_utils.print_msg("[TIP] Next time specify overwrite=True!")
    return True


# Set by `torchkeras.compat.install()`: an extension-less path saves a directory, as tf.keras 2's
# `model.save("my_model")` did (in torchkeras's own format, not TensorFlow's SavedModel).
_EXTENSIONLESS_AS_DIRECTORY = False


def save_model(model, filepath, overwrite=True, zipped=None, **kwargs):
    """Saves a model as a `.keras` file.

    Args:
        model: Keras model instance to be saved.
        filepath: `str` or `pathlib.Path` object. Path where to save the model.
        overwrite: Whether we should overwrite any existing model at the target location, or
            instead ask the user via an interactive prompt. Defaults to `True`.
        zipped: Whether to save the model as a zipped `.keras` archive (the default), or as an
            unzipped directory.

    The saved `.keras` file is a `zip` archive that contains the model's configuration, its
    weights and its optimizer's state, so that the model can be reinstantiated in the exact
    same state. The file is written to a temporary file first: a failed save leaves any previous
    file at `filepath` intact.

    Example:

    ```python
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(5)])
    model.save("model.keras")
    loaded_model = keras.saving.load_model("model.keras")
    ```
    """
    include_optimizer = kwargs.pop("include_optimizer", True)
    save_format = kwargs.pop("save_format", False)
    path_str = str(os.fspath(filepath))
    if save_format:
        if not path_str.endswith((".h5", ".hdf5", ".keras")):
            raise ValueError(
                "The `save_format` argument is deprecated in Keras 3. Please remove this "
                "argument and pass a file path with either `.keras` or `.h5` extension."
                f"Received: save_format={save_format}"
            )
    if kwargs:
        raise ValueError(f"The following argument(s) are not supported: {list(kwargs.keys())}")
    if zipped is None:
        zipped = True
    if os.path.exists(path_str) and not overwrite:
        if not _ask_to_proceed_with_overwrite(path_str):
            return
    if zipped and path_str.endswith(".keras"):
        return saving_lib.save_model(model, filepath)
    if not zipped or (_EXTENSIONLESS_AS_DIRECTORY and not os.path.splitext(path_str)[1]):
        # tf.keras 2's `model.save("dir")` (under the compat shim) writes a directory.
        return saving_lib.save_model(model, filepath, zipped=False)
    if path_str.endswith((".h5", ".hdf5")):
        return legacy_h5.save_model_to_hdf5(
            model, filepath, overwrite, include_optimizer
        )
    raise ValueError(
        "Invalid filepath extension for saving. Please add either a `.keras` extension for the "
        "native Keras format (recommended) or a `.h5` extension. Use `model.export(filepath)` "
        "if you want to export a SavedModel for use with TFLite/TFServing/etc. "
        f"Received: filepath={filepath}."
    )


def load_model(filepath, custom_objects=None, compile=True, safe_mode=True):
    """Loads a model saved via `model.save()`.

    Args:
        filepath: `str` or `pathlib.Path` object, path to the saved model file.
        custom_objects: Optional dictionary mapping names (strings) to custom classes or
            functions to be considered during deserialization.
        compile: Boolean, whether to compile the model after loading. Defaults to `True`.
        safe_mode: Boolean, whether to disallow unsafe `lambda` deserialization. When
            `safe_mode=False`, loading an object has the potential to trigger arbitrary code
            execution. Defaults to `True`.

    Returns:
        A Keras model instance. If the original model was compiled, and `compile=True`, the
        returned model is compiled, with its optimizer state restored.

    Example:

    ```python
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(5)])
    model.save("model.keras")
    loaded_model = keras.saving.load_model("model.keras")
    ```
    """
    path_str = str(os.fspath(filepath))
    is_keras_dir = os.path.isdir(path_str) and os.path.exists(
        os.path.join(path_str, "config.json")
    )
    if path_str.endswith(".keras"):
        if not os.path.isfile(path_str):
            raise ValueError(
                f"File not found: filepath={filepath}. Please ensure the file is an accessible "
                "`.keras` zip file."
            )
        if not zipfile.is_zipfile(path_str):
            raise ValueError(
                "The file is not a valid .keras file (corrupt or truncated). "
                f"Received: filepath={filepath}"
            )
    if path_str.endswith(".keras") or is_keras_dir:
        return saving_lib.load_model(
            filepath, custom_objects=custom_objects, compile=compile, safe_mode=safe_mode
        )
    if path_str.endswith((".h5", ".hdf5")):
        # Variables a loaded config declares are charged against the load limit, as for .keras.
        with file_utils.allocation_budget(file_utils.get_max_load_bytes()):
            return legacy_h5.load_model_from_hdf5(
                filepath, custom_objects=custom_objects, compile=compile, safe_mode=safe_mode
            )
    raise ValueError(
        f"File format not supported: filepath={filepath}. Keras 3 only supports V3 `.keras` "
        "files, legacy H5 format files (`.h5` extension). Note that the legacy SavedModel "
        "format is not supported by `load_model()` in Keras 3."
    )


def save_weights(model, filepath, overwrite=True, **kwargs):
    """Saves all of the model's weights (and its optimizer's state) to a `.weights.h5` file.

    Args:
        model: The model whose weights are saved.
        filepath: `str` or `pathlib.Path` object. Path where the weights will be saved. It must
            end in `.weights.h5`, or in `.safetensors` for a safetensors file keyed by the
            variable paths (model weights only, no optimizer state).
        overwrite: Whether to overwrite an existing file silently, or to ask on stdin. Defaults
            to `True`.
    """
    path_str = str(os.fspath(filepath))
    if kwargs.get("max_shard_size") is not None:
        raise NotImplementedError(
            "Model.save_weights(): sharded weights (`max_shard_size`) are not supported yet. "
            "See compat/DIFFERENCES.md."
        )
    kwargs.pop("max_shard_size", None)
    objects_to_skip = kwargs.pop("objects_to_skip", None)
    if kwargs:
        raise ValueError(f"Invalid keyword arguments: {kwargs}")
    if path_str.endswith(".safetensors"):
        if os.path.exists(path_str) and not overwrite:
            if not _ask_to_proceed_with_overwrite(path_str):
                return
        from torchkeras.saving import safetensors_io

        return safetensors_io.save_weights(model, filepath)
    if not path_str.endswith(".weights.h5"):
        raise ValueError(
            f"The filename must end in `.weights.h5`. Received: filepath={path_str}"
        )
    if os.path.exists(path_str) and not overwrite:
        if not _ask_to_proceed_with_overwrite(path_str):
            return
    saving_lib.save_weights_only(model, filepath, objects_to_skip=objects_to_skip)


def load_weights(model, filepath, skip_mismatch=False, **kwargs):
    """Loads weights saved by `save_weights()` (or the weights of a `.keras` file).

    Args:
        model: The model to load the weights into. It must be built.
        filepath: `str` or `pathlib.Path` object: a `.weights.h5`, `.keras` or `.safetensors`
            file, or a legacy `.h5` file.
        skip_mismatch: Boolean, whether to skip (with a warning) the objects whose variables
            do not match the file in number or shape, instead of raising. Defaults to `False`.
    """
    path_str = str(os.fspath(filepath))
    objects_to_skip = kwargs.pop("objects_to_skip", None)
    by_name = kwargs.pop("by_name", None)
    if kwargs:
        raise ValueError(f"Invalid keyword arguments: {kwargs}")
    if path_str.endswith(".safetensors"):
        if objects_to_skip is not None or by_name is not None:
            raise ValueError(
                "`objects_to_skip` and `by_name` are not supported for '.safetensors' files. "
                f"Received: {filepath}"
            )
        from torchkeras.saving import safetensors_io

        return safetensors_io.load_weights(model, filepath, skip_mismatch=skip_mismatch)
    if path_str.endswith(".keras") or path_str.endswith(".weights.h5"):
        if objects_to_skip is not None and path_str.endswith(".keras"):
            raise ValueError(
                "`objects_to_skip` only supports loading '.weights.h5' files."
                f"Received: {filepath}"
            )
        if by_name is not None:
            raise ValueError(
                f"`by_name` only supports loading legacy '.h5' or '.hdf5' files. Received: "
                f"{filepath}"
            )
        return saving_lib.load_weights_only(
            model, filepath, skip_mismatch=skip_mismatch, objects_to_skip=objects_to_skip
        )
    if path_str.endswith((".h5", ".hdf5")):
        if objects_to_skip is not None:
            raise ValueError(
                "`objects_to_skip` only supports loading '.weights.h5' files."
                f"Received: {filepath}"
            )
        return legacy_h5.load_weights(
            model, filepath, skip_mismatch=skip_mismatch, by_name=bool(by_name)
        )
    raise ValueError(
        f"File format not supported: filepath={filepath}. Keras 3 only supports V3 `.keras` "
        "files, `.weights.h5` files, legacy H5 format files (`.h5` extension)."
    )


def model_from_json(json_string, custom_objects=None):
    """Parses a JSON model configuration string and returns a model instance.

    Example:

    >>> model = keras.Sequential([
    ...     keras.layers.Dense(5, input_shape=(3,)),
    ...     keras.layers.Softmax()])
    >>> config = model.to_json()
    >>> loaded_model = keras.models.model_from_json(config)

    Args:
        json_string: JSON string encoding a model configuration.
        custom_objects: Optional dictionary mapping names (strings) to custom classes or
            functions to be considered during deserialization.

    Returns:
        A Keras model instance (uncompiled).
    """
    from torchkeras import layers

    model_config = json.loads(json_string)
    with file_utils.allocation_budget(file_utils.get_max_load_bytes()):
        return layers.deserialize(model_config, custom_objects=custom_objects)
