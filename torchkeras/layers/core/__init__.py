"""`keras.layers`: the core family."""

from torchkeras.layers.core.dense import Dense
from torchkeras.layers.core.identity import Identity
from torchkeras.layers.core.input_layer import Input
from torchkeras.layers.core.input_layer import InputLayer
from torchkeras.layers.core.lambda_layer import Lambda
from torchkeras.layers.core.torch_module_wrapper import TorchModuleWrapper

__all__ = [
    "Dense",
    "Identity",
    "Input",
    "InputLayer",
    "Lambda",
    "TorchModuleWrapper",
]
