"""`tf.Module`: a container that finds the variables and submodules held in its attributes."""

import re

import torch

from torchkeras.compat.tensorflow.runtime import name_scope


def _walk(value, seen):
    """Yield the variables and modules reachable through attributes, lists, tuples and dicts."""
    if id(value) in seen:
        return
    if isinstance(value, (torch.Tensor, Module)) or _is_layer(value):
        seen.add(id(value))
        yield value
        if isinstance(value, Module):
            for key in sorted(vars(value)):
                yield from _walk(vars(value)[key], seen)
        return
    if isinstance(value, dict):
        seen.add(id(value))
        for key in sorted(value, key=str):
            yield from _walk(value[key], seen)
    elif isinstance(value, (list, tuple)):
        seen.add(id(value))
        for item in value:
            yield from _walk(item, seen)


def _is_layer(value):
    from torchkeras.layers import Layer

    return isinstance(value, Layer)


class Module:
    """A named container of variables (TensorFlow's `tf.Module`).

    Variables (`tf.Variable`) and submodules (`tf.Module`, Keras layers) assigned as attributes,
    directly or inside lists, tuples and dicts, are found by `variables`,
    `trainable_variables` and `submodules`.

    Args:
        name: The module's name. Defaults to the class name in snake_case.
    """

    def __init__(self, name=None):
        if name is None:
            name = re.sub(r"(?<!^)(?=[A-Z])", "_", type(self).__name__).lower()
        self._name = name
        self._scope_name = name

    @property
    def name(self):
        return self._name

    @property
    def name_scope(self):
        return name_scope(self._scope_name)

    def _flatten(self):
        seen = {id(self)}
        for key in sorted(vars(self)):
            if key.startswith("_") and key in ("_name", "_scope_name"):
                continue
            yield from _walk(vars(self)[key], seen)

    @property
    def submodules(self):
        return tuple(v for v in self._flatten() if isinstance(v, Module) or _is_layer(v))

    def _collect(self, trainable_only):
        out, seen = [], set()
        for value in self._flatten():
            if _is_layer(value):
                weights = value.trainable_weights if trainable_only else value.weights
            elif isinstance(value, torch.Tensor) and isinstance(value, torch.nn.Parameter):
                weights = [value] if (not trainable_only or value.requires_grad) else []
            else:
                weights = []
            for w in weights:
                if id(w) not in seen:
                    seen.add(id(w))
                    out.append(w)
        return tuple(out)

    @property
    def variables(self):
        return self._collect(trainable_only=False)

    @property
    def trainable_variables(self):
        return self._collect(trainable_only=True)

    @property
    def non_trainable_variables(self):
        trainable = {id(v) for v in self.trainable_variables}
        return tuple(v for v in self.variables if id(v) not in trainable)

    @classmethod
    def with_name_scope(cls, method):
        return method


__all__ = ["Module"]
