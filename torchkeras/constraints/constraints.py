"""Weight constraints: Constraint, MaxNorm, MinMaxNorm, NonNeg, UnitNorm.

A constraint maps a weight to its projection (renormalized or clipped); the optimizer applies it
after each update. Norms are divided as `w * desired / (epsilon + norm)`, with
`epsilon = keras.config.epsilon()`, as Keras does.
"""

import torch

from torchkeras.backend import config
from torchkeras.backend.tensors import convert_to_tensor


def _norms(w, axis):
    # (..., 1, ...): the L2 norm along `axis`, kept for broadcasting against `w`.
    if isinstance(axis, list):
        axis = tuple(axis)
    return torch.sqrt(torch.sum(torch.square(w), dim=axis, keepdim=True))


class Constraint:
    """Base class for weight constraints.

    A `Constraint` works like a stateless function: subclasses override `__call__()`, which
    takes a weight and returns its projection (e.g. normalized or clipped). Constraints are
    passed to layers as `kernel_constraint` or `bias_constraint`.

    Example:

    >>> class NonNegative(keras.constraints.Constraint):
    ...     def __call__(self, w):
    ...         return w * (w >= 0.0).to(w.dtype)
    >>> keras.layers.Dense(4, kernel_constraint=NonNegative())
    """

    def __call__(self, w):
        """Apply the constraint to the weight `w`; by default `w` is returned unmodified.

        Args:
            w: Input weight variable.

        Returns:
            The projected weight.
        """
        return w

    def get_config(self):
        """Return the config of the constraint, a JSON-serializable dict."""
        return {}

    @classmethod
    def from_config(cls, config):
        """Instantiate a constraint from its config (the output of `get_config()`).

        Args:
            config: A Python dictionary.

        Returns:
            A `keras.constraints.Constraint` instance.
        """
        return cls(**config)


class MaxNorm(Constraint):
    """MaxNorm weight constraint.

    Constrains the weights incident to each hidden unit to have a norm less than or equal to
    `max_value`.

    Args:
        max_value: The maximum norm value for the incoming weights. Defaults to `2`.
        axis: Integer or list of integers, the axes along which to compute weight norms. For a
            `Dense` kernel `(input_dim, output_dim)`, `axis=0` constrains each weight vector of
            length `input_dim`; for a `Conv2D` kernel `(rows, cols, input_depth, output_depth)`,
            use `axis=[0, 1, 2]`. Defaults to `0`.
    """

    def __init__(self, max_value=2, axis=0):
        self.max_value = max_value
        self.axis = axis

    def __call__(self, w):
        w = convert_to_tensor(w)
        norms = _norms(w, self.axis)
        desired = torch.clamp(norms, 0, self.max_value)
        return w * (desired / (config.epsilon() + norms))

    def get_config(self):
        return {"max_value": self.max_value, "axis": self.axis}


class NonNeg(Constraint):
    """Constrains the weights to be non-negative."""

    def __call__(self, w):
        w = convert_to_tensor(w)
        return torch.clamp(w, min=0)


class UnitNorm(Constraint):
    """Constrains the weights incident to each hidden unit to have unit norm.

    Args:
        axis: Integer or list of integers, the axes along which to compute weight norms. For a
            `Dense` kernel `(input_dim, output_dim)`, `axis=0` constrains each weight vector of
            length `input_dim`; for a `Conv2D` kernel `(rows, cols, input_depth, output_depth)`,
            use `axis=[0, 1, 2]`. Defaults to `0`.
    """

    def __init__(self, axis=0):
        self.axis = axis

    def __call__(self, w):
        w = convert_to_tensor(w)
        return w / (config.epsilon() + _norms(w, self.axis))

    def get_config(self):
        return {"axis": self.axis}


class MinMaxNorm(Constraint):
    """MinMaxNorm weight constraint.

    Constrains the weights incident to each hidden unit to have a norm between `min_value` and
    `max_value`. Weights are rescaled to the norm
    `(1 - rate) * norm + rate * clip(norm, min_value, max_value)`: `rate=1.0` enforces the
    constraint strictly, a smaller rate moves the norm towards the interval step by step.

    Args:
        min_value: The minimum norm for the incoming weights. Defaults to `0.0`.
        max_value: The maximum norm for the incoming weights. Defaults to `1.0`.
        rate: Rate for enforcing the constraint. Defaults to `1.0`.
        axis: Integer or list of integers, the axes along which to compute weight norms. For a
            `Dense` kernel `(input_dim, output_dim)`, `axis=0` constrains each weight vector of
            length `input_dim`; for a `Conv2D` kernel `(rows, cols, input_depth, output_depth)`,
            use `axis=[0, 1, 2]`. Defaults to `0`.
    """

    def __init__(self, min_value=0.0, max_value=1.0, rate=1.0, axis=0):
        self.min_value = min_value
        self.max_value = max_value
        self.rate = rate
        self.axis = axis

    def __call__(self, w):
        w = convert_to_tensor(w)
        norms = _norms(w, self.axis)
        desired = self.rate * torch.clamp(norms, self.min_value, self.max_value) + (
            1 - self.rate
        ) * norms
        return w * (desired / (config.epsilon() + norms))

    def get_config(self):
        return {
            "min_value": self.min_value,
            "max_value": self.max_value,
            "rate": self.rate,
            "axis": self.axis,
        }
