"""The tf.keras 2 (legacy) config format: `{"class_name": ..., "config": ...}`, no `module`.

`keras.utils.legacy.serialize_keras_object` / `deserialize_keras_object` read and write it, for
code that still handles configs from `.h5` files and Keras 2 scripts. Shared-object scopes of
tf.keras are not supported (each object is written in full).
"""

import inspect

from torchkeras.saving import object_registry


def serialize_keras_object(instance):
    """Serialize a Keras object into a JSON-compatible representation (the legacy format).

    Args:
        instance: The object to serialize: an object with `get_config()`, or a function or
            class (serialized as its registered name).

    Returns:
        A dict `{"class_name": ..., "config": ...}`, a name, or `None`.
    """
    instance = inspect.unwrap(instance)
    if instance is None:
        return None
    if hasattr(instance, "get_config"):
        config = instance.get_config()
        serialization_config = {}
        for key, item in config.items():
            if isinstance(item, str):
                serialization_config[key] = item
                continue
            # Nested objects are serialized too and marked, so that deserialization knows to
            # rebuild them; plain values are kept as they are.
            try:
                serialized_item = serialize_keras_object(item)
                if isinstance(serialized_item, dict) and not isinstance(item, dict):
                    serialized_item["__passive_serialization__"] = True
                serialization_config[key] = serialized_item
            except ValueError:
                serialization_config[key] = item
        name = object_registry.get_registered_name(instance.__class__)
        return {"class_name": name, "config": serialization_config}
    if hasattr(instance, "__name__"):
        return object_registry.get_registered_name(instance)
    raise ValueError(
        f"Cannot serialize {instance} because it doesn't implement `get_config()`."
    )


def _unknown(printable_module_name, name):
    return ValueError(
        f"Unknown {printable_module_name}: '{name}'. Please ensure you are using a "
        "`keras.utils.custom_object_scope` and that this object is included in the scope. See "
        "https://www.tensorflow.org/guide/keras/save_and_serialize"
        "#registering_the_custom_object for details."
    )


def _class_and_config(config, module_objects, custom_objects, printable_module_name):
    if not isinstance(config, dict) or "class_name" not in config or "config" not in config:
        raise ValueError(
            f"Improper config format for {config}. "
            "Expecting python dict contains `class_name` and `config` as keys"
        )
    class_name = config["class_name"]
    cls = object_registry.get_registered_object(class_name, custom_objects, module_objects)
    if cls is None:
        raise _unknown(printable_module_name, class_name)
    cls_config = config["config"]
    if isinstance(cls_config, list):
        # Keras 2.0 Sequential configs: a list of layer configs.
        return cls, cls_config
    cls_config = dict(cls_config)
    for key, item in list(cls_config.items()):
        if key == "name":
            continue
        if isinstance(item, dict) and "__passive_serialization__" in item:
            cls_config[key] = deserialize_keras_object(
                item, module_objects=module_objects, custom_objects=custom_objects,
                printable_module_name="config_item",
            )
        elif isinstance(item, str):
            # A function saved by name comes back as the function.
            found = object_registry.get_registered_object(item, custom_objects, module_objects)
            if inspect.isfunction(found):
                cls_config[key] = found
    return cls, cls_config


def deserialize_keras_object(identifier, module_objects=None, custom_objects=None,
                             printable_module_name="object"):
    """Turns the serialized form of a Keras object (legacy format) back into an object.

    Args:
        identifier: The serialized form of the object: a config dict, a name or a function.
        module_objects: A dictionary of built-in objects to look the name up in.
        custom_objects: A dictionary of custom objects to look the name up in.
        printable_module_name: A human-readable string representing the type of the object.
            Printed in case of exception. Defaults to `"object"`.

    Returns:
        The deserialized object.
    """
    if identifier is None:
        return None
    module_objects = module_objects or {}
    if isinstance(identifier, dict):
        cls, cls_config = _class_and_config(
            identifier, module_objects, custom_objects, printable_module_name
        )
        with object_registry.CustomObjectScope(custom_objects or {}):
            if hasattr(cls, "from_config"):
                parameters = inspect.signature(cls.from_config).parameters
                if "custom_objects" in parameters:
                    return cls.from_config(
                        cls_config,
                        custom_objects={
                            **object_registry.get_custom_objects(), **(custom_objects or {})
                        },
                    )
                return cls.from_config(cls_config)
            return cls(**cls_config)
    if isinstance(identifier, str):
        obj = object_registry.get_registered_object(identifier, custom_objects, module_objects)
        if obj is None:
            raise _unknown(printable_module_name, identifier)
        # Classes passed by name are instantiated with no arguments; functions are returned.
        return obj() if inspect.isclass(obj) else obj
    if inspect.isfunction(identifier):
        return identifier
    raise ValueError(f"Could not interpret serialized {printable_module_name}: {identifier}")
