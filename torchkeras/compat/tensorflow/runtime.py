"""The eager-runtime helpers of `tensorflow`: printing, contexts that are no-ops on torch, and
calling Python/NumPy functions on tensors.

torch always runs eagerly, so `control_dependencies`, `init_scope`, `name_scope` and `device` only
keep the script's structure; `py_function` and `numpy_function` simply call the function.
"""

import contextlib
import logging
import sys

import numpy as np
import torch

from torchkeras.compat.tensorflow._convert import to_tensor as _t
from torchkeras.compat.tensorflow._convert import torch_dtype
from torchkeras.utils import tree


def executing_eagerly():
    return True


def _format_number(value):
    if isinstance(value, (bool, np.bool_)):
        return "1" if value else "0"  # TF prints booleans as 1/0
    if isinstance(value, np.floating):
        # TF prints each float with its dtype's round-trip precision (float32: 9 digits).
        digits = {2: 5, 4: 9}.get(value.dtype.itemsize, 17)
        return f"%.{digits}g" % value
    if isinstance(value, float):
        return "%.17g" % value
    return str(value)


def _format_array(array, summarize, depth=0):
    if array.ndim == 0:
        return _format_number(array[()])
    n = array.shape[0]
    if summarize is not None and summarize >= 0 and n > 2 * summarize:
        indices = list(range(summarize)) + [None] + list(range(n - summarize, n))
    else:
        indices = list(range(n))
    parts = ["..." if i is None else _format_array(array[i], summarize, depth + 1)
             for i in indices]
    # Rows on new lines; blocks of rank >= 3 separated by blank lines, as TF prints them.
    sep = " " if array.ndim == 1 else "\n" * (array.ndim - 1) + " " * (depth + 1)
    return "[" + sep.join(parts) + "]"


def _format(value, summarize):
    if isinstance(value, torch.Tensor):
        return _format_array(value.detach().cpu().numpy(), summarize)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_format(v, summarize)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_format(v, summarize) for v in value) + "]"
    if isinstance(value, tuple):
        inner = ", ".join(_format(v, summarize) for v in value)
        return "(" + inner + ("," if len(value) == 1 else "") + ")"
    return str(value)


def print(*inputs, **kwargs):
    """`tf.print`: tensors printed as TF does (`[1 2 3]`), to `sys.stderr` by default.

    Args:
        *inputs: Tensors, structures of tensors and other Python values.
        output_stream: A stream, or a `"file://path"` string. Defaults to `sys.stderr`.
        summarize: Number of leading and trailing elements kept per dimension (`-1`: all).
            Defaults to `3`.
        sep: Separator between inputs. Defaults to `" "`.
        end: Appended after the last input. Defaults to `"\\n"`.
    """
    stream = kwargs.get("output_stream", sys.stderr)
    summarize = kwargs.get("summarize", 3)
    text = kwargs.get("sep", " ").join(_format(v, summarize) for v in inputs)
    text += kwargs.get("end", "\n")
    if isinstance(stream, str) and stream.startswith("file://"):
        with open(stream[len("file://"):], "a", encoding="utf-8") as f:
            f.write(text)
    elif isinstance(stream, logging.Logger):
        stream.info(text.rstrip("\n"))
    else:
        stream.write(text)


def _convert_outputs(result, Tout):
    if Tout is None:
        return None
    if isinstance(Tout, (list, tuple)):
        return [_t(np.asarray(r) if not isinstance(r, torch.Tensor) else r, torch_dtype(d))
                for r, d in zip(result, Tout)]
    if not isinstance(result, torch.Tensor):
        result = np.asarray(result)
    return _t(result, torch_dtype(Tout))


def py_function(func=None, inp=None, Tout=None, name=None):
    """Call `func(*inp)` on the tensors and convert its outputs to `Tout` (runs eagerly)."""
    if func is None:
        return lambda f: (lambda *args: py_function(f, list(args), Tout))
    return _convert_outputs(func(*(inp or [])), Tout)


def numpy_function(func=None, inp=None, Tout=None, stateful=True, name=None):
    """Call `func` on NumPy copies of `inp` and convert its outputs to tensors of `Tout`."""
    if func is None:
        return lambda f: (lambda *args: numpy_function(f, list(args), Tout, stateful))
    arrays = [v.detach().cpu().numpy() if isinstance(v, torch.Tensor) else np.asarray(v)
              for v in (inp or [])]
    return _convert_outputs(func(*arrays), Tout)


def control_dependencies(control_inputs):
    """A no-op context: eager torch ops already run in program order."""
    return contextlib.nullcontext()


def init_scope():
    return contextlib.nullcontext()


class name_scope:
    """`tf.name_scope(name)`: accepted for structure; names do not affect torch tensors."""

    def __init__(self, name):
        self._name = name

    @property
    def name(self):
        return self._name

    def __enter__(self):
        return f"{self._name}/"

    def __exit__(self, *exc):
        return False


def device(device_name):
    """`tf.device(name)`: a no-op context (torchkeras places tensors on its default device)."""
    return contextlib.nullcontext()


def get_logger():
    return logging.getLogger("tensorflow")


def get_static_value(tensor, partial=False):
    if isinstance(tensor, torch.Tensor):
        return tensor.detach().cpu().numpy()
    return np.asarray(tensor) if tensor is not None else None


def no_op(name=None):
    return None


def group(*inputs, **kwargs):
    return None


def custom_gradient(f=None):
    """`@tf.custom_gradient`: `f(*x)` returns `(y, grad_fn)`; `grad_fn(dy)` gives `dx`."""
    if f is None:
        return custom_gradient

    def wrapped(*args):
        results = {}

        class _Function(torch.autograd.Function):
            @staticmethod
            def forward(ctx, *xs):
                with torch.enable_grad():
                    y, grad_fn = f(*xs)
                results["grad_fn"] = grad_fn
                return y.detach() if isinstance(y, torch.Tensor) else y

            @staticmethod
            def backward(ctx, *dys):
                grads = results["grad_fn"](*dys)
                grads = tree.flatten(grads) if isinstance(grads, (list, tuple)) else [grads]
                return tuple(grads)

        return _Function.apply(*[_t(a) for a in args])

    return wrapped


__all__ = [
    "control_dependencies", "custom_gradient", "device", "executing_eagerly", "get_logger",
    "get_static_value", "group", "init_scope", "name_scope", "no_op", "numpy_function", "print",
    "py_function",
]
