"""Functional forms of the merge layers: `keras.layers.add([x1, x2])`, ..."""

from torchkeras.layers.merging.add import Add
from torchkeras.layers.merging.concatenate import Concatenate
from torchkeras.layers.merging.multiply import Multiply


def add(inputs, **kwargs):
    """Functional interface to the `Add` layer."""
    return Add(**kwargs)(inputs)


def multiply(inputs, **kwargs):
    """Functional interface to the `Multiply` layer."""
    return Multiply(**kwargs)(inputs)


def concatenate(inputs, axis=-1, **kwargs):
    """Functional interface to the `Concatenate` layer."""
    return Concatenate(axis=axis, **kwargs)(inputs)
