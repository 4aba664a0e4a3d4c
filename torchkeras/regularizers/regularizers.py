"""Weight and activity regularizers: Regularizer, L1, L2, L1L2, OrthogonalRegularizer.

A regularizer maps a tensor to a 0-d tensor penalty that the trainer adds to the loss (summed, not
averaged over the batch). The formulas are Keras's: `L2(l2)(x) = l2 * sum(x^2)`, no factor 1/2.
"""

import math

import numpy as np
import torch

from torchkeras.backend import config


def _as_float32(value):
    # Keras keeps some factors as float32 tensors, so their configs hold the float32 value
    # (0.01 -> 0.009999999776482582). Doing the same keeps configs identical to Keras's.
    return float(np.float32(value))


def validate_float_arg(value, name):
    """Check that a penalty factor is a finite non-negative number and return it as a float."""
    if (
        not isinstance(value, (float, int))
        or (math.isinf(value) or math.isnan(value))
        or value < 0
    ):
        raise ValueError(
            f"Invalid value for argument {name}: expected a non-negative float."
            f"Received: {name}={value}"
        )
    return float(value)


class Regularizer:
    """Regularizer base class.

    Regularizers apply penalties on layer parameters or layer activity during optimization. The
    penalties are summed into the loss function that the network optimizes. Layers take them as
    `kernel_regularizer`, `bias_regularizer` and `activity_regularizer`; the activity penalty is
    divided by the batch size.

    Any function mapping a weight tensor to a scalar tensor can be used as a regularizer. To
    write one as a class, subclass `Regularizer` and implement `__call__` and `get_config`:

    ```python
    class L2Regularizer(keras.regularizers.Regularizer):
        def __init__(self, l2=0.0):
            self.l2 = l2

        def __call__(self, x):
            return self.l2 * keras.ops.sum(keras.ops.square(x))

        def get_config(self):
            return {"l2": float(self.l2)}
    ```

    Example:

    >>> regularizer = L2(2.0)
    >>> regularizer(torch.ones(5, 5))
    tensor(50.)
    """

    def __call__(self, x):
        """Compute a regularization penalty from an input tensor."""
        return 0.0

    @classmethod
    def from_config(cls, config):
        """Create a regularizer from its config (the output of `get_config`).

        Args:
            config: A Python dictionary.

        Returns:
            A regularizer instance.
        """
        return cls(**config)

    def get_config(self):
        """Return the config of the regularizer, a JSON-serializable dict."""
        raise NotImplementedError(f"{self} does not implement get_config()")


class L1L2(Regularizer):
    """A regularizer that applies both L1 and L2 regularization penalties.

    `loss = l1 * sum(abs(x)) + l2 * sum(square(x))`.

    The string identifier `"l1_l2"` gives `L1L2(l1=0.01, l2=0.01)`.

    Args:
        l1: Float, L1 regularization factor. Defaults to `0.0`.
        l2: Float, L2 regularization factor. Defaults to `0.0`.
    """

    def __init__(self, l1=0.0, l2=0.0):
        # The class defaults (0.0) differ from the string identifier's (0.01), as in Keras.
        l1 = 0.0 if l1 is None else l1
        l2 = 0.0 if l2 is None else l2
        self.l1 = validate_float_arg(l1, name="l1")
        self.l2 = validate_float_arg(l2, name="l2")

    def __call__(self, x):
        if self.l1 != 0.0 and self.l2 != 0.0:
            return self.l1 * torch.sum(torch.abs(x)) + self.l2 * torch.sum(torch.square(x))
        if self.l1 != 0.0:
            return self.l1 * torch.sum(torch.abs(x))
        if self.l2 != 0.0:
            return self.l2 * torch.sum(torch.square(x))
        return torch.zeros((), dtype=x.dtype, device=x.device)

    def get_config(self):
        return {"l1": self.l1, "l2": self.l2}


class L1(Regularizer):
    """A regularizer that applies a L1 regularization penalty: `loss = l1 * sum(abs(x))`.

    The string identifier `"l1"` gives `L1(l1=0.01)`.

    Args:
        l1: Float, L1 regularization factor. Defaults to `0.01`.
    """

    def __init__(self, l1=0.01):
        l1 = 0.01 if l1 is None else l1
        self.l1 = _as_float32(validate_float_arg(l1, name="l1"))

    def __call__(self, x):
        return self.l1 * torch.sum(torch.abs(x))

    def get_config(self):
        return {"l1": self.l1}


class L2(Regularizer):
    """A regularizer that applies a L2 regularization penalty: `loss = l2 * sum(square(x))`.

    The string identifier `"l2"` gives `L2(l2=0.01)`.

    Args:
        l2: Float, L2 regularization factor. Defaults to `0.01`.
    """

    def __init__(self, l2=0.01):
        l2 = 0.01 if l2 is None else l2
        self.l2 = validate_float_arg(l2, name="l2")

    def __call__(self, x):
        return self.l2 * torch.sum(torch.square(x))

    def get_config(self):
        return {"l2": self.l2}


class OrthogonalRegularizer(Regularizer):
    """Regularizer that encourages input vectors to be orthogonal to each other.

    It applies to the rows of a matrix (`mode="rows"`) or to its columns (`mode="columns"`). The
    penalty is `factor` times the mean absolute dot product between the L2-normalized rows (or
    columns), over all pairs of distinct rows, times 0.5.

    Args:
        factor: Float, the regularization factor. Defaults to `0.01`.
        mode: String, one of `{"rows", "columns"}`. Defaults to `"rows"`.

    Example:

    >>> regularizer = OrthogonalRegularizer(factor=0.01)
    >>> layer = Dense(units=4, kernel_regularizer=regularizer)
    """

    def __init__(self, factor=0.01, mode="rows"):
        self.factor = _as_float32(validate_float_arg(factor, name="factor"))
        if mode not in {"rows", "columns"}:
            raise ValueError(
                "Invalid value for argument `mode`. Expected one of "
                f'{{"rows", "columns"}}. Received: mode={mode}'
            )
        self.mode = mode

    def __call__(self, inputs):
        if inputs.dim() != 2:
            raise ValueError(
                "Inputs to OrthogonalRegularizer must have rank 2. Received: "
                f"inputs.shape={tuple(inputs.shape)}"
            )
        axis = 1 if self.mode == "rows" else 0
        # L2-normalize as keras.ops.normalize does: x * min(rsqrt(sum(x^2)), 1 / epsilon).
        inv_norm = torch.rsqrt(torch.sum(torch.square(inputs), dim=axis, keepdim=True))
        normalized = inputs * torch.clamp(inv_norm, max=1.0 / config.epsilon())
        if self.mode == "rows":
            product = normalized @ normalized.T
        else:
            product = normalized.T @ normalized
        size = product.shape[0]
        off_diagonal = product * (1.0 - torch.eye(size, dtype=inputs.dtype, device=inputs.device))
        num_pairs = size * (size - 1.0) / 2.0
        return self.factor * 0.5 * torch.sum(torch.abs(off_diagonal)) / num_pairs

    def get_config(self):
        return {"factor": self.factor, "mode": self.mode}
