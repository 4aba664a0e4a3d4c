"""Looking activations up by name: `get`, `serialize`, `deserialize`."""

import types

from torchkeras.activations import activations
from torchkeras.saving import object_registry
from torchkeras.saving import serialization

ALL_OBJECTS = (
    activations.relu,
    activations.leaky_relu,
    activations.relu6,
    activations.softmax,
    activations.celu,
    activations.elu,
    activations.selu,
    activations.softplus,
    activations.softsign,
    activations.squareplus,
    activations.soft_shrink,
    activations.sparse_plus,
    activations.silu,
    activations.gelu,
    activations.glu,
    activations.tanh,
    activations.tanh_shrink,
    activations.threshold,
    activations.sigmoid,
    activations.sparse_sigmoid,
    activations.exponential,
    activations.hard_sigmoid,
    activations.hard_silu,
    activations.hard_tanh,
    activations.hard_shrink,
    activations.linear,
    activations.mish,
    activations.log_softmax,
    activations.log_sigmoid,
    activations.sparsemax,
)

ALL_OBJECTS_DICT = {fn.__name__: fn for fn in ALL_OBJECTS}
# The other names Keras accepts for the same functions.
ALL_OBJECTS_DICT["swish"] = activations.silu
ALL_OBJECTS_DICT["hard_swish"] = activations.hard_silu


def serialize(activation):
    """Return the config of an activation: its name for a built-in, a dict otherwise.

    Args:
        activation: A function from `keras.activations`, a registered custom function or a
            callable object with `get_config()`.
    """
    if isinstance(activation, str):
        config = activation
    else:
        config = serialization.serialize_keras_object(activation)
    if isinstance(config, str) and not isinstance(activation, str):
        # A torchkeras function: the name alone, as Keras writes built-ins.
        return config
    if not isinstance(config, dict) or "config" not in config:
        raise ValueError(
            f"Unknown activation function '{activation}' cannot be serialized due to invalid "
            "function name. Make sure to use an activation name that matches the references "
            "defined in activations.py or use `@keras.saving.register_keras_serializable()`"
            f"to register any custom activations. config={config}"
        )
    if not isinstance(activation, types.FunctionType):
        return config
    if ALL_OBJECTS_DICT.get(config["config"]) is activation:
        # A built-in activation: its name alone, as Keras writes it.
        return config["config"]
    if isinstance(config["config"], str) and config["config"] not in ALL_OBJECTS_DICT:
        # A custom function is found again by the name it was registered under.
        config["config"] = object_registry.get_registered_name(activation)
    return config


def deserialize(config, custom_objects=None):
    """Return the activation function described by `config` (a name or a config dict).

    Args:
        config: A string name or a dict from `serialize`.
        custom_objects: Optional dict mapping names to custom functions.
    """
    return serialization.deserialize_keras_object(
        config,
        module_objects=ALL_OBJECTS_DICT,
        custom_objects=custom_objects,
        printable_module_name="activation function",
    )


def get(identifier):
    """Retrieve an activation function from an identifier.

    Args:
        identifier: `None` (returns `linear`), the name of a built-in activation, a config dict,
            or a callable (returned as is).

    Returns:
        A callable activation.

    Example:

    >>> keras.activations.get("softmax")
    <function softmax at ...>
    """
    if identifier is None:
        return activations.linear
    if isinstance(identifier, dict):
        obj = deserialize(identifier)
    elif isinstance(identifier, str):
        obj = ALL_OBJECTS_DICT.get(identifier, None)
    else:
        obj = identifier
    if callable(obj):
        return obj
    raise ValueError(f"Could not interpret activation function identifier: {identifier}")
