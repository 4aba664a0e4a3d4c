"""The legacy HDF5 (`.h5`) format of tf.keras 2, as Keras 3 reads and writes it.

Layout: file attributes `model_config` (JSON `{"class_name", "config"}`), `training_config`
(JSON compile arguments), `keras_version` and `backend`; a group `model_weights` whose attribute
`layer_names` lists the model's layers, each layer in a group of the same name whose attribute
`weight_names` lists its datasets (`dense/kernel:0` in tf.keras 2, `dense/kernel` in Keras 3), in
the legacy order: trainable weights, then non-trainable ones.

tf.keras 2 configs are mapped to Keras 3 ones as Keras 3 maps them (`batch_input_shape`, a
one-element `axis` list), plus the Keras 2 arguments that Keras 3 no longer accepts and that have
a no-op value (`time_major=False` of recurrent layers, `input_length` of `Embedding`), so that
tf.keras 2 LSTM models load. Reading refuses links, external or virtual datasets and shape bombs.
"""

import json
import os
import warnings

import h5py
import numpy as np

from torchkeras.saving import object_registry
from torchkeras.saving.file_utils import atomic_write_path
from torchkeras.saving.saving_lib import SafeModeScope
from torchkeras.saving.saving_lib import in_safe_mode
from torchkeras.saving.weights_h5 import _safe_dataset
from torchkeras.saving.weights_h5 import _safe_group

_KERAS_VERSION = "3.15.1"

# Keras 2 arguments dropped when they hold the only value Keras 3 implements.
_DROPPED_KERAS2_ARGS = {"time_major": False}
# Keras 2 `Lambda` arguments that Keras 3 ignores when loading a `.h5`.
_LAMBDA_KERAS2_ARGS = ("module", "function_type", "output_shape_type", "output_shape_module")


def _legacy_weights(layer):
    # tf.keras 2 stored trainable weights first, then non-trainable ones.
    return list(layer.trainable_weights) + list(layer.non_trainable_weights)


def _top_level_weights(model):
    in_layers = {id(w) for layer in model.layers for w in layer.weights}
    return [w for w in _legacy_weights(model) if id(w) not in in_layers]


def _read_attr_list(group, name):
    """A list attribute, also when HDF5's header limit made Keras split it in chunks."""
    if name in group.attrs:
        values = list(group.attrs[name])
    else:
        values = []
        chunk = 0
        while f"{name}{chunk}" in group.attrs:
            values.extend(group.attrs[f"{name}{chunk}"])
            chunk += 1
    return [v.decode("utf8") if hasattr(v, "decode") else str(v) for v in values]


def _read_subset(group):
    return [np.asarray(_safe_dataset(group, n)) for n in _read_attr_list(group, "weight_names")]


def _convert_legacy_config(obj):
    """Map a tf.keras 2 (or Keras 3 legacy) config tree to what torchkeras deserializes."""
    if isinstance(obj, list):
        return [_convert_legacy_config(v) for v in obj]
    if not isinstance(obj, dict):
        return obj
    obj = {k: _convert_legacy_config(v) for k, v in obj.items()}
    config = obj.get("config")
    if "class_name" in obj and isinstance(config, dict):
        class_name = obj["class_name"]
        if class_name.startswith("Custom>"):
            # tf.keras 2.11+ registered its new optimizers as `Custom>Adam` etc.
            obj["class_name"] = class_name[len("Custom>") :]
        batch_input_shape = config.pop("batch_input_shape", None)
        if batch_input_shape is not None:
            key = "batch_shape" if class_name == "InputLayer" else "batch_input_shape"
            config[key] = batch_input_shape
        axis = config.get("axis")
        if isinstance(axis, list) and len(axis) == 1:
            config["axis"] = int(axis[0])
        for arg, noop in _DROPPED_KERAS2_ARGS.items():
            if arg in config and config[arg] == noop:
                del config[arg]
        if class_name == "Embedding":
            config.pop("input_length", None)
        if class_name == "Lambda":
            for arg in _LAMBDA_KERAS2_ARGS:
                config.pop(arg, None)
            function = config.get("function")
            if isinstance(function, list):
                # tf.keras 2 stored `[bytecode, defaults, closure]`: the Keras 3 form, so that
                # safe mode refuses it as it refuses any serialized lambda.
                code, defaults, closure = (list(function) + [None, None, None])[:3]
                config["function"] = {
                    "class_name": "__lambda__",
                    "config": {"code": code, "defaults": defaults, "closure": closure},
                }
    return obj


def _decode_json_attr(value, what, filepath):
    if hasattr(value, "decode"):
        value = value.decode("utf-8")
    try:
        return json.loads(value)
    except (TypeError, json.JSONDecodeError) as e:
        raise ValueError(
            f"The file is not a valid legacy .h5 file (corrupt or truncated): `{what}` is not "
            f"valid JSON ({e}). Received: filepath={filepath}"
        ) from e


def _open(filepath):
    try:
        return h5py.File(filepath, mode="r")
    except OSError as e:
        if not os.path.exists(filepath):
            raise
        raise ValueError(
            f"The file is not a valid legacy .h5 file (corrupt or truncated). "
            f"Received: filepath={filepath}"
        ) from e


def _set_weights(variables, values, name, skip_mismatch):
    for variable, value in zip(variables, values):
        expected = tuple(variable.shape)
        if expected != value.shape:
            if skip_mismatch:
                warnings.warn(
                    f"Skipping loading weights for {name}due to mismatch in shape for weight "
                    f"{variable.path}. Weight expects shape {expected}. Received saved weight "
                    f"with shape {value.shape}",
                    stacklevel=3,
                )
                continue
            raise ValueError(
                f"Shape mismatch in {name}for weight {variable.path}. Weight expects shape "
                f"{expected}. Received saved weight with shape {value.shape}"
            )
        variable.assign(value)


def load_weights_from_hdf5_group(group, model, skip_mismatch=False):
    """Load the weights of `group` into `model`, layer by layer in order (topological)."""
    filtered_layers = [layer for layer in model.layers if _legacy_weights(layer)]
    layer_names = [
        name
        for name in _read_attr_list(group, "layer_names")
        if _read_attr_list(_safe_group(group, name), "weight_names")
    ]
    if len(layer_names) != len(filtered_layers):
        raise ValueError(
            "Layer count mismatch when loading weights from file. "
            f"Model expected {len(filtered_layers)} layers, found "
            f"{len(layer_names)} saved layers."
        )
    for k, name in enumerate(layer_names):
        layer = filtered_layers[k]
        variables = _legacy_weights(layer)
        values = _read_subset(_safe_group(group, name))
        if len(values) != len(variables):
            raise ValueError(
                f"Weight count mismatch for layer #{k} (named {layer.name} in the current "
                f"model, {name} in the save file). Layer expects {len(variables)} weight(s). "
                f"Received {len(values)} saved weight(s)"
            )
        _set_weights(variables, values, f"layer #{k} (named {layer.name})", skip_mismatch)
    if "top_level_model_weights" in group:
        variables = _top_level_weights(model)
        values = _read_subset(_safe_group(group, "top_level_model_weights"))
        if len(values) != len(variables):
            raise ValueError(
                "Weight count mismatch for top-level weights when loading weights from file. "
                f"Model expects {len(variables)} top-level weight(s). Received {len(values)} "
                "saved top-level weight(s)"
            )
        _set_weights(variables, values, "top-level model", skip_mismatch)


def load_weights_from_hdf5_group_by_name(group, model, skip_mismatch=False):
    """Load the weights of `group` into the layers of `model` that have the same name."""
    index = {}
    for layer in model.layers:
        index.setdefault(layer.name, []).append(layer)
    for k, name in enumerate(_read_attr_list(group, "layer_names")):
        if name not in index:
            continue
        values = _read_subset(_safe_group(group, name))
        for layer in index[name]:
            variables = _legacy_weights(layer)
            if len(values) != len(variables):
                if skip_mismatch:
                    warnings.warn(
                        f"Skipping loading of weights for layer #{k} (named {layer.name}) due "
                        f"to mismatch in number of weights. Layer expects {len(variables)} "
                        f"weight(s). Received {len(values)} saved weight(s)",
                        stacklevel=2,
                    )
                    continue
                raise ValueError(
                    f"Weight count mismatch for layer #{k} (named {layer.name}). Layer expects "
                    f"{len(variables)} weight(s). Received {len(values)} saved weight(s)"
                )
            _set_weights(variables, values, f"layer #{k} (named {layer.name})", skip_mismatch)


def load_weights(model, filepath, skip_mismatch=False, by_name=False):
    """`Model.load_weights()` for a legacy `.h5` file (whole model or weights only)."""
    filepath = os.fspath(filepath)
    with _open(filepath) as f:
        group = _safe_group(f, "model_weights") if "layer_names" not in f.attrs else f
        if by_name:
            load_weights_from_hdf5_group_by_name(group, model, skip_mismatch=skip_mismatch)
        else:
            load_weights_from_hdf5_group(group, model, skip_mismatch=skip_mismatch)


def _compile_from_training_config(model, training_config):
    from torchkeras import losses
    from torchkeras import metrics as metrics_module
    from torchkeras import optimizers

    def deserialize_nested(fn, value):
        if value is None:
            return None
        if isinstance(value, dict) and "class_name" not in value:
            return {k: deserialize_nested(fn, v) for k, v in value.items()}
        if isinstance(value, list):
            return [deserialize_nested(fn, v) for v in value]
        return fn(value)

    optimizer_config = training_config["optimizer_config"]
    try:
        optimizer = optimizers.deserialize(optimizer_config)
    except (TypeError, ValueError):
        # A tf.keras 2 optimizer config may hold arguments Keras 3 dropped: keep the class and
        # the learning rate.
        optimizer = optimizers.get(optimizer_config["class_name"].lower())
        lr = optimizer_config.get("config", {}).get("learning_rate")
        if isinstance(lr, (int, float)):
            optimizer.learning_rate = lr
    model.compile(
        optimizer=optimizer,
        loss=deserialize_nested(losses.get, training_config.get("loss")),
        metrics=deserialize_nested(metrics_module.get, training_config.get("metrics")),
        weighted_metrics=deserialize_nested(
            metrics_module.get, training_config.get("weighted_metrics")
        ),
        loss_weights=training_config.get("loss_weights"),
    )


def load_model_from_hdf5(filepath, custom_objects=None, compile=True, safe_mode=True):
    """`keras.models.load_model()` for a legacy `.h5` file written by tf.keras 2 or Keras 3."""
    from torchkeras import layers

    filepath = os.fspath(filepath)
    with _open(filepath) as f:
        model_config = f.attrs.get("model_config")
        if model_config is None:
            raise ValueError(f"No model config found in the file at {filepath}.")
        model_config = _convert_legacy_config(
            _decode_json_attr(model_config, "model_config", filepath)
        )
        ambient = in_safe_mode()
        safe_mode = ambient if ambient is not None else safe_mode
        with object_registry.custom_object_scope(custom_objects or {}), SafeModeScope(
            safe_mode
        ):
            model = layers.deserialize(model_config, custom_objects=custom_objects)
            load_weights_from_hdf5_group(_safe_group(f, "model_weights"), model)
            if not compile:
                return model
            training_config = f.attrs.get("training_config")
            if training_config is None:
                warnings.warn(
                    "No training configuration found in the save file, so the model was *not* "
                    "compiled. Compile it manually.",
                    stacklevel=2,
                )
                return model
            training_config = _convert_legacy_config(
                _decode_json_attr(training_config, "training_config", filepath)
            )
            _compile_from_training_config(model, training_config)
            if "optimizer_weights" in f:
                _load_optimizer_weights(model.optimizer, _safe_group(f, "optimizer_weights"), model)
    return model


def _load_optimizer_weights(optimizer, group, model):
    names = _read_attr_list(group, "weight_names")
    values = [np.asarray(_safe_dataset(group, n)) for n in names]
    if not optimizer.built:
        optimizer.build(model.trainable_weights)
    variables = optimizer.variables
    if (
        names
        and names[0].startswith("iteration")
        and names[0].endswith(":0")
        and len(values) == len(variables) - 1
    ):
        # tf.keras 2 did not store the learning rate (the 2nd Keras 3 variable): keep the one
        # from the training config.
        values.insert(1, variables[1].numpy())
    try:
        if len(values) != len(variables):
            raise ValueError("count mismatch")
        optimizer.set_weights(values)
    except ValueError:
        warnings.warn(
            "Error in loading the saved optimizer state. As a result, your model is starting "
            "with a freshly initialized optimizer.",
            stacklevel=3,
        )


def _write_subset(group, variables):
    names = [str(v.path).encode("utf8") for v in variables]
    group.attrs["weight_names"] = names
    for name, variable in zip(names, variables):
        value = np.asarray(variable.numpy())
        group.create_dataset(name.decode("utf8"), data=value)


def save_model_to_hdf5(model, filepath, overwrite=True, include_optimizer=True):
    """`model.save("m.h5")`: the legacy layout, config and weights (as Keras 3 writes it)."""
    if not model.built:
        raise ValueError(
            "You are saving a model that has not yet been built. Try building the model first "
            "by calling it on some data or by using `build()`."
        )
    filepath = os.fspath(filepath)
    model_config = {"class_name": type(model).__name__, "config": model.get_config()}
    training_config = None
    if include_optimizer and getattr(model, "optimizer", None) is not None:
        training_config = dict(model.get_compile_config())
        training_config.pop("optimizer", None)  # Stored as `optimizer_config` below.
        training_config["optimizer_config"] = {
            "class_name": object_registry.get_registered_name(type(model.optimizer)),
            "config": model.optimizer.get_config(),
        }
    dirpath = os.path.dirname(filepath)
    if dirpath and not os.path.exists(dirpath):
        os.makedirs(dirpath, exist_ok=True)
    with atomic_write_path(filepath) as tmp_path:
        with h5py.File(tmp_path, mode="w") as f:
            f.attrs["keras_version"] = _KERAS_VERSION
            f.attrs["backend"] = "torch"
            f.attrs["model_config"] = json.dumps(model_config).encode("utf8")
            if training_config is not None:
                f.attrs["training_config"] = json.dumps(training_config).encode("utf8")
            group = f.create_group("model_weights")
            group.attrs["layer_names"] = [layer.name.encode("utf8") for layer in model.layers]
            group.attrs["backend"] = b"torch"
            group.attrs["keras_version"] = _KERAS_VERSION.encode("utf8")
            # Sorted, so that no group name is created after one it prefixes (as Keras does).
            for layer in sorted(model.layers, key=lambda x: x.name):
                _write_subset(group.create_group(layer.name), _legacy_weights(layer))
            _write_subset(group.create_group("top_level_model_weights"), _top_level_weights(model))
            optimizer = getattr(model, "optimizer", None)
            if include_optimizer and optimizer is not None and optimizer.variables:
                _write_subset(f.create_group("optimizer_weights"), optimizer.variables)
