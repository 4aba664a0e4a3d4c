"""`keras.layers`: the merging family."""

from torchkeras.layers.merging.add import Add
from torchkeras.layers.merging.concatenate import Concatenate
from torchkeras.layers.merging.functional import add
from torchkeras.layers.merging.functional import concatenate
from torchkeras.layers.merging.functional import multiply
from torchkeras.layers.merging.multiply import Multiply

__all__ = [
    "Add",
    "Concatenate",
    "add",
    "concatenate",
    "multiply",
    "Multiply",
]
