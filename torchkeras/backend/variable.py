"""`Variable`: a `torch.nn.Parameter` that speaks Keras.

A Variable keeps Keras's `name`, `path`, `trainable`, `assign*` and `numpy()` while staying a real
`nn.Parameter`: it moves with `.to()`, appears in `state_dict()` and is updated by any torch
optimizer. Non-trainable state (BatchNorm statistics, metric totals) is a Variable with
`requires_grad=False`. Like `nn.Parameter`, the class disables `__torch_function__`, so ops on it
cost exactly what they cost on a plain tensor.
"""

import numpy as np
import torch
from torch import nn

from torchkeras.backend import device as device_lib
from torchkeras.backend import dtypes


def _to_tensor(value, dtype=None, device=None, copy=False):
    """`value` as a tensor; with `copy=True` it never shares memory with `value`."""
    torch_dtype = dtypes.to_torch_dtype(dtype) if dtype is not None else None
    if isinstance(value, torch.Tensor):
        tensor = value.detach().to(device=device, dtype=torch_dtype)
    else:
        tensor = torch.as_tensor(np.asarray(value), dtype=torch_dtype, device=device)
    if copy and (
        tensor.data_ptr() == getattr(value, "data_ptr", lambda: None)()
        or (isinstance(value, np.ndarray) and tensor.data_ptr() == value.ctypes.data)
    ):
        tensor = tensor.clone()
    return tensor


class Variable(nn.Parameter):
    """A model weight or state value.

    Args:
        initializer: Initial value (array-like or tensor), or a callable `initializer(shape, dtype)`
            such as a `keras.initializers` object or name.
        shape: Shape of the variable. Required when `initializer` is a callable.
        dtype: Dtype of the variable. Defaults to the initial value's float type or `floatx()`.
        trainable: Whether gradients flow to this variable. Defaults to `True`.
        autocast: Whether the variable may be cast to a layer's compute dtype. Defaults to `True`.
        aggregation: Kept for Keras compatibility. Defaults to `"none"`.
        synchronization: Kept for Keras compatibility. Defaults to `"auto"`.
        name: Name of the variable. Defaults to `"variable"`.

    Example:

    >>> v = keras.Variable([[1.0, 2.0]], name="v")
    >>> v.assign_add([[1.0, 1.0]])
    >>> v.numpy()
    array([[2., 3.]], dtype=float32)
    """

    def __new__(
        cls,
        initializer=None,
        shape=None,
        dtype=None,
        trainable=True,
        autocast=True,
        aggregation="none",
        synchronization="auto",
        name=None,
        device=None,
    ):
        device = device if device is not None else device_lib.get_device()
        if callable(initializer) or isinstance(initializer, str):
            from torchkeras import initializers

            if shape is None:
                raise ValueError(
                    "When creating a Variable from an initializer, the `shape` argument should "
                    f"be specified. Received: initializer={initializer} and shape={shape}"
                )
            init = initializers.get(initializer)
            shape = tuple(int(d) for d in shape)
            value = _to_tensor(init(shape, dtype=dtypes.standardize_dtype(dtype)), dtype, device)
        else:
            if initializer is None:
                raise ValueError("Variable: an `initializer` (initial value or callable) is required.")
            # A Variable owns its storage: the user's array or tensor is copied, as in Keras.
            value = _to_tensor(initializer, dtype, device, copy=True)
            if dtype is None and value.is_floating_point() and value.dtype == torch.float64:
                value = value.to(dtypes.to_torch_dtype(None))
            if shape is not None and tuple(value.shape) != tuple(shape):
                raise ValueError(
                    "Initial value has shape "
                    f"{tuple(value.shape)}, but variable was created with shape {tuple(shape)}."
                )
        trainable = bool(trainable)
        requires_grad = trainable and (value.is_floating_point() or value.is_complex())
        obj = torch.Tensor._make_subclass(cls, value, requires_grad)
        obj._name = name or "variable"
        obj._path = obj._name
        obj._trainable = trainable
        obj._autocast = autocast
        obj._aggregation = aggregation
        obj._synchronization = synchronization
        obj._layer_frozen = False
        return obj

    # nn.Parameter's own copy and pickle paths call `type(self)(data, requires_grad)`; keep the
    # Keras attributes instead.
    def __deepcopy__(self, memo):
        if id(self) in memo:
            return memo[id(self)]
        result = Variable(
            self.data.clone(memory_format=torch.preserve_format),
            dtype=self.dtype,
            trainable=self._trainable,
            autocast=self._autocast,
            name=self._name,
            device=self.device,
        )
        result._path = self._path
        result._layer_frozen = self._layer_frozen
        result.requires_grad_(self.requires_grad)
        memo[id(self)] = result
        return result

    def __reduce_ex__(self, protocol):
        return (
            _rebuild_variable,
            (self.data.detach().cpu(), self._trainable, self._name, self._path),
        )

    def __repr__(self):
        return (
            f"<Variable path={self._path}, shape={tuple(self.shape)}, "
            f"dtype={dtypes.standardize_dtype(self.dtype)}, value={self.detach().cpu().numpy()!r}>"
        )

    # -- Keras attributes -------------------------------------------------------------------
    @property
    def name(self):
        return self._name

    @property
    def path(self):
        return self._path

    @property
    def trainable(self):
        return self._trainable

    @trainable.setter
    def trainable(self, value):
        self._trainable = bool(value)
        self._sync_requires_grad()

    def _set_layer_frozen(self, frozen):
        """A layer with `trainable=False` stops gradients to its variables, keeping `trainable`."""
        self._layer_frozen = bool(frozen)
        self._sync_requires_grad()

    def _sync_requires_grad(self):
        if self.is_floating_point() or self.is_complex():
            self.requires_grad_(self._trainable and not self._layer_frozen)

    @property
    def autocast(self):
        return self._autocast

    @property
    def aggregation(self):
        return self._aggregation

    @property
    def synchronization(self):
        return self._synchronization

    @property
    def value(self):
        """The current value, as a tensor that shares storage with the variable."""
        return self

    @property
    def ndim(self):
        return self.dim()

    # -- updates ------------------------------------------------------------------------------
    def _convert_assigned(self, value, method):
        value = _to_tensor(value, dtype=self.dtype, device=self.device)
        if value.shape != self.shape:
            if value.numel() == self.numel() and value.dim() == 0:
                return value
            raise ValueError(
                "The shape of the target variable and the shape of the target value in "
                f"`variable.{method}(value)` must match. variable.shape={tuple(self.shape)}, "
                f"Received: value.shape={tuple(value.shape)}. Target variable: {self._path}"
            )
        return value

    def assign(self, value):
        """Set the variable to `value` (same shape) and return the variable."""
        value = self._convert_assigned(value, "assign")
        with torch.no_grad():
            self.data.copy_(value)
        return self

    def assign_add(self, value):
        """Add `value` to the variable in place and return the variable."""
        value = self._convert_assigned(value, "assign_add")
        with torch.no_grad():
            self.data.add_(value)
        return self

    def assign_sub(self, value):
        """Subtract `value` from the variable in place and return the variable."""
        value = self._convert_assigned(value, "assign_sub")
        with torch.no_grad():
            self.data.sub_(value)
        return self

    def numpy(self):
        """Return a NumPy copy of the value."""
        return self.detach().cpu().numpy().copy()

    def __array__(self, dtype=None, copy=None):
        array = self.numpy()
        return array.astype(dtype) if dtype is not None else array


def _rebuild_variable(data, trainable, name, path):
    variable = Variable(data, dtype=data.dtype, trainable=trainable, name=name, device=data.device)
    variable._path = path
    return variable
