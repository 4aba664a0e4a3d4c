"""`keras.dtype_policies`."""

from torchkeras.dtype_policies.dtype_policy import DTypePolicy
from torchkeras.dtype_policies.dtype_policy import FloatDTypePolicy
from torchkeras.dtype_policies.dtype_policy import deserialize
from torchkeras.dtype_policies.dtype_policy import get
from torchkeras.dtype_policies.dtype_policy import serialize
from torchkeras.dtype_policies.dtype_policy_map import DTypePolicyMap

__all__ = ["DTypePolicy", "DTypePolicyMap", "FloatDTypePolicy", "deserialize", "get", "serialize"]
