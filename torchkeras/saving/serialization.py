"""Objects <-> Keras configs (`{"module", "class_name", "config", "registered_name"}`).

Deserialization only resolves names: torchkeras's own objects (passed in as `module_objects`),
registered custom objects and `custom_objects`. It never imports a module named in a config.
"""

import inspect

import numpy as np
import torch

from torchkeras import backend
from torchkeras.saving import object_registry

_BUILTIN_PREFIX = "torchkeras."


def _public_module(obj):
    """`keras.layers`-style module name written into configs, as real Keras writes it."""
    module = getattr(obj, "__module__", None) or type(obj).__module__
    if module.startswith(_BUILTIN_PREFIX):
        parts = module.split(".")
        if parts[1:3] == ["optimizers", "schedules"]:
            return "keras.optimizers.schedules"
        return "keras." + parts[1] if len(parts) > 1 else "keras"
    return module


# Classes whose public name is not `keras.<subpackage>.<Class>`: (module, registered_name).
_PUBLIC_NAMES = {
    "torchkeras.models.functional.Functional": ("keras.src.models.functional", "Functional"),
    "torchkeras.models.sequential.Sequential": ("keras", None),
    "torchkeras.models.model.Model": ("keras", None),
}


def serialize_keras_object(obj):
    """Return the Keras config dict of `obj` (JSON-compatible), or `obj` itself for plain values."""
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if isinstance(obj, torch.Tensor) or isinstance(obj, np.ndarray):
        # Keras's forms for array values inside configs.
        return {
            "class_name": "__tensor__" if isinstance(obj, torch.Tensor) else "__numpy__",
            "config": {
                "value": backend.convert_to_numpy(obj).tolist(),
                "dtype": backend.standardize_dtype(obj.dtype),
            },
        }
    if isinstance(obj, (np.generic,)):
        return obj.item()
    if isinstance(obj, (list, tuple)):
        return [serialize_keras_object(x) for x in obj]
    if isinstance(obj, dict):
        return {k: serialize_keras_object(v) for k, v in obj.items()}
    if inspect.isfunction(obj) or inspect.isbuiltin(obj):
        # Keras's form for every function: its registered name (or `__name__`) as the config.
        registered = object_registry._GLOBAL_CUSTOM_NAMES.get(obj)
        return {
            "module": "builtins",
            "class_name": "function",
            "config": registered or obj.__name__,
            "registered_name": "function",
        }
    if hasattr(obj, "get_config"):
        cls = type(obj)
        registered = object_registry._GLOBAL_CUSTOM_NAMES.get(cls)
        module = _public_module(cls)
        public = _PUBLIC_NAMES.get(f"{cls.__module__}.{cls.__qualname__}")
        if public is not None:
            module, registered = public[0], public[1] or registered
        config = {
            "module": module,
            "class_name": cls.__name__,
            "config": obj.get_config(),
            "registered_name": registered,
        }
        build_config = getattr(obj, "get_build_config", None)
        if build_config is not None:
            value = build_config()
            if value is not None:
                config["build_config"] = value
        compile_config = getattr(obj, "get_compile_config", None)
        if compile_config is not None:
            config["compile_config"] = compile_config()
        return config
    if hasattr(obj, "tolist"):
        return obj.tolist()
    raise TypeError(f"Cannot serialize object {obj!r} of type {type(obj)}.")


def deserialize_keras_object(
    config, module_objects=None, custom_objects=None, printable_module_name="object"
):
    """Recreate an object from its Keras config, a class name or a function name.

    Args:
        config: A dict from `serialize_keras_object` (or the legacy `{"class_name", "config"}`),
            or a string name.
        module_objects: Dict of the built-in names this kind of object may resolve to.
        custom_objects: Dict of user-provided names.
        printable_module_name: Used in error messages, e.g. `"activation function"`.
    """
    if config is None:
        return None
    if isinstance(config, str):
        obj = object_registry.get_registered_object(config, custom_objects, module_objects)
        if obj is None:
            raise ValueError(f"Could not interpret {printable_module_name} identifier: {config}")
        return obj
    if not isinstance(config, dict) or "class_name" not in config:
        raise ValueError(f"Could not interpret {printable_module_name} identifier: {config}")
    class_name = config["class_name"]
    if class_name in ("__tensor__", "__numpy__"):
        inner = config.get("config", {})
        array = np.asarray(inner.get("value"), dtype=inner.get("dtype"))
        return backend.convert_to_tensor(array) if class_name == "__tensor__" else array
    inner = config.get("config", {})
    registered_name = config.get("registered_name") or class_name
    if class_name == "function":
        name = inner if isinstance(inner, str) else registered_name
        candidates = (registered_name, name)
    else:
        candidates = (registered_name, class_name)
    obj = None
    for candidate in candidates:
        obj = object_registry.get_registered_object(candidate, custom_objects, module_objects)
        if obj is not None:
            break
    if obj is None:
        raise TypeError(
            f"Could not locate {printable_module_name} '{registered_name}'. Make sure custom "
            "classes and functions are decorated with "
            "`@keras.saving.register_keras_serializable()` or passed in `custom_objects`. "
            f"Full object config: {config}"
        )
    if class_name == "function":
        return obj
    # Nested objects (layers of a model) must see the same custom objects.
    with object_registry.CustomObjectScope(custom_objects or {}):
        if hasattr(obj, "from_config"):
            instance = obj.from_config(inner)
        else:
            instance = obj(**inner)
    build_config = config.get("build_config")
    if build_config and hasattr(instance, "build_from_config"):
        instance.build_from_config(build_config)
    compile_config = config.get("compile_config")
    if compile_config and hasattr(instance, "compile_from_config"):
        instance.compile_from_config(compile_config)
    return instance
