"""`keras.ops.nn`: neural-network functions of `keras.ops` (implemented in `nn_*.py`)."""

from torchkeras.ops.nn_activations import celu
from torchkeras.ops.nn_activations import elu
from torchkeras.ops.nn_activations import gelu
from torchkeras.ops.nn_activations import glu
from torchkeras.ops.nn_activations import hard_shrink
from torchkeras.ops.nn_activations import hard_sigmoid
from torchkeras.ops.nn_activations import hard_silu
from torchkeras.ops.nn_activations import hard_swish
from torchkeras.ops.nn_activations import hard_tanh
from torchkeras.ops.nn_activations import leaky_relu
from torchkeras.ops.nn_activations import log_sigmoid
from torchkeras.ops.nn_activations import log_softmax
from torchkeras.ops.nn_activations import relu
from torchkeras.ops.nn_activations import relu6
from torchkeras.ops.nn_activations import selu
from torchkeras.ops.nn_activations import sigmoid
from torchkeras.ops.nn_activations import silu
from torchkeras.ops.nn_activations import soft_shrink
from torchkeras.ops.nn_activations import softmax
from torchkeras.ops.nn_activations import softplus
from torchkeras.ops.nn_activations import softsign
from torchkeras.ops.nn_activations import sparse_plus
from torchkeras.ops.nn_activations import sparse_sigmoid
from torchkeras.ops.nn_activations import sparsemax
from torchkeras.ops.nn_activations import squareplus
from torchkeras.ops.nn_activations import swish
from torchkeras.ops.nn_activations import tanh_shrink
from torchkeras.ops.nn_activations import threshold
from torchkeras.ops.nn_conv import adaptive_average_pool
from torchkeras.ops.nn_conv import adaptive_max_pool
from torchkeras.ops.nn_conv import average_pool
from torchkeras.ops.nn_conv import conv
from torchkeras.ops.nn_conv import conv_transpose
from torchkeras.ops.nn_conv import depth_to_space
from torchkeras.ops.nn_conv import depthwise_conv
from torchkeras.ops.nn_conv import fold
from torchkeras.ops.nn_conv import max_pool
from torchkeras.ops.nn_conv import separable_conv
from torchkeras.ops.nn_conv import space_to_depth
from torchkeras.ops.nn_conv import unfold
from torchkeras.ops.nn_functions import batch_normalization
from torchkeras.ops.nn_functions import binary_crossentropy
from torchkeras.ops.nn_functions import categorical_crossentropy
from torchkeras.ops.nn_functions import ctc_decode
from torchkeras.ops.nn_functions import ctc_loss
from torchkeras.ops.nn_functions import dot_product_attention
from torchkeras.ops.nn_functions import layer_normalization
from torchkeras.ops.nn_functions import moments
from torchkeras.ops.nn_functions import multi_hot
from torchkeras.ops.nn_functions import normalize
from torchkeras.ops.nn_functions import one_hot
from torchkeras.ops.nn_functions import polar
from torchkeras.ops.nn_functions import psnr
from torchkeras.ops.nn_functions import rms_normalization
from torchkeras.ops.nn_functions import sparse_categorical_crossentropy

__all__ = [
    "adaptive_average_pool",
    "adaptive_max_pool",
    "average_pool",
    "batch_normalization",
    "binary_crossentropy",
    "categorical_crossentropy",
    "celu",
    "conv",
    "conv_transpose",
    "ctc_decode",
    "ctc_loss",
    "depth_to_space",
    "depthwise_conv",
    "dot_product_attention",
    "elu",
    "fold",
    "gelu",
    "glu",
    "hard_shrink",
    "hard_sigmoid",
    "hard_silu",
    "hard_swish",
    "hard_tanh",
    "layer_normalization",
    "leaky_relu",
    "log_sigmoid",
    "log_softmax",
    "max_pool",
    "moments",
    "multi_hot",
    "normalize",
    "one_hot",
    "polar",
    "psnr",
    "relu",
    "relu6",
    "rms_normalization",
    "selu",
    "separable_conv",
    "sigmoid",
    "silu",
    "soft_shrink",
    "softmax",
    "softplus",
    "softsign",
    "space_to_depth",
    "sparse_categorical_crossentropy",
    "sparse_plus",
    "sparse_sigmoid",
    "sparsemax",
    "squareplus",
    "swish",
    "tanh_shrink",
    "threshold",
    "unfold",
]
