"""`tf.debugging`: run-time checks on tensors (they raise at once: torch runs eagerly)."""

import numpy as np
import torch

from torchkeras.compat.tensorflow import errors
from torchkeras.compat.tensorflow._convert import match
from torchkeras.compat.tensorflow._convert import to_tensor as _t

_STATE = {"log_device_placement": False}


def _first(array, summarize):
    return np.array2string(array.reshape(-1)[:summarize], separator=" ")


def _compare(op, symbol, x, y, message, summarize):
    x, y = match(op, x, y)
    ok = {"==": torch.eq, "!=": torch.ne, "<": torch.lt, "<=": torch.le, ">": torch.gt,
          ">=": torch.ge}[symbol](x, y)
    if bool(torch.all(ok)):
        return None
    summarize = 3 if summarize is None else summarize
    xs, ys = x.detach().cpu().numpy(), y.detach().cpu().numpy()
    lines = [message] if message else []
    lines.append(f"Condition x {symbol} y did not hold.")
    if xs.shape == ys.shape and xs.ndim:
        bad = np.argwhere(~ok.cpu().numpy())[:summarize]
        lines += [f"Indices of first {len(bad)} different values:", np.array2string(bad),
                  "Corresponding x values:", np.array2string(xs[tuple(bad.T)]),
                  "Corresponding y values:", np.array2string(ys[tuple(bad.T)])]
    lines += [f"First {min(xs.size, summarize)} elements of x:", _first(xs, summarize),
              f"First {min(ys.size, summarize)} elements of y:", _first(ys, summarize)]
    raise errors.InvalidArgumentError("\n".join(lines))


def assert_equal(x, y, message=None, summarize=None, name=None):
    return _compare("Equal", "==", x, y, message, summarize)


def assert_none_equal(x, y, message=None, summarize=None, name=None):
    return _compare("NotEqual", "!=", x, y, message, summarize)


def assert_less(x, y, message=None, summarize=None, name=None):
    return _compare("Less", "<", x, y, message, summarize)


def assert_less_equal(x, y, message=None, summarize=None, name=None):
    return _compare("LessEqual", "<=", x, y, message, summarize)


def assert_greater(x, y, message=None, summarize=None, name=None):
    return _compare("Greater", ">", x, y, message, summarize)


def assert_greater_equal(x, y, message=None, summarize=None, name=None):
    return _compare("GreaterEqual", ">=", x, y, message, summarize)


def assert_positive(x, message=None, summarize=None, name=None):
    x = _t(x)
    return _compare("Less", "<", torch.zeros_like(x), x, message, summarize)


def assert_non_negative(x, message=None, summarize=None, name=None):
    x = _t(x)
    return _compare("LessEqual", "<=", torch.zeros_like(x), x, message, summarize)


def assert_negative(x, message=None, summarize=None, name=None):
    x = _t(x)
    return _compare("Less", "<", x, torch.zeros_like(x), message, summarize)


def assert_near(x, y, rtol=None, atol=None, message=None, summarize=None, name=None):
    x, y = match("Sub", x, y)
    eps = np.finfo(np.float32).eps if x.dtype != torch.float64 else np.finfo(np.float64).eps
    rtol = 10 * eps if rtol is None else rtol
    atol = 10 * eps if atol is None else atol
    if not bool(torch.all(torch.abs(x - y) <= atol + rtol * torch.abs(y))):
        raise errors.InvalidArgumentError(
            (message + "\n" if message else "")
            + f"x and y not equal to tolerance rtol = {rtol}, atol = {atol}"
        )


def assert_rank(x, rank, message=None, name=None):
    x = _t(x)
    if x.dim() != int(rank):
        raise ValueError(
            (message + ".  " if message else "")
            + f"Tensor  must have rank {int(rank)}.  Received rank {x.dim()}, shape "
            f"{tuple(x.shape)}"
        )


def assert_rank_at_least(x, rank, message=None, name=None):
    x = _t(x)
    if x.dim() < int(rank):
        raise ValueError(
            (message + ".  " if message else "")
            + f"Tensor  must have rank at least {int(rank)}.  Received rank {x.dim()}, shape "
            f"{tuple(x.shape)}"
        )


def assert_shapes(shapes, data=None, summarize=None, message=None, name=None):
    """Check each `(tensor, shape)` pair; named dims (`"N"`) must agree across tensors."""
    pairs = shapes.items() if isinstance(shapes, dict) else shapes
    sizes = {}
    for tensor, spec in pairs:
        x = _t(tensor)
        spec = tuple(spec) if not isinstance(spec, str) else tuple(spec)
        if x.dim() == 0 and len(spec) == 1:
            continue
        if len(spec) != x.dim() and not (spec and spec[0] == "..."):
            # TF lets a one-entry spec match a scalar too, and says so.
            wanted = "rank in (0, 1)" if len(spec) == 1 else f"rank {len(spec)}"
            raise ValueError(
                f"Tensor  must have {wanted}.  Received rank {x.dim()}, shape {tuple(x.shape)}"
            )
        for dim, symbol in enumerate(spec):
            if symbol in (None, "."):
                continue
            size = x.shape[dim]
            if isinstance(symbol, int):
                if symbol != size:
                    raise ValueError(
                        f"Specified explicitly.  Tensor shape={tuple(x.shape)} "
                        f"dtype={_dtype_name(x)} dimension {dim} "
                        f"must have size {symbol}.  Received size {size}, shape {tuple(x.shape)}"
                    )
                continue
            if symbol in sizes and sizes[symbol][0] != size:
                first_size, first_x, first_dim = sizes[symbol]
                raise ValueError(
                    f"Specified by tensor shape={tuple(first_x.shape)} dtype="
                    f"{_dtype_name(first_x)} dimension {first_dim}.  Tensor shape="
                    f"{tuple(x.shape)} dtype={_dtype_name(x)} dimension {dim} must have size "
                    f"{first_size}.  Received size {size}, shape {tuple(x.shape)}"
                )
            sizes.setdefault(symbol, (size, x, dim))


def _dtype_name(x):
    from torchkeras.backend import dtypes

    return dtypes.standardize_dtype(x.dtype)


def assert_type(tensor, tf_type, message=None, name=None):
    from torchkeras.compat.tensorflow._convert import torch_dtype

    x = _t(tensor)
    if x.dtype != torch_dtype(tf_type):
        def name(d):
            return "tf." + str(d).replace("torch.", "")

        raise TypeError(
            (message + " " if message else "")
            + f"tensor must be of type {name(torch_dtype(tf_type))}; got {name(x.dtype)}"
        )


def assert_all_finite(x, message, name=None):
    return check_numerics(x, message)


def check_numerics(tensor, message, name=None):
    x = _t(tensor)
    if bool(torch.isnan(x).any()):
        raise errors.InvalidArgumentError(f"{message} : Tensor had NaN values [Op:CheckNumerics]")
    if bool(torch.isinf(x).any()):
        raise errors.InvalidArgumentError(f"{message} : Tensor had Inf values [Op:CheckNumerics]")
    return x


def Assert(condition, data, summarize=None, name=None):
    if not bool(torch.all(_t(condition))):
        # TF's eager text: the condition, then each datum on its own line.
        shown = "\n".join(_datum(d) for d in data)
        if not isinstance(condition, bool):
            condition = "tf.Tensor(False, shape=(), dtype=bool)"
        raise errors.InvalidArgumentError(
            f"Expected '{condition}' to be true. Summarized data: {shown}")


def _datum(value):
    if isinstance(value, str):
        return repr(value.encode())
    if isinstance(value, (torch.Tensor, list, tuple)):
        flat = np.asarray(value.tolist() if isinstance(value, torch.Tensor) else value).reshape(-1)
        return ", ".join(str(v) for v in flat)
    return str(value)


def set_log_device_placement(enabled):
    """Recorded only: torch does not log where each op runs."""
    _STATE["log_device_placement"] = bool(enabled)


def get_log_device_placement():
    return _STATE["log_device_placement"]


def enable_check_numerics(stack_height_limit=30, path_length_limit=50):
    return None


def disable_check_numerics():
    return None


def is_numeric_tensor(tensor):
    return isinstance(tensor, torch.Tensor) and tensor.dtype != torch.bool


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(
        f"tf.debugging.{name} is not provided by torchkeras.compat. See compat/DIFFERENCES.md."
    )
