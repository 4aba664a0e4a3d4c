"""`keras.models`: Model, Sequential and model utilities."""

from torchkeras.models.cloning import clone_model
from torchkeras.models.functional import Functional
from torchkeras.models.model import Model
from torchkeras.models.model_from_config import model_from_config
from torchkeras.models.model_from_config import model_from_yaml
from torchkeras.models.sequential import Sequential
from torchkeras.saving.saving_api import load_model
from torchkeras.saving.saving_api import model_from_json
from torchkeras.saving.saving_api import save_model

__all__ = [
    "Functional",
    "Model",
    "Sequential",
    "clone_model",
    "load_model",
    "model_from_json",
    "save_model",
]
# `model_from_config` and `model_from_yaml` are tf.keras 2 names (not in Keras 3's `__all__`).
