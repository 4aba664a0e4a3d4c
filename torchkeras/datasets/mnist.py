"""MNIST handwritten digits dataset, read from the Keras cache."""

import numpy as np

from torchkeras.datasets.cache import KERAS_DATASETS_URL
from torchkeras.datasets.cache import check_fname
from torchkeras.datasets.cache import find_cached


def load_data(path="mnist.npz"):
    """Loads the MNIST dataset.

    This is a dataset of 60,000 28x28 grayscale images of the 10 digits, along with a test set of
    10,000 images. More info can be found at the
    [MNIST homepage](http://yann.lecun.com/exdb/mnist/).

    torchkeras reads the file Keras downloads, `~/.keras/datasets/mnist.npz` (or
    `$KERAS_HOME/datasets/mnist.npz`), and never downloads it itself.

    Args:
        path: name of the cached file, relative to `~/.keras/datasets`. Defaults to
            `"mnist.npz"`.

    Returns:
        Tuple of NumPy arrays: `(x_train, y_train), (x_test, y_test)`.

    **`x_train`**: `uint8` array of grayscale image data with shape `(60000, 28, 28)`. Pixel values
    range from 0 to 255.

    **`y_train`**: `uint8` array of digit labels (integers 0-9) with shape `(60000,)`.

    **`x_test`**: `uint8` array of grayscale image data with shape `(10000, 28, 28)`.

    **`y_test`**: `uint8` array of digit labels (integers 0-9) with shape `(10000,)`.

    Raises:
        FileNotFoundError: if the file is not in the Keras cache.

    Example:

    ```python
    (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
    assert x_train.shape == (60000, 28, 28)
    ```

    License:

    Yann LeCun and Corinna Cortes hold the copyright of MNIST dataset, which is a derivative work
    from original NIST datasets. MNIST dataset is made available under the terms of the
    [Creative Commons Attribution-Share Alike 3.0 license.](
    https://creativecommons.org/licenses/by-sa/3.0/)
    """
    fname = check_fname(path)
    path = find_cached(
        [fname],
        origin=KERAS_DATASETS_URL + "mnist.npz",
        caller="keras.datasets.mnist.load_data()",
        received=f"path={fname}",
    )
    with np.load(path, allow_pickle=False) as f:
        x_train, y_train = f["x_train"], f["y_train"]
        x_test, y_test = f["x_test"], f["y_test"]
    return (x_train, y_train), (x_test, y_test)
