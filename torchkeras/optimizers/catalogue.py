"""`get`, `serialize` and `deserialize` for optimizers, by name or config."""

from torchkeras.optimizers.adam import Adam
from torchkeras.optimizers.base_optimizer import Optimizer
from torchkeras.optimizers.rmsprop import RMSprop
from torchkeras.optimizers.sgd import SGD
from torchkeras.saving import object_registry
from torchkeras.saving import serialization

ALL_OBJECTS = {Optimizer, Adam, SGD, RMSprop}
# Keras looks built-in optimizers up by lower-cased class name: "adam", "Adam" and "ADAM" work.
ALL_OBJECTS_DICT = {cls.__name__.lower(): cls for cls in ALL_OBJECTS}


def serialize(optimizer):
    """Return the optimizer configuration as a Python dict.

    Args:
        optimizer: An `Optimizer` instance to serialize.

    Returns:
        Python dict which contains the configuration of the optimizer.
    """
    return serialization.serialize_keras_object(optimizer)


def deserialize(config, custom_objects=None):
    """Return a Keras optimizer object via its configuration.

    Args:
        config: Optimizer configuration dictionary.
        custom_objects: Optional dictionary mapping names (strings) to custom objects (classes
            and functions) to be considered during deserialization.

    Returns:
        A Keras Optimizer instance.
    """
    config = dict(config)
    if config["class_name"].lower() in ALL_OBJECTS_DICT:
        config["class_name"] = config["class_name"].lower()
    # The scope lets nested objects (a custom learning rate schedule) see `custom_objects`.
    with object_registry.custom_object_scope(custom_objects):
        return serialization.deserialize_keras_object(
            config,
            module_objects=ALL_OBJECTS_DICT,
            custom_objects=custom_objects,
            printable_module_name="optimizer",
        )


def get(identifier):
    """Retrieve a Keras Optimizer instance.

    Args:
        identifier: Optimizer identifier, one of:
            - String: name of an optimizer (case-insensitive for built-ins, e.g. `"adam"`).
            - Dictionary: configuration dictionary.
            - Keras Optimizer instance (it will be returned unchanged).

    Returns:
        A Keras Optimizer instance.
    """
    if identifier is None:
        return None
    try:
        if isinstance(identifier, dict):
            obj = deserialize(identifier)
        elif isinstance(identifier, str):
            obj = deserialize({"class_name": identifier, "config": {}})
        else:
            obj = identifier
    except (TypeError, ValueError) as e:
        if "Could not locate" not in str(e) and "Could not interpret" not in str(e):
            raise
        obj = None
    if isinstance(obj, Optimizer):
        return obj
    raise ValueError(f"Could not interpret optimizer identifier: {identifier}")
