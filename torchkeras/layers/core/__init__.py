"""`keras.layers`: the core family."""

from torchkeras.layers.core.dense import Dense
from torchkeras.layers.core.einsum_dense import EinsumDense
from torchkeras.layers.core.embedding import Embedding
from torchkeras.layers.core.identity import Identity
from torchkeras.layers.core.input_layer import Input
from torchkeras.layers.core.input_layer import InputLayer
from torchkeras.layers.core.lambda_layer import Lambda
from torchkeras.layers.core.masking import Masking
from torchkeras.layers.core.random_fourier_features import RandomFourierFeatures
from torchkeras.layers.core.reversible_embedding import ReversibleEmbedding
from torchkeras.layers.core.torch_module_wrapper import TorchModuleWrapper
from torchkeras.layers.core.wrapper import Wrapper

__all__ = [
    "Dense",
    "EinsumDense",
    "Embedding",
    "Identity",
    "Input",
    "InputLayer",
    "Lambda",
    "Masking",
    "RandomFourierFeatures",
    "ReversibleEmbedding",
    "TorchModuleWrapper",
    "Wrapper",
]
