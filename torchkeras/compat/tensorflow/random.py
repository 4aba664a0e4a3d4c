"""`tf.random`: seeded draws on torch's generator."""

import torch

from torchkeras import backend
from torchkeras.backend import dtypes


def set_seed(seed):
    backend.set_random_seed(int(seed))


def normal(shape, mean=0.0, stddev=1.0, dtype="float32", seed=None, name=None):
    generator = backend.random.make_generator(seed)
    x = torch.randn(tuple(shape), generator=generator, dtype=dtypes.to_torch_dtype(dtype))
    return (x * stddev + mean).to(backend.get_device())


def uniform(shape, minval=0, maxval=None, dtype="float32", seed=None, name=None):
    generator = backend.random.make_generator(seed)
    maxval = 1.0 if maxval is None else maxval
    x = torch.rand(tuple(shape), generator=generator, dtype=dtypes.to_torch_dtype(dtype))
    return (x * (maxval - minval) + minval).to(backend.get_device())
