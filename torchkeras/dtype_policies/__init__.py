"""`keras.dtype_policies`."""

from torchkeras.dtype_policies.dtype_policy import DTypePolicy
from torchkeras.dtype_policies.dtype_policy import get
from torchkeras.dtype_policies.dtype_policy import serialize

__all__ = ["DTypePolicy", "get", "serialize"]
