"""California Housing price regression dataset, read from the Keras cache."""

import numpy as np

from torchkeras.datasets.cache import KERAS_DATASETS_URL
from torchkeras.datasets.cache import check_fname
from torchkeras.datasets.cache import find_cached
from torchkeras.datasets.split import check_test_split
from torchkeras.datasets.split import shuffle_split


def load_data(version="large", path="california_housing.npz", test_split=0.2, seed=113):
    """Loads the California Housing dataset.

    This dataset was obtained from the [StatLib repository](
    https://www.dcc.fc.up.pt/~ltorgo/Regression/cal_housing.html). It is the 1990 US census, using
    one row per census block group: 20,640 samples with 8 features each (median income, house age,
    average rooms, average bedrooms, population, average occupancy, latitude, longitude). The
    target is the median house value of the block group, in dollars.

    torchkeras reads the file Keras downloads, `~/.keras/datasets/california_housing.npz` (or
    `$KERAS_HOME/datasets/california_housing.npz`), and never downloads it itself.

    Args:
        version: `"small"` or `"large"`. The small version contains 600 samples, the large version
            contains 20,640 samples. The purpose of the small version is to serve as an approximate
            replacement for the deprecated `boston_housing` dataset. Defaults to `"large"`.
        path: name of the cached file, relative to `~/.keras/datasets`. Defaults to
            `"california_housing.npz"`.
        test_split: fraction of the data to reserve as test set. Defaults to `0.2`.
        seed: random seed for shuffling the data before computing the test split. Defaults to
            `113`.

    Returns:
        Tuple of NumPy arrays: `(x_train, y_train), (x_test, y_test)`.

    **`x_train`, `x_test`**: float arrays of shape `(num_samples, 8)`.

    **`y_train`, `y_test`**: float arrays of shape `(num_samples,)`: house values in dollars,
    typically between 25,000 and 500,000.

    Raises:
        FileNotFoundError: if the file is not in the Keras cache.
    """
    check_test_split(test_split)
    fname = check_fname(path)
    path = find_cached(
        [fname],
        origin=KERAS_DATASETS_URL + "california_housing.npz",
        caller="keras.datasets.california_housing.load_data()",
        received=f"path={fname}",
    )
    with np.load(path, allow_pickle=False) as f:
        x, y = f["x"], f["y"]
    if version == "small":
        x, y = x[:600], y[:600]
    elif version != "large":
        raise ValueError(
            "Argument `version` must be one of 'small', 'large'. "
            f"Received: version={version}"
        )
    return shuffle_split(x, y, test_split, seed)
