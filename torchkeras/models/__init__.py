"""`keras.models`: Model, Sequential and model utilities."""

from torchkeras.models.functional import Functional
from torchkeras.models.model import Model
from torchkeras.models.sequential import Sequential
from torchkeras.saving.saving_api import load_model
from torchkeras.saving.saving_api import save_model

__all__ = ["Functional", "Model", "Sequential", "load_model", "save_model"]
