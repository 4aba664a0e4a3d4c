"""DTypePolicyMap: a dict-like map from layer paths (or regexes) to dtype policies."""

import re
from collections.abc import MutableMapping

from torchkeras.dtype_policies import dtype_policy as dtype_policy_lib
from torchkeras.dtype_policies.dtype_policy import DTypePolicy


class DTypePolicyMap(DTypePolicy, MutableMapping):
    """Dict-like object mapping layer paths to `DTypePolicy` instances.

    Keys are layer paths (`Layer.path`) or regular expressions matched with `re.fullmatch`; a
    path that matches no key gets the default policy.

    Args:
        default_policy: An optional `DTypePolicy` instance specifying the default dtype policy.
            Defaults to `keras.config.dtype_policy()`.
        policy_map: An optional dict that maps strings to `DTypePolicy` instances. Defaults to
            `None`.

    Example:

    >>> policy_map = DTypePolicyMap(default_policy="float32")
    >>> policy_map["encoder/.*"] = "float16"
    >>> policy_map["encoder/attention/query"].name
    'float16'
    >>> policy_map["decoder"].name
    'float32'
    """

    def __init__(self, default_policy=None, policy_map=None):
        if isinstance(default_policy, DTypePolicyMap):
            raise ValueError("`default_policy` cannot be a `DTypePolicyMap`.")
        if policy_map is not None and not isinstance(policy_map, dict):
            raise TypeError(
                "If specified, `policy_map` must be a dict. "
                f"Received: policy_map={policy_map} of type {type(policy_map)}"
            )
        self._default_policy_arg = default_policy
        self._default_policy = dtype_policy_lib.get(default_policy)
        self._policy_map = policy_map or dict()

    @property
    def name(self):
        return f"map_{self.default_policy.name}"

    @property
    def _name(self):
        return self.name

    @property
    def default_policy(self):
        """The default dtype policy (`keras.config.dtype_policy()` when not given)."""
        if self._default_policy_arg is None:
            return dtype_policy_lib.dtype_policy()
        return self._default_policy

    @property
    def variable_dtype(self):
        return self.default_policy.variable_dtype

    @property
    def compute_dtype(self):
        return self.default_policy.compute_dtype

    @property
    def quantization_mode(self):
        return self.default_policy.quantization_mode

    def __getitem__(self, key):
        """The policy of `key`: an exact match first, then the one regex key that fully matches,
        else the default policy."""
        if key in self._policy_map:
            return self._policy_map[key]
        matching_keys = [pattern for pattern in self._policy_map if re.fullmatch(pattern, key)]
        if len(matching_keys) > 1:
            raise ValueError(
                f"Path '{key}' matches multiple dtype policy specification keys: "
                f"{matching_keys}. Please make sure each path only matches at most one dtype "
                "policy specification key in the DTypePolicyMap."
            )
        if matching_keys:
            return self._policy_map[matching_keys[0]]
        return self.default_policy

    def __setitem__(self, key, policy):
        if key in self._policy_map:
            raise ValueError(
                f"{key} already exist in the DTypePolicyMap with value "
                f"{self._policy_map[key]}. Please make sure to not use duplicated keys."
            )
        try:
            policy = dtype_policy_lib.get(policy)
        except Exception:
            raise ValueError(
                "Cannot interpret the assigned value by `keras.dtype_policies.get`. "
                f"Received: {policy} of type {type(policy)}"
            )
        self._policy_map[key] = policy

    def __delitem__(self, key):
        return self._policy_map.pop(key)

    def __contains__(self, key):
        return key in self._policy_map

    def __len__(self):
        return len(self._policy_map)

    def __iter__(self):
        return iter(self._policy_map)

    def __eq__(self, other):
        return (
            isinstance(other, DTypePolicyMap)
            and other.default_policy == self.default_policy
            and other._policy_map == self._policy_map
        )

    def __hash__(self):
        return id(self)

    def get_config(self):
        return {
            "default_policy": self._default_policy_arg,
            "policy_map": {
                key: dtype_policy_lib.serialize(policy) for key, policy in self._policy_map.items()
            },
        }

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = dict(config)
        config["policy_map"] = {
            key: dtype_policy_lib.deserialize(value, custom_objects=custom_objects)
            for key, value in (config.get("policy_map") or {}).items()
        }
        return cls(**config)

    def __repr__(self):
        mapping = [(k, v.name) for k, v in self._policy_map.items()]
        return (
            f"<DTypePolicyMap at {hex(id(self))} default_policy={self._default_policy.name}, "
            f"mapping={mapping}>"
        )
