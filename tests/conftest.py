import numpy as np
import pytest
import torch

import torchkeras


@pytest.fixture(autouse=True)
def _fresh_session():
    """Each test starts with fresh automatic names and seeded RNGs."""
    torchkeras.clear_session(free_memory=False)
    torchkeras.utils.set_random_seed(1337)
    yield


@pytest.fixture
def rng():
    return np.random.default_rng(0)


def pytest_configure(config):
    torch.set_num_threads(max(1, torch.get_num_threads()))
