"""`keras.optimizers`: optimizers that are also `torch.optim.Optimizer`s, and their catalogue."""

from torchkeras.optimizers import schedules
from torchkeras.optimizers.adam import Adam
from torchkeras.optimizers.base_optimizer import Optimizer
from torchkeras.optimizers.catalogue import deserialize
from torchkeras.optimizers.catalogue import get
from torchkeras.optimizers.catalogue import serialize
from torchkeras.optimizers.rmsprop import RMSprop
from torchkeras.optimizers.sgd import SGD

__all__ = [
    "Adam",
    "Optimizer",
    "RMSprop",
    "SGD",
    "deserialize",
    "get",
    "schedules",
    "serialize",
]
