"""The UCI ML hand-written digits dataset, shipped with torchkeras."""

import os

import numpy as np

from torchkeras.datasets.split import check_test_split
from torchkeras.datasets.split import shuffle_split

DATA_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "digits.npz")


def load_data(test_split=0.2, seed=113):
    """Loads the UCI ML hand-written digits dataset.

    This is a dataset of 1,797 8x8 grayscale images of the 10 digits, small enough to ship inside
    the package: it needs no download and trains a model in seconds. Pixel values range from 0 to
    16. The samples are shuffled with `seed`, then the last `test_split` fraction is held out as
    the test set (1,437 training and 360 test samples by default).

    This dataset is not part of Keras; it is the data of the torchkeras quickstart.

    Args:
        test_split: fraction of the data to reserve as test set. Defaults to `0.2`.
        seed: random seed for shuffling the data before computing the test split. Defaults to
            `113`.

    Returns:
        Tuple of NumPy arrays: `(x_train, y_train), (x_test, y_test)`.

    **`x_train`, `x_test`**: `uint8` arrays of shape `(num_samples, 8, 8)`, pixel values 0-16.

    **`y_train`, `y_test`**: `uint8` arrays of digit labels (integers 0-9), shape `(num_samples,)`.

    Example:

    ```python
    (x_train, y_train), (x_test, y_test) = keras.datasets.digits.load_data()
    assert x_train.shape == (1437, 8, 8)
    assert x_test.shape == (360, 8, 8)
    ```

    License:

    E. Alpaydin and C. Kaynak, Optical Recognition of Handwritten Digits, UCI Machine Learning
    Repository (1998), made available under the Creative Commons Attribution 4.0 license
    (https://creativecommons.org/licenses/by/4.0/).
    """
    check_test_split(test_split)
    with np.load(DATA_PATH, allow_pickle=False) as f:
        x, y = f["x"], f["y"]
    return shuffle_split(x, y, test_split, seed)
