"""Rematerialization (gradient checkpointing): `keras.remat` and `keras.RematScope`."""

import collections

import torch.utils.checkpoint

_MODES = {"full", "activations", "larger_than", "list_of_layers", None}
_STACK = []

RematMode = collections.namedtuple("RematMode", ["mode", "output_size_threshold", "layer_names"])


class RematScope:
    """A context manager for enabling rematerialization.

    Rematerialization (gradient checkpointing) trades memory for computation by recomputing
    intermediate activations during the backward pass.

    The scope is recorded (`get_current_remat_mode()`); torchkeras layers do not yet apply it
    automatically: wrap the function to recompute with `keras.remat` (see
    compat/DIFFERENCES.md).

    Args:
        mode: Rematerialization mode: `"full"`, `"activations"`, `"larger_than"`,
            `"list_of_layers"` or `None` (disabled). Defaults to `"full"`.
        output_size_threshold: Output size threshold for the `"larger_than"` mode. Defaults to
            `1024`.
        layer_names: List of layer names for the `"list_of_layers"` mode. Defaults to `[]`.
    """

    def __init__(self, mode="full", output_size_threshold=1024, layer_names=None):
        if mode not in _MODES:
            raise ValueError(
                f"Invalid mode '{mode}'. Supported modes are: 'full', 'activations', "
                "'larger_than', 'list_of_layers', or  None."
            )
        self.mode = mode
        self.output_size_threshold = output_size_threshold
        self.layer_names = layer_names or []
        self._pop_on_exit = False

    def __enter__(self):
        _STACK.append(self)
        self._pop_on_exit = True
        return self

    def __exit__(self, *args, **kwargs):
        if self._pop_on_exit:
            _STACK.pop()
            self._pop_on_exit = False


def get_current_remat_mode():
    """The innermost `RematScope`'s settings as a `RematMode`, or `None` outside any scope."""
    if not _STACK:
        return None
    scope = _STACK[-1]
    return RematMode(scope.mode, scope.output_size_threshold, scope.layer_names)


def remat(f):
    """Applies rematerialization to a function or layer for memory optimization.

    The returned function computes `f` without keeping its intermediate activations, and
    recomputes them during the backward pass (`torch.utils.checkpoint`).

    Args:
        f: The function or layer to rematerialize.

    Returns:
        A function wrapping `f`.

    Example:

    ```python
    dense = keras.layers.Dense(64, activation="relu")
    outputs = keras.remat(dense)(inputs)
    ```
    """

    def wrapped(*args, **kwargs):
        return torch.utils.checkpoint.checkpoint(f, *args, use_reentrant=False, **kwargs)

    return wrapped
