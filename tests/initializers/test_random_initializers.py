"""RandomNormal, RandomUniform, TruncatedNormal, Orthogonal: statistics, seeds, dtypes, errors."""

import numpy as np
import pytest
import torch

from torchkeras import backend
from torchkeras import initializers
from torchkeras.backend import random

SHAPE = (200, 500)  # 1e5 samples: sample mean/std within ~1% of the truth


def _stats(values):
    values = values.double().cpu().numpy()
    return values.mean(), values.std(), values.min(), values.max()


def test_random_normal_statistics():
    out = initializers.RandomNormal(mean=1.0, stddev=2.0, seed=1)(SHAPE)
    assert out.shape == SHAPE and out.dtype == torch.float32
    assert out.device == backend.get_device()
    mean, std, _, _ = _stats(out)
    assert abs(mean - 1.0) < 0.03 and abs(std - 2.0) < 0.03


def test_random_normal_defaults():
    _, std, _, _ = _stats(initializers.RandomNormal(seed=2)(SHAPE))
    assert abs(std - 0.05) < 0.001


def test_random_uniform_statistics_and_bounds():
    out = initializers.RandomUniform(minval=-0.5, maxval=2.0, seed=3)(SHAPE)
    mean, std, low, high = _stats(out)
    assert -0.5 <= low < -0.49 and 1.99 < high < 2.0
    assert abs(mean - 0.75) < 0.01 and abs(std - 2.5 / np.sqrt(12)) < 0.01
    _, _, low, high = _stats(initializers.RandomUniform(seed=4)(SHAPE))
    assert -0.05 <= low and high < 0.05 and high > 0.0499


def test_truncated_normal_statistics_and_bounds():
    out = initializers.TruncatedNormal(mean=1.0, stddev=2.0, seed=5)(SHAPE)
    mean, std, low, high = _stats(out)
    # Truncated at two standard deviations; the truncated std is 0.8796... of stddev.
    assert -3.0 <= low < -2.99 and 4.99 < high <= 5.0
    assert abs(mean - 1.0) < 0.02 and abs(std - 2.0 * 0.87962566103423978) < 0.02


@pytest.mark.parametrize("dtype", ["float16", "bfloat16", "float64"])
def test_random_dtypes(dtype):
    for init in (
        initializers.RandomNormal(seed=1),
        initializers.RandomUniform(seed=1),
        initializers.TruncatedNormal(seed=1),
        initializers.Orthogonal(seed=1),
        initializers.GlorotUniform(seed=1),
    ):
        out = init((8, 4), dtype=dtype)
        assert out.dtype == backend.to_torch_dtype(dtype) and out.shape == (8, 4)


def test_integer_seed_gives_same_values_every_call():
    init = initializers.RandomNormal(seed=42)
    first = init((3, 4))
    torch.testing.assert_close(init((3, 4)), first)
    torch.testing.assert_close(initializers.RandomNormal(seed=42)((3, 4)), first)
    assert not torch.equal(initializers.RandomNormal(seed=43)((3, 4)), first)


def test_unseeded_instance_gives_same_values_every_call():
    # Keras 3: "an initializer seeded with an integer or None (unseeded) will produce the same
    # random values across multiple calls".
    init = initializers.GlorotUniform()
    torch.testing.assert_close(init((5, 5)), init((5, 5)))
    other = initializers.GlorotUniform()
    assert not torch.equal(other((5, 5)), init((5, 5)))


def test_unseeded_initializers_follow_the_global_seed():
    backend.set_random_seed(7)
    first = initializers.HeNormal()((4, 4))
    backend.set_random_seed(7)
    torch.testing.assert_close(initializers.HeNormal()((4, 4)), first)
    torch.manual_seed(11)
    second = initializers.RandomUniform()((4, 4))
    torch.manual_seed(11)
    torch.testing.assert_close(initializers.RandomUniform()((4, 4)), second)


def test_seed_generator_gives_new_values_every_call():
    init = initializers.RandomNormal(seed=backend.SeedGenerator(3))
    first, second = init((3, 3)), init((3, 3))
    assert not torch.equal(first, second)
    replay = initializers.RandomNormal(seed=backend.SeedGenerator(3))
    torch.testing.assert_close(replay((3, 3)), first)
    torch.testing.assert_close(replay((3, 3)), second)


def test_seed_config_round_trip():
    assert initializers.RandomNormal().get_config()["seed"] is None  # from keras 3.15.1
    init = initializers.TruncatedNormal(seed=9)
    clone = initializers.TruncatedNormal.from_config(init.get_config())
    torch.testing.assert_close(clone((4,)), init((4,)))
    seeded = initializers.RandomUniform(seed=backend.SeedGenerator(5))
    config = seeded.get_config()
    assert isinstance(config["seed"], dict)
    clone = initializers.RandomUniform.from_config(config)
    torch.testing.assert_close(clone((4,)), initializers.RandomUniform(
        seed=backend.SeedGenerator(5))((4,)))


@pytest.mark.parametrize("seed", ["a", 1.5, np.int64(3)])
def test_seed_errors(seed):
    with pytest.raises(ValueError) as e:
        initializers.RandomNormal(seed=seed)
    assert str(e.value) == (
        "`seed` argument should be an instance of `keras.random.SeedGenerator()` or an integer. "
        f"Received: seed={seed}"
    )


def _assert_orthonormal_columns(matrix, gain=1.0):
    matrix = matrix.double().numpy()
    np.testing.assert_allclose(matrix.T @ matrix, gain**2 * np.eye(matrix.shape[1]), atol=1e-5)


def test_orthogonal():
    out = initializers.Orthogonal(seed=1)((4, 6))  # fewer rows: orthonormal rows
    _assert_orthonormal_columns(out.T)
    out = initializers.Orthogonal(seed=1)((6, 4))  # more rows: orthonormal columns
    _assert_orthonormal_columns(out)
    out = initializers.Orthogonal(gain=2.0, seed=2)((5, 5))
    _assert_orthonormal_columns(out, gain=2.0)
    _assert_orthonormal_columns(out.T, gain=2.0)
    # A conv kernel is treated as a (3 * 3 * 4, 8) matrix.
    out = initializers.Orthogonal(seed=3)((3, 3, 4, 8))
    assert out.shape == (3, 3, 4, 8)
    _assert_orthonormal_columns(out.reshape(36, 8))


def test_orthogonal_is_the_sign_fixed_q_factor():
    # Q of the QR decomposition of a standard normal matrix, with sign(diag(R)) folded in: so
    # the diagonal of Q^T A is positive for the matrix A it was built from.
    out = initializers.Orthogonal(seed=4)((6, 3)).double()
    generator = random.make_generator(4)
    a = torch.empty(6, 3).normal_(0.0, 1.0, generator=generator).double()
    assert bool(torch.all(torch.diagonal(out.T @ a) > 0))
    assert initializers.Orthogonal(gain=1.5, seed=1).get_config() == {"seed": 1, "gain": 1.5}


def test_orthogonal_rank_error():
    with pytest.raises(ValueError) as e:
        initializers.Orthogonal()((3,))
    assert str(e.value) == (
        "The tensor to initialize must be at least two-dimensional. Received: shape=(3,) of rank 1."
    )
