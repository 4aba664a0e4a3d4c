"""Looking regularizers up by name: `get`, `serialize`, `deserialize`."""

import inspect

from torchkeras.regularizers.regularizers import L1
from torchkeras.regularizers.regularizers import L1L2
from torchkeras.regularizers.regularizers import L2
from torchkeras.regularizers.regularizers import OrthogonalRegularizer
from torchkeras.regularizers.regularizers import Regularizer
from torchkeras.saving import serialization

ALL_OBJECTS = (Regularizer, L1, L2, L1L2, OrthogonalRegularizer)

ALL_OBJECTS_DICT = {cls.__name__: cls for cls in ALL_OBJECTS}
# The snake_case names (Keras's `to_snake_case` of each class name).
ALL_OBJECTS_DICT.update(
    {
        "regularizer": Regularizer,
        "l1": L1,
        "l2": L2,
        "l1l2": L1L2,
        "orthogonal_regularizer": OrthogonalRegularizer,
    }
)


def _l1_l2():
    # "l1_l2" penalizes with both factors at 0.01, as the L1L2 docstring (and tf.keras) promise.
    return L1L2(l1=0.01, l2=0.01)


def serialize(regularizer):
    """Return the config dict of a regularizer.

    Args:
        regularizer: A `Regularizer` instance.
    """
    return serialization.serialize_keras_object(regularizer)


def deserialize(config, custom_objects=None):
    """Return the regularizer described by `config` (a config dict or a name).

    Args:
        config: A dict from `serialize`, or the name of a regularizer.
        custom_objects: Optional dict mapping names to custom regularizers.
    """
    if isinstance(config, str) and config == "l1_l2":
        return _l1_l2()
    obj = serialization.deserialize_keras_object(
        config,
        module_objects=ALL_OBJECTS_DICT,
        custom_objects=custom_objects,
        printable_module_name="regularizer",
    )
    return obj() if inspect.isclass(obj) else obj


def get(identifier):
    """Retrieve a regularizer from an identifier.

    Args:
        identifier: `None`, the name of a regularizer (`"l1"`, `"l2"`, `"l1_l2"`,
            `"orthogonal_regularizer"`, class names), a config dict, a regularizer class
            (instantiated with its defaults) or a callable (returned as is).

    Returns:
        A regularizer, or `None` when `identifier` is `None`.
    """
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        obj = deserialize(identifier)
    elif isinstance(identifier, str):
        if identifier == "l1_l2":
            return _l1_l2()
        obj = ALL_OBJECTS_DICT.get(identifier, None)
    else:
        obj = identifier
    if callable(obj):
        return obj() if inspect.isclass(obj) else obj
    raise ValueError(f"Could not interpret regularizer identifier: {identifier}")
