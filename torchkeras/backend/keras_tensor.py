"""KerasTensor: a symbolic tensor (shape and dtype, no data) used to build functional models.

`keras.Input(shape=(4,))` returns one; calling a layer on one returns another and records a node in
the graph, so `Model(inputs, outputs)` can later replay the calls on real tensors.
"""

from torchkeras.backend import dtypes
from torchkeras.backend import global_state


class KerasTensor:
    """A symbolic tensor: `shape` (a tuple, `None` for unknown dims) and `dtype` (a string)."""

    def __init__(self, shape, dtype="float32", sparse=False, ragged=False, record_history=True,
                 name=None):
        self._shape = tuple(None if d is None else int(d) for d in shape)
        self._dtype = dtypes.standardize_dtype(dtype)
        self.sparse = bool(sparse)
        self.ragged = bool(ragged)
        self.record_history = record_history
        if name is None:
            uid = global_state.get_uid("keras_tensor")
            name = f"keras_tensor_{uid - 1}" if uid > 1 else "keras_tensor"
        self.name = name
        self._keras_history = None
        self._keras_mask = None

    @property
    def shape(self):
        return self._shape

    @property
    def dtype(self):
        return self._dtype

    @property
    def ndim(self):
        return len(self._shape)

    def __repr__(self):
        return (
            f"<KerasTensor shape={self._shape}, dtype={self._dtype}, sparse={self.sparse}, "
            f"ragged={self.ragged}, name={self.name}>"
        )

    def __len__(self):
        raise TypeError(
            "A symbolic KerasTensor has no length: it stands for the input of a model being "
            "built. Use `x.shape[0]` inside a layer's `call` instead."
        )

    def __iter__(self):
        raise TypeError(
            "A symbolic KerasTensor cannot be iterated. You may be using a KerasTensor where a "
            "real tensor is expected (e.g. inside Python control flow)."
        )

    def __bool__(self):
        raise TypeError(
            "A symbolic KerasTensor cannot be used as a Python `bool`. Put control flow inside a "
            "layer's `call` method."
        )

    def __array__(self, *args, **kwargs):
        raise ValueError(
            "A KerasTensor is symbolic: it's a placeholder for a shape and a dtype. You cannot "
            "convert it to a NumPy array. Call a model on real data instead."
        )

    # Operators on symbolic tensors become nodes of the graph (wrapped in an op layer).
    def _op(self, fn, *others, name=None):
        from torchkeras.layers.core.op_layer import apply_symbolic_op

        return apply_symbolic_op(fn, (self,) + others, name=name)

    def __add__(self, other):
        return self._op(_add, other, name="add")

    def __radd__(self, other):
        return self._op(_radd, other, name="add")

    def __sub__(self, other):
        return self._op(_sub, other, name="subtract")

    def __rsub__(self, other):
        return self._op(_rsub, other, name="subtract")

    def __mul__(self, other):
        return self._op(_mul, other, name="multiply")

    def __rmul__(self, other):
        return self._op(_rmul, other, name="multiply")

    def __truediv__(self, other):
        return self._op(_truediv, other, name="divide")

    def __rtruediv__(self, other):
        return self._op(_rtruediv, other, name="divide")

    def __pow__(self, other):
        return self._op(_pow, other, name="power")

    def __matmul__(self, other):
        return self._op(_matmul, other, name="matmul")

    def __neg__(self):
        return self._op(_neg, name="negative")

    def __abs__(self):
        return self._op(_abs, name="absolute")

    def __getitem__(self, key):
        from torchkeras.layers.core.op_layer import apply_symbolic_op

        return apply_symbolic_op(_GetItem(key), (self,), name="get_item")


def _add(a, b):
    return a + b


def _radd(a, b):
    return b + a


def _sub(a, b):
    return a - b


def _rsub(a, b):
    return b - a


def _mul(a, b):
    return a * b


def _rmul(a, b):
    return b * a


def _truediv(a, b):
    return a / b


def _rtruediv(a, b):
    return b / a


def _pow(a, b):
    return a**b


def _matmul(a, b):
    return a @ b


def _neg(a):
    return -a


def _abs(a):
    return abs(a)


class _GetItem:
    def __init__(self, key):
        self.key = key

    def __call__(self, x):
        return x[self.key]


def is_keras_tensor(x):
    """Whether `x` is a symbolic `KerasTensor`."""
    return isinstance(x, KerasTensor)
