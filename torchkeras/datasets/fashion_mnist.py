"""Fashion-MNIST dataset, read from the Keras cache."""

import gzip
import os

import numpy as np

from torchkeras.datasets.cache import KERAS_DATASETS_URL
from torchkeras.datasets.cache import find_cached
from torchkeras.datasets.cache import keras_home

# In the order Keras reads them: labels then images, train then test.
_FILES = (
    "train-labels-idx1-ubyte.gz",
    "train-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
)


def _read_idx(path, header_bytes):
    # IDX files: a big-endian header (8 bytes for labels, 16 for images), then raw uint8 values.
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), np.uint8, offset=header_bytes)


def load_data():
    """Loads the Fashion-MNIST dataset.

    This is a dataset of 60,000 28x28 grayscale images of 10 fashion categories, along with a test
    set of 10,000 images. This dataset can be used as a drop-in replacement for MNIST.

    | Label | Description |
    |:-----:|-------------|
    |   0   | T-shirt/top |
    |   1   | Trouser     |
    |   2   | Pullover    |
    |   3   | Dress       |
    |   4   | Coat        |
    |   5   | Sandal      |
    |   6   | Shirt       |
    |   7   | Sneaker     |
    |   8   | Bag         |
    |   9   | Ankle boot  |

    torchkeras reads the four gzipped IDX files Keras downloads into
    `~/.keras/datasets/fashion-mnist/` (or `$KERAS_HOME/datasets/fashion-mnist/`), and never
    downloads them itself.

    Returns:
        Tuple of NumPy arrays: `(x_train, y_train), (x_test, y_test)`.

    **`x_train`**: `uint8` array of grayscale image data with shape `(60000, 28, 28)`.

    **`y_train`**: `uint8` array of labels (integers 0-9) with shape `(60000,)`.

    **`x_test`**: `uint8` array of grayscale image data with shape `(10000, 28, 28)`.

    **`y_test`**: `uint8` array of labels (integers 0-9) with shape `(10000,)`.

    Raises:
        FileNotFoundError: if a file is not in the Keras cache.

    Example:

    ```python
    (x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
    assert x_train.shape == (60000, 28, 28)
    ```

    License:

    The copyright for Fashion-MNIST is held by Zalando SE. Fashion-MNIST is licensed under the
    [MIT license](https://github.com/zalandoresearch/fashion-mnist/blob/master/LICENSE).
    """
    paths = [
        find_cached(
            [fname],
            origin=KERAS_DATASETS_URL + fname,
            caller="keras.datasets.fashion_mnist.load_data()",
            cache_subdir=os.path.join("datasets", "fashion-mnist"),
            received=f"keras_home={keras_home()}",
        )
        for fname in _FILES
    ]
    y_train = _read_idx(paths[0], 8)
    x_train = _read_idx(paths[1], 16).reshape(len(y_train), 28, 28)
    y_test = _read_idx(paths[2], 8)
    x_test = _read_idx(paths[3], 16).reshape(len(y_test), 28, 28)
    return (x_train, y_train), (x_test, y_test)
