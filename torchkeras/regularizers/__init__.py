"""`keras.regularizers`: weight penalties, and `get`/`serialize`/`deserialize` by name."""

from torchkeras.regularizers.catalogue import deserialize
from torchkeras.regularizers.catalogue import get
from torchkeras.regularizers.catalogue import serialize
from torchkeras.regularizers.regularizers import L1
from torchkeras.regularizers.regularizers import L1L2
from torchkeras.regularizers.regularizers import L2
from torchkeras.regularizers.regularizers import OrthogonalRegularizer
from torchkeras.regularizers.regularizers import Regularizer

# The snake_case names Keras exports for the same classes.
l1 = L1
l1_l2 = L1L2
l2 = L2
orthogonal_regularizer = OrthogonalRegularizer

__all__ = [
    "L1",
    "L1L2",
    "L2",
    "OrthogonalRegularizer",
    "Regularizer",
    "deserialize",
    "get",
    "l1",
    "l1_l2",
    "l2",
    "orthogonal_regularizer",
    "serialize",
]
