"""`keras.layers`: the reshaping family."""

from torchkeras.layers.reshaping.flatten import Flatten
from torchkeras.layers.reshaping.reshape import Reshape

__all__ = [
    "Flatten",
    "Reshape",
]
