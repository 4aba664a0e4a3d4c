"""Tensor creation in `keras.ops.numpy`: filled tensors, ranges, eye/tri, window functions.

New tensors are created on `keras.backend.get_device()`, with `floatx()` as the default dtype.
"""

import math

import numpy as np
import torch

from torchkeras.backend import device as device_lib
from torchkeras.ops import op_utils
from torchkeras.ops.op_utils import to_tensor
from torchkeras.ops.symbolic import keras_op


def _dtype(dtype):
    return op_utils.floatx_torch() if dtype is None else op_utils.torch_dtype(dtype)


def _device():
    return device_lib.get_device()


@keras_op
def zeros(shape, dtype=None):
    """Return a new tensor of given shape and type, filled with zeros.

    Args:
        shape: Shape of the new tensor.
        dtype: Desired data type of the tensor. Defaults to `floatx()`.

    Returns:
        Tensor of zeros with the given shape and dtype.
    """
    return torch.zeros(op_utils.shape_tuple(shape), dtype=_dtype(dtype), device=_device())


@keras_op
def ones(shape, dtype=None):
    """Return a new tensor of given shape and type, filled with ones.

    Args:
        shape: Shape of the new tensor.
        dtype: Desired data type of the tensor. Defaults to `floatx()`.

    Returns:
        Tensor of ones with the given shape and dtype.
    """
    return torch.ones(op_utils.shape_tuple(shape), dtype=_dtype(dtype), device=_device())


@keras_op
def empty(shape, dtype=None):
    """Return a tensor of given shape and type filled with uninitialized data.

    Args:
        shape: Shape of the empty tensor.
        dtype: Desired data type of the empty tensor. Defaults to `floatx()`.

    Returns:
        The empty tensor (zeros, as Keras on TensorFlow returns).
    """
    return torch.zeros(op_utils.shape_tuple(shape), dtype=_dtype(dtype), device=_device())


@keras_op
def full(shape, fill_value, dtype=None):
    """Return a new tensor of given shape and type, filled with `fill_value`.

    Args:
        shape: Shape of the new tensor.
        fill_value: Fill value.
        dtype: Desired data type of the tensor. Defaults to `floatx()`.

    Returns:
        Output tensor.
    """
    dtype = _dtype(dtype)
    shape = op_utils.shape_tuple(shape)
    if isinstance(fill_value, (int, float, bool)):
        return torch.full(shape, fill_value, dtype=dtype, device=_device())
    return torch.broadcast_to(to_tensor(fill_value, dtype), shape).clone()


@keras_op
def zeros_like(x, dtype=None):
    """Return a tensor of zeros with the same shape and type as `x`.

    Args:
        x: Input tensor.
        dtype: Overrides the data type of the result.

    Returns:
        A tensor of zeros with the same shape and type as `x`.
    """
    x = to_tensor(x)
    return torch.zeros_like(x, dtype=None if dtype is None else op_utils.torch_dtype(dtype))


@keras_op
def ones_like(x, dtype=None):
    """Return a tensor of ones with the same shape and type of `x`.

    Args:
        x: Input tensor.
        dtype: Overrides the data type of the result.

    Returns:
        A tensor of ones with the same shape and type as `x`.
    """
    x = to_tensor(x)
    return torch.ones_like(x, dtype=None if dtype is None else op_utils.torch_dtype(dtype))


@keras_op
def empty_like(x, dtype=None):
    """Return a new uninitialized tensor with the same shape and dtype as `x`.

    Args:
        x: Input tensor.
        dtype: Overrides the data type of the result.

    Returns:
        A tensor with the same shape and dtype as `x` (zeros, as Keras on TensorFlow returns).
    """
    return zeros_like.__wrapped__(x, dtype)


@keras_op
def full_like(x, fill_value, dtype=None):
    """Return a full tensor with the same shape and type as the given tensor.

    Args:
        x: Input tensor.
        fill_value: Fill value.
        dtype: Overrides data type of the result.

    Returns:
        Tensor of `fill_value` with the same shape and type as `x`.
    """
    x = to_tensor(x)
    dtype = x.dtype if dtype is None else op_utils.torch_dtype(dtype)
    if isinstance(fill_value, (int, float, bool)):
        return torch.full_like(x, fill_value, dtype=dtype)
    return torch.broadcast_to(to_tensor(fill_value, dtype), x.shape).clone()


@keras_op
def array(x, dtype=None):
    """Create a tensor.

    Args:
        x: Input tensor.
        dtype: The desired data-type for the tensor.

    Returns:
        A tensor.
    """
    return to_tensor(x, dtype)


def _kind(value):
    if isinstance(value, torch.Tensor):
        return value.dtype
    if isinstance(value, np.ndarray) or isinstance(value, np.generic):
        return op_utils.torch_dtype(value.dtype)
    if isinstance(value, bool):
        return bool
    if isinstance(value, int):
        return int
    return float


def _scalar(value):
    if isinstance(value, torch.Tensor):
        return value.item()
    if isinstance(value, (np.ndarray, np.generic)):
        return value.item()
    return value


@keras_op
def arange(start, stop=None, step=None, dtype=None):
    """Return evenly spaced values within a given interval.

    `arange` can be called with a varying number of positional arguments:
    `arange(stop)`, `arange(start, stop)`, `arange(start, stop, step)`.

    Args:
        start: Integer or real, representing the start of the interval. The interval includes
            this value.
        stop: Integer or real, representing the end of the interval. The interval does not
            include this value. Defaults to `None`.
        step: Integer or real, represent the spacing between values. Defaults to `1`.
        dtype: The type of the output tensor. If `dtype` is not given, infer the data type from
            the other input arguments.

    Returns:
        Tensor of evenly spaced values.
    """
    if dtype is None:
        kinds = [_kind(start)] + [_kind(v) for v in (stop, step) if v is not None]
        dtype = op_utils._result_from_kinds(tuple(kinds))
    else:
        dtype = op_utils.torch_dtype(dtype)
    start, stop, step = _scalar(start), _scalar(stop), _scalar(step)
    if step is None:
        step = 1
    if stop is None:
        start, stop = 0, start
    if dtype in (torch.float16, torch.bfloat16):
        return torch.arange(start, stop, step, dtype=torch.float32, device=_device()).to(dtype)
    return torch.arange(start, stop, step, dtype=dtype, device=_device())


def _linspace(start, stop, num, endpoint, dtype, axis):
    """TensorFlow's linspace: `start + i * delta`, with the end point placed exactly."""
    compute = dtype if op_utils.is_float(dtype) or dtype in op_utils.COMPLEX else torch.float64
    start = to_tensor(start, compute)
    stop = to_tensor(stop, compute)
    start, stop = torch.broadcast_tensors(start, stop)
    if endpoint:
        steps = max(num - 1, 1)
        delta = (stop - start) / steps
    else:
        delta = (stop - start) / max(num, 1)
    index = torch.arange(num, dtype=compute, device=start.device)
    index = index.reshape(-1, *((1,) * start.dim()))
    result = start.unsqueeze(0) + index * delta.unsqueeze(0)
    if endpoint and num > 1:
        result = torch.cat([result[:-1], stop.unsqueeze(0)], dim=0)
    if start.dim():
        result = torch.movedim(result, 0, axis)
    if op_utils.is_int(dtype):
        result = torch.floor(result)
    return result.to(dtype), delta


@keras_op
def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    """Return evenly spaced numbers over a specified interval.

    Args:
        start: The starting value of the sequence.
        stop: The end value of the sequence, unless `endpoint` is set to `False`.
        num: Number of samples to generate. Defaults to `50`. Must be non-negative.
        endpoint: If `True`, `stop` is the last sample. Otherwise, it is not included.
            Defaults to `True`.
        retstep: If `True`, return `(samples, step)`, where `step` is the spacing between
            samples.
        dtype: The type of the output tensor.
        axis: The axis in the result to store the samples. Relevant only if start or stop are
            array-like. Defaults to `0`.

    Returns:
        A tensor of evenly spaced numbers. If `retstep` is `True`, returns `(samples, step)`.
    """
    if num < 0:
        raise ValueError(f"`num` must be a non-negative integer. Received: num={num}")
    if dtype is None:
        dtype = op_utils._result_from_kinds((_kind(start), _kind(stop), float))
    else:
        dtype = op_utils.torch_dtype(dtype)
    result, delta = _linspace(start, stop, num, endpoint, dtype, axis)
    if retstep:
        if (endpoint and num > 1) or (not endpoint and num > 0):
            return result, delta.to(dtype) if op_utils.is_float(dtype) else delta
        return result, torch.tensor(float("nan"), dtype=op_utils.floatx_torch())
    return result


@keras_op
def logspace(start, stop, num=50, endpoint=True, base=10, dtype=None, axis=0):
    """Returns numbers spaced evenly on a log scale.

    Args:
        start: The starting value of the sequence.
        stop: The final value of the sequence, unless `endpoint` is `False`.
        num: Number of samples to generate. Defaults to `50`.
        endpoint: If `True`, `stop` is the last sample. Otherwise, it is not included.
            Defaults to `True`.
        base: The base of the log space. Defaults to `10`.
        dtype: The type of the output tensor.
        axis: The axis in the result to store the samples.

    Returns:
        A tensor of evenly spaced samples on a log scale.
    """
    exponents = linspace.__wrapped__(
        start, stop, num=num, endpoint=endpoint, dtype=dtype, axis=axis
    )
    return torch.pow(torch.tensor(base, dtype=exponents.dtype, device=exponents.device), exponents)


@keras_op
def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    """Return numbers spaced evenly on a log scale (a geometric progression).

    Args:
        start: The starting value of the sequence.
        stop: The final value of the sequence, unless `endpoint` is `False`.
        num: Number of samples to generate. Defaults to `50`.
        endpoint: If `True`, `stop` is the last sample. Otherwise, it is not included.
            Defaults to `True`.
        dtype: The type of the output tensor.
        axis: The axis in the result to store the samples.

    Returns:
        A tensor of samples, equally spaced on a log scale.
    """
    float_dtype = op_utils.floatx_torch() if dtype is None else op_utils.torch_dtype(dtype)
    start = to_tensor(start)
    stop = to_tensor(stop)
    log_start = torch.log(torch.abs(start).to(float_dtype))
    log_stop = torch.log(torch.abs(stop).to(float_dtype))
    log_base = math.log(10.0)
    result = logspace.__wrapped__(
        log_start / log_base,
        log_stop / log_base,
        num=num,
        endpoint=endpoint,
        base=10,
        dtype=dtype,
        axis=axis,
    )
    return result * torch.sign(start.to(log_start.dtype)).to(result.dtype)


def _check_int_arg(value, name, allow_none):
    if isinstance(value, float) or (
        isinstance(value, torch.Tensor) and op_utils.is_float(value.dtype)
    ):
        if allow_none:
            raise TypeError(f"Argument `{name}` must be an integer, an integer tensor, or `None`.")
        raise TypeError(f"Argument `{name}` must be an integer or an integer tensor.")


def _band(N, M, k, dtype, lower):
    i = torch.arange(N, device=_device()).unsqueeze(1)
    j = torch.arange(M, device=_device()).unsqueeze(0)
    mask = (j - i <= k) if lower else (j - i == k)
    return mask.to(dtype)


@keras_op
def eye(N, M=None, k=0, dtype=None):
    """Return a 2-D tensor with ones on the diagonal and zeros elsewhere.

    Args:
        N: Number of rows in the output.
        M: Number of columns in the output. If `None`, defaults to `N`.
        k: Index of the diagonal: 0 (the default) refers to the main diagonal, a positive value
            refers to an upper diagonal, and a negative value to a lower diagonal.
        dtype: Data type of the returned tensor.

    Returns:
        Tensor with ones on the k-th diagonal and zeros elsewhere.
    """
    _check_int_arg(N, "N", False)
    _check_int_arg(M, "M", True)
    N = int(_scalar(N))
    M = N if M is None else int(_scalar(M))
    return _band(N, M, int(k), _dtype(dtype), lower=False)


@keras_op
def identity(n, dtype=None):
    """Return the identity tensor.

    Args:
        n: Number of rows (and columns) in the `n x n` output tensor.
        dtype: Data type of the output tensor.

    Returns:
        The identity tensor.
    """
    return _band(int(n), int(n), 0, _dtype(dtype), lower=False)


@keras_op
def tri(N, M=None, k=0, dtype=None):
    """Return a tensor with ones at and below a diagonal and zeros elsewhere.

    Args:
        N: Number of rows in the tensor.
        M: Number of columns in the tensor.
        k: The sub-diagonal at and below which the array is filled. `k = 0` is the main
            diagonal, while `k < 0` is below it, and `k > 0` is above. The default is 0.
        dtype: Data type of the returned tensor. The default is "float32".

    Returns:
        Tensor with its lower triangle filled with ones and zeros elsewhere.
    """
    M = N if M is None else M
    return _band(int(N), int(M), int(k), _dtype(dtype), lower=True)


# -- window functions ----------------------------------------------------------------------------
def _window_length(x, name):
    if isinstance(x, torch.Tensor):
        x = x.item()
    return int(x)


def _window(values):
    return torch.as_tensor(values, device=_device()).to(op_utils.floatx_torch())


@keras_op
def bartlett(x):
    """Bartlett window function: a triangular window rising from 0 to 1 and back.

    Args:
        x: Scalar or 1D Tensor. Window length.

    Returns:
        A 1D tensor containing the Bartlett window values.
    """
    n = _window_length(x, "bartlett")
    if n <= 0:
        return torch.zeros((0,), dtype=op_utils.floatx_torch(), device=_device())
    if n == 1:
        return torch.ones((1,), dtype=op_utils.floatx_torch(), device=_device())
    i = torch.arange(n, dtype=torch.float32, device=_device())
    half = (n - 1) / 2
    window = torch.where(i <= half, 2.0 * i / (n - 1), 2.0 - 2.0 * i / (n - 1))
    return window.to(op_utils.floatx_torch())


@keras_op
def blackman(x):
    """Blackman window function: a taper formed by using the first three terms of a sum of
    cosines.

    Args:
        x: Scalar or 1D Tensor. Window length.

    Returns:
        A 1D tensor containing the Blackman window values.
    """
    n = _window_length(x, "blackman")
    dtype = op_utils.floatx_torch()
    i = torch.arange(n, dtype=dtype, device=_device())
    denom = float(n - 1) if n > 1 else 1.0
    window = (
        0.42 - 0.5 * torch.cos(2 * math.pi * i / denom) + 0.08 * torch.cos(4 * math.pi * i / denom)
    )
    if n == 1:
        return torch.ones_like(window)
    return window


def _cosine_window(n, a0):
    # TensorFlow's (non-periodic) raised-cosine windows, computed in float32.
    if n <= 0:
        return torch.zeros((0,), dtype=op_utils.floatx_torch(), device=_device())
    if n == 1:
        return torch.ones((1,), dtype=op_utils.floatx_torch(), device=_device())
    i = torch.arange(n, dtype=torch.float32, device=_device())
    window = a0 - (1 - a0) * torch.cos(2 * math.pi * i / (n - 1))
    return window.to(op_utils.floatx_torch())


@keras_op
def hamming(x):
    """Hamming window function: `0.54 - 0.46 * cos(2 * pi * n / (N - 1))`.

    Args:
        x: Scalar or 1D Tensor. Window length.

    Returns:
        A 1D tensor containing the Hamming window values.
    """
    return _cosine_window(_window_length(x, "hamming"), 0.54)


@keras_op
def hanning(x):
    """Hanning window function: `0.5 - 0.5 * cos(2 * pi * n / (N - 1))`.

    Args:
        x: Scalar or 1D Tensor. Window length.

    Returns:
        A 1D tensor containing the Hanning window values.
    """
    return _cosine_window(_window_length(x, "hanning"), 0.5)


@keras_op
def kaiser(x, beta):
    """Kaiser window function: `I0(beta * sqrt(1 - (2n / (N - 1) - 1)^2)) / I0(beta)`.

    Args:
        x: Scalar or 1D Tensor. The window length.
        beta: Float. Shape parameter for the Kaiser window.

    Returns:
        A 1D tensor containing the Kaiser window values.
    """
    n = _window_length(x, "kaiser")
    if n == 1:
        return torch.ones((1,), dtype=op_utils.floatx_torch(), device=_device())
    i = torch.arange(n, dtype=torch.float32, device=_device())
    ratio = 2.0 * i / (n - 1) - 1.0
    beta_t = torch.tensor(float(beta), dtype=torch.float32, device=_device())
    arg = beta_t * torch.sqrt(torch.clamp(1.0 - ratio * ratio, min=0.0))
    window = torch.special.i0(arg) / torch.special.i0(beta_t)
    return window.to(op_utils.floatx_torch())


@keras_op
def vander(x, N=None, increasing=False):
    """Generate a Vandermonde matrix: columns are powers of `x`.

    Args:
        x: 1-D input tensor.
        N: Number of columns in the output. If `N` is not specified, a square array is returned
            (`N = len(x)`).
        increasing: Order of the powers of the columns. If `True`, the powers increase from left
            to right. Defaults to `False` (decreasing).

    Returns:
        Output tensor, the Vandermonde matrix.
    """
    x = to_tensor(x)
    if x.dim() != 1:
        raise ValueError(
            f"Input tensor must be 1-dimensional. Received: input.shape={tuple(x.shape)}"
        )
    if N is not None:
        if not isinstance(N, int):
            raise TypeError(
                f"Argument `N` must be of type `int`. Received: N={N} of type {type(N)}"
            )
        if N < 0:
            raise ValueError(f"Argument 'N' must be nonnegative. Received: N={N}")
    if not isinstance(increasing, bool):
        raise TypeError(
            "Argument `increasing` must be of type `bool`. "
            f"Received: increasing={increasing} of type {type(increasing)}"
        )
    if N is None:
        N = x.shape[0]
    powers = (
        torch.arange(N, device=x.device)
        if increasing
        else torch.arange(N - 1, -1, -1, device=x.device)
    )
    compute = op_utils.result_dtype(x, torch.float32)
    out = torch.pow(x.to(compute).unsqueeze(-1), powers.to(compute))
    return out.to(x.dtype)
