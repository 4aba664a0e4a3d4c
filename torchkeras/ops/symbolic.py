"""Ops on symbolic tensors: `keras.ops.sum(x, axis=1)` on a `keras.Input` records a graph node.

Every public op is wrapped by `keras_op`. On real tensors the wrapper only checks its arguments
(one `type` test per argument) and calls the op. When an argument is a `KerasTensor`, it records
the call as a node of the functional graph instead (through an internal op layer), so the
model replays the op on real tensors; the output shape comes from running the op on fake tensors.
"""

import functools

import torch

from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.utils import tree

_Tensor = torch.Tensor


def _has_symbolic(value):
    if isinstance(value, KerasTensor):
        return True
    if isinstance(value, (list, tuple)):
        return any(_has_symbolic(v) for v in value)
    if isinstance(value, dict):
        return any(_has_symbolic(v) for v in value.values())
    return False


def any_symbolic(args, kwargs):
    """Whether a `KerasTensor` appears in `args` or `kwargs` (nested lists/tuples/dicts too)."""
    for x in args:
        if type(x) is not _Tensor and _has_symbolic(x):
            return True
    if kwargs:
        for x in kwargs.values():
            if type(x) is not _Tensor and _has_symbolic(x):
                return True
    return False


class _BoundOp:
    """`fn` with its non-symbolic arguments fixed; called with the symbolic ones' real values."""

    def __init__(self, fn, structure, leaves, positions):
        self.fn = fn
        self.structure = structure
        self.leaves = leaves
        self.positions = positions
        self.__name__ = fn.__name__

    def __call__(self, *tensors):
        leaves = list(self.leaves)
        for position, tensor in zip(self.positions, tensors):
            leaves[position] = tensor
        args, kwargs = tree.pack_sequence_as(self.structure, leaves)
        return self.fn(*args, **kwargs)


def symbolic_call(fn, args, kwargs):
    """Record `fn(*args, **kwargs)` on KerasTensors as a graph node; return symbolic outputs."""
    from torchkeras.layers.core.op_layer import apply_symbolic_op

    structure = (args, kwargs)
    leaves = tree.flatten(structure)
    positions = [i for i, leaf in enumerate(leaves) if isinstance(leaf, KerasTensor)]
    tensors = [leaves[i] for i in positions]
    bound = _BoundOp(fn, structure, leaves, positions)
    return apply_symbolic_op(bound, tuple(tensors), name=fn.__name__)


def keras_op(fn):
    """Make `fn` accept symbolic tensors: called on a `KerasTensor`, it records a graph node."""

    @functools.wraps(fn)
    def op(*args, **kwargs):
        for x in args:
            if type(x) is not _Tensor and _has_symbolic(x):
                return symbolic_call(fn, args, kwargs)
        if kwargs:
            for x in kwargs.values():
                if type(x) is not _Tensor and _has_symbolic(x):
                    return symbolic_call(fn, args, kwargs)
        return fn(*args, **kwargs)

    op._keras_op = True
    return op
