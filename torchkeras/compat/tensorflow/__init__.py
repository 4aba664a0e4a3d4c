"""The part of `tensorflow` that Keras scripts use, on torch (the shim's `import tensorflow`).

`tf.keras` is torchkeras. A tf symbol that is not provided raises `NotImplementedError` naming it.
"""

import torch

import torchkeras as keras
from torchkeras.backend import Variable
from torchkeras.compat.tensorflow import config
from torchkeras.compat.tensorflow import data
from torchkeras.compat.tensorflow import math
from torchkeras.compat.tensorflow import nn
from torchkeras.compat.tensorflow import random
from torchkeras.compat.tensorflow import saved_model
from torchkeras.compat.tensorflow.gradient_tape import GradientTape
from torchkeras.compat.tensorflow.ops import *  # noqa: F401,F403  (the tf.* function names)

__version__ = "2.21.0"

Tensor = torch.Tensor
float16, float32, float64 = "float16", "float32", "float64"
bfloat16 = "bfloat16"
int8, int16, int32, int64, uint8 = "int8", "int16", "int32", "int64", "uint8"
bool = "bool"


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(
        f"tf.{name} is not provided by torchkeras.compat. Use the torch or `keras.ops` "
        "equivalent, or see compat/DIFFERENCES.md."
    )
