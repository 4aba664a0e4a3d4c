"""Random seeds: global seeding and per-call generators for seeded initializers and layers."""

import random as python_random

import numpy as np
import torch


def set_random_seed(seed):
    """Seed Python's `random`, NumPy and torch (all devices) so a program is reproducible.

    Args:
        seed: Integer seed.
    """
    if not isinstance(seed, int):
        raise ValueError(
            f"Expected `seed` argument to be an integer. Received: seed={seed} (of type {type(seed)})"
        )
    python_random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def make_generator(seed, device="cpu"):
    """A `torch.Generator` seeded with `seed`, or `None` (global RNG) when `seed` is None."""
    if seed is None:
        return None
    generator = torch.Generator(device=device)
    generator.manual_seed(int(seed) % (2**63))
    return generator


class SeedGenerator:
    """Generates variable seeds upon each call to a function generating random numbers.

    In Keras, random functions given an integer `seed` return the same values on every call. To
    get different values on each call, pass a `SeedGenerator`: it holds a state that advances on
    every draw.

    Args:
        seed: Initial seed (an integer). Defaults to `None`: a seed is drawn from Python's
            `random` (seeded by `keras.utils.set_random_seed`).
        name: Name of the generator. Defaults to an automatic name (`"seed_generator"`,
            `"seed_generator_1"`, ...).

    Example:

    ```python
    seed_gen = keras.random.SeedGenerator(seed=42)
    values = keras.random.normal(shape=(2, 3), seed=seed_gen)
    new_values = keras.random.normal(shape=(2, 3), seed=seed_gen)
    ```
    """

    # Public home of the class: configs name it `keras.random.SeedGenerator`, as Keras writes them.
    __module__ = "torchkeras.random"

    def __init__(self, seed=None, name=None, **kwargs):
        from torchkeras.backend import global_state

        kwargs.pop("backend", None)
        if kwargs:
            raise ValueError(f"Unrecognized keyword arguments: {kwargs}")
        self.name = name if name is not None else global_state.uniquify("seed_generator")
        self._config_seed = seed
        if seed is None:
            seed = python_random.randint(1, int(1e9))
        if not isinstance(seed, int):
            raise ValueError(f"Argument `seed` must be an integer. Received: seed={seed}")
        self._initial_seed = int(seed)
        # The state lives in Python integers, not in a device tensor as in Keras: seeding a
        # `torch.Generator` from a tensor would sync the host on every draw.
        self._counter = 0

    @property
    def state(self):
        """The current state `[seed, counter]`, as an int64 tensor (a copy)."""
        return torch.tensor([self._initial_seed, self._counter], dtype=torch.int64)

    def next(self, ordered=True):
        """Return the current state `[seed, counter]` (an int64 tensor) and advance it."""
        value = self.state
        self._counter += 1
        return value

    def next_generator(self, device="cpu"):
        """A `torch.Generator` on `device` for one draw; advances the state."""
        self._counter += 1
        return make_generator(self._initial_seed * 1000003 + self._counter, device)

    def get_config(self):
        return {"seed": self._config_seed, "name": self.name}

    @classmethod
    def from_config(cls, config):
        return cls(**config)


def draw_generator(seed, device):
    """The `torch.Generator` for one draw of a `keras.random` function, or `None` for the torch
    global RNG (an unseeded call, reproducible through `set_random_seed`)."""
    if seed is None:
        return None
    if isinstance(seed, SeedGenerator):
        return seed.next_generator(device)
    if isinstance(seed, int):
        return make_generator(seed, device)
    raise ValueError(
        "Argument `seed` must be either an integer or an instance of `SeedGenerator`. "
        f"Received: seed={seed} (of type {type(seed)})"
    )


def standard_gamma(alpha, generator=None):
    """Samples of Gamma(alpha, 1), one per element of the float tensor `alpha`."""
    # torch's public Gamma distribution has no `generator` argument; its kernel does.
    return torch._standard_gamma(alpha, generator=generator)
