"""keras.random: shapes, dtypes, seeding, distribution moments against the maths, and Keras's
errors. Exact streams cannot match TensorFlow's, so no value is compared with Keras."""

import math

import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import random
from torchkeras.backend import global_state

N = 200_000


def _np(x):
    return keras.backend.convert_to_numpy(x)


@pytest.mark.parametrize("fn, kwargs", [
    (random.normal, {}),
    (random.uniform, {}),
    (random.truncated_normal, {}),
    (random.gamma, {"alpha": 2.0}),
    (random.beta, {"alpha": 2.0, "beta": 3.0}),
    (random.binomial, {"counts": 5, "probabilities": 0.5}),
])
def test_shape_and_default_dtype(fn, kwargs):
    out = fn((2, 3), seed=1, **kwargs)
    assert isinstance(out, torch.Tensor)
    assert tuple(out.shape) == (2, 3)
    assert out.dtype == torch.float32
    assert out.device.type == keras.backend.get_device().type
    assert fn((2, 3), dtype="float64", seed=1, **kwargs).dtype == torch.float64
    assert fn((2, 3), dtype="float16", seed=1, **kwargs).dtype == torch.float16


def test_floatx_is_the_default_dtype():
    keras.config.set_floatx("float64")
    try:
        assert random.normal((2,)).dtype == torch.float64
        assert random.uniform((2,)).dtype == torch.float64
    finally:
        keras.config.set_floatx("float32")


def test_integer_seed_repeats_and_seed_generator_advances():
    assert torch.equal(random.normal((5,), seed=7), random.normal((5,), seed=7))
    assert not torch.equal(random.normal((5,), seed=7), random.normal((5,), seed=8))
    gen = random.SeedGenerator(42)
    first, second = random.uniform((5,), seed=gen), random.uniform((5,), seed=gen)
    assert not torch.equal(first, second)
    replay = random.SeedGenerator(42)
    assert torch.equal(random.uniform((5,), seed=replay), first)
    assert torch.equal(random.uniform((5,), seed=replay), second)


def test_unseeded_follows_set_random_seed():
    keras.utils.set_random_seed(3)
    a = random.normal((4,))
    keras.utils.set_random_seed(3)
    assert torch.equal(random.normal((4,)), a)


def test_normal_and_uniform_moments():
    x = _np(random.normal((N,), mean=2.0, stddev=3.0, seed=1))
    assert abs(x.mean() - 2.0) < 0.03 and abs(x.std() - 3.0) < 0.03
    u = _np(random.uniform((N,), minval=-1.0, maxval=3.0, seed=1))
    assert u.min() >= -1.0 and u.max() < 3.0
    # U(a, b): mean (a + b) / 2, variance (b - a)^2 / 12.
    assert abs(u.mean() - 1.0) < 0.02 and abs(u.var() - 16 / 12) < 0.02
    # Tensor parameters broadcast.
    t = random.normal((2, N // 10), mean=np.array([[0.0], [10.0]]), stddev=1.0, seed=2)
    assert abs(_np(t)[1].mean() - 10.0) < 0.05


def test_truncated_normal_bounds_and_variance():
    x = _np(random.truncated_normal((N,), mean=1.0, stddev=2.0, seed=1))
    assert x.min() >= 1.0 - 4.0 and x.max() <= 1.0 + 4.0
    # Variance of N(0, 1) truncated to [-2, 2]: 1 - 4 phi(2) / (Phi(2) - Phi(-2)).
    phi2 = math.exp(-2.0) / math.sqrt(2 * math.pi)
    variance = 1 - 4 * phi2 / math.erf(2 / math.sqrt(2))
    assert abs(x.mean() - 1.0) < 0.02
    assert abs(x.var() - 4 * variance) < 0.03


def test_randint():
    x = random.randint((N,), 2, 7, seed=1)
    assert x.dtype == torch.int32
    values = _np(x)
    assert values.min() == 2 and values.max() == 6
    assert abs(values.mean() - 4.0) < 0.02
    assert random.randint((3,), 0, 5, dtype="int64", seed=1).dtype == torch.int64
    assert random.randint((3,), 0, 5, dtype="uint8", seed=1).dtype == torch.uint8


def test_gamma_beta_binomial_moments():
    g = _np(random.gamma((N,), alpha=3.0, seed=1))
    assert abs(g.mean() - 3.0) < 0.03 and abs(g.var() - 3.0) < 0.08  # Gamma(a, 1): a, a
    b = _np(random.beta((N,), alpha=2.0, beta=3.0, seed=1))
    assert b.min() >= 0 and b.max() <= 1
    # Beta(a, b): mean a / (a + b), variance ab / ((a + b)^2 (a + b + 1)).
    assert abs(b.mean() - 0.4) < 0.005 and abs(b.var() - 6 / 150) < 0.002
    k = _np(random.binomial((N,), counts=10, probabilities=0.3, seed=1))
    assert abs(k.mean() - 3.0) < 0.02 and abs(k.var() - 2.1) < 0.05  # np, np(1 - p)
    assert random.binomial((2,), 5, 0.5, dtype="int32", seed=1).dtype == torch.int32
    per_row = _np(random.gamma((2, N // 10), alpha=np.array([[1.0], [5.0]]), seed=3))
    assert abs(per_row[1].mean() - 5.0) < 0.1


def test_categorical():
    logits = torch.log(torch.tensor([[0.2, 0.8, 0.0], [0.5, 0.25, 0.25]]))
    samples = random.categorical(logits, 50_000, seed=1)
    assert samples.dtype == torch.int32 and tuple(samples.shape) == (2, 50_000)
    counts = np.stack([np.bincount(row, minlength=3) for row in _np(samples)]) / 50_000
    np.testing.assert_allclose(counts, [[0.2, 0.8, 0.0], [0.5, 0.25, 0.25]], atol=0.01)
    assert random.categorical(logits, 2, dtype="int64", seed=1).dtype == torch.int64


def test_dropout():
    x = torch.ones(N)
    out = _np(random.dropout(x, 0.3, seed=1))
    np.testing.assert_allclose(np.unique(out), [0.0, 1 / 0.7], rtol=1e-6)
    assert abs((out == 0).mean() - 0.3) < 0.01
    assert torch.equal(random.dropout(x, 0.3, seed=1), random.dropout(x, 0.3, seed=1))
    assert torch.equal(random.dropout(x, 0.0), x)
    assert torch.equal(random.dropout(x[:4], 1.0), torch.zeros(4))
    unseeded = _np(random.dropout(x, 0.5))
    assert abs((unseeded == 0).mean() - 0.5) < 0.01
    # The mask is broadcast along the `None`-free axes of `noise_shape`.
    rows = _np(random.dropout(torch.ones(1000, 4), 0.5, noise_shape=(None, 1), seed=2))
    assert all(len(set(row)) == 1 for row in rows)


def test_shuffle():
    x = torch.arange(12).reshape(4, 3)
    out = random.shuffle(x, seed=1)
    assert sorted(_np(out)[:, 0].tolist()) == [0, 3, 6, 9]
    np.testing.assert_array_equal(_np(out)[:, 1:] - _np(out)[:, :1], [[1, 2]] * 4)
    by_column = _np(random.shuffle(x, axis=1, seed=1))
    # One permutation for every row, as Keras (TF backend) does.
    np.testing.assert_array_equal(by_column - by_column[:1], [[0, 0, 0], [3, 3, 3],
                                                             [6, 6, 6], [9, 9, 9]])
    assert torch.equal(random.shuffle(x, seed=5), random.shuffle(x, seed=5))


def test_seed_generator_config_and_state():
    global_state.clear_session()
    gen = random.SeedGenerator(3)
    assert gen.name == "seed_generator"
    assert random.SeedGenerator().name == "seed_generator_1"
    # from keras 3.15.1
    assert gen.get_config() == {"seed": 3, "name": "seed_generator"}
    assert random.SeedGenerator(name="g").get_config() == {"seed": None, "name": "g"}
    assert keras.saving.serialize_keras_object(gen) == {
        "module": "keras.random", "class_name": "SeedGenerator",
        "config": {"seed": 3, "name": "seed_generator"}, "registered_name": None}
    clone = random.SeedGenerator.from_config(gen.get_config())
    assert torch.equal(random.normal((3,), seed=clone), random.normal((3,), seed=gen))
    assert gen.state.tolist() == [3, 1]
    assert gen.next().tolist() == [3, 1] and gen.state.tolist() == [3, 2]
    assert random.SeedGenerator is keras.backend.SeedGenerator


def test_symbolic_inputs_and_layer_call():
    inputs = keras.Input((4,))
    outputs = random.dropout(inputs, 0.5, seed=1)
    assert isinstance(outputs, keras.KerasTensor) and outputs.shape == (None, 4)
    model = keras.Model(inputs, outputs)
    assert tuple(model(torch.ones(2, 4)).shape) == (2, 4)

    class Noise(keras.layers.Layer):
        def __init__(self):
            super().__init__()
            self.seed_generator = random.SeedGenerator(1)

        def call(self, x):
            return x + random.normal(keras.ops.shape(x), seed=self.seed_generator)

    symbolic = Noise()(keras.Input((3,)))
    assert symbolic.shape == (None, 3)


@pytest.mark.parametrize("fn, error, message", [
    # from keras 3.15.1
    (lambda: random.uniform((2,), dtype="int32"), ValueError,
     "`keras.random.uniform` requires a floating point `dtype`. Received: dtype=int32 "),
    (lambda: random.randint((2,), 0, 5, dtype="float32"), ValueError,
     "`keras.random.randint` requires an integer `dtype`. Received: dtype=float32 "),
    (lambda: random.normal((2,), seed="a"), ValueError,
     "Argument `seed` must be either an integer or an instance of `SeedGenerator`. "
     "Received: seed=a (of type <class 'str'>)"),
    (lambda: random.normal((2,), seed=1.5), ValueError,
     "Argument `seed` must be either an integer or an instance of `SeedGenerator`. "
     "Received: seed=1.5 (of type <class 'float'>)"),
    (lambda: random.SeedGenerator("a"), ValueError,
     "Argument `seed` must be an integer. Received: seed=a"),
    (lambda: random.SeedGenerator(1, foo=2), ValueError,
     "Unrecognized keyword arguments: {'foo': 2}"),
    (lambda: random.categorical([1.0, 2.0], 3), ValueError,
     "`logits` should be a 2-D tensor with shape [batch_size, num_classes]. "
     "Received: logits=[1.0, 2.0]"),
    (lambda: random.dropout(torch.ones(3), 1.5), ValueError,
     "`rate` must be a scalar tensor or a float in the range [0, 1). Received: rate=1.5"),
    (lambda: random.dropout(torch.ones(3), -0.5), ValueError,
     "`rate` must be a scalar tensor or a float in the range [0, 1). Received: rate=-0.5"),
    # Keras raises backend errors here (TypeError "Cannot convert 0.0 to EagerTensor of dtype
    # int32", InvalidArgumentError); torchkeras keeps the type and names the argument.
    (lambda: random.normal((2,), dtype="int32"), TypeError,
     "`keras.random.normal` requires a floating point `dtype`. Received: dtype=int32"),
    (lambda: random.truncated_normal((2,), dtype="int32"), TypeError,
     "`keras.random.truncated_normal` requires a floating point `dtype`. Received: dtype=int32"),
    (lambda: random.gamma((2,), 1.0, dtype="int32"), TypeError,
     "`keras.random.gamma` requires a floating point `dtype`. Received: dtype=int32"),
    (lambda: random.beta((2,), 1.0, 1.0, dtype="int32"), TypeError,
     "`keras.random.beta` requires a floating point `dtype`. Received: dtype=int32"),
    (lambda: random.randint((2,), 5, 2), ValueError,
     "`keras.random.randint` requires `minval < maxval`. Received: minval=5, maxval=2"),
    (lambda: random.shuffle(torch.ones(3), axis=3), ValueError,
     "`keras.random.shuffle`: `axis` is out of bounds for a tensor of rank 1. Received: axis=3"),
])
def test_errors(fn, error, message):
    with pytest.raises(error) as info:
        fn()
    assert str(info.value) == message
