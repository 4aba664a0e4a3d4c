"""torchkeras: the Keras API, running natively on PyTorch.

`import torchkeras as keras` gives Keras's layers, models, losses, metrics, optimizers and
callbacks; every layer and model is a `torch.nn.Module`.
"""

from torchkeras import activations
from torchkeras import applications
from torchkeras import backend
from torchkeras import callbacks
from torchkeras import config
from torchkeras import constraints
from torchkeras import datasets
from torchkeras import initializers
from torchkeras import layers
from torchkeras import losses
from torchkeras import metrics
from torchkeras import mixed_precision
from torchkeras import models
from torchkeras import ops
from torchkeras import optimizers
from torchkeras import preprocessing
from torchkeras import random
from torchkeras import regularizers
from torchkeras import saving
from torchkeras import tree
from torchkeras import utils
from torchkeras.backend import Variable
from torchkeras.backend.device_scope import device
from torchkeras.backend.global_state import clear_session
from torchkeras.backend.name_scope import name_scope
from torchkeras.backend.remat import RematScope
from torchkeras.backend.remat import remat
from torchkeras.backend.stateless_scope import StatelessScope
from torchkeras.backend.symbolic_scope import SymbolicScope
from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras import dtype_policies
from torchkeras.dtype_policies import DTypePolicy
from torchkeras.dtype_policies import FloatDTypePolicy
from torchkeras.initializers import Initializer
from torchkeras.layers import Input
from torchkeras.layers import InputSpec
from torchkeras.layers import Layer
from torchkeras.losses import Loss
from torchkeras.metrics import Metric
from torchkeras.models import Model
from torchkeras.models import Sequential
from torchkeras.optimizers import Optimizer
from torchkeras.regularizers import Regularizer
from torchkeras.version import version

__version__ = "0.1.0"

__all__ = [
    "DTypePolicy",
    "FloatDTypePolicy",
    "Initializer",
    "Input",
    "InputSpec",
    "KerasTensor",
    "Layer",
    "Loss",
    "Metric",
    "Model",
    "Optimizer",
    "Regularizer",
    "RematScope",
    "Sequential",
    "StatelessScope",
    "SymbolicScope",
    "Variable",
    "activations",
    "applications",
    "backend",
    "callbacks",
    "clear_session",
    "config",
    "constraints",
    "datasets",
    "device",
    "dtype_policies",
    "initializers",
    "layers",
    "losses",
    "metrics",
    "mixed_precision",
    "models",
    "name_scope",
    "ops",
    "optimizers",
    "preprocessing",
    "random",
    "regularizers",
    "remat",
    "saving",
    "tree",
    "utils",
    "version",
]
