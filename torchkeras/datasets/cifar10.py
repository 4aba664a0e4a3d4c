"""CIFAR10 small images classification dataset, read from the Keras cache."""

import os

import numpy as np

from torchkeras.datasets.cifar import find_batches_dir
from torchkeras.datasets.cifar import load_batch
from torchkeras.datasets.cifar import to_data_format

_ORIGIN = "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz"


def load_data():
    """Loads the CIFAR10 dataset.

    This is a dataset of 50,000 32x32 color training images and 10,000 test images, labeled over 10
    categories. See more info at the
    [CIFAR homepage](https://www.cs.toronto.edu/~kriz/cifar.html).

    | Label | Description |
    |:-----:|-------------|
    |   0   | airplane    |
    |   1   | automobile  |
    |   2   | bird        |
    |   3   | cat         |
    |   4   | deer        |
    |   5   | dog         |
    |   6   | frog        |
    |   7   | horse       |
    |   8   | ship        |
    |   9   | truck       |

    torchkeras reads the batch files Keras extracts into
    `~/.keras/datasets/cifar-10-batches-py-target/cifar-10-batches-py/` (or the tf.keras 2 folder
    `~/.keras/datasets/cifar-10-batches-py/`; `$KERAS_HOME` replaces `~/.keras`), and never
    downloads them itself.

    Returns:
        Tuple of NumPy arrays: `(x_train, y_train), (x_test, y_test)`.

    **`x_train`**: `uint8` array of RGB image data with shape `(50000, 32, 32, 3)`, or
    `(50000, 3, 32, 32)` when the image data format is `"channels_first"`. Pixel values range from
    0 to 255.

    **`y_train`**: `uint8` array of category labels (integers 0-9) with shape `(50000, 1)`.

    **`x_test`**: `uint8` array of RGB image data with shape `(10000, 32, 32, 3)`, or
    `(10000, 3, 32, 32)` when the image data format is `"channels_first"`.

    **`y_test`**: `uint8` array of category labels (integers 0-9) with shape `(10000, 1)`.

    Raises:
        FileNotFoundError: if the extracted batches are not in the Keras cache.

    Example:

    ```python
    (x_train, y_train), (x_test, y_test) = keras.datasets.cifar10.load_data()
    assert x_train.shape == (50000, 32, 32, 3)
    assert y_train.shape == (50000, 1)
    ```
    """
    path = find_batches_dir(
        "cifar-10-batches-py", _ORIGIN, caller="keras.datasets.cifar10.load_data()"
    )
    # Five training batches of 10,000 images each.
    x_parts, y_parts = [], []
    for i in range(1, 6):
        x, y = load_batch(os.path.join(path, f"data_batch_{i}"))
        x_parts.append(x)
        y_parts.append(np.asarray(y, dtype="uint8"))
    x_train = np.concatenate(x_parts).astype("uint8", copy=False)
    y_train = np.concatenate(y_parts).reshape(-1, 1)
    x_test, y_test = load_batch(os.path.join(path, "test_batch"))
    x_test = x_test.astype("uint8", copy=False)
    y_test = np.asarray(y_test).reshape(-1, 1).astype("uint8")
    return (to_data_format(x_train), y_train), (to_data_format(x_test), y_test)
