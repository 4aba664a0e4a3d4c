"""`keras.mixed_precision`: dtype policies and loss scaling."""

from torchkeras.dtype_policies import DTypePolicy
from torchkeras.dtype_policies.dtype_policy import dtype_policy
from torchkeras.dtype_policies.dtype_policy import set_dtype_policy
from torchkeras.optimizers import LossScaleOptimizer

# Keras's legacy names for the global policy functions.
set_global_policy = set_dtype_policy
global_policy = dtype_policy
Policy = DTypePolicy

__all__ = [
    "DTypePolicy",
    "LossScaleOptimizer",
    "Policy",
    "dtype_policy",
    "global_policy",
    "set_dtype_policy",
    "set_global_policy",
]
