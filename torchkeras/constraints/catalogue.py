"""Looking constraints up by name: `get`, `serialize`, `deserialize`."""

import inspect

from torchkeras.constraints.constraints import Constraint
from torchkeras.constraints.constraints import MaxNorm
from torchkeras.constraints.constraints import MinMaxNorm
from torchkeras.constraints.constraints import NonNeg
from torchkeras.constraints.constraints import UnitNorm
from torchkeras.constraints.radial_constraint import RadialConstraint
from torchkeras.saving import serialization

ALL_OBJECTS = (Constraint, MaxNorm, MinMaxNorm, NonNeg, UnitNorm, RadialConstraint)

ALL_OBJECTS_DICT = {cls.__name__: cls for cls in ALL_OBJECTS}
# The snake_case names (Keras's `to_snake_case` of each class name).
ALL_OBJECTS_DICT.update(
    {
        "constraint": Constraint,
        "max_norm": MaxNorm,
        "min_max_norm": MinMaxNorm,
        "non_neg": NonNeg,
        "unit_norm": UnitNorm,
        "radial_constraint": RadialConstraint,  # tf.keras 2
    }
)


def serialize(constraint):
    """Return the config dict of a constraint.

    Args:
        constraint: A `Constraint` instance.
    """
    return serialization.serialize_keras_object(constraint)


def deserialize(config, custom_objects=None):
    """Return the constraint described by `config` (a config dict or a name).

    Args:
        config: A dict from `serialize`, or the name of a constraint.
        custom_objects: Optional dict mapping names to custom constraints.
    """
    obj = serialization.deserialize_keras_object(
        config,
        module_objects=ALL_OBJECTS_DICT,
        custom_objects=custom_objects,
        printable_module_name="constraint",
    )
    return obj() if inspect.isclass(obj) else obj


def get(identifier):
    """Retrieve a constraint from an identifier.

    Args:
        identifier: `None`, the name of a constraint (`"max_norm"`, `"non_neg"`, class names,
            ...), a config dict, a constraint class (instantiated with its defaults) or a
            callable (returned as is).

    Returns:
        A constraint, or `None` when `identifier` is `None`.
    """
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        obj = deserialize(identifier)
    elif isinstance(identifier, str):
        obj = ALL_OBJECTS_DICT.get(identifier, None)
    else:
        obj = identifier
    if callable(obj):
        return obj() if inspect.isclass(obj) else obj
    raise ValueError(f"Could not interpret constraint identifier: {identifier}")
