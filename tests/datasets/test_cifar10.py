import re

import numpy as np
import pytest

from torchkeras import config
from torchkeras.datasets import cifar10


def _images(n, offset):
    return ((np.arange(n * 3072).reshape(n, 3072) + offset) % 256).astype(np.uint8)


def _write(folder, fakes):
    for i in range(1, 6):
        fakes.write_cifar_batch(folder / f"data_batch_{i}", _images(2, i), [i, i + 1])
    fakes.write_cifar_batch(folder / "test_batch", _images(3, 100), [7, 8, 9])


def _reference_nhwc(n, offset):
    # Rows of a batch are channel planes (R, G, B) of 32x32 pixels.
    return _images(n, offset).reshape(n, 3, 32, 32).transpose(0, 2, 3, 1)


@pytest.mark.parametrize(
    "folder", ["cifar-10-batches-py-target/cifar-10-batches-py", "cifar-10-batches-py"]
)
def test_reads_keras3_and_tf_keras_layouts(datasets_dir, fakes, folder):
    _write(datasets_dir / folder, fakes)
    (x_train, y_train), (x_test, y_test) = cifar10.load_data()
    assert x_train.shape == (10, 32, 32, 3) and x_train.dtype == np.uint8
    expected = np.concatenate([_reference_nhwc(2, i) for i in range(1, 6)])
    np.testing.assert_array_equal(x_train, expected)
    assert y_train.shape == (10, 1) and y_train.dtype == np.uint8
    assert y_train[:, 0].tolist() == [1, 2, 2, 3, 3, 4, 4, 5, 5, 6]
    np.testing.assert_array_equal(x_test, _reference_nhwc(3, 100))
    assert y_test.shape == (3, 1) and y_test.dtype == np.uint8
    assert y_test[:, 0].tolist() == [7, 8, 9]


def test_channels_first(datasets_dir, fakes):
    _write(datasets_dir / "cifar-10-batches-py", fakes)
    config.set_image_data_format("channels_first")
    try:
        (x_train, _), (x_test, _) = cifar10.load_data()
    finally:
        config.set_image_data_format("channels_last")
    assert x_train.shape == (10, 3, 32, 32)
    np.testing.assert_array_equal(x_test, _images(3, 100).reshape(3, 3, 32, 32))


def test_missing_folder(datasets_dir):
    target = datasets_dir / "cifar-10-batches-py-target"
    message = (
        "keras.datasets.cifar10.load_data(): the dataset is not in the Keras cache, and "
        "torchkeras does not download datasets. Expected it at "
        f"{target / 'cifar-10-batches-py'}, where Keras's own download leaves it (set KERAS_HOME "
        "to use another Keras cache). Load it once with Keras, or download "
        f"https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz and extract it into {target}. "
        f"Received: keras_home={datasets_dir.parent}"
    )
    with pytest.raises(FileNotFoundError, match=re.escape(message)):
        cifar10.load_data()
