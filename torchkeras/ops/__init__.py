"""`keras.ops`: backend-agnostic tensor functions, over torch.

This is the foundation subset; the full Keras 3 `ops` namespace is listed in
compat/DIFFERENCES.md until it lands.
"""

from torchkeras.activations import relu
from torchkeras.activations import sigmoid
from torchkeras.activations import softmax
from torchkeras.activations import tanh
from torchkeras.ops.core import cast
from torchkeras.ops.core import convert_to_numpy
from torchkeras.ops.core import convert_to_tensor
from torchkeras.ops.core import dtype
from torchkeras.ops.core import is_tensor
from torchkeras.ops.core import shape
from torchkeras.ops.core import stop_gradient
from torchkeras.ops.numpy import abs
from torchkeras.ops.numpy import add
from torchkeras.ops.numpy import argmax
from torchkeras.ops.numpy import concatenate
from torchkeras.ops.numpy import divide
from torchkeras.ops.numpy import exp
from torchkeras.ops.numpy import log
from torchkeras.ops.numpy import matmul
from torchkeras.ops.numpy import mean
from torchkeras.ops.numpy import multiply
from torchkeras.ops.numpy import ones
from torchkeras.ops.numpy import reshape
from torchkeras.ops.numpy import sqrt
from torchkeras.ops.numpy import square
from torchkeras.ops.numpy import subtract
from torchkeras.ops.numpy import sum
from torchkeras.ops.numpy import zeros

__all__ = [
    "abs",
    "add",
    "argmax",
    "cast",
    "concatenate",
    "convert_to_numpy",
    "convert_to_tensor",
    "divide",
    "dtype",
    "exp",
    "is_tensor",
    "log",
    "matmul",
    "mean",
    "multiply",
    "ones",
    "relu",
    "reshape",
    "shape",
    "sigmoid",
    "softmax",
    "sqrt",
    "square",
    "stop_gradient",
    "subtract",
    "sum",
    "tanh",
    "zeros",
]
