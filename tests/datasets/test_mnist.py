import numpy as np

from torchkeras.datasets import mnist


def _write(path):
    x_train = np.arange(3 * 28 * 28).reshape(3, 28, 28).astype(np.uint8)
    np.savez(
        path,
        x_train=x_train,
        y_train=np.array([5, 0, 4], np.uint8),
        x_test=np.full((2, 28, 28), 7, np.uint8),
        y_test=np.array([7, 2], np.uint8),
    )
    return x_train


def test_reads_keras_cache_file(datasets_dir):
    x_ref = _write(datasets_dir / "mnist.npz")
    (x_train, y_train), (x_test, y_test) = mnist.load_data()
    np.testing.assert_array_equal(x_train, x_ref)
    assert x_train.dtype == np.uint8 and x_train.shape == (3, 28, 28)
    assert y_train.tolist() == [5, 0, 4] and y_train.dtype == np.uint8
    assert x_test.shape == (2, 28, 28) and int(x_test.sum()) == 7 * 2 * 28 * 28
    assert y_test.tolist() == [7, 2]


def test_custom_file_name(datasets_dir):
    _write(datasets_dir / "my_mnist.npz")
    (x_train, _), _ = mnist.load_data(path="my_mnist.npz")
    assert x_train.shape == (3, 28, 28)
