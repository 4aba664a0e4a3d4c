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
    """A stateful source of seeds: seeded once, it yields a reproducible sequence of generators.

    Args:
        seed: Initial seed. `None` draws one from Python's `random` (seeded by `set_random_seed`).
    """

    def __init__(self, seed=None, **kwargs):
        if seed is None:
            seed = python_random.randint(1, int(1e9))
        self._initial_seed = int(seed)
        self._counter = 0

    def next_generator(self, device="cpu"):
        self._counter += 1
        return make_generator(self._initial_seed * 1000003 + self._counter, device)

    def get_config(self):
        return {"seed": self._initial_seed}
