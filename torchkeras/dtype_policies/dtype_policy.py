"""DTypePolicy: the variable dtype and the compute dtype of a layer."""

from torchkeras.backend import config
from torchkeras.backend import dtypes

_MIXED = {"mixed_float16": "float16", "mixed_bfloat16": "bfloat16"}
_GLOBAL_POLICY = None  # set by `keras.config.set_dtype_policy` (`None`: follow `floatx()`)


class DTypePolicy:
    """A dtype policy: `"float32"`, `"float16"`, `"mixed_float16"`, `"mixed_bfloat16"`, ...

    Args:
        name: Policy name. Defaults to `floatx()`.
    """

    def __init__(self, name=None):
        if name is None:
            name = config.floatx()
        if not isinstance(name, str):
            raise TypeError(
                f"'name' must be a string, such as 'mixed_float16'. Received: name={name} "
                f"(of type {type(name)})"
            )
        if name in _MIXED:
            self._compute_dtype = _MIXED[name]
            self._variable_dtype = "float32"
        else:
            try:
                dtype = dtypes.standardize_dtype(name)
            except ValueError:
                raise ValueError(
                    f"Cannot convert '{name}' to a mixed precision DTypePolicy. Valid policies "
                    "include 'mixed_float16', 'mixed_bfloat16', and the name of any float dtype "
                    "such as 'float32'."
                )
            self._compute_dtype = dtype
            self._variable_dtype = dtype
        self._name = name

    @property
    def name(self):
        return self._name

    @property
    def compute_dtype(self):
        return self._compute_dtype

    @property
    def variable_dtype(self):
        return self._variable_dtype

    @property
    def quantization_mode(self):
        """The quantization mode of this policy: `None` (quantized policies are not supported)."""
        return None

    def get_config(self):
        return {"name": self._name}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        # `FloatDTypePolicy` is an alias and shows as `DTypePolicy`, as in Keras.
        return f'<DTypePolicy "{self._name}">'

    def __eq__(self, other):
        return isinstance(other, DTypePolicy) and other.name == self.name

    def __hash__(self):
        return hash(self._name)


class FloatDTypePolicy(DTypePolicy):
    """An alias of `DTypePolicy` (Keras keeps the name for old configs)."""

    pass


def set_dtype_policy(policy):
    """Sets the default dtype policy globally.

    Example:

    >>> keras.config.set_dtype_policy("mixed_float16")

    Args:
        policy: The name of a policy (`"mixed_float16"`, `"float32"`, ...) or a `DTypePolicy`.
            `None` resets the default to `keras.config.floatx()` (Keras raises instead).
    """
    global _GLOBAL_POLICY
    if policy is None:
        _GLOBAL_POLICY = None
        return
    if not isinstance(policy, DTypePolicy):
        if not isinstance(policy, str):
            raise ValueError(
                "Invalid `policy` argument. Expected the string name of a policy (such as "
                "'mixed_float16') or a `DTypePolicy` instance. "
                f"Received: policy={policy} (of type {type(policy)})"
            )
        policy = DTypePolicy(policy)
    _GLOBAL_POLICY = policy


def dtype_policy():
    """Returns the current default dtype policy object."""
    if _GLOBAL_POLICY is None:
        return DTypePolicy(config.floatx())
    return _GLOBAL_POLICY


def _module_objects():
    from torchkeras.dtype_policies.dtype_policy_map import DTypePolicyMap

    return {
        "DTypePolicy": DTypePolicy,
        "FloatDTypePolicy": FloatDTypePolicy,
        "DTypePolicyMap": DTypePolicyMap,
    }


def deserialize(config, custom_objects=None):
    """Deserializes a serialized `DTypePolicy` instance.

    Args:
        config: `DTypePolicy` configuration.
        custom_objects: Optional dictionary mapping names (strings) to custom objects (classes
            and functions) to be considered during deserialization.

    Returns:
        A Keras `DTypePolicy` instance.
    """
    from torchkeras.saving import serialization

    return serialization.deserialize_keras_object(
        config, module_objects=_module_objects(), custom_objects=custom_objects,
        printable_module_name="dtype policy",
    )


def get(identifier):
    """Retrieves a Keras `DTypePolicy` instance.

    Args:
        identifier: A dtype policy identifier: `None` (the global policy), the string name of
            a policy, a policy configuration dictionary or a `DTypePolicy` instance.

    Returns:
        A Keras `DTypePolicy` instance.
    """
    if identifier is None:
        return dtype_policy()
    if isinstance(identifier, DTypePolicy):
        return identifier
    if isinstance(identifier, dict):
        if "class_name" in identifier:
            return deserialize(identifier)
        return DTypePolicy.from_config(identifier.get("config", identifier))
    if isinstance(identifier, str):
        return DTypePolicy(identifier)
    try:
        return DTypePolicy(dtypes.standardize_dtype(identifier))
    except (ValueError, KeyError, TypeError):
        raise ValueError(
            "Cannot interpret `dtype` argument. Expected a string or an instance of "
            f"DTypePolicy. Received: dtype={identifier}"
        )


def serialize(dtype_policy):
    """Serializes a `DTypePolicy` instance to its configuration dictionary.

    Args:
        dtype_policy: A Keras `DTypePolicy` instance.

    Returns:
        `DTypePolicy` configuration dictionary.
    """
    from torchkeras.saving import serialization

    if type(dtype_policy) in (DTypePolicy, FloatDTypePolicy):
        # Keras writes the plain policies under the top-level module.
        return {
            "module": "keras",
            "class_name": type(dtype_policy).__name__,
            "config": dtype_policy.get_config(),
            "registered_name": None,
        }
    return serialization.serialize_keras_object(dtype_policy)
