"""Functional forms of the merge layers: `keras.layers.add([x1, x2])`, ..."""

from torchkeras.layers.merging.add import Add
from torchkeras.layers.merging.average import Average
from torchkeras.layers.merging.concatenate import Concatenate
from torchkeras.layers.merging.dot import Dot
from torchkeras.layers.merging.maximum import Maximum
from torchkeras.layers.merging.minimum import Minimum
from torchkeras.layers.merging.multiply import Multiply
from torchkeras.layers.merging.subtract import Subtract


def add(inputs, **kwargs):
    """Functional interface to the `Add` layer."""
    return Add(**kwargs)(inputs)


def multiply(inputs, **kwargs):
    """Functional interface to the `Multiply` layer."""
    return Multiply(**kwargs)(inputs)


def concatenate(inputs, axis=-1, **kwargs):
    """Functional interface to the `Concatenate` layer."""
    return Concatenate(axis=axis, **kwargs)(inputs)


def subtract(inputs, **kwargs):
    """Functional interface to the `Subtract` layer."""
    return Subtract(**kwargs)(inputs)


def average(inputs, **kwargs):
    """Functional interface to the `Average` layer."""
    return Average(**kwargs)(inputs)


def maximum(inputs, **kwargs):
    """Functional interface to the `Maximum` layer."""
    return Maximum(**kwargs)(inputs)


def minimum(inputs, **kwargs):
    """Functional interface to the `Minimum` layer."""
    return Minimum(**kwargs)(inputs)


def dot(inputs, axes=-1, **kwargs):
    """Functional interface to the `Dot` layer."""
    return Dot(axes=axes, **kwargs)(inputs)
