"""The seeded train/test split Keras's regression datasets use."""

import numpy as np


def check_test_split(test_split):
    """Validate `test_split` with Keras's error."""
    if not (0 <= test_split < 1):
        raise ValueError(
            f"Invalid `test_split` argument: {test_split}. "
            "It must be between 0 and 1 (exclusive of 1)."
        )


def shuffle_split(x, y, test_split, seed):
    """Shuffle `x` and `y` with `np.random.RandomState(seed)`, then cut off the last `test_split`.

    The same permutation and cut point as `keras.datasets.boston_housing`, so a given seed gives
    the same split as Keras.
    """
    indices = np.arange(len(x))
    np.random.RandomState(seed).shuffle(indices)
    x = x[indices]
    y = y[indices]
    cut = int(len(x) * (1 - test_split))
    return (x[:cut], y[:cut]), (x[cut:], y[cut:])
