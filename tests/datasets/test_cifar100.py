import numpy as np
import pytest

from torchkeras.datasets import cifar100


def _write(folder, fakes):
    for name, n in (("train", 4), ("test", 2)):
        data = (np.arange(n * 3072).reshape(n, 3072) % 256).astype(np.uint8)
        fine = list(range(90, 90 + n))
        coarse = list(range(10, 10 + n))
        fakes.write_cifar_batch(
            folder / name, data, fine, "fine_labels", {b"coarse_labels": coarse}
        )


def test_fine_and_coarse_labels(datasets_dir, fakes):
    _write(datasets_dir / "cifar-100-python-target" / "cifar-100-python", fakes)
    (x_train, y_train), (x_test, y_test) = cifar100.load_data()
    assert x_train.shape == (4, 32, 32, 3) and x_train.dtype == np.uint8
    assert x_test.shape == (2, 32, 32, 3)
    # Labels stay the default integer type, as in keras 3.15.1.
    assert y_train.shape == (4, 1) and y_train.dtype == np.int64
    assert y_train[:, 0].tolist() == [90, 91, 92, 93]
    (_, y_train), (_, y_test) = cifar100.load_data(label_mode="coarse")
    assert y_train[:, 0].tolist() == [10, 11, 12, 13]
    assert y_test[:, 0].tolist() == [10, 11]


def test_tf_keras_layout(datasets_dir, fakes):
    _write(datasets_dir / "cifar-100-python", fakes)
    (x_train, _), _ = cifar100.load_data()
    assert x_train.shape == (4, 32, 32, 3)


def test_invalid_label_mode(datasets_dir):
    # Keras's text, from keras 3.15.1.
    with pytest.raises(
        ValueError,
        match=r'`label_mode` must be one of `"fine"`, `"coarse"`\. Received: label_mode=x\.',
    ):
        cifar100.load_data(label_mode="x")


def test_missing_folder(datasets_dir):
    with pytest.raises(FileNotFoundError, match=r"cifar-100-python-target"):
        cifar100.load_data()
