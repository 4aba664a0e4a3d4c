"""`keras.activations`: activation functions, and `get`/`serialize`/`deserialize` by name."""

from torchkeras.activations.activations import celu
from torchkeras.activations.activations import elu
from torchkeras.activations.activations import exponential
from torchkeras.activations.activations import gelu
from torchkeras.activations.activations import glu
from torchkeras.activations.activations import hard_shrink
from torchkeras.activations.activations import hard_sigmoid
from torchkeras.activations.activations import hard_silu
from torchkeras.activations.activations import hard_swish
from torchkeras.activations.activations import hard_tanh
from torchkeras.activations.activations import leaky_relu
from torchkeras.activations.activations import linear
from torchkeras.activations.activations import log_sigmoid
from torchkeras.activations.activations import log_softmax
from torchkeras.activations.activations import mish
from torchkeras.activations.activations import relu
from torchkeras.activations.activations import relu6
from torchkeras.activations.activations import selu
from torchkeras.activations.activations import sigmoid
from torchkeras.activations.activations import silu
from torchkeras.activations.activations import soft_shrink
from torchkeras.activations.activations import softmax
from torchkeras.activations.activations import softplus
from torchkeras.activations.activations import softsign
from torchkeras.activations.activations import sparse_plus
from torchkeras.activations.activations import sparse_sigmoid
from torchkeras.activations.activations import sparsemax
from torchkeras.activations.activations import squareplus
from torchkeras.activations.activations import swish
from torchkeras.activations.activations import tanh
from torchkeras.activations.activations import tanh_shrink
from torchkeras.activations.activations import threshold
from torchkeras.activations.catalogue import deserialize
from torchkeras.activations.catalogue import get
from torchkeras.activations.catalogue import serialize

__all__ = [
    "celu",
    "deserialize",
    "elu",
    "exponential",
    "gelu",
    "get",
    "glu",
    "hard_shrink",
    "hard_sigmoid",
    "hard_silu",
    "hard_swish",
    "hard_tanh",
    "leaky_relu",
    "linear",
    "log_sigmoid",
    "log_softmax",
    "mish",
    "relu",
    "relu6",
    "selu",
    "serialize",
    "sigmoid",
    "silu",
    "soft_shrink",
    "softmax",
    "softplus",
    "softsign",
    "sparse_plus",
    "sparse_sigmoid",
    "sparsemax",
    "squareplus",
    "swish",
    "tanh",
    "tanh_shrink",
    "threshold",
]
