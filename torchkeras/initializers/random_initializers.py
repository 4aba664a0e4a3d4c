"""Initializers that draw random numbers: RandomNormal, RandomUniform, TruncatedNormal, Orthogonal.

Seeds follow Keras 3: an initializer seeded with an integer, or left unseeded, returns the same
values every time it is called (an unseeded one draws its seed once, at construction, from the
torch global RNG, so `keras.utils.set_random_seed` and `torch.manual_seed` make it reproducible).
A `SeedGenerator` seed gives new values on every call. Values are drawn on the CPU with a seeded
`torch.Generator`, so a seed gives the same weights on every device, then moved to the device.
"""

import torch

from torchkeras.backend import device as device_lib
from torchkeras.backend import dtypes
from torchkeras.backend import meta_call
from torchkeras.backend.random import SeedGenerator
from torchkeras.backend.random import make_generator
from torchkeras.initializers.initializer import Initializer
from torchkeras.saving import serialization


def _work_dtype(torch_dtype):
    # Draw in float32 (float64 when asked for it) and cast afterwards: CPU kernels for
    # half-precision sampling and QR are missing or less accurate.
    return torch.float64 if torch_dtype == torch.float64 else torch.float32


def _finish(values, torch_dtype):
    return values.to(device=device_lib.get_device(), dtype=torch_dtype)


def random_normal(shape, mean, stddev, dtype, generator):
    """Samples of N(mean, stddev^2), as a tensor of `dtype` on the current device."""
    torch_dtype = dtypes.to_torch_dtype(dtype)
    values = torch.empty(tuple(int(d) for d in shape), dtype=_work_dtype(torch_dtype))
    values.normal_(float(mean), float(stddev), generator=generator)
    return _finish(values, torch_dtype)


def random_uniform(shape, minval, maxval, dtype, generator):
    """Samples of U[minval, maxval), as a tensor of `dtype` on the current device."""
    torch_dtype = dtypes.to_torch_dtype(dtype)
    values = torch.empty(tuple(int(d) for d in shape), dtype=_work_dtype(torch_dtype))
    values.uniform_(float(minval), float(maxval), generator=generator)
    return _finish(values, torch_dtype)


def truncated_normal(shape, mean, stddev, dtype, generator):
    """Samples of N(mean, stddev^2) restricted to `[mean - 2 * stddev, mean + 2 * stddev]`."""
    torch_dtype = dtypes.to_torch_dtype(dtype)
    work_dtype = _work_dtype(torch_dtype)
    values = torch.empty(tuple(int(d) for d in shape), dtype=work_dtype)
    values.normal_(0.0, 1.0, generator=generator)
    # Redraw the ~4.6% of samples beyond two standard deviations until none is left, as
    # TensorFlow does: several times faster on the CPU than inverting the CDF with erfinv.
    flat = values.view(-1)
    redraw_index = torch.nonzero(flat.abs() > 2.0).squeeze(1)
    while redraw_index.numel():
        redrawn = torch.empty(redraw_index.numel(), dtype=work_dtype)
        redrawn.normal_(0.0, 1.0, generator=generator)
        flat[redraw_index] = redrawn
        redraw_index = redraw_index[redrawn.abs() > 2.0]
    values.mul_(float(stddev)).add_(float(mean))
    return _finish(values, torch_dtype)


def _default_seed():
    # One draw from the torch global RNG (seeded by `set_random_seed` / `torch.manual_seed`),
    # real even when an initializer is made during shape inference.
    with meta_call.real_tensors():
        return int(torch.randint(1, 10**9, (1,)))


class RandomInitializer(Initializer):
    """Base class of initializers that draw random numbers.

    Args:
        seed: A Python integer or a `keras.random.SeedGenerator`. Defaults to `None` (a seed is
            drawn once, at construction).
    """

    def __init__(self, seed=None):
        self._init_seed = seed
        if seed is None:
            seed = _default_seed()
        elif isinstance(seed, dict):
            seed = serialization.deserialize_keras_object(
                seed, module_objects={"SeedGenerator": SeedGenerator}
            )
        elif not isinstance(seed, (int, SeedGenerator)):
            raise ValueError(
                "`seed` argument should be an instance of `keras.random.SeedGenerator()` or an "
                f"integer. Received: seed={seed}"
            )
        self.seed = seed

    def _generator(self):
        """A CPU `torch.Generator` for one call: the same state for an integer seed, the next
        one for a `SeedGenerator`."""
        if isinstance(self.seed, SeedGenerator):
            return self.seed.next_generator()
        return make_generator(self.seed)

    def get_config(self):
        return {"seed": serialization.serialize_keras_object(self._init_seed)}


class RandomNormal(RandomInitializer):
    """Random normal initializer: samples from N(`mean`, `stddev`^2).

    Args:
        mean: A Python scalar, the mean of the random values. Defaults to `0.0`.
        stddev: A Python scalar, the standard deviation of the random values.
            Defaults to `0.05`.
        seed: A Python integer or a `keras.random.SeedGenerator`. An integer or `None`
            (unseeded) gives the same values on every call; a `SeedGenerator` gives new
            values on every call. Defaults to `None`.

    Example:

    >>> initializer = RandomNormal(mean=0.0, stddev=1.0)
    >>> values = initializer(shape=(2, 2))
    >>> layer = Dense(3, kernel_initializer=initializer)
    """

    def __init__(self, mean=0.0, stddev=0.05, seed=None):
        self.mean = mean
        self.stddev = stddev
        super().__init__(seed=seed)

    def __call__(self, shape, dtype=None):
        return random_normal(shape, self.mean, self.stddev, dtype, self._generator())

    def get_config(self):
        return {**super().get_config(), "mean": self.mean, "stddev": self.stddev}


class TruncatedNormal(RandomInitializer):
    """Truncated normal initializer.

    Like `RandomNormal`, except that values more than two standard deviations from the mean are
    discarded and re-drawn.

    Args:
        mean: A Python scalar, the mean of the random values. Defaults to `0.0`.
        stddev: A Python scalar, the standard deviation of the random values before
            truncation. Defaults to `0.05`.
        seed: A Python integer or a `keras.random.SeedGenerator`. An integer or `None`
            (unseeded) gives the same values on every call; a `SeedGenerator` gives new
            values on every call. Defaults to `None`.

    Example:

    >>> initializer = TruncatedNormal(mean=0.0, stddev=1.0)
    >>> values = initializer(shape=(2, 2))
    >>> layer = Dense(3, kernel_initializer=initializer)
    """

    def __init__(self, mean=0.0, stddev=0.05, seed=None):
        self.mean = mean
        self.stddev = stddev
        super().__init__(seed=seed)

    def __call__(self, shape, dtype=None):
        return truncated_normal(shape, self.mean, self.stddev, dtype, self._generator())

    def get_config(self):
        return {**super().get_config(), "mean": self.mean, "stddev": self.stddev}


class RandomUniform(RandomInitializer):
    """Random uniform initializer: samples from U[`minval`, `maxval`).

    Args:
        minval: A Python scalar, the lower bound (inclusive). Defaults to `-0.05`.
        maxval: A Python scalar, the upper bound (exclusive). Defaults to `0.05`.
        seed: A Python integer or a `keras.random.SeedGenerator`. An integer or `None`
            (unseeded) gives the same values on every call; a `SeedGenerator` gives new
            values on every call. Defaults to `None`.

    Example:

    >>> initializer = RandomUniform(minval=0.0, maxval=1.0)
    >>> values = initializer(shape=(2, 2))
    >>> layer = Dense(3, kernel_initializer=initializer)
    """

    def __init__(self, minval=-0.05, maxval=0.05, seed=None):
        self.minval = minval
        self.maxval = maxval
        super().__init__(seed=seed)

    def __call__(self, shape, dtype=None):
        return random_uniform(shape, self.minval, self.maxval, dtype, self._generator())

    def get_config(self):
        return {**super().get_config(), "minval": self.minval, "maxval": self.maxval}


class Orthogonal(RandomInitializer):
    """Initializer that generates an orthogonal matrix.

    A 2D shape gets the Q factor of the QR decomposition of a standard normal matrix (with the
    signs made unique): orthogonal rows if there are fewer rows than columns, orthogonal columns
    otherwise. A shape of higher rank is treated as a matrix of shape
    `(shape[0] * ... * shape[-2], shape[-1])` and reshaped.

    Args:
        gain: Multiplicative factor to apply to the orthogonal matrix. Defaults to `1.0`.
        seed: A Python integer or a `keras.random.SeedGenerator`. An integer or `None`
            (unseeded) gives the same values on every call; a `SeedGenerator` gives new
            values on every call. Defaults to `None`.

    Example:

    >>> initializer = keras.initializers.Orthogonal()
    >>> values = initializer(shape=(2, 2))
    >>> layer = keras.layers.Dense(3, kernel_initializer=initializer)

    Reference:

    - [Saxe et al., 2014](https://openreview.net/forum?id=_wzZwKpTDF_9C)
    """

    def __init__(self, gain=1.0, seed=None):
        self.gain = gain
        super().__init__(seed=seed)

    def __call__(self, shape, dtype=None):
        if len(shape) < 2:
            raise ValueError(
                "The tensor to initialize must be at least two-dimensional. "
                f"Received: shape={shape} of rank {len(shape)}."
            )
        torch_dtype = dtypes.to_torch_dtype(dtype)
        num_rows = 1
        for dim in shape[:-1]:
            num_rows *= int(dim)
        num_cols = int(shape[-1])
        flat_shape = (max(num_cols, num_rows), min(num_cols, num_rows))
        a = torch.empty(flat_shape, dtype=_work_dtype(torch_dtype))
        a.normal_(0.0, 1.0, generator=self._generator())
        q, r = torch.linalg.qr(a)
        # Multiplying by the signs of diag(r) makes the decomposition (and the result) unique.
        q = q * torch.sign(torch.diagonal(r))
        if num_rows < num_cols:
            q = q.T
        return _finish(self.gain * q.reshape(tuple(int(d) for d in shape)), torch_dtype)

    def get_config(self):
        return {**super().get_config(), "gain": self.gain}

