"""torchkeras: the Keras API, running natively on PyTorch.

`import torchkeras as keras` gives Keras's layers, models, losses, metrics, optimizers and
callbacks; every layer and model is a `torch.nn.Module`.
"""

from torchkeras import activations
from torchkeras import backend
from torchkeras import callbacks
from torchkeras import config
from torchkeras import constraints
from torchkeras import datasets
from torchkeras import initializers
from torchkeras import layers
from torchkeras import losses
from torchkeras import metrics
from torchkeras import models
from torchkeras import ops
from torchkeras import optimizers
from torchkeras import regularizers
from torchkeras import saving
from torchkeras import utils
from torchkeras.backend import Variable
from torchkeras.backend.global_state import clear_session
from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.dtype_policies import DTypePolicy
from torchkeras.layers import Input
from torchkeras.layers import InputSpec
from torchkeras.layers import Layer
from torchkeras.models import Model
from torchkeras.models import Sequential

__version__ = "0.1.0"

__all__ = [
    "DTypePolicy",
    "Input",
    "InputSpec",
    "KerasTensor",
    "Layer",
    "Model",
    "Sequential",
    "Variable",
    "activations",
    "backend",
    "callbacks",
    "clear_session",
    "config",
    "constraints",
    "datasets",
    "initializers",
    "layers",
    "losses",
    "metrics",
    "models",
    "ops",
    "optimizers",
    "regularizers",
    "saving",
    "utils",
]
