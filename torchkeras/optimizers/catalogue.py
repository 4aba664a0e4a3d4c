"""`get`, `serialize` and `deserialize` for optimizers, by name or config."""

from torchkeras.optimizers.adadelta import Adadelta
from torchkeras.optimizers.adafactor import Adafactor
from torchkeras.optimizers.adagrad import Adagrad
from torchkeras.optimizers.adam import Adam
from torchkeras.optimizers.adamax import Adamax
from torchkeras.optimizers.adamw import AdamW
from torchkeras.optimizers.base_optimizer import Optimizer
from torchkeras.optimizers.ftrl import Ftrl
from torchkeras.optimizers.lamb import Lamb
from torchkeras.optimizers.lion import Lion
from torchkeras.optimizers.loss_scale_optimizer import LossScaleOptimizer
from torchkeras.optimizers.muon import Muon
from torchkeras.optimizers.nadam import Nadam
from torchkeras.optimizers.rmsprop import RMSprop
from torchkeras.optimizers.schedule_free_adamw import ScheduleFreeAdamW
from torchkeras.optimizers.sgd import SGD
from torchkeras.saving import object_registry
from torchkeras.saving import serialization

# Keras's list: `Lamb` is not in it, so `get("lamb")` fails there too.
ALL_OBJECTS = {
    Optimizer,
    Adam,
    SGD,
    RMSprop,
    Adadelta,
    AdamW,
    Adagrad,
    Adamax,
    Adafactor,
    Muon,
    Nadam,
    Ftrl,
    Lion,
    LossScaleOptimizer,
    ScheduleFreeAdamW,
}
# Keras looks built-in optimizers up by lower-cased class name: "adam", "Adam" and "ADAM" work.
ALL_OBJECTS_DICT = {cls.__name__.lower(): cls for cls in ALL_OBJECTS}
# Public classes found only through a full config (`"module": "keras.optimizers"`).
_BY_MODULE = {"Lamb": Lamb}


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
    module_objects = ALL_OBJECTS_DICT
    if config["class_name"].lower() in ALL_OBJECTS_DICT:
        config["class_name"] = config["class_name"].lower()
    elif config.get("module") == "keras.optimizers" and config["class_name"] in _BY_MODULE:
        module_objects = {**ALL_OBJECTS_DICT, **_BY_MODULE}
    # The scope lets nested objects (a custom learning rate schedule) see `custom_objects`.
    with object_registry.custom_object_scope(custom_objects):
        return serialization.deserialize_keras_object(
            config,
            module_objects=module_objects,
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
