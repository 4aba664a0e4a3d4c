"""The part of `tensorflow` that Keras scripts use, on torch (the shim's `import tensorflow`).

`tf.keras` is torchkeras. Tensors are torch tensors; the functions follow TF's arguments and dtype
rules (see `_convert`). A tf symbol that is not provided raises `NotImplementedError` naming it.
"""

import importlib
import importlib.util

import torch

import torchkeras as keras
from torchkeras.compat.tensorflow import autograph  # noqa: F401
from torchkeras.compat.tensorflow import compat  # noqa: F401
from torchkeras.compat.tensorflow import config  # noqa: F401
from torchkeras.compat.tensorflow import data  # noqa: F401
from torchkeras.compat.tensorflow import debugging  # noqa: F401
from torchkeras.compat.tensorflow import distribute  # noqa: F401
from torchkeras.compat.tensorflow import dtypes  # noqa: F401
from torchkeras.compat.tensorflow import errors  # noqa: F401
from torchkeras.compat.tensorflow import image  # noqa: F401
from torchkeras.compat.tensorflow import io  # noqa: F401
from torchkeras.compat.tensorflow import linalg  # noqa: F401
from torchkeras.compat.tensorflow import math  # noqa: F401
from torchkeras.compat.tensorflow import nest  # noqa: F401
from torchkeras.compat.tensorflow import nn  # noqa: F401
from torchkeras.compat.tensorflow import random  # noqa: F401
from torchkeras.compat.tensorflow import saved_model  # noqa: F401
from torchkeras.compat.tensorflow import signal  # noqa: F401
from torchkeras.compat.tensorflow import strings  # noqa: F401
from torchkeras.compat.tensorflow import test  # noqa: F401
from torchkeras.compat.tensorflow.array_ops import newaxis  # noqa: F401
from torchkeras.compat.tensorflow.control_flow import *  # noqa: F401,F403
from torchkeras.compat.tensorflow.dtypes import (  # noqa: F401
    DType, as_dtype, bfloat16, bool, complex64, complex128, double, float16, float32, float64,
    half, int8, int16, int32, int64, uint8, uint16, uint32, uint64,
)
from torchkeras.compat.tensorflow.extras import *  # noqa: F401,F403
from torchkeras.compat.tensorflow.gradient_tape import GradientTape  # noqa: F401
from torchkeras.compat.tensorflow.initializers import *  # noqa: F401,F403
from torchkeras.compat.tensorflow.module import Module  # noqa: F401
from torchkeras.compat.tensorflow.runtime import *  # noqa: F401,F403
from torchkeras.compat.tensorflow.tensor_array import TensorArray  # noqa: F401
from torchkeras.compat.tensorflow.tensor_shape import TensorShape  # noqa: F401
from torchkeras.compat.tensorflow.tensor_shape import TensorSpec  # noqa: F401
from torchkeras.compat.tensorflow.variable import Variable  # noqa: F401
from torchkeras.compat.tensorflow.ops import (  # noqa: F401
    abs, add, argmax, argmin, cast, clip_by_value, concat, constant, convert_to_tensor, divide,
    ensure_shape, equal, exp, expand_dims, eye, fill, function, greater, greater_equal, identity,
    is_tensor, less, less_equal, linspace, matmul, maximum, minimum, multiply, not_equal, one_hot,
    ones, ones_like, range, rank, reduce_all, reduce_any, reduce_logsumexp, reduce_max,
    reduce_mean, reduce_min, reduce_prod, reduce_sum, reshape, shape, size, sqrt, square, squeeze,
    stack, stop_gradient, subtract, transpose, truediv, where, zeros, zeros_like,
)
from torchkeras.compat.tensorflow.array_ops import (  # noqa: F401
    argsort, boolean_mask, broadcast_to, cumsum, einsum, gather, gather_nd, meshgrid, pad, repeat,
    reverse, roll, scatter_nd, searchsorted, sort, split, tensor_scatter_nd_add,
    tensor_scatter_nd_update, tensordot, tile, unique, unstack,
)
from torchkeras.compat.tensorflow.math_ops import (  # noqa: F401
    acos, acosh, add_n, asin, asinh, atan, atan2, atanh, cos, cosh, floor, logical_and,
    logical_not, logical_or, negative, pow, round, scalar_mul, sigmoid, sign, sin, sinh, tan, tanh,
    truncatemod,
)
from torchkeras.compat.tensorflow.linalg import (  # noqa: F401
    norm,
)
from torchkeras.compat.tensorflow.clip_ops import (  # noqa: F401
    clip_by_global_norm, clip_by_norm,
)

__version__ = "2.21.0"
version = type("version", (), {"VERSION": __version__, "GIT_VERSION": "torchkeras"})

Tensor = torch.Tensor
# TF 2 exports Keras's catalogues at the top level too.
initializers = keras.initializers
losses = keras.losses
metrics = keras.metrics
optimizers = keras.optimizers


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    # Submodules added beside this file (`tf.summary`, ...) load on first use.
    if importlib.util.find_spec(f"{__name__}.{name}") is not None and not name.startswith("_"):
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise NotImplementedError(
        f"tf.{name} is not provided by torchkeras.compat. Use the torch or `keras.ops` "
        "equivalent, or see compat/DIFFERENCES.md."
    )
