"""TensorFlow's conversion and dtype rules for the `tf.*` functions, on torch tensors.

TensorFlow converts Python numbers without NumPy's widening (`1` is int32, `1.0` float32), keeps a
NumPy array's dtype, and never promotes mixed dtypes: `tf.add(float32, int32)` raises
`InvalidArgumentError`. The first argument fixes the dtype; later non-tensor arguments are converted
to it (a Python float is not silently truncated to an integer dtype).
"""

import numpy as np
import torch

from torchkeras import backend
from torchkeras.backend import dtypes
from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.compat.tensorflow import errors

# TensorFlow's own names for dtypes in its error messages.
_TF_NAMES = {
    torch.float32: "float",
    torch.float64: "double",
    torch.float16: "half",
    torch.bfloat16: "bfloat16",
    torch.int8: "int8",
    torch.int16: "int16",
    torch.int32: "int32",
    torch.int64: "int64",
    torch.uint8: "uint8",
    torch.bool: "bool",
    torch.complex64: "complex64",
    torch.complex128: "complex128",
}
_INT32_MIN, _INT32_MAX = -(2**31), 2**31 - 1


def tf_name(dtype):
    return _TF_NAMES.get(dtype, str(dtype).replace("torch.", ""))


def torch_dtype(dtype):
    return None if dtype is None else dtypes.to_torch_dtype(dtype)


def to_tensor(value, dtype=None):
    """`tf.convert_to_tensor` on torch: a tensor on the default device with TF's default dtypes."""
    wanted = torch_dtype(dtype)
    device = backend.get_device()
    if isinstance(value, torch.Tensor):
        if wanted is None or value.dtype == wanted:
            return value
        return value.to(wanted)
    if isinstance(value, KerasTensor):
        # Keras's own text (TF raises it when a symbolic input reaches a TF function).
        raise ValueError(
            "A KerasTensor cannot be used as input to a TensorFlow function. A KerasTensor is a "
            "symbolic placeholder for a shape and dtype, used when constructing Keras Functional "
            "models or Keras Functions. You can only use it as input to a Keras layer or a Keras "
            "operation (from the namespaces `keras.layers` and `keras.ops`). You are likely doing "
            "something like:\n\n```\nx = Input(...)\n...\ntf_fn(x)  # Invalid.\n```\n\nWhat "
            "you should do instead is wrap `tf_fn` in a layer:\n\n```\nclass MyLayer(Layer):\n"
            "    def call(self, x):\n        return tf_fn(x)\n\nx = MyLayer()(x)\n```\n"
        )
    if isinstance(value, (list, tuple)) and any(isinstance(v, torch.Tensor) for v in value):
        # A list of tensors packs like `tf.stack`.
        return torch.stack([to_tensor(v, dtype) for v in value])
    array = np.asarray(value)
    if array.dtype.kind in ("U", "S", "O"):
        raise TypeError(
            f"torchkeras.compat: string and object tensors are not supported on torch. "
            f"Received: value={value!r:.80}"
        )
    if wanted is None and not isinstance(value, (np.ndarray, np.generic)):
        # Python numbers: float32 and int32 (int64 only when the values need it), as TF does.
        if array.dtype == np.float64:
            wanted = torch.float32
        elif array.dtype == np.int64 and (
            array.size == 0 or (array.min() >= _INT32_MIN and array.max() <= _INT32_MAX)
        ):
            wanted = torch.int32
    return torch.as_tensor(array, dtype=wanted, device=device)


def _to_dtype_of(value, dtype):
    if isinstance(value, torch.Tensor):
        return value
    is_float = isinstance(value, float) or (
        isinstance(value, (list, tuple)) and np.asarray(value).dtype.kind == "f"
    )
    if is_float and not (dtype.is_floating_point or dtype.is_complex):
        # TF refuses to truncate a Python float to an integer: the op then sees a float tensor.
        return to_tensor(value)
    return torch.as_tensor(np.asarray(value), dtype=dtype, device=backend.get_device())


def match(op, *values, name=""):
    """Convert `values` to one dtype as TF's binary ops do; raise on mixed tensor dtypes."""
    first = to_tensor(values[0])
    out = [first]
    for i, value in enumerate(values[1:], start=1):
        tensor = _to_dtype_of(value, first.dtype)
        if tensor.dtype != first.dtype:
            raise errors.InvalidArgumentError(
                f"cannot compute {op} as input #{i}(zero-based) was expected to be a "
                f"{tf_name(first.dtype)} tensor but is a {tf_name(tensor.dtype)} tensor "
                f"[Op:{op}] name: {name}"
            )
        out.append(tensor)
    return out


_FLOAT_NAMES = "bfloat16, half, float, double, complex64, complex128"


def require_float(op, x):
    """Raise TF's error for a float-only op (`sqrt`, `exp`, ...) given an integer tensor."""
    if not (x.is_floating_point() or x.is_complex()):
        raise errors.InvalidArgumentError(
            f"Value for attr 'T' of {tf_name(x.dtype)} is not in the list of allowed values: "
            f"{_FLOAT_NAMES}\n\t[Op:{op}] name: "
        )
    return x


def axis_arg(axis):
    """TF's `axis` (int, list or tensor) as what torch's `dim` takes."""
    if isinstance(axis, torch.Tensor):
        axis = axis.tolist()
    if isinstance(axis, (list, tuple)):
        return tuple(int(a) for a in axis)
    return None if axis is None else int(axis)


def int_list(value):
    """A (nested) list of Python ints from a list or tensor, creating no tensor (safe while Keras
    infers shapes on fake tensors)."""
    if isinstance(value, torch.Tensor):
        return value.tolist()
    return np.asarray(value).astype(np.int64).tolist()


def is_fake(x):
    """Whether `x` is one of the fake tensors Keras's functional API runs layers on to infer
    output shapes (`backend.meta_call`): their values cannot be read."""
    return type(x).__name__ == "FakeTensor"


def shape_arg(shape):
    """A shape given as a list, tuple, TensorShape or 1-D tensor, as a tuple of ints."""
    if isinstance(shape, torch.Tensor):
        return tuple(int(d) for d in shape.tolist())
    if isinstance(shape, (int, np.integer)):
        return (int(shape),)
    return tuple(int(d) for d in shape)
