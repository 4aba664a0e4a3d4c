"""The Keras 3 file formats: `.keras` archives and `.weights.h5` files.

A `.keras` file is an uncompressed zip holding `metadata.json` (`keras_version`, `date_saved`),
`config.json` (the model's `serialize_keras_object` config, with its `build_config` and
`compile_config`) and `model.weights.h5`. A `.weights.h5` file is that last member alone.

Weights are addressed as Keras addresses them, by a walk of the object structure, never by
torch `state_dict` keys: a model's layers (Sequential, Functional) are listed under `layers/`,
named by their snake-cased class (`dense`, `dense_1`, ...); any other layer or optimizer reached
through an attribute is stored under the attribute's name (`optimizer`, `encoder`), and layers in
lists or dicts under the list's name and the class name (`blocks/dense_1`). Each object's own
variables are numbered in Keras order: trainable ones, then non-trainable ones, in creation
order. So the same model built in Keras and in torchkeras reads and writes the same file.

No pickle is involved anywhere, and every file is written to a temporary file first (see
`file_utils`), so a failed save leaves the previous file intact.
"""

import contextlib
import datetime
import io
import json
import os
import threading
import warnings
import zipfile

from torchkeras.saving import assets
from torchkeras.saving import file_utils
from torchkeras.saving import object_registry
from torchkeras.saving import weights_h5

# The Keras release whose formats and behaviour torchkeras follows; written as `keras_version`.
KERAS_VERSION = "3.15.1"

_CONFIG_FILENAME = "config.json"
_METADATA_FILENAME = "metadata.json"
_VARS_FNAME_H5 = "model.weights.h5"
# A zip member that declares this much more than it stores is a decompression bomb.
_ZIP_MEMBER_BOMB_FLOOR_BYTES = 1 << 30
_ZIP_MEMBER_MAX_EXPANSION = 100


# -- safe mode ---------------------------------------------------------------------------------
_SAFE_MODE = threading.local()
_GLOBAL_SAFE_MODE = None


class SafeModeScope:
    """Scope that tells nested deserialization whether unsafe objects (Lambda bytecode) may load.

    Args:
        safe_mode: Boolean. `True` refuses Python lambdas stored as bytecode. Defaults to `True`.
    """

    def __init__(self, safe_mode=True):
        self.safe_mode = safe_mode

    def __enter__(self):
        self._previous = getattr(_SAFE_MODE, "value", None)
        _SAFE_MODE.value = self.safe_mode
        return self

    def __exit__(self, *args, **kwargs):
        _SAFE_MODE.value = self._previous


def in_safe_mode():
    """The ambient safe mode: `True`/`False` inside a `SafeModeScope` or after
    `enable_unsafe_deserialization()`, else `None` (which deserializers treat as safe)."""
    value = getattr(_SAFE_MODE, "value", None)
    return _GLOBAL_SAFE_MODE if value is None else value


def enable_unsafe_deserialization():
    """Disables safe mode globally, allowing deserialization of lambdas."""
    global _GLOBAL_SAFE_MODE
    _GLOBAL_SAFE_MODE = False


# -- checkpoint metadata ---------------------------------------------------------------------
# Extra metadata a caller (ModelCheckpoint) attaches to the files saved inside a scope: a
# `"torchkeras_checkpoint"` entry of `metadata.json` (`.keras`) or root attribute (`.weights.h5`).
# Real Keras ignores both. Written in the same atomic replace as the weights.
_CHECKPOINT_KEY = "torchkeras_checkpoint"
_EXTRA_METADATA = threading.local()


@contextlib.contextmanager
def checkpoint_metadata_scope(metadata):
    """Within the scope, `.keras` and `.weights.h5` saves record `metadata` (a JSON-able dict)."""
    previous = getattr(_EXTRA_METADATA, "value", None)
    _EXTRA_METADATA.value = metadata
    try:
        yield
    finally:
        _EXTRA_METADATA.value = previous


def _current_checkpoint_metadata():
    return getattr(_EXTRA_METADATA, "value", None)


def read_checkpoint_metadata(filepath):
    """The metadata recorded by `checkpoint_metadata_scope` in a saved file, or `None` (no such
    file, no metadata, or a file that cannot be read)."""
    filepath = os.fspath(filepath)
    try:
        if filepath.endswith(".weights.h5"):
            store = weights_h5.H5IOStore(filepath, mode="r")
            try:
                raw = store.h5_file.attrs.get(_CHECKPOINT_KEY)
            finally:
                store.close()
            value = None if raw is None else json.loads(raw)
        elif filepath.endswith(".keras"):
            with _open_keras_zip(filepath) as zf:
                metadata = json.loads(_read_zip_member(zf, _METADATA_FILENAME, filepath))
            value = metadata.get(_CHECKPOINT_KEY) if isinstance(metadata, dict) else None
        else:
            return None
    except (OSError, ValueError, KeyError):
        return None
    return value if isinstance(value, dict) else None


# -- the structure walk ------------------------------------------------------------------------
_SKIPSETS = {}
_SAVEABLE_TYPES = []


def _saveable_types():
    """`(class, obj_type)` pairs, most specific first; imported on first use (the engine imports
    `torchkeras.saving`)."""
    if not _SAVEABLE_TYPES:
        from torchkeras.layers.layer import Layer
        from torchkeras.models.functional import Functional
        from torchkeras.models.sequential import Sequential
        from torchkeras.optimizers.base_optimizer import Optimizer

        _SAVEABLE_TYPES.extend([(Sequential, "Sequential"), (Functional, "Functional"),
                                (Layer, "Layer"), (Optimizer, "Optimizer")])
    return _SAVEABLE_TYPES


def _obj_type(obj):
    """Keras's `_obj_type()`: which attribute skip-list applies, or `None` if not saveable."""
    for cls, obj_type in _saveable_types():
        if isinstance(obj, cls):
            return obj_type
    return None


def _is_saveable(obj):
    return _obj_type(obj) is not None


def _skipset(obj_type):
    """Attributes every object of the base class has: the walk only visits the others."""
    skipset = _SKIPSETS.get(obj_type)
    if skipset is not None:
        return skipset
    if obj_type == "Optimizer":
        from torchkeras.optimizers.base_optimizer import Optimizer

        # An explicit name: an auto-generated one would consume the user's `optimizer` name.
        skipset = set(dir(Optimizer(1.0, name="skipset_probe")))
        skipset.discard("variables")
    else:
        from torchkeras.layers.layer import Layer

        skipset = set(dir(Layer(name="skipset_probe")))
        if obj_type == "Functional":
            skipset.update(["operations", "_operations"])
        elif obj_type == "Sequential":
            skipset.update(["_functional", "_layer_stack"])
    _SKIPSETS[obj_type] = skipset
    return skipset


def _name_key(name):
    # Public attributes first, so that a layer reachable both ways gets its public path.
    return "~" + name if name.startswith("_") else name


def _engine_module_names(obj, obj_type):
    """`_modules` keys under which a Sequential/Functional registers its layers by layer name:
    torch bookkeeping, not attributes (an auto-added InputLayer would otherwise be saved)."""
    if obj_type == "Sequential":
        members = obj._layer_stack
    elif obj_type == "Functional":
        members = obj._operations
    else:
        return ()
    ids = {id(layer) for layer in members}
    return {key for key, module in obj._modules.items() if id(module) in ids}


def _walk_saveable(obj):
    """Yield `(attribute name, child)` for the children of a saveable, in Keras's order."""
    obj_type = _obj_type(obj)
    skipset = _skipset(obj_type)
    engine_names = _engine_module_names(obj, obj_type)
    if obj_type in ("Sequential", "Functional"):
        yield "layers", obj.layers
    for attr in sorted(dir(obj), key=_name_key):
        # `blocks.0`-style keys are the torch registration of list items, reached via `blocks`.
        if attr.startswith("__") or attr in skipset or attr in engine_names or "." in attr:
            continue
        try:
            child = getattr(obj, attr)
        except Exception:
            continue
        yield attr, child


def _unique_name(name, used_names):
    if name in used_names:
        used_names[name] += 1
        return f"{name}_{used_names[name]}"
    used_names[name] = 0
    return name


def _container_items(container, used_names):
    """`(path name, item)` for the saveables and nested containers of a list, tuple or dict."""
    from torchkeras.utils import naming

    values = list(container.values()) if isinstance(container, dict) else list(container)
    for item in values:
        if _is_saveable(item):
            # Class names, not object names: those are auto-generated and vary between runs.
            yield _unique_name(naming.to_snake_case(type(item).__name__), used_names), item
        elif isinstance(item, (list, tuple, dict)):
            yield _unique_name("container", used_names), item


def _join(inner_path, name):
    return f"{inner_path}/{name}" if inner_path else name


def _own_variables(layer):
    """A layer's own variables in Keras's order: trainable, then non-trainable."""
    own = layer._own_weights()
    trainable = [w for w in own if layer._is_trainable_weight(w)]
    return trainable + [w for w in own if not layer._is_trainable_weight(w)]


def save_own_variables(layer, store):
    """Default `Layer.save_own_variables`: `store["0"]`, `store["1"]`, ... in Keras order."""
    for i, variable in enumerate(_own_variables(layer)):
        store[str(i)] = variable


def load_own_variables(layer, store):
    """Default `Layer.load_own_variables`: check the count and shapes, then assign all."""
    all_vars = _own_variables(layer)
    if len(store.keys()) != len(all_vars):
        if len(all_vars) == 0 and not layer.built:
            raise ValueError(
                f"Layer '{layer.name}' was never built and thus it doesn't have any variables. "
                f"However the weights file lists {len(store.keys())} variables for this layer.\n"
                "In most cases, this error indicates that either:\n\n"
                "1. The layer is owned by a parent layer that implements a `build()` method, "
                "but calling the parent's `build()` method did NOT create the state of the "
                f"child layer '{layer.name}'. A `build()` method must create ALL state for the "
                "layer, including the state of any children layers.\n\n"
                "2. You need to implement the `def build_from_config(self, config)` method on "
                f"layer '{layer.name}', to specify how to rebuild it during loading. In this "
                "case, you might also want to implement the method that generates the build "
                "config at saving time, `def get_build_config(self)`. The method "
                "`build_from_config()` is meant to create the state of the layer (i.e. its "
                "variables) upon deserialization."
            )
        raise ValueError(
            f"Layer '{layer.name}' expected {len(all_vars)} variables, but received "
            f"{len(store.keys())} variables during loading. "
            f"Expected: {[getattr(v, 'name', None) for v in all_vars]}"
        )
    # Check every shape before reading or assigning any value: a mismatch leaves the layer
    # unchanged, and a stored shape that disagrees is never allocated.
    if hasattr(store, "shape"):
        shapes = [store.shape(str(i)) for i in range(len(all_vars))]
    else:
        shapes = [tuple(store[str(i)].shape) for i in range(len(all_vars))]
    for variable, shape in zip(all_vars, shapes):
        if tuple(variable.shape) != tuple(shape):
            raise ValueError(
                "The shape of the target variable and the shape of the target value in "
                f"`variable.assign(value)` must match. variable.shape={tuple(variable.shape)}, "
                f"Received: value.shape={tuple(shape)}. Target variable: "
                f"{getattr(variable, 'path', None)}"
            )
    for i, variable in enumerate(all_vars):
        _assign(variable, store[str(i)])


def _assign(variable, value):
    import torch

    tensor = value if isinstance(value, torch.Tensor) else torch.from_numpy(value)
    with torch.no_grad():
        variable.data.copy_(tensor.to(device=variable.device, dtype=variable.dtype))


def _save_own(saveable, store):
    method = getattr(saveable, "save_own_variables", None)
    if method is not None:
        method(store)
    else:
        save_own_variables(saveable, store)


def _load_own(saveable, store):
    method = getattr(saveable, "load_own_variables", None)
    if method is not None:
        method(store)
    else:
        load_own_variables(saveable, store)


def iter_saveables(saveable, inner_path="", visited=None):
    """Yield `(inner path, object)` for `saveable` and every saveable it reaches, in the
    order and with the paths the weights walk uses (each object once)."""
    visited = set() if visited is None else visited
    if id(saveable) in visited:
        return
    visited.add(id(saveable))
    yield inner_path, saveable
    for attr, child in _walk_saveable(saveable):
        path = _join(inner_path, attr)
        if _is_saveable(child):
            yield from iter_saveables(child, path, visited)
        elif isinstance(child, (list, tuple, dict)):
            yield from _iter_container(child, path, visited, set())


def _iter_container(container, inner_path, visited, visited_containers):
    if id(container) in visited_containers:
        return
    visited_containers.add(id(container))
    for name, item in _container_items(container, {}):
        path = _join(inner_path, name)
        if _is_saveable(item):
            yield from iter_saveables(item, path, visited)
        else:
            yield from _iter_container(item, path, visited, visited_containers)


class _LoadContext:
    """What a load walk carries: the store, objects done, and failures per object."""

    def __init__(self, store, visited=None):
        self.store = store
        self.visited = set(visited or ())
        self.errors = {}  # id(saveable) -> (saveable, exception)


def _load_state(saveable, ctx, inner_path):
    if id(saveable) in ctx.visited:
        return
    failed = False
    try:
        _load_own(saveable, ctx.store.get(inner_path))
    except Exception as e:
        ctx.errors[id(saveable)] = (saveable, e)
        failed = True
    errors_before = len(ctx.errors)
    for attr, child in _walk_saveable(saveable):
        if _is_saveable(child):
            _load_state(child, ctx, _join(inner_path, attr))
        elif isinstance(child, (list, tuple, dict)):
            _load_container_state(child, ctx, _join(inner_path, attr), set())
    if not failed and len(ctx.errors) <= errors_before:
        ctx.visited.add(id(saveable))


def _load_container_state(container, ctx, inner_path, visited_containers):
    if id(container) in visited_containers:
        return
    visited_containers.add(id(container))
    for name, item in _container_items(container, {}):
        path = _join(inner_path, name)
        if _is_saveable(item):
            _load_state(item, ctx, path)
        elif ctx.store.has_path(path):
            _load_container_state(item, ctx, path, visited_containers)
        else:
            # Files from Keras versions before nested containers were saved lack these groups;
            # whatever such a container holds keeps its initial weights.
            nested = _LoadContext(ctx.store, ctx.visited)
            _load_container_state(item, nested, path, visited_containers)
            ctx.visited |= nested.visited
            if nested.errors:
                warnings.warn(
                    f"Skipping nested container at '{path}': no matching group found in the "
                    "saved file. This usually means the file was saved with a Keras version "
                    "that did not serialize sublayers nested inside containers. Affected layers "
                    "will retain their freshly-initialized weights.",
                    stacklevel=2,
                )


def _raise_loading_failure(errors, warn_only=False):
    first_saveable, first_error = next(iter(errors.values()))
    message = (
        f"A total of {len(errors)} objects could not be loaded. Example error message for "
        f"object {first_saveable}:\n\n{first_error}\n\n"
        "List of objects that could not be loaded:\n"
        f"{[saveable for saveable, _ in errors.values()]}"
    )
    if warn_only:
        warnings.warn(message, stacklevel=3)
    else:
        raise ValueError(message)


def save_weights_to_store(model, store, objects_to_skip=None):
    """Write all of `model`'s state (layers, optimizer) into an open `H5IOStore`."""
    for inner_path, saveable in iter_saveables(
        model, "", {id(obj) for obj in objects_to_skip or ()}
    ):
        name = getattr(saveable, "name", None)
        metadata = {"name": name} if isinstance(name, str) else None
        _save_own(saveable, store.make(inner_path, metadata=metadata))


def load_weights_from_store(model, store, skip_mismatch=False, objects_to_skip=None):
    """Read all of `model`'s state from an open `H5IOStore` (see `load_weights_only`)."""
    ctx = _LoadContext(store, visited={id(obj) for obj in objects_to_skip or ()})
    _load_state(model, ctx, "")
    if ctx.errors:
        _raise_loading_failure(ctx.errors, warn_only=skip_mismatch)


# -- .keras archives ---------------------------------------------------------------------------
def _serialize_model(model):
    from torchkeras.saving import serialization

    # Includes `build_config` and `compile_config` (`{}` for a model that is not compiled).
    config = serialization.serialize_keras_object(model)
    config_json = json.dumps(config)
    metadata = {
        "keras_version": KERAS_VERSION,
        "date_saved": datetime.datetime.now().strftime("%Y-%m-%d@%H:%M:%S"),
    }
    if _current_checkpoint_metadata() is not None:
        metadata[_CHECKPOINT_KEY] = _current_checkpoint_metadata()
    return config_json, json.dumps(metadata)


def _weights_bytes(model):
    buffer = io.BytesIO()
    store = weights_h5.H5IOStore(buffer, mode="w")
    try:
        save_weights_to_store(model, store)
    finally:
        store.close()
    return buffer.getvalue()


def save_model(model, filepath, zipped=True):
    """Save `model` as a `.keras` zip archive (or, with `zipped=False`, a directory holding the
    same three files). The target is replaced atomically."""
    if not model.built:
        warnings.warn(
            "You are saving a model that has not yet been built. It might not contain any "
            "weights yet. Consider building the model first by calling it on some data.",
            stacklevel=3,
        )
    filepath = os.fspath(filepath)
    if zipped and not filepath.endswith(".keras"):
        raise ValueError(
            "Invalid `filepath` argument: expected a `.keras` extension. "
            f"Received: filepath={filepath}"
        )
    if not zipped and filepath.endswith(".keras"):
        raise ValueError(
            "When using `zipped=False`, the `filepath` argument should not end in `.keras`. "
            f"Received: filepath={filepath}"
        )
    # Everything is serialized before the first byte is written: a failure here touches nothing.
    config_json, metadata_json = _serialize_model(model)
    weights = _weights_bytes(model)
    asset_files = assets.save_assets(model)
    if not zipped:
        os.makedirs(filepath, exist_ok=True)
        for name, data in ((_METADATA_FILENAME, metadata_json.encode()),
                           (_CONFIG_FILENAME, config_json.encode()), (_VARS_FNAME_H5, weights),
                           *asset_files):
            os.makedirs(os.path.dirname(os.path.join(filepath, name)), exist_ok=True)
            with file_utils.atomic_open(os.path.join(filepath, name)) as f:
                f.write(data)
        return
    with file_utils.atomic_open(filepath) as f:
        # Members are stored uncompressed, in Keras's order.
        with zipfile.ZipFile(f, "w") as zf:
            zf.writestr(_METADATA_FILENAME, metadata_json)
            zf.writestr(_CONFIG_FILENAME, config_json)
            zf.writestr(_VARS_FNAME_H5, weights)
            for name, data in asset_files:
                zf.writestr(name, data)


def _read_zip_member(zf, name, filepath):
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise ValueError(
            f"The file is not a valid .keras file (corrupt or truncated): it has no "
            f"`{name}`. Received: filepath={filepath}"
        ) from None
    if info.file_size > file_utils.get_max_load_bytes():
        raise ValueError(file_utils.too_large_message(f"ZIP member '{name}'", info.file_size))
    if (
        info.file_size > _ZIP_MEMBER_BOMB_FLOOR_BYTES
        and info.file_size > _ZIP_MEMBER_MAX_EXPANSION * info.compress_size
    ):
        raise ValueError(
            f"Not allowed: ZIP member '{name}' declares {info.file_size} bytes but only "
            f"{info.compress_size} are stored on disk; refusing to load a potential "
            "decompression bomb."
        )
    try:
        return zf.read(name)
    except (zipfile.BadZipFile, EOFError, OSError) as e:
        raise ValueError(
            "The file is not a valid .keras file (corrupt or truncated): could not read "
            f"`{name}` ({e}). Received: filepath={filepath}"
        ) from e


def _model_from_config(config_json, custom_objects, compile, safe_mode, filepath):
    from torchkeras import layers

    try:
        config = json.loads(config_json)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ValueError(
            "The file is not a valid .keras file (corrupt or truncated): `config.json` is not "
            f"valid JSON ({e}). Received: filepath={filepath}"
        ) from e
    if not isinstance(config, dict) or "class_name" not in config:
        raise ValueError(
            "The file is not a valid .keras file (corrupt or truncated): `config.json` does "
            f"not describe a model. Received: filepath={filepath}"
        )
    # Compiled here rather than by deserialization, to honour `compile` and to build the
    # optimizer right after (its saved variables are loaded next).
    compile_config = config.pop("compile_config", None)
    ambient = in_safe_mode()
    safe_mode = ambient if ambient is not None else safe_mode
    with object_registry.custom_object_scope(custom_objects), SafeModeScope(safe_mode), \
            file_utils.allocation_budget(file_utils.get_max_load_bytes()):
        model = layers.deserialize(config, custom_objects=custom_objects)
        if compile and compile_config and hasattr(model, "compile_from_config"):
            model.compile_from_config(compile_config)
            optimizer = getattr(model, "optimizer", None)
            if optimizer is not None and model.built and not optimizer.built:
                optimizer.build(model.trainable_weights)
    return model


def _load_weights_bytes(model, data, filepath, skip_mismatch=False):
    try:
        store = weights_h5.H5IOStore(io.BytesIO(data), mode="r")
    except OSError as e:
        raise ValueError(
            "The file is not a valid .keras file (corrupt or truncated): "
            f"`{_VARS_FNAME_H5}` is not an HDF5 file ({e}). Received: filepath={filepath}"
        ) from e
    try:
        load_weights_from_store(model, store, skip_mismatch=skip_mismatch)
    finally:
        store.close()


def _is_unsafe_member_name(name):
    # Names that could land outside a directory they were extracted into. Members are never
    # extracted to disk here, but such an archive is hostile or broken either way.
    parts = name.replace("\\", "/").split("/")
    return (
        "\\" in name or name.startswith("/") or ".." in parts or ":" in parts[0]
        or "\0" in name
    )


def _open_keras_zip(filepath):
    try:
        zf = zipfile.ZipFile(filepath, "r")
    except (zipfile.BadZipFile, EOFError) as e:
        raise ValueError(
            "The file is not a valid .keras file (corrupt or truncated). "
            f"Received: filepath={filepath}"
        ) from e
    for name in zf.namelist():
        if _is_unsafe_member_name(name):
            zf.close()
            raise ValueError(
                f"Not allowed: ZIP member with a path outside the archive: '{name}'. A .keras "
                f"file holds only relative member names. Received: filepath={filepath}"
            )
    return zf


def load_model(filepath, custom_objects=None, compile=True, safe_mode=True):
    """Load a model from a `.keras` archive, or a directory saved with `zipped=False`."""
    filepath = os.fspath(filepath)
    if os.path.isdir(filepath):
        return _load_model_from_dir(filepath, custom_objects, compile, safe_mode)
    with _open_keras_zip(filepath) as zf:
        config_json = _read_zip_member(zf, _CONFIG_FILENAME, filepath)
        model = _model_from_config(config_json, custom_objects, compile, safe_mode, filepath)
        weights = _read_zip_member(zf, _VARS_FNAME_H5, filepath)
        asset_files = {
            name: _read_zip_member(zf, name, filepath)
            for name in zf.namelist()
            if name.startswith(assets.ASSETS_DIRNAME + "/") and not name.endswith("/")
        }
    _load_weights_bytes(model, weights, filepath)
    assets.load_assets(model, asset_files)
    return model


def _load_model_from_dir(dirpath, custom_objects, compile, safe_mode):
    def read(name):
        path = os.path.join(dirpath, name)
        if not os.path.isfile(path):
            raise ValueError(
                f"The directory is not a valid saved model: it has no `{name}`. "
                f"Received: filepath={dirpath}"
            )
        with open(path, "rb") as f:
            return f.read()

    model = _model_from_config(read(_CONFIG_FILENAME), custom_objects, compile, safe_mode,
                               dirpath)
    _load_weights_bytes(model, read(_VARS_FNAME_H5), dirpath)
    asset_files = {}
    assets_root = os.path.join(dirpath, assets.ASSETS_DIRNAME)
    for root, _, files in os.walk(assets_root):
        for name in files:
            relative = os.path.relpath(os.path.join(root, name), dirpath).replace(os.sep, "/")
            asset_files[relative] = read(relative)
    assets.load_assets(model, asset_files)
    return model


# -- weights only ------------------------------------------------------------------------------
def save_weights_only(model, filepath, objects_to_skip=None):
    """Write `model`'s weights (and optimizer state) to a `.weights.h5` file, atomically.

    Objects in `objects_to_skip` (layers, optimizers) are left out of the file.
    """
    if not model.built:
        raise ValueError(
            "You are saving a model that has not yet been built. Try building the model first "
            "by calling it on some data or by using `build()`."
        )
    filepath = os.fspath(filepath)
    if not filepath.endswith(".weights.h5"):
        raise ValueError(
            f"The filename must end in `.weights.h5`. Received: filepath={filepath}"
        )
    with file_utils.atomic_write_path(filepath) as tmp_path:
        store = weights_h5.H5IOStore(tmp_path, mode="w")
        try:
            save_weights_to_store(model, store, objects_to_skip=objects_to_skip)
            if _current_checkpoint_metadata() is not None:
                store.h5_file.attrs[_CHECKPOINT_KEY] = json.dumps(_current_checkpoint_metadata())
        finally:
            store.close()


def load_weights_only(model, filepath, skip_mismatch=False, objects_to_skip=None):
    """Load weights into `model` from a `.weights.h5` file or the weights of a `.keras` file.

    With `skip_mismatch=True`, objects whose variables do not match (count or shape) keep their
    values and a warning lists them; otherwise a `ValueError` does. Objects in
    `objects_to_skip` (only for `.weights.h5` files) are not loaded.
    """
    if not model.built:
        raise ValueError(
            "You are loading weights into a model that has not yet been built. Try building "
            "the model first by calling it on some data or by using `build()`."
        )
    filepath = os.fspath(filepath)
    if not os.path.exists(filepath):
        raise FileNotFoundError(f"File not found: filepath={filepath}.")
    if filepath.endswith(".keras"):
        with _open_keras_zip(filepath) as zf:
            weights = _read_zip_member(zf, _VARS_FNAME_H5, filepath)
        _load_weights_bytes(model, weights, filepath, skip_mismatch=skip_mismatch)
        return
    try:
        store = weights_h5.H5IOStore(filepath, mode="r")
    except OSError as e:
        raise ValueError(
            "The file is not a valid .weights.h5 file (corrupt or truncated): "
            f"{e}. Received: filepath={filepath}"
        ) from e
    try:
        load_weights_from_store(
            model, store, skip_mismatch=skip_mismatch, objects_to_skip=objects_to_skip
        )
    finally:
        store.close()
