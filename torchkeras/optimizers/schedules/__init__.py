"""`keras.optimizers.schedules`: learning rates that change with the optimizer's step."""

from torchkeras.optimizers.schedules.cosine_decay import CosineDecay
from torchkeras.optimizers.schedules.cosine_decay_restarts import CosineDecayRestarts
from torchkeras.optimizers.schedules.inverse_time_decay import InverseTimeDecay
from torchkeras.optimizers.schedules.learning_rate_schedule import ExponentialDecay
from torchkeras.optimizers.schedules.learning_rate_schedule import LearningRateSchedule
from torchkeras.optimizers.schedules.learning_rate_schedule import deserialize
from torchkeras.optimizers.schedules.learning_rate_schedule import serialize
from torchkeras.optimizers.schedules.piecewise_constant_decay import PiecewiseConstantDecay
from torchkeras.optimizers.schedules.polynomial_decay import PolynomialDecay

__all__ = [
    "CosineDecay",
    "CosineDecayRestarts",
    "ExponentialDecay",
    "InverseTimeDecay",
    "LearningRateSchedule",
    "PiecewiseConstantDecay",
    "PolynomialDecay",
    "deserialize",
    "serialize",
]
