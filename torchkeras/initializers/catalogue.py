"""Looking initializers up by name: `get`, `serialize`, `deserialize`."""

import inspect

import numpy as np
import torch

from torchkeras.backend import dtypes
from torchkeras.backend.tensors import convert_to_tensor
from torchkeras.initializers.constant_initializers import STFT
from torchkeras.initializers.constant_initializers import Constant
from torchkeras.initializers.constant_initializers import Identity
from torchkeras.initializers.constant_initializers import Ones
from torchkeras.initializers.constant_initializers import Zeros
from torchkeras.initializers.initializer import Initializer
from torchkeras.initializers.random_initializers import Orthogonal
from torchkeras.initializers.random_initializers import RandomNormal
from torchkeras.initializers.random_initializers import RandomUniform
from torchkeras.initializers.random_initializers import TruncatedNormal
from torchkeras.initializers.variance_scaling import GlorotNormal
from torchkeras.initializers.variance_scaling import GlorotUniform
from torchkeras.initializers.variance_scaling import HeNormal
from torchkeras.initializers.variance_scaling import HeUniform
from torchkeras.initializers.variance_scaling import LecunNormal
from torchkeras.initializers.variance_scaling import LecunUniform
from torchkeras.initializers.variance_scaling import VarianceScaling
from torchkeras.saving import object_registry
from torchkeras.saving import serialization

ALL_OBJECTS = (
    Initializer,
    Constant,
    Identity,
    Ones,
    STFT,
    Zeros,
    GlorotNormal,
    GlorotUniform,
    HeNormal,
    HeUniform,
    LecunNormal,
    LecunUniform,
    Orthogonal,
    RandomNormal,
    RandomUniform,
    TruncatedNormal,
    VarianceScaling,
)

ALL_OBJECTS_DICT = {cls.__name__: cls for cls in ALL_OBJECTS}
# The snake_case names (Keras's `to_snake_case` of each class name).
ALL_OBJECTS_DICT.update(
    {
        "initializer": Initializer,
        "constant": Constant,
        "identity": Identity,
        "ones": Ones,
        "stft": STFT,
        "zeros": Zeros,
        "glorot_normal": GlorotNormal,
        "glorot_uniform": GlorotUniform,
        "he_normal": HeNormal,
        "he_uniform": HeUniform,
        "lecun_normal": LecunNormal,
        "lecun_uniform": LecunUniform,
        "orthogonal": Orthogonal,
        "random_normal": RandomNormal,
        "random_uniform": RandomUniform,
        "truncated_normal": TruncatedNormal,
        "variance_scaling": VarianceScaling,
    }
)
# Other names Keras accepts.
ALL_OBJECTS_DICT.update(
    {
        "IdentityInitializer": Identity,
        "normal": RandomNormal,
        "one": Ones,
        "STFTInitializer": STFT,
        "OrthogonalInitializer": Orthogonal,
        "uniform": RandomUniform,
        "zero": Zeros,
    }
)


def serialize(initializer):
    """Return the config dict of an initializer.

    Args:
        initializer: An `Initializer` instance.
    """
    return serialization.serialize_keras_object(initializer)


def deserialize(config, custom_objects=None):
    """Return the initializer described by `config` (a config dict or a name).

    Args:
        config: A dict from `serialize`, or the name of an initializer.
        custom_objects: Optional dict mapping names to custom initializers.
    """
    obj = serialization.deserialize_keras_object(
        config,
        module_objects=ALL_OBJECTS_DICT,
        custom_objects=custom_objects,
        printable_module_name="initializer",
    )
    return obj() if inspect.isclass(obj) else obj


def _lookup(name):
    return object_registry.get_registered_object(name, module_objects=ALL_OBJECTS_DICT)


def _tensor_initializer(value):
    """An initializer returning `value` (a tensor or an array) cast to the requested dtype."""

    def initialize_fn(shape, dtype=None):
        if tuple(int(d) for d in shape) != tuple(value.shape):
            raise ValueError(
                f"Expected `shape` to be {tuple(value.shape)} for direct tensor as initializer. "
                f"Received shape={shape}"
            )
        return convert_to_tensor(value, dtype=dtypes.to_torch_dtype(dtype))

    return initialize_fn


def get(identifier):
    """Retrieve an initializer from an identifier.

    Args:
        identifier: `None`, the name of an initializer (`"glorot_uniform"`, `"Zeros"`, ...), a
            config dict, an initializer class (instantiated with its defaults), a callable
            `fn(shape, dtype=None)`, or a tensor / NumPy array whose value the initializer
            returns.

    Returns:
        An initializer, or `None` when `identifier` is `None`.

    Example:

    >>> keras.initializers.get("ones")
    <torchkeras.initializers.constant_initializers.Ones object at ...>
    """
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        name = identifier.get("registered_name") or identifier.get("class_name")
        if not isinstance(name, str) or (
            _lookup(name) is None and _lookup(identifier.get("class_name")) is None
        ):
            raise ValueError(f"Could not interpret initializer identifier: {identifier}")
        obj = deserialize(identifier)
    elif isinstance(identifier, str):
        obj = _lookup(identifier)
    elif isinstance(identifier, (torch.Tensor, np.ndarray, np.generic)):
        obj = _tensor_initializer(identifier)
    else:
        obj = identifier
    if callable(obj):
        return obj() if inspect.isclass(obj) else obj
    raise ValueError(f"Could not interpret initializer identifier: {identifier}")
