"""InputLayer and `keras.Input`: the entry points of a functional model."""

from torchkeras import backend
from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.layers.layer import Layer
from torchkeras.layers.node import Node


class InputLayer(Layer):
    """The layer behind `keras.Input`: it holds the symbolic input tensor of a model.

    Args:
        shape: Shape tuple, not including the batch size.
        batch_size: Optional static batch size.
        dtype: Dtype of the input. Defaults to `floatx()`.
        sparse: Kept for Keras compatibility; sparse inputs are not supported.
        ragged: Kept for Keras compatibility; ragged inputs are not supported.
        batch_shape: Shape tuple including the batch size (instead of `shape`).
        input_tensor: An existing KerasTensor to wrap.
        optional: Whether the input may be `None`. Defaults to `False`.
        name: Name of the layer.
    """

    def __init__(self, shape=None, batch_size=None, dtype=None, sparse=None, ragged=None,
                 batch_shape=None, input_tensor=None, optional=False, name=None, **kwargs):
        if "input_shape" in kwargs:
            input_shape = kwargs.pop("input_shape")
            shape = shape if shape is not None else input_shape
        if "batch_input_shape" in kwargs:
            batch_shape = kwargs.pop("batch_input_shape")
        super().__init__(name=name, **kwargs)
        if shape is not None and batch_shape is not None:
            raise ValueError(
                "You cannot pass both `shape` and `batch_shape` at the same time."
            )
        if batch_size is not None and batch_shape is not None:
            raise ValueError(
                "You cannot pass both `batch_size` and `batch_shape` at the same time."
            )
        if shape is None and batch_shape is None and input_tensor is None:
            raise ValueError("You must pass a `shape` argument.")
        if shape is not None:
            shape = _standardize_shape(shape)
            batch_shape = (batch_size,) + shape
        if input_tensor is not None:
            if not isinstance(input_tensor, KerasTensor):
                raise ValueError(
                    "Argument `input_tensor` must be a KerasTensor. Received invalid type: "
                    f"input_tensor={input_tensor} (of type {type(input_tensor)})"
                )
            batch_shape = input_tensor.shape if batch_shape is None else batch_shape
            dtype = dtype or input_tensor.dtype
        self._batch_shape = _standardize_shape(batch_shape)
        self._dtype_name = backend.standardize_dtype(dtype)
        self.sparse = bool(sparse)
        self.ragged = bool(ragged)
        self.optional = optional
        if sparse:
            raise NotImplementedError(
                "InputLayer: sparse inputs are not supported by torchkeras. "
                "See compat/DIFFERENCES.md."
            )
        if ragged:
            raise NotImplementedError(
                "InputLayer: ragged inputs are not supported by torchkeras. "
                "See compat/DIFFERENCES.md."
            )
        if input_tensor is None:
            input_tensor = KerasTensor(self._batch_shape, dtype=self._dtype_name)
        Node(operation=self, call_args=(), call_kwargs={}, outputs=input_tensor)
        self._input_tensor = input_tensor
        self.built = True

    @property
    def batch_shape(self):
        return self._batch_shape

    @property
    def dtype(self):
        return self._dtype_name

    def call(self):
        return

    def get_config(self):
        return {
            "batch_shape": list(self._batch_shape),
            "dtype": self._dtype_name,
            "sparse": self.sparse,
            "ragged": self.ragged,
            "name": self.name,
            "optional": self.optional,
        }


def _standardize_shape(shape):
    if isinstance(shape, int):
        shape = (shape,)
    try:
        shape = tuple(shape)
    except TypeError:
        raise ValueError(f"Cannot convert '{shape}' to a shape.")
    for d in shape:
        if d is not None and (not isinstance(d, int) or isinstance(d, bool) or d < 0):
            if hasattr(d, "__index__") and int(d) >= 0:
                continue
            raise ValueError(
                f"Cannot convert '{shape}' to a shape. Found invalid entry '{d}'. "
            )
    return tuple(None if d is None else int(d) for d in shape)


def Input(shape=None, batch_size=None, dtype=None, sparse=None, ragged=None, batch_shape=None,
          name=None, tensor=None, optional=False):
    """Create a symbolic input tensor for a functional model.

    Args:
        shape: Shape tuple, not including the batch size, e.g. `shape=(32,)`.
        batch_size: Optional static batch size.
        dtype: Dtype of the input. Defaults to `floatx()`.
        sparse: Not supported; kept for Keras compatibility.
        ragged: Not supported; kept for Keras compatibility.
        batch_shape: Shape tuple including the batch size.
        name: Name of the input layer.
        tensor: Optional existing KerasTensor to wrap.
        optional: Whether the input may be `None`. Defaults to `False`.

    Example:

    >>> x = keras.Input(shape=(32,))
    >>> y = keras.layers.Dense(16, activation="softmax")(x)
    >>> model = keras.Model(x, y)
    """
    layer = InputLayer(shape=shape, batch_size=batch_size, dtype=dtype, sparse=sparse,
                       ragged=ragged, batch_shape=batch_shape, name=name, input_tensor=tensor,
                       optional=optional)
    return layer.output
