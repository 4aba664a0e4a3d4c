"""CIFAR100 small images classification dataset, read from the Keras cache."""

import os

import numpy as np

from torchkeras.datasets.cifar import find_batches_dir
from torchkeras.datasets.cifar import load_batch
from torchkeras.datasets.cifar import to_data_format

_ORIGIN = "https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz"


def load_data(label_mode="fine"):
    """Loads the CIFAR100 dataset.

    This is a dataset of 50,000 32x32 color training images and 10,000 test images, labeled over
    100 fine-grained classes that are grouped into 20 coarse-grained classes. See more info at the
    [CIFAR homepage](https://www.cs.toronto.edu/~kriz/cifar.html).

    torchkeras reads the files Keras extracts into
    `~/.keras/datasets/cifar-100-python-target/cifar-100-python/` (or the tf.keras 2 folder
    `~/.keras/datasets/cifar-100-python/`; `$KERAS_HOME` replaces `~/.keras`), and never
    downloads them itself.

    Args:
        label_mode: one of `"fine"`, `"coarse"`. If it is `"fine"`, the category labels are the
            fine-grained labels, and if it is `"coarse"`, the output labels are the coarse-grained
            superclasses. Defaults to `"fine"`.

    Returns:
        Tuple of NumPy arrays: `(x_train, y_train), (x_test, y_test)`.

    **`x_train`**: `uint8` array of RGB image data with shape `(50000, 32, 32, 3)`, or
    `(50000, 3, 32, 32)` when the image data format is `"channels_first"`. Pixel values range from
    0 to 255.

    **`y_train`**: integer array of category labels with shape `(50000, 1)`.

    **`x_test`**: `uint8` array of RGB image data with shape `(10000, 32, 32, 3)`, or
    `(10000, 3, 32, 32)` when the image data format is `"channels_first"`.

    **`y_test`**: integer array of category labels with shape `(10000, 1)`.

    Raises:
        FileNotFoundError: if the extracted files are not in the Keras cache.

    Example:

    ```python
    (x_train, y_train), (x_test, y_test) = keras.datasets.cifar100.load_data()
    assert x_train.shape == (50000, 32, 32, 3)
    assert y_train.shape == (50000, 1)
    ```
    """
    if label_mode not in ["fine", "coarse"]:
        raise ValueError(
            '`label_mode` must be one of `"fine"`, `"coarse"`. '
            f"Received: label_mode={label_mode}."
        )
    path = find_batches_dir(
        "cifar-100-python", _ORIGIN, caller="keras.datasets.cifar100.load_data()"
    )
    x_train, y_train = load_batch(os.path.join(path, "train"), label_key=f"{label_mode}_labels")
    x_test, y_test = load_batch(os.path.join(path, "test"), label_key=f"{label_mode}_labels")
    # Labels come as Python lists; like Keras, they become the platform's default integer type.
    y_train = np.reshape(y_train, (len(y_train), 1))
    y_test = np.reshape(y_test, (len(y_test), 1))
    return (to_data_format(x_train), y_train), (to_data_format(x_test), y_test)
