"""`keras.optimizers`: optimizers that are also `torch.optim.Optimizer`s, and their catalogue."""

from torchkeras.optimizers import schedules
from torchkeras.optimizers.adadelta import Adadelta
from torchkeras.optimizers.adafactor import Adafactor
from torchkeras.optimizers.adagrad import Adagrad
from torchkeras.optimizers.adam import Adam
from torchkeras.optimizers.adamax import Adamax
from torchkeras.optimizers.adamw import AdamW
from torchkeras.optimizers.base_optimizer import Optimizer
from torchkeras.optimizers.catalogue import deserialize
from torchkeras.optimizers.catalogue import get
from torchkeras.optimizers.catalogue import serialize
from torchkeras.optimizers.ftrl import Ftrl
from torchkeras.optimizers.lamb import Lamb
from torchkeras.optimizers.lion import Lion
from torchkeras.optimizers.loss_scale_optimizer import LossScaleOptimizer
from torchkeras.optimizers.muon import Muon
from torchkeras.optimizers.nadam import Nadam
from torchkeras.optimizers.rmsprop import RMSprop
from torchkeras.optimizers.schedule_free_adamw import ScheduleFreeAdamW
from torchkeras.optimizers.sgd import SGD

__all__ = [
    "Adadelta",
    "Adafactor",
    "Adagrad",
    "Adam",
    "AdamW",
    "Adamax",
    "Ftrl",
    "Lamb",
    "Lion",
    "LossScaleOptimizer",
    "Muon",
    "Nadam",
    "Optimizer",
    "RMSprop",
    "SGD",
    "ScheduleFreeAdamW",
    "deserialize",
    "get",
    "schedules",
    "serialize",
]


def __getattr__(name):
    # `keras.optimizers.legacy` imports this package: loaded on first use.
    if name == "legacy":
        import importlib

        return importlib.import_module("torchkeras.optimizers.legacy")
    raise AttributeError(f"module 'torchkeras.optimizers' has no attribute '{name}'")
