"""`tf.random`: seeded draws on torch's generator (not TF's Philox streams: values differ)."""

import torch

from torchkeras import backend
from torchkeras.compat.tensorflow._convert import shape_arg
from torchkeras.compat.tensorflow._convert import to_tensor as _t
from torchkeras.compat.tensorflow._convert import torch_dtype


def _tf_dtype(dtype):
    return "tf." + str(dtype).replace("torch.", "")


def set_seed(seed):
    backend.set_random_seed(int(seed))


def _device(x):
    return x.to(backend.get_device())


def normal(shape, mean=0.0, stddev=1.0, dtype="float32", seed=None, name=None):
    generator = backend.random.make_generator(seed)
    x = torch.randn(shape_arg(shape), generator=generator, dtype=torch_dtype(dtype))
    return _device(x * stddev + mean)


def truncated_normal(shape, mean=0.0, stddev=1.0, dtype="float32", seed=None, name=None):
    """Normal draws re-drawn until within two standard deviations of the mean."""
    generator = backend.random.make_generator(seed)
    x = torch.empty(shape_arg(shape), dtype=torch_dtype(dtype))
    torch.nn.init.trunc_normal_(x, 0.0, 1.0, -2.0, 2.0, generator=generator)
    return _device(x * stddev + mean)


def uniform(shape, minval=0, maxval=None, dtype="float32", seed=None, name=None):
    generator = backend.random.make_generator(seed)
    dtype = torch_dtype(dtype)
    if not dtype.is_floating_point:
        if maxval is None:
            raise ValueError(f"Must specify maxval for integer dtype {_tf_dtype(dtype)}")
        x = torch.randint(int(minval), int(maxval), shape_arg(shape), generator=generator,
                          dtype=dtype)
        return _device(x)
    maxval = 1.0 if maxval is None else maxval
    x = torch.rand(shape_arg(shape), generator=generator, dtype=dtype)
    return _device(x * (maxval - minval) + minval)


def shuffle(value, seed=None, name=None):
    x = _t(value)
    generator = backend.random.make_generator(seed)
    return x[torch.randperm(x.shape[0], generator=generator).to(x.device)]


def categorical(logits, num_samples, dtype=None, seed=None, name=None):
    generator = backend.random.make_generator(seed)
    probs = torch.softmax(_t(logits).float(), dim=-1).cpu()
    out = torch.multinomial(probs, int(num_samples), replacement=True, generator=generator)
    return _device(out.to(torch_dtype(dtype or "int64")))


def gamma(shape, alpha, beta=None, dtype="float32", seed=None, name=None):
    alpha = _t(alpha, dtype).cpu()
    sample = torch.distributions.Gamma(alpha, torch.ones_like(alpha) if beta is None else
                                       _t(beta, dtype).cpu()).sample(shape_arg(shape))
    return _device(sample)


def poisson(shape, lam, dtype="float32", seed=None, name=None):
    generator = backend.random.make_generator(seed)
    lam = _t(lam, "float32").cpu()
    rates = lam.expand(*shape_arg(shape), *lam.shape)
    return _device(torch.poisson(rates, generator=generator).to(torch_dtype(dtype)))


def _seed_int(seed):
    values = [int(v) for v in (seed.tolist() if isinstance(seed, torch.Tensor) else seed)]
    return (values[0] * 1000003 + values[1]) % (2**63 - 1)


def stateless_normal(shape, seed, mean=0.0, stddev=1.0, dtype="float32", name=None, alg="auto"):
    return normal(shape, mean, stddev, dtype, seed=_seed_int(seed))


def stateless_truncated_normal(shape, seed, mean=0.0, stddev=1.0, dtype="float32", name=None,
                               alg="auto"):
    return truncated_normal(shape, mean, stddev, dtype, seed=_seed_int(seed))


def stateless_uniform(shape, seed, minval=0, maxval=None, dtype="float32", name=None,
                      alg="auto"):
    return uniform(shape, minval, maxval, dtype, seed=_seed_int(seed))


class Generator:
    """`tf.random.Generator`: a stateful stream of draws (torch's generator underneath)."""

    def __init__(self, seed=None):
        self._generator = torch.Generator()
        if seed is None:
            self._generator.seed()
        else:
            self._generator.manual_seed(int(seed))

    @classmethod
    def from_seed(cls, seed, alg=None):
        return cls(seed)

    @classmethod
    def from_non_deterministic_state(cls, alg=None):
        return cls(None)

    def reset_from_seed(self, seed):
        self._generator.manual_seed(int(seed))

    def normal(self, shape, mean=0.0, stddev=1.0, dtype="float32", name=None):
        x = torch.randn(shape_arg(shape), generator=self._generator, dtype=torch_dtype(dtype))
        return _device(x * stddev + mean)

    def truncated_normal(self, shape, mean=0.0, stddev=1.0, dtype="float32", name=None):
        x = torch.empty(shape_arg(shape), dtype=torch_dtype(dtype))
        torch.nn.init.trunc_normal_(x, 0.0, 1.0, -2.0, 2.0, generator=self._generator)
        return _device(x * stddev + mean)

    def uniform(self, shape, minval=0, maxval=None, dtype="float32", name=None):
        dtype = torch_dtype(dtype)
        if not dtype.is_floating_point:
            if maxval is None:
                raise ValueError(f"Must specify maxval for integer dtype {_tf_dtype(dtype)}")
            return _device(torch.randint(int(minval), int(maxval), shape_arg(shape),
                                         generator=self._generator, dtype=dtype))
        maxval = 1.0 if maxval is None else maxval
        x = torch.rand(shape_arg(shape), generator=self._generator, dtype=dtype)
        return _device(x * (maxval - minval) + minval)

    def make_seeds(self, count=1):
        """A `(2, count)` int64 tensor of seeds for the `stateless_*` functions."""
        return _device(torch.randint(0, 2**31 - 1, (2, int(count)), generator=self._generator,
                                     dtype=torch.int64))


_GLOBAL = {}


def get_global_generator():
    if "generator" not in _GLOBAL:
        _GLOBAL["generator"] = Generator()
    return _GLOBAL["generator"]


def set_global_generator(generator):
    _GLOBAL["generator"] = generator


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(
        f"tf.random.{name} is not provided by torchkeras.compat. See compat/DIFFERENCES.md."
    )
