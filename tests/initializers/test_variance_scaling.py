"""VarianceScaling, Glorot/He/Lecun and `compute_fans`."""

import math

import numpy as np
import pytest

from torchkeras import initializers
from torchkeras.initializers.variance_scaling import compute_fans

TRUNCATED = 0.87962566103423978


def test_compute_fans():
    assert compute_fans(()) == (1, 1)
    assert compute_fans((5,)) == (5, 5)
    assert compute_fans((3, 4)) == (3, 4)
    # Conv kernels (*kernel_size, in, out): both fans times the receptive field.
    assert compute_fans((3, 3, 16, 32)) == (3 * 3 * 16, 3 * 3 * 32)
    assert compute_fans((5, 8, 4)) == (5 * 8, 5 * 4)
    assert compute_fans((2, 3, 3, 4, 6)) == (2 * 3 * 3 * 4, 2 * 3 * 3 * 6)
    assert compute_fans((2, 3, 4), input_axes=[0, 1], output_axes=[2]) == (6, 4)


def _std_and_max(values):
    values = values.double().numpy()
    return values.std(), np.abs(values).max()


@pytest.mark.parametrize(
    "cls, scale, mode, distribution",
    [
        (initializers.GlorotUniform, 1.0, "fan_avg", "uniform"),
        (initializers.GlorotNormal, 1.0, "fan_avg", "truncated_normal"),
        (initializers.HeUniform, 2.0, "fan_in", "uniform"),
        (initializers.HeNormal, 2.0, "fan_in", "truncated_normal"),
        (initializers.LecunUniform, 1.0, "fan_in", "uniform"),
        (initializers.LecunNormal, 1.0, "fan_in", "truncated_normal"),
    ],
)
def test_named_initializers_on_a_conv_kernel(cls, scale, mode, distribution):
    shape = (3, 3, 64, 128)  # fan_in 576, fan_out 1152
    init = cls(seed=1)
    assert (init.scale, init.mode, init.distribution) == (scale, mode, distribution)
    n = {"fan_in": 576, "fan_avg": (576 + 1152) / 2}[mode]
    std, largest = _std_and_max(init(shape))
    target = math.sqrt(scale / n)
    if distribution == "uniform":
        limit = math.sqrt(3 * scale / n)
        assert limit * 0.999 < largest <= limit
    else:
        assert largest <= 2 * target / TRUNCATED
    assert abs(std - target) < 0.01 * target


def test_glorot_uniform_limit_on_dense_kernel():
    out = initializers.GlorotUniform(seed=3)((300, 500))
    _, largest = _std_and_max(out)
    limit = math.sqrt(6 / (300 + 500))
    assert limit * 0.999 < largest <= limit


@pytest.mark.parametrize("mode, n", [("fan_in", 100), ("fan_out", 400), ("fan_avg", 250)])
@pytest.mark.parametrize("distribution", ["truncated_normal", "untruncated_normal", "uniform"])
def test_variance_scaling(mode, n, distribution):
    init = initializers.VarianceScaling(scale=3.0, mode=mode, distribution=distribution, seed=2)
    std, largest = _std_and_max(init((100, 400)))
    target = math.sqrt(3.0 / n)
    assert abs(std - target) < 0.015 * target
    if distribution == "truncated_normal":
        assert largest <= 2 * target / TRUNCATED
    elif distribution == "uniform":
        assert largest <= math.sqrt(3 * 3.0 / n)
    else:
        assert largest > 2 * target / TRUNCATED  # the tails are kept


def test_variance_scaling_axes_and_small_shapes():
    init = initializers.VarianceScaling(scale=1.0, distribution="uniform", seed=1,
                                        input_axes=[0, 1], output_axes=[2])
    _, largest = _std_and_max(init((10, 40, 7)))
    assert largest <= math.sqrt(3 / 400)
    # Fans below 1 count as 1.
    _, largest = _std_and_max(initializers.VarianceScaling(distribution="uniform", seed=1)(()))
    assert largest <= math.sqrt(3)


def test_variance_scaling_normal_means_truncated():
    assert initializers.VarianceScaling(distribution="Normal").distribution == "truncated_normal"


def test_configs():
    # from keras 3.15.1
    assert initializers.VarianceScaling().get_config() == {
        "seed": None, "scale": 1.0, "mode": "fan_in", "distribution": "truncated_normal",
        "input_axes": None, "output_axes": None,
    }
    assert initializers.GlorotUniform(seed=1).get_config() == {
        "seed": 1, "input_axes": None, "output_axes": None
    }
    clone = initializers.HeNormal.from_config(initializers.HeNormal(seed=5).get_config())
    assert isinstance(clone, initializers.HeNormal)
    expected = initializers.HeNormal(seed=5)((3, 3)).numpy()
    np.testing.assert_array_equal(clone((3, 3)).numpy(), expected)


def test_errors():
    with pytest.raises(ValueError) as e:
        initializers.VarianceScaling(scale=0)
    assert str(e.value) == "Argument `scale` must be positive float. Received: scale=0"
    with pytest.raises(ValueError) as e:
        initializers.VarianceScaling(mode="foo")
    assert str(e.value) == (
        "Invalid `mode` argument: foo. Please use one of {'fan_in', 'fan_out', 'fan_avg'}"
    )
    with pytest.raises(ValueError) as e:
        initializers.VarianceScaling(distribution="foo")
    assert str(e.value) == (
        "Invalid `distribution` argument: foo."
        "Please use one of {'uniform', 'untruncated_normal', 'truncated_normal'}"
    )
