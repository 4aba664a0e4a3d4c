"""`keras.backend` under the shim: Keras 3's backend module plus tf.keras 2's `K.*` tensor functions.

tf.keras 2 scripts write `from tensorflow.keras import backend as K` and call `K.mean`,
`K.square`, `K.int_shape`... (custom losses and metrics above all). Keras 3 removed these in favour
of `keras.ops`; here they are thin aliases of the `keras.ops` functions, with tf.keras 2's
signatures (`K.concatenate` joins on the last axis, `K.dot` is a matrix product). Every other
name is torchkeras.backend's.
"""

import numpy as np

from torchkeras import backend as _backend
from torchkeras import ops
from torchkeras.backend import *  # noqa: F401,F403  (Keras 3's keras.backend names)


def __getattr__(name):
    # Names of torchkeras.backend outside its `__all__` (submodules, helpers).
    return getattr(_backend, name)


abs = ops.absolute
all = ops.all
any = ops.any
argmax = ops.argmax
argmin = ops.argmin
clip = ops.clip
cos = ops.cos
cumprod = ops.cumprod
cumsum = ops.cumsum
equal = ops.equal
exp = ops.exp
expand_dims = ops.expand_dims
greater = ops.greater
greater_equal = ops.greater_equal
less = ops.less
less_equal = ops.less_equal
log = ops.log
maximum = ops.maximum
minimum = ops.minimum
not_equal = ops.not_equal
ones_like = ops.ones_like
permute_dimensions = ops.transpose
transpose = ops.transpose
pow = ops.power
relu = ops.relu
reshape = ops.reshape
round = ops.round
sigmoid = ops.sigmoid
sign = ops.sign
sin = ops.sin
softplus = ops.softplus
softsign = ops.softsign
sqrt = ops.sqrt
square = ops.square
squeeze = ops.squeeze
stack = ops.stack
stop_gradient = ops.stop_gradient
tanh = ops.tanh
tile = ops.tile
zeros_like = ops.zeros_like


def _reduction(op):
    def reduce(x, axis=None, keepdims=False):
        return op(x, axis=axis, keepdims=keepdims)

    reduce.__name__ = op.__name__
    reduce.__doc__ = f"tf.keras 2's `K.{op.__name__}`: `keras.ops.{op.__name__}` over `axis`."
    return reduce


sum = _reduction(ops.sum)
mean = _reduction(ops.mean)
max = _reduction(ops.max)
min = _reduction(ops.min)
prod = _reduction(ops.prod)
std = _reduction(ops.std)
var = _reduction(ops.var)


def concatenate(tensors, axis=-1):
    """Concatenates tensors along `axis` (tf.keras 2's default: the last axis)."""
    return ops.concatenate(tensors, axis=axis)


def cast(x, dtype):
    return ops.cast(x, dtype)


def cast_to_floatx(x):
    """Casts a NumPy array to `floatx()`."""
    return np.asarray(x, dtype=_backend.floatx())


def constant(value, dtype=None, shape=None, name=None):
    x = ops.convert_to_tensor(value, dtype=dtype or _backend.floatx())
    return ops.broadcast_to(x, shape) if shape is not None else x


def zeros(shape, dtype=None, name=None):
    return ops.zeros(shape, dtype=dtype or _backend.floatx())


def ones(shape, dtype=None, name=None):
    return ops.ones(shape, dtype=dtype or _backend.floatx())


def eye(size, dtype=None, name=None):
    return ops.eye(size, dtype=dtype or _backend.floatx())


def arange(start, stop=None, step=1, dtype="int32"):
    return ops.arange(start, stop, step, dtype=dtype)


def one_hot(indices, num_classes):
    return ops.one_hot(indices, num_classes)


def softmax(x, axis=-1):
    return ops.softmax(x, axis=axis)


def elu(x, alpha=1.0):
    return ops.elu(x, alpha=alpha)


def hard_sigmoid(x):
    return ops.hard_sigmoid(x)


def dot(x, y):
    """Matrix product of `x` and `y` (tf.keras 2's `K.dot`)."""
    return ops.matmul(x, y)


def gather(reference, indices):
    """Rows of `reference` at `indices` (tf.keras 2's `K.gather`, axis 0)."""
    return ops.take(reference, indices, axis=0)


def repeat_elements(x, rep, axis):
    return ops.repeat(x, rep, axis=axis)


def reverse(x, axes):
    return ops.flip(x, axis=axes)


def flatten(x):
    return ops.reshape(x, (-1,))


def batch_flatten(x):
    """Flattens every sample: shape `(batch, ...)` to `(batch, prod(...))`."""
    return ops.reshape(x, (ops.shape(x)[0], -1))


def l2_normalize(x, axis=None):
    return ops.normalize(x, axis=-1 if axis is None else axis, order=2)


def binary_crossentropy(target, output, from_logits=False):
    return ops.binary_crossentropy(target, output, from_logits=from_logits)


def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    return ops.categorical_crossentropy(target, output, from_logits=from_logits, axis=axis)


def sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1):
    return ops.sparse_categorical_crossentropy(target, output, from_logits=from_logits, axis=axis)


def shape(x):
    return ops.shape(x)


def int_shape(x):
    """The static shape of `x` as a tuple of ints (`None` for unknown dimensions)."""
    return tuple(x.shape)


def ndim(x):
    return len(x.shape)


def dtype(x):
    """The dtype of `x` as a string (`"float32"`)."""
    return _backend.standardize_dtype(x.dtype)


def count_params(x):
    return int(np.prod(tuple(x.shape)))


def get_value(x):
    """The value of a variable or tensor as a NumPy array."""
    return _backend.convert_to_numpy(x)


eval = get_value


def batch_get_value(tensors):
    return [get_value(x) for x in tensors]


def set_value(x, value):
    """Assigns the NumPy `value` to the variable `x`."""
    x.assign(value)


def batch_set_value(tuples):
    for x, value in tuples:
        set_value(x, value)


def switch(condition, then_expression, else_expression):
    """Elementwise choice between two tensors (tf.keras 2's `K.switch` on tensor branches)."""
    return ops.where(condition, then_expression, else_expression)


def bias_add(x, bias, data_format=None):
    """Adds `bias` on the channels axis (last for `channels_last`, 1 for `channels_first`)."""
    data_format = data_format or _backend.image_data_format()
    if data_format == "channels_first" and len(x.shape) > 2:
        bias = ops.reshape(bias, (1, -1) + (1,) * (len(x.shape) - 2))
    return x + bias
