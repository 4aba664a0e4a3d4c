"""`tf.math`: the functions Keras examples use."""

import torch

from torchkeras.compat.tensorflow.ops import _t
from torchkeras.compat.tensorflow.ops import abs  # noqa: F401
from torchkeras.compat.tensorflow.ops import add  # noqa: F401
from torchkeras.compat.tensorflow.ops import argmax  # noqa: F401
from torchkeras.compat.tensorflow.ops import argmin  # noqa: F401
from torchkeras.compat.tensorflow.ops import divide  # noqa: F401
from torchkeras.compat.tensorflow.ops import equal  # noqa: F401
from torchkeras.compat.tensorflow.ops import exp  # noqa: F401
from torchkeras.compat.tensorflow.ops import maximum  # noqa: F401
from torchkeras.compat.tensorflow.ops import minimum  # noqa: F401
from torchkeras.compat.tensorflow.ops import multiply  # noqa: F401
from torchkeras.compat.tensorflow.ops import reduce_all  # noqa: F401
from torchkeras.compat.tensorflow.ops import reduce_any  # noqa: F401
from torchkeras.compat.tensorflow.ops import reduce_logsumexp  # noqa: F401
from torchkeras.compat.tensorflow.ops import reduce_max  # noqa: F401
from torchkeras.compat.tensorflow.ops import reduce_mean  # noqa: F401
from torchkeras.compat.tensorflow.ops import reduce_min  # noqa: F401
from torchkeras.compat.tensorflow.ops import reduce_prod  # noqa: F401
from torchkeras.compat.tensorflow.ops import reduce_sum  # noqa: F401
from torchkeras.compat.tensorflow.ops import sqrt  # noqa: F401
from torchkeras.compat.tensorflow.ops import square  # noqa: F401
from torchkeras.compat.tensorflow.ops import subtract  # noqa: F401


def log(x, name=None):
    return torch.log(_t(x))


def sigmoid(x, name=None):
    return torch.sigmoid(_t(x))


def tanh(x, name=None):
    return torch.tanh(_t(x))


def pow(x, y, name=None):
    return torch.pow(_t(x), y)


def is_nan(x, name=None):
    return torch.isnan(_t(x))


def is_finite(x, name=None):
    return torch.isfinite(_t(x))


def top_k(input, k=1, sorted=True, name=None):
    return torch.topk(_t(input), k, sorted=sorted)
