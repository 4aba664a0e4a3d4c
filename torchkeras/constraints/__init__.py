"""`keras.constraints`: weight constraints, and `get`/`serialize`/`deserialize` by name."""

from torchkeras.constraints.catalogue import deserialize
from torchkeras.constraints.catalogue import get
from torchkeras.constraints.catalogue import serialize
from torchkeras.constraints.constraints import Constraint
from torchkeras.constraints.constraints import MaxNorm
from torchkeras.constraints.constraints import MinMaxNorm
from torchkeras.constraints.constraints import NonNeg
from torchkeras.constraints.constraints import UnitNorm
from torchkeras.constraints.radial_constraint import RadialConstraint

# The snake_case names Keras exports for the same classes.
max_norm = MaxNorm
min_max_norm = MinMaxNorm
non_neg = NonNeg
unit_norm = UnitNorm
# tf.keras 2 (not in Keras 3's keras.constraints).
radial_constraint = RadialConstraint

__all__ = [
    "Constraint",
    "MaxNorm",
    "MinMaxNorm",
    "NonNeg",
    "UnitNorm",
    "deserialize",
    "get",
    "max_norm",
    "min_max_norm",
    "non_neg",
    "serialize",
    "unit_norm",
]
