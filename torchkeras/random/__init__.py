"""`keras.random`: random tensors (normal, uniform, dropout, ...) and `SeedGenerator`."""

from torchkeras.backend.random import SeedGenerator
from torchkeras.random.random_ops import beta
from torchkeras.random.random_ops import binomial
from torchkeras.random.random_ops import categorical
from torchkeras.random.random_ops import dropout
from torchkeras.random.random_ops import gamma
from torchkeras.random.random_ops import normal
from torchkeras.random.random_ops import randint
from torchkeras.random.random_ops import shuffle
from torchkeras.random.random_ops import truncated_normal
from torchkeras.random.random_ops import uniform

__all__ = [
    "SeedGenerator",
    "beta",
    "binomial",
    "categorical",
    "dropout",
    "gamma",
    "normal",
    "randint",
    "shuffle",
    "truncated_normal",
    "uniform",
]
