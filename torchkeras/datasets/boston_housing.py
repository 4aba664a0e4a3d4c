"""Boston Housing price regression dataset, read from the Keras cache."""

import numpy as np

from torchkeras.datasets.cache import KERAS_DATASETS_URL
from torchkeras.datasets.cache import check_fname
from torchkeras.datasets.cache import find_cached
from torchkeras.datasets.split import check_test_split
from torchkeras.datasets.split import shuffle_split


def load_data(path="boston_housing.npz", test_split=0.2, seed=113):
    """Loads the Boston Housing dataset.

    This is a dataset taken from the StatLib library which is maintained at Carnegie Mellon
    University.

    **WARNING:** This dataset has an ethical problem: the authors of this dataset included a
    variable, "B", that may appear to assume that racial self-segregation influences house prices.
    As such, we strongly discourage the use of this dataset, unless in the context of illustrating
    ethical issues in data science and machine learning.

    Samples contain 13 attributes of houses at different locations around the Boston suburbs in the
    late 1970s. Targets are the median values of the houses at a location (in k$).

    torchkeras reads the file Keras downloads, `~/.keras/datasets/boston_housing.npz` (or
    `$KERAS_HOME/datasets/boston_housing.npz`), and never downloads it itself.

    Args:
        path: name of the cached file, relative to `~/.keras/datasets`. Defaults to
            `"boston_housing.npz"`.
        test_split: fraction of the data to reserve as test set. Defaults to `0.2`.
        seed: random seed for shuffling the data before computing the test split. Defaults to
            `113`.

    Returns:
        Tuple of NumPy arrays: `(x_train, y_train), (x_test, y_test)`.

    **`x_train`, `x_test`**: float arrays of shape `(num_samples, 13)`.

    **`y_train`, `y_test`**: float arrays of shape `(num_samples,)`: home prices in k$, typically
    between 10 and 50.

    Raises:
        FileNotFoundError: if the file is not in the Keras cache.
    """
    check_test_split(test_split)
    fname = check_fname(path)
    path = find_cached(
        [fname],
        origin=KERAS_DATASETS_URL + "boston_housing.npz",
        caller="keras.datasets.boston_housing.load_data()",
        received=f"path={fname}",
    )
    with np.load(path, allow_pickle=False) as f:
        x, y = f["x"], f["y"]
    return shuffle_split(x, y, test_split, seed)
