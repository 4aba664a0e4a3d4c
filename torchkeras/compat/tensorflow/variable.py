"""`tf.Variable`: TensorFlow's constructor and methods over torchkeras's `Variable`."""

from torchkeras import backend
from torchkeras.compat.tensorflow._convert import to_tensor as _t


class Variable(backend.Variable):
    """A mutable tensor (TensorFlow's `tf.Variable`), also a Keras `Variable` and `nn.Parameter`.

    Args:
        initial_value: A tensor, array, Python value, or a callable with no arguments returning
            one. Python numbers follow TF's dtypes (`1` is int32, `1.0` float32).
        trainable: Whether gradients flow to the variable. Defaults to `True`.
        name: The variable's name. Defaults to `"Variable"`.
        dtype: Cast the initial value to this dtype. Defaults to the initial value's dtype.
        shape: Accepted for compatibility; the value's shape is the variable's.
    """

    def __new__(cls, initial_value=None, trainable=None, validate_shape=True,
                caching_device=None, name=None, variable_def=None, dtype=None,
                import_scope=None, constraint=None, synchronization="auto", aggregation="none",
                shape=None, experimental_enable_variable_lifting=True):
        if initial_value is None:
            raise ValueError(
                "The `initial_value` arg to `tf.Variable` must be specified except when you are "
                "not providing a `variable_def`. You provided neither."
            )
        if callable(initial_value):
            initial_value = initial_value()
        value = _t(initial_value, dtype)
        obj = super().__new__(
            cls, value, dtype=value.dtype, trainable=True if trainable is None else trainable,
            name=name or "Variable",
        )
        obj._constraint = constraint
        return obj

    @property
    def name(self):
        return f"{self._name}:0"

    @property
    def constraint(self):
        return self._constraint

    def read_value(self):
        """The current value as a tensor (gradients flow to the variable)."""
        return self * 1 if self.requires_grad else self.detach().clone()

    def assign(self, value, use_locking=None, name=None, read_value=True):
        value = _t(value, self.dtype)
        if tuple(value.shape) != tuple(self.shape) and value.dim() != 0:
            raise ValueError(
                f"Cannot assign value to variable ' {self.name}': Shape mismatch.The variable "
                f"shape {tuple(self.shape)}, and the assigned value shape {tuple(value.shape)} "
                "are incompatible."
            )
        return super().assign(value)

    def assign_add(self, delta, use_locking=None, name=None, read_value=True):
        return super().assign_add(delta)

    def assign_sub(self, delta, use_locking=None, name=None, read_value=True):
        return super().assign_sub(delta)

    def __repr__(self):
        from torchkeras.backend import dtypes

        return (f"<tf.Variable '{self._name}:0' shape={tuple(self.shape)} "
                f"dtype={dtypes.standardize_dtype(self.dtype)}, numpy={self.numpy()!r}>")

    def __deepcopy__(self, memo):
        if id(self) in memo:
            return memo[id(self)]
        result = Variable(self.data.clone(), trainable=self._trainable, name=self._name)
        memo[id(self)] = result
        return result

    # Keep torch's own `__reduce_ex__` path consistent with the base class.
    __reduce_ex__ = backend.Variable.__reduce_ex__


__all__ = ["Variable"]
