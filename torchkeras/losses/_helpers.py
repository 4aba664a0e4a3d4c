"""Small helpers shared by losses and metrics: naming, dtypes, tensor conversion."""

import numpy as np
import torch

from torchkeras import backend
from torchkeras.utils.naming import auto_name  # noqa: F401  (used as _helpers.auto_name)
from torchkeras.utils.naming import to_snake_case


def get_object_name(obj):
    """The name Keras gives `obj` in compile(): `.name`, else the snake-cased `__name__`."""
    if hasattr(obj, "name"):
        return obj.name
    if hasattr(obj, "__name__"):
        return to_snake_case(obj.__name__)
    return to_snake_case(type(obj).__name__)


def compute_dtype(dtype):
    """The computation dtype name for a `dtype` argument: a name, torch dtype or dtype policy."""
    if dtype is None:
        return backend.floatx()
    policy_dtype = getattr(dtype, "compute_dtype", None)
    if policy_dtype is not None:
        return backend.standardize_dtype(policy_dtype)
    if isinstance(dtype, str) and dtype.startswith("mixed_"):
        return backend.standardize_dtype(dtype[len("mixed_"):])
    return backend.standardize_dtype(dtype)


def as_tensor(x, dtype=None, like=None):
    """`x` as a tensor of torch `dtype` (unchanged when it already is one, so attached attributes
    such as `_keras_logits` survive), on the device of `like` when given."""
    if isinstance(x, torch.Tensor):
        if dtype is not None and x.dtype != dtype:
            x = x.to(dtype)
        if like is not None and x.device != like.device:
            x = x.to(like.device)
        return x
    device = like.device if like is not None else None
    return backend.convert_to_tensor(x, dtype=dtype, device=device)


def get_keras_mask(x):
    return getattr(x, "_keras_mask", None)


def set_keras_mask(x, mask):
    x._keras_mask = mask
    return x


def divide_no_nan(numerator, denominator):
    """`numerator / denominator`, and 0 where the denominator is 0 (no host sync)."""
    if not isinstance(denominator, torch.Tensor):
        return numerator / denominator if denominator != 0 else torch.zeros_like(numerator)
    quotient = numerator / denominator
    return torch.where(denominator == 0, torch.zeros_like(quotient), quotient)


def is_structure(x):
    """A dict, or a list/tuple holding arrays, tensors or dicts (a nested list of numbers is one
    value, as users write small tensors that way)."""
    if isinstance(x, dict):
        return True
    return isinstance(x, (list, tuple)) and any(
        isinstance(v, (torch.Tensor, np.ndarray, dict)) or is_structure(v) for v in x
    )


def map_structure(fn, *structures):
    """Apply `fn` leaf-wise over matching structures (see `is_structure`)."""
    first = structures[0]
    if isinstance(first, dict):
        return {k: map_structure(fn, *(s[k] for s in structures)) for k in first}
    if is_structure(first):
        return type(first)(map_structure(fn, *items) for items in zip(*structures))
    return fn(*structures)
