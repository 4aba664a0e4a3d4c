"""VarianceScaling and the Glorot, He and Lecun initializers built on it."""

import math

from torchkeras.initializers.random_initializers import RandomInitializer
from torchkeras.initializers.random_initializers import random_normal
from torchkeras.initializers.random_initializers import random_uniform
from torchkeras.initializers.random_initializers import truncated_normal
from torchkeras.saving import serialization

# Standard deviation of a standard normal truncated to [-2, 2]; dividing by it makes the
# truncated samples have the requested standard deviation.
_TRUNCATED_STDDEV_FACTOR = 0.87962566103423978


def compute_fans(shape, input_axes=None, output_axes=None):
    """Compute the number of input and output units of a weight shape.

    A 2D shape is `(fan_in, fan_out)`; a convolution kernel `(*kernel_size, in, out)` multiplies
    both by the receptive field size `prod(kernel_size)`.

    Args:
        shape: Integer shape tuple.
        input_axes: Optional list of integers, the axes holding the input units.
        output_axes: Optional list of integers, the axes holding the output units.

    Returns:
        A tuple of integers `(fan_in, fan_out)`.
    """
    shape = tuple(shape)
    if input_axes is not None and output_axes is not None:
        fan_in = 1
        for axis in input_axes:
            fan_in *= shape[axis]
        fan_out = 1
        for axis in output_axes:
            fan_out *= shape[axis]
        return int(fan_in), int(fan_out)
    if len(shape) < 1:
        fan_in = fan_out = 1
    elif len(shape) == 1:
        fan_in = fan_out = shape[0]
    elif len(shape) == 2:
        fan_in, fan_out = shape
    else:
        receptive_field_size = 1
        for dim in shape[:-2]:
            receptive_field_size *= dim
        fan_in = shape[-2] * receptive_field_size
        fan_out = shape[-1] * receptive_field_size
    return int(fan_in), int(fan_out)


class VarianceScaling(RandomInitializer):
    """Initializer that adapts its scale to the shape of its input tensors.

    With `distribution="truncated_normal"` or `"untruncated_normal"`, samples are drawn from a
    (truncated) normal distribution with mean zero and standard deviation (after truncation)
    `stddev = sqrt(scale / n)`, where `n` is the number of input units (`mode="fan_in"`), of
    output units (`mode="fan_out"`) or their average (`mode="fan_avg"`). With
    `distribution="uniform"`, samples are drawn from `[-limit, limit]` with
    `limit = sqrt(3 * scale / n)`.

    Args:
        scale: Scaling factor (positive float). Defaults to `1.0`.
        mode: One of `"fan_in"`, `"fan_out"`, `"fan_avg"`. Defaults to `"fan_in"`.
        distribution: One of `"truncated_normal"`, `"untruncated_normal"` or `"uniform"`
            (`"normal"` means `"truncated_normal"`). Defaults to `"truncated_normal"`.
        seed: A Python integer or a `keras.random.SeedGenerator`. An integer or `None`
            (unseeded) gives the same values on every call; a `SeedGenerator` gives new
            values on every call. Defaults to `None`.
        input_axes: Optional list of integers, the axes counted as input units.
            Defaults to `None` (the Keras convention for dense and convolution kernels).
        output_axes: Optional list of integers, the axes counted as output units.
            Defaults to `None`.

    Example:

    >>> initializer = VarianceScaling(scale=0.1, mode="fan_in", distribution="uniform")
    >>> values = initializer(shape=(2, 2))
    >>> layer = Dense(3, kernel_initializer=initializer)
    """

    def __init__(
        self,
        scale=1.0,
        mode="fan_in",
        distribution="truncated_normal",
        seed=None,
        input_axes=None,
        output_axes=None,
    ):
        if scale <= 0.0:
            raise ValueError(f"Argument `scale` must be positive float. Received: scale={scale}")
        if mode not in ("fan_in", "fan_out", "fan_avg"):
            raise ValueError(
                f"Invalid `mode` argument: {mode}. "
                "Please use one of {'fan_in', 'fan_out', 'fan_avg'}"
            )
        distribution = distribution.lower()
        if distribution == "normal":
            distribution = "truncated_normal"
        if distribution not in ("uniform", "truncated_normal", "untruncated_normal"):
            raise ValueError(
                f"Invalid `distribution` argument: {distribution}."
                "Please use one of {'uniform', 'untruncated_normal', 'truncated_normal'}"
            )
        self.scale = scale
        self.mode = mode
        self.distribution = distribution
        self.input_axes = input_axes
        self.output_axes = output_axes
        super().__init__(seed=seed)

    def __call__(self, shape, dtype=None):
        scale = self.scale
        fan_in, fan_out = compute_fans(
            shape, input_axes=self.input_axes, output_axes=self.output_axes
        )
        if self.mode == "fan_in":
            scale /= max(1.0, fan_in)
        elif self.mode == "fan_out":
            scale /= max(1.0, fan_out)
        else:
            scale /= max(1.0, (fan_in + fan_out) / 2.0)
        if self.distribution == "truncated_normal":
            stddev = math.sqrt(scale) / _TRUNCATED_STDDEV_FACTOR
            return truncated_normal(shape, 0.0, stddev, dtype, self._generator())
        if self.distribution == "untruncated_normal":
            return random_normal(shape, 0.0, math.sqrt(scale), dtype, self._generator())
        limit = math.sqrt(3.0 * scale)
        return random_uniform(shape, -limit, limit, dtype, self._generator())

    def get_config(self):
        return {
            **super().get_config(),
            "scale": self.scale,
            "mode": self.mode,
            "distribution": self.distribution,
            "input_axes": self.input_axes,
            "output_axes": self.output_axes,
        }


class _FixedVarianceScaling(VarianceScaling):
    """A VarianceScaling whose scale, mode and distribution are fixed by the subclass."""

    _scale = 1.0
    _mode = "fan_in"
    _distribution = "truncated_normal"

    def __init__(self, seed=None, input_axes=None, output_axes=None):
        super().__init__(
            scale=self._scale,
            mode=self._mode,
            distribution=self._distribution,
            seed=seed,
            input_axes=input_axes,
            output_axes=output_axes,
        )

    def get_config(self):
        return {
            "seed": serialization.serialize_keras_object(self._init_seed),
            "input_axes": self.input_axes,
            "output_axes": self.output_axes,
        }


class GlorotUniform(_FixedVarianceScaling):
    """The Glorot uniform initializer, also called Xavier uniform initializer.

    Draws samples from a uniform distribution within `[-limit, limit]`, where
    `limit = sqrt(6 / (fan_in + fan_out))`.

    Args:
        seed: A Python integer or a `keras.random.SeedGenerator`. An integer or `None`
            (unseeded) gives the same values on every call; a `SeedGenerator` gives new
            values on every call. Defaults to `None`.

    Example:

    >>> initializer = GlorotUniform()
    >>> values = initializer(shape=(2, 2))

    Reference:

    - [Glorot et al., 2010](http://proceedings.mlr.press/v9/glorot10a.html)
    """

    _mode = "fan_avg"
    _distribution = "uniform"


class GlorotNormal(_FixedVarianceScaling):
    """The Glorot normal initializer, also called Xavier normal initializer.

    Draws samples from a truncated normal distribution centered on 0 with
    `stddev = sqrt(2 / (fan_in + fan_out))`.

    Args:
        seed: A Python integer or a `keras.random.SeedGenerator`. An integer or `None`
            (unseeded) gives the same values on every call; a `SeedGenerator` gives new
            values on every call. Defaults to `None`.

    Example:

    >>> initializer = GlorotNormal()
    >>> values = initializer(shape=(2, 2))

    Reference:

    - [Glorot et al., 2010](http://proceedings.mlr.press/v9/glorot10a.html)
    """

    _mode = "fan_avg"
    _distribution = "truncated_normal"


class LecunNormal(_FixedVarianceScaling):
    """Lecun normal initializer.

    Draws samples from a truncated normal distribution centered on 0 with
    `stddev = sqrt(1 / fan_in)`.

    Args:
        seed: A Python integer or a `keras.random.SeedGenerator`. An integer or `None`
            (unseeded) gives the same values on every call; a `SeedGenerator` gives new
            values on every call. Defaults to `None`.

    Example:

    >>> initializer = LecunNormal()
    >>> values = initializer(shape=(2, 2))

    Reference:

    - [Klambauer et al., 2017](https://arxiv.org/abs/1706.02515)
    """

    _mode = "fan_in"
    _distribution = "truncated_normal"


class LecunUniform(_FixedVarianceScaling):
    """Lecun uniform initializer.

    Draws samples from a uniform distribution within `[-limit, limit]`, where
    `limit = sqrt(3 / fan_in)`.

    Args:
        seed: A Python integer or a `keras.random.SeedGenerator`. An integer or `None`
            (unseeded) gives the same values on every call; a `SeedGenerator` gives new
            values on every call. Defaults to `None`.

    Example:

    >>> initializer = LecunUniform()
    >>> values = initializer(shape=(2, 2))

    Reference:

    - [Klambauer et al., 2017](https://arxiv.org/abs/1706.02515)
    """

    _mode = "fan_in"
    _distribution = "uniform"


class HeNormal(_FixedVarianceScaling):
    """He normal initializer.

    Draws samples from a truncated normal distribution centered on 0 with
    `stddev = sqrt(2 / fan_in)`.

    Args:
        seed: A Python integer or a `keras.random.SeedGenerator`. An integer or `None`
            (unseeded) gives the same values on every call; a `SeedGenerator` gives new
            values on every call. Defaults to `None`.

    Example:

    >>> initializer = HeNormal()
    >>> values = initializer(shape=(2, 2))

    Reference:

    - [He et al., 2015](https://arxiv.org/abs/1502.01852)
    """

    _scale = 2.0
    _mode = "fan_in"
    _distribution = "truncated_normal"


class HeUniform(_FixedVarianceScaling):
    """He uniform variance scaling initializer.

    Draws samples from a uniform distribution within `[-limit, limit]`, where
    `limit = sqrt(6 / fan_in)`.

    Args:
        seed: A Python integer or a `keras.random.SeedGenerator`. An integer or `None`
            (unseeded) gives the same values on every call; a `SeedGenerator` gives new
            values on every call. Defaults to `None`.

    Example:

    >>> initializer = HeUniform()
    >>> values = initializer(shape=(2, 2))

    Reference:

    - [He et al., 2015](https://arxiv.org/abs/1502.01852)
    """

    _scale = 2.0
    _mode = "fan_in"
    _distribution = "uniform"
