"""`keras.random`: random tensors drawn with torch generators.

Seeds follow Keras: an integer `seed` gives the same values on every call, a `SeedGenerator`
gives new values on every call, and `seed=None` draws from the torch global RNG (made
reproducible by `keras.utils.set_random_seed`). The streams are torch's, so the values differ
from TensorFlow's for the same seed; shapes, dtypes and distributions are Keras's.

Drawing never synchronizes with the device: generators are seeded from Python integers.
"""

import math
import numbers

import torch

from torchkeras.backend import common_names
from torchkeras.backend import config
from torchkeras.backend import device as device_lib
from torchkeras.backend import dtypes
from torchkeras.backend import random as random_lib
from torchkeras.backend.tensors import convert_to_tensor
from torchkeras.ops.symbolic import keras_op

_FLOAT_DTYPES = ("float16", "bfloat16", "float32", "float64")
# Truncation at two standard deviations, as Keras's `truncated_normal`: the inverse-CDF sampler
# draws u in [erf(-2/sqrt(2)), erf(2/sqrt(2))] and returns sqrt(2) * erfinv(u).
_TRUNCATION_BOUND = math.erf(2.0 / math.sqrt(2.0))


def _shape(shape):
    if isinstance(shape, int):
        return (shape,)
    return tuple(int(d) for d in shape)


def _float_dtype(dtype, function):
    dtype = dtypes.standardize_dtype(dtype or config.floatx())
    if dtype not in _FLOAT_DTYPES:
        raise TypeError(
            f"`keras.random.{function}` requires a floating point `dtype`. Received: dtype={dtype}"
        )
    return dtype


def _is_number(x):
    return isinstance(x, numbers.Number)


def _param(x, device, dtype):
    """A distribution parameter as a tensor on `device` (numbers and arrays included)."""
    return convert_to_tensor(x, dtype=dtype).to(device)


def normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    """Draw random samples from a normal (Gaussian) distribution.

    Args:
        shape: The shape of the random values to generate.
        mean: Float, the mean of the random values. Defaults to `0.0`.
        stddev: Float, the standard deviation of the random values. Defaults to `1.0`.
        dtype: Optional floating point dtype of the tensor. Defaults to `keras.config.floatx()`.
        seed: Optional Python integer or `keras.random.SeedGenerator`. An integer gives the same
            values on every call; a `SeedGenerator` gives new values on every call. Defaults to
            `None` (the global random state).
    """
    dtype = _float_dtype(dtype, "normal")
    device = device_lib.get_device()
    generator = random_lib.draw_generator(seed, device)
    torch_dtype = dtypes.to_torch_dtype(dtype)
    out = torch.empty(_shape(shape), dtype=torch_dtype, device=device)
    if _is_number(mean) and _is_number(stddev):
        return out.normal_(float(mean), float(stddev), generator=generator)
    out.normal_(0.0, 1.0, generator=generator)
    return out * _param(stddev, device, dtype) + _param(mean, device, dtype)


def uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None):
    """Draw samples from a uniform distribution in `[minval, maxval)`.

    Args:
        shape: The shape of the random values to generate.
        minval: Float, the lower bound of the range (inclusive). Defaults to `0.0`.
        maxval: Float, the upper bound of the range (exclusive). Defaults to `1.0`.
        dtype: Optional floating point dtype of the tensor. Defaults to `keras.config.floatx()`.
        seed: Optional Python integer or `keras.random.SeedGenerator`. Defaults to `None` (the
            global random state).
    """
    if dtype and dtypes.standardize_dtype(dtype) not in _FLOAT_DTYPES:
        raise ValueError(
            "`keras.random.uniform` requires a floating point `dtype`. "
            f"Received: dtype={dtype} "
        )
    dtype = dtypes.standardize_dtype(dtype or config.floatx())
    device = device_lib.get_device()
    generator = random_lib.draw_generator(seed, device)
    out = torch.empty(_shape(shape), dtype=dtypes.to_torch_dtype(dtype), device=device)
    if _is_number(minval) and _is_number(maxval):
        return out.uniform_(float(minval), float(maxval), generator=generator)
    out.uniform_(0.0, 1.0, generator=generator)
    minval = _param(minval, device, dtype)
    return out * (_param(maxval, device, dtype) - minval) + minval


def randint(shape, minval, maxval, dtype="int32", seed=None):
    """Draw random integers from a uniform distribution in `[minval, maxval)`.

    Args:
        shape: The shape of the random values to generate.
        minval: Integer, the lower bound of the range (inclusive).
        maxval: Integer, the upper bound of the range (exclusive).
        dtype: Integer dtype of the tensor. Defaults to `"int32"`.
        seed: Optional Python integer or `keras.random.SeedGenerator`. Defaults to `None` (the
            global random state).
    """
    if dtype and not common_names.is_int_dtype(dtype):
        raise ValueError(
            "`keras.random.randint` requires an integer `dtype`. "
            f"Received: dtype={dtype} "
        )
    dtype = dtypes.standardize_dtype(dtype or "int32")
    low, high = int(minval), int(maxval)
    if low >= high:
        raise ValueError(
            "`keras.random.randint` requires `minval < maxval`. "
            f"Received: minval={minval}, maxval={maxval}"
        )
    device = device_lib.get_device()
    generator = random_lib.draw_generator(seed, device)
    return torch.randint(
        low, high, _shape(shape), generator=generator,
        dtype=dtypes.to_torch_dtype(dtype), device=device,
    )


def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    """Draw samples from a truncated normal distribution.

    The values follow a normal distribution with the given mean and standard deviation, with
    values more than two standard deviations from the mean discarded and re-drawn.

    Args:
        shape: The shape of the random values to generate.
        mean: Float, the mean of the random values. Defaults to `0.0`.
        stddev: Float, the standard deviation of the random values. Defaults to `1.0`.
        dtype: Optional floating point dtype of the tensor. Defaults to `keras.config.floatx()`.
        seed: Optional Python integer or `keras.random.SeedGenerator`. Defaults to `None` (the
            global random state).
    """
    dtype = _float_dtype(dtype, "truncated_normal")
    device = device_lib.get_device()
    generator = random_lib.draw_generator(seed, device)
    # Inverse-CDF sampling is exact (no rejection loop); half types are sampled in float32.
    work_dtype = torch.float64 if dtype == "float64" else torch.float32
    u = torch.empty(_shape(shape), dtype=work_dtype, device=device)
    u.uniform_(-_TRUNCATION_BOUND, _TRUNCATION_BOUND, generator=generator)
    x = torch.erfinv(u).mul_(math.sqrt(2.0)).clamp_(-2.0, 2.0)
    if _is_number(mean) and _is_number(stddev):
        x = x.mul_(float(stddev)).add_(float(mean))
    else:
        x = x * _param(stddev, device, dtype) + _param(mean, device, dtype)
    return x.to(dtypes.to_torch_dtype(dtype))


@keras_op
def categorical(logits, num_samples, dtype="int32", seed=None):
    """Draws samples from a categorical distribution.

    Args:
        logits: 2-D tensor of shape `(batch_size, num_classes)`; each row holds the unnormalized
            log-probabilities of one categorical distribution.
        num_samples: Int, the number of independent samples to draw for each row.
        dtype: Optional dtype of the output tensor. Defaults to `"int32"`.
        seed: Optional Python integer or `keras.random.SeedGenerator`. Defaults to `None` (the
            global random state).

    Returns:
        A 2-D tensor of shape `(batch_size, num_samples)`.
    """
    tensor = convert_to_tensor(logits)
    if tensor.ndim != 2:
        raise ValueError(
            "`logits` should be a 2-D tensor with shape "
            f"[batch_size, num_classes]. Received: logits={logits}"
        )
    generator = random_lib.draw_generator(seed, tensor.device)
    probabilities = torch.softmax(tensor.float() if tensor.dtype != torch.float64 else tensor, -1)
    samples = torch.multinomial(probabilities, int(num_samples), replacement=True,
                                generator=generator)
    return samples.to(dtypes.to_torch_dtype(dtype))


@keras_op
def dropout(inputs, rate, noise_shape=None, seed=None):
    """Randomly set inputs to 0 with frequency `rate`, scaling the others by `1 / (1 - rate)`.

    Args:
        inputs: Input tensor.
        rate: Float in `[0, 1]`, the fraction of the inputs to drop.
        noise_shape: Optional shape of the binary dropout mask, broadcast to the inputs; `None`
            entries take the input's size. Defaults to the input's shape.
        seed: Optional Python integer or `keras.random.SeedGenerator`. Defaults to `None` (the
            global random state).
    """
    if _is_number(rate) and not 0 <= rate <= 1:
        raise ValueError(
            "`rate` must be a scalar tensor or a float in the range [0, 1). "
            f"Received: rate={rate}"
        )
    inputs = convert_to_tensor(inputs)
    if _is_number(rate):
        if rate == 1.0:
            return torch.zeros_like(inputs)
        if rate == 0.0:
            return inputs
    if seed is None and noise_shape is None:
        # Unseeded: torch's fused dropout kernel, drawing from the global RNG.
        return torch.nn.functional.dropout(inputs, p=float(rate), training=True)
    generator = random_lib.draw_generator(seed, inputs.device)
    if noise_shape is None:
        mask_shape = inputs.shape
    else:
        mask_shape = tuple(
            inputs.shape[i] if d is None else int(d) for i, d in enumerate(noise_shape)
        )
    keep = 1.0 - rate
    mask = torch.empty(mask_shape, dtype=inputs.dtype, device=inputs.device)
    mask.bernoulli_(keep, generator=generator)
    return inputs * mask / keep


@keras_op
def shuffle(x, axis=0, seed=None):
    """Shuffle the elements of a tensor uniformly at random along an axis.

    Args:
        x: The tensor to be shuffled.
        axis: An integer specifying the axis along which to shuffle. Defaults to `0`.
        seed: Optional Python integer or `keras.random.SeedGenerator`. Defaults to `None` (the
            global random state).
    """
    x = convert_to_tensor(x)
    if not -x.ndim <= axis < max(x.ndim, 1):
        raise ValueError(
            "`keras.random.shuffle`: `axis` is out of bounds for a tensor of rank "
            f"{x.ndim}. Received: axis={axis}"
        )
    generator = random_lib.draw_generator(seed, x.device)
    # One permutation of the slices along `axis`, as Keras (TF backend) does.
    permutation = torch.randperm(x.shape[axis], generator=generator, device=x.device)
    return torch.index_select(x, axis, permutation)


def gamma(shape, alpha, dtype=None, seed=None):
    """Draw random samples from the Gamma distribution (scale 1).

    Args:
        shape: The shape of the random values to generate.
        alpha: Float or tensor, the concentration of the distribution (broadcast to `shape`).
        dtype: Optional floating point dtype of the tensor. Defaults to `keras.config.floatx()`.
        seed: Optional Python integer or `keras.random.SeedGenerator`. Defaults to `None` (the
            global random state).
    """
    dtype = _float_dtype(dtype, "gamma")
    device = device_lib.get_device()
    generator = random_lib.draw_generator(seed, device)
    return _gamma(_shape(shape), alpha, dtype, device, generator)


def _gamma(shape, alpha, dtype, device, generator):
    work = "float64" if dtype == "float64" else "float32"
    alpha = torch.broadcast_to(_param(alpha, device, work), shape).contiguous()
    sample = random_lib.standard_gamma(alpha, generator=generator)
    return sample.to(dtypes.to_torch_dtype(dtype))


def binomial(shape, counts, probabilities, dtype=None, seed=None):
    """Draw samples from a Binomial distribution.

    Args:
        shape: The shape of the random values to generate.
        counts: A number or tensor, the number of trials (broadcast with `probabilities`).
        probabilities: A float or tensor, the probability of success of one trial.
        dtype: Optional dtype of the tensor. Defaults to `keras.config.floatx()`.
        seed: Optional Python integer or `keras.random.SeedGenerator`. Defaults to `None` (the
            global random state).
    """
    dtype = dtypes.standardize_dtype(dtype or config.floatx())
    device = device_lib.get_device()
    generator = random_lib.draw_generator(seed, device)
    shape = _shape(shape)
    counts = torch.broadcast_to(_param(counts, device, "float32"), shape).contiguous()
    probabilities = torch.broadcast_to(_param(probabilities, device, "float32"), shape)
    sample = torch.binomial(counts, probabilities.contiguous(), generator=generator)
    return sample.to(dtypes.to_torch_dtype(dtype))


def beta(shape, alpha, beta, dtype=None, seed=None):
    """Draw samples from a Beta distribution.

    Args:
        shape: The shape of the random values to generate.
        alpha: Float or tensor, the first parameter (broadcast with `beta` and `shape`).
        beta: Float or tensor, the second parameter (broadcast with `alpha` and `shape`).
        dtype: Optional floating point dtype of the tensor. Defaults to `keras.config.floatx()`.
        seed: Optional Python integer or `keras.random.SeedGenerator`. Defaults to `None` (the
            global random state).
    """
    dtype = _float_dtype(dtype, "beta")
    device = device_lib.get_device()
    generator = random_lib.draw_generator(seed, device)
    shape = _shape(shape)
    work = "float64" if dtype == "float64" else "float32"
    # Beta(a, b) = X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
    x = _gamma(shape, alpha, work, device, generator)
    y = _gamma(shape, beta, work, device, generator)
    return (x / (x + y)).to(dtypes.to_torch_dtype(dtype))

