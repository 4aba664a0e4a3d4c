"""`keras.optimizers.schedules`: learning rates that change with the optimizer's step."""

from torchkeras.optimizers.schedules.learning_rate_schedule import ExponentialDecay
from torchkeras.optimizers.schedules.learning_rate_schedule import LearningRateSchedule
from torchkeras.optimizers.schedules.learning_rate_schedule import deserialize
from torchkeras.optimizers.schedules.learning_rate_schedule import serialize

__all__ = [
    "ExponentialDecay",
    "LearningRateSchedule",
    "deserialize",
    "serialize",
]
