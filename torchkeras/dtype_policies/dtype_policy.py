"""DTypePolicy: the variable dtype and the compute dtype of a layer."""

from torchkeras.backend import config
from torchkeras.backend import dtypes

_MIXED = {"mixed_float16": "float16", "mixed_bfloat16": "bfloat16"}
_GLOBAL_POLICY = None  # set by `keras.mixed_precision.set_global_policy`


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

    def get_config(self):
        return {"name": self._name}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        return f'<DTypePolicy "{self._name}">'

    def __eq__(self, other):
        return isinstance(other, DTypePolicy) and other.name == self.name

    def __hash__(self):
        return hash(self._name)


def get(identifier):
    """Return a `DTypePolicy` from a name, a config dict, a policy or `None` (global floatx)."""
    if identifier is None:
        return _GLOBAL_POLICY if _GLOBAL_POLICY is not None else DTypePolicy(config.floatx())
    if isinstance(identifier, DTypePolicy):
        return identifier
    if isinstance(identifier, dict):
        return DTypePolicy.from_config(identifier.get("config", identifier))
    if isinstance(identifier, str):
        return DTypePolicy(identifier)
    try:
        return DTypePolicy(dtypes.standardize_dtype(identifier))
    except (ValueError, KeyError):
        raise ValueError(f"Cannot interpret `dtype` argument. Received: dtype={identifier}")


def serialize(policy):
    return {
        "module": "keras",
        "class_name": "DTypePolicy",
        "config": policy.get_config(),
        "registered_name": None,
    }
