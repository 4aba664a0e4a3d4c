"""`keras.models`: Model, Sequential and model utilities."""

from torchkeras.models.functional import Functional
from torchkeras.models.model import Model
from torchkeras.models.sequential import Sequential

__all__ = ["Functional", "Model", "Sequential"]
