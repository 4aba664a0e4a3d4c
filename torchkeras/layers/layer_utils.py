"""Helpers of `Layer.__call__`: the cached facts about a class's `call`/`build` signatures,
symbolic-input detection, shapes and automatic configs."""

import inspect

import numpy as np
import torch

from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.utils import tree

_SIGNATURES = {}


class Signature:
    """What `Layer.__call__` needs to know about a class's `call`/`build`, computed once."""

    def __init__(self, cls):
        from torchkeras.layers.layer import Layer as base

        params = inspect.signature(cls.call).parameters
        self.call_params = [p for p in params if p != "self"]
        self.has_training_arg = "training" in params
        self.has_mask_arg = "mask" in params
        self.training_default = (
            params["training"].default
            if self.has_training_arg and params["training"].default is not inspect.Parameter.empty
            else None
        )
        self.has_var_kwargs = any(p.kind == p.VAR_KEYWORD for p in params.values())
        build_params = inspect.signature(cls.build).parameters
        self.build_params = [p for p in build_params if p != "self"]
        self.build_overridden = cls.build is not base.build
        self.output_shape_overridden = (
            cls.compute_output_shape is not base.compute_output_shape
        )
        self.compute_mask_overridden = cls.compute_mask is not base.compute_mask
        init_params = inspect.signature(cls.__init__).parameters
        self.init_signature = inspect.signature(cls.__init__) if len(init_params) else None


def signature(cls):
    sig = _SIGNATURES.get(cls)
    if sig is None:
        sig = _SIGNATURES[cls] = Signature(cls)
    return sig


def is_symbolic(args, kwargs):
    for x in args:
        if isinstance(x, KerasTensor):
            return True
        if isinstance(x, (list, tuple, dict)) and any(
            isinstance(y, KerasTensor) for y in tree.flatten(x)
        ):
            return True
    for x in kwargs.values():
        if isinstance(x, KerasTensor):
            return True
        if isinstance(x, (list, tuple, dict)) and any(
            isinstance(y, KerasTensor) for y in tree.flatten(x)
        ):
            return True
    return False


def shape_of(x):
    if isinstance(x, KerasTensor):
        return x.shape
    if isinstance(x, torch.Tensor):
        return tuple(x.shape)
    if hasattr(x, "shape"):
        return tuple(x.shape)
    return None


def simple_config_value(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return True
    if isinstance(value, (list, tuple)):
        return all(simple_config_value(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and simple_config_value(v) for k, v in value.items())
    return False


def is_shape(value):
    return isinstance(value, (tuple, list)) and all(
        d is None or isinstance(d, (int, np.integer)) for d in value
    )


def shapes_to_specs(shape, dtype):
    if shape is None:
        return None
    if is_shape(shape):
        return KerasTensor(tuple(shape), dtype=dtype)
    if isinstance(shape, dict):
        return {k: shapes_to_specs(v, dtype) for k, v in shape.items()}
    return type(shape)(shapes_to_specs(s, dtype) for s in shape)


def jsonable_shapes(shapes_dict):
    def fix(shape):
        if shape is None:
            return None
        if is_shape(shape):
            return tuple(None if d is None else int(d) for d in shape)
        if isinstance(shape, dict):
            return {k: fix(v) for k, v in shape.items()}
        if isinstance(shape, (list, tuple)):
            return [fix(s) for s in shape]
        return shape

    return {k: fix(v) for k, v in shapes_dict.items()}
