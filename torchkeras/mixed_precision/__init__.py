"""`keras.mixed_precision`: dtype policies and loss scaling."""

from torchkeras.dtype_policies import DTypePolicy
from torchkeras.optimizers import LossScaleOptimizer

_GLOBAL_POLICY = None


def set_global_policy(policy):
    """Set the default dtype policy of new layers (`"mixed_float16"`, `"float32"`, ...)."""
    from torchkeras import dtype_policies
    from torchkeras.dtype_policies import dtype_policy

    global _GLOBAL_POLICY
    _GLOBAL_POLICY = dtype_policies.get(policy) if policy is not None else None
    dtype_policy._GLOBAL_POLICY = _GLOBAL_POLICY


def global_policy():
    """The default dtype policy of new layers."""
    from torchkeras import dtype_policies

    return _GLOBAL_POLICY or dtype_policies.get(None)


Policy = DTypePolicy

__all__ = ["DTypePolicy", "LossScaleOptimizer", "Policy", "global_policy", "set_global_policy"]
