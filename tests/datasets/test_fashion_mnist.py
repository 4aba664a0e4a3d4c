import re

import numpy as np
import pytest

from torchkeras.datasets import fashion_mnist


def test_reads_gzipped_idx_files(datasets_dir, fakes):
    folder = datasets_dir / "fashion-mnist"
    folder.mkdir()
    x_train = np.arange(4 * 28 * 28).reshape(4, 28, 28) % 251
    x_test = np.arange(2 * 28 * 28).reshape(2, 28, 28) % 13
    fakes.write_idx_labels(folder / "train-labels-idx1-ubyte.gz", [9, 0, 0, 3])
    fakes.write_idx_images(folder / "train-images-idx3-ubyte.gz", x_train)
    fakes.write_idx_labels(folder / "t10k-labels-idx1-ubyte.gz", [9, 2])
    fakes.write_idx_images(folder / "t10k-images-idx3-ubyte.gz", x_test)

    (xa, ya), (xb, yb) = fashion_mnist.load_data()
    assert xa.dtype == np.uint8 and xa.shape == (4, 28, 28)
    np.testing.assert_array_equal(xa, x_train)
    np.testing.assert_array_equal(xb, x_test)
    assert ya.tolist() == [9, 0, 0, 3] and ya.dtype == np.uint8
    assert yb.tolist() == [9, 2]


def test_missing_file(datasets_dir):
    expected = str(datasets_dir / "fashion-mnist" / "train-labels-idx1-ubyte.gz")
    with pytest.raises(FileNotFoundError) as info:
        fashion_mnist.load_data()
    message = str(info.value)
    assert message.startswith("keras.datasets.fashion_mnist.load_data(): the dataset is not in")
    assert f"Expected it at {expected}," in message
    assert re.search(
        r"download https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
        r"train-labels-idx1-ubyte.gz to that path\. Received: keras_home=",
        message,
    )
