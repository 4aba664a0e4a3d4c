import os

import numpy as np
import pytest

from torchkeras.datasets import digits

# From scikit-learn 1.9.1 `load_digits()`, the source of the shipped file.
CLASS_COUNTS = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
PIXEL_SUM = 561718
FIRST_IMAGE = [
    [0, 0, 5, 13, 9, 1, 0, 0],
    [0, 0, 13, 15, 10, 15, 5, 0],
    [0, 3, 15, 2, 0, 11, 8, 0],
    [0, 4, 12, 0, 0, 8, 8, 0],
    [0, 5, 8, 0, 0, 9, 8, 0],
    [0, 4, 11, 0, 1, 12, 7, 0],
    [0, 2, 14, 5, 10, 12, 0, 0],
    [0, 0, 6, 13, 10, 0, 0, 0],
]


def _raw():
    with np.load(digits.DATA_PATH, allow_pickle=False) as f:
        return f["x"], f["y"]


def test_shipped_file_is_small_and_exact():
    assert os.path.getsize(digits.DATA_PATH) < 100_000
    x, y = _raw()
    assert x.shape == (1797, 8, 8) and x.dtype == np.uint8
    assert y.shape == (1797,) and y.dtype == np.uint8
    assert int(x.sum()) == PIXEL_SUM
    assert x.max() == 16
    assert np.bincount(y).tolist() == CLASS_COUNTS
    assert x[0].tolist() == FIRST_IMAGE
    assert y[:10].tolist() == list(range(10))


def test_default_split():
    (x_train, y_train), (x_test, y_test) = digits.load_data()
    assert x_train.shape == (1437, 8, 8) and x_test.shape == (360, 8, 8)
    assert y_train.shape == (1437,) and y_test.shape == (360,)
    assert x_train.dtype == np.uint8 and y_train.dtype == np.uint8
    # Closed-form reference: Keras's `boston_housing` split, a seeded shuffle then a cut.
    x, y = _raw()
    order = np.arange(1797)
    np.random.RandomState(113).shuffle(order)
    np.testing.assert_array_equal(x_train, x[order[:1437]])
    np.testing.assert_array_equal(y_test, y[order[1437:]])
    assert int(x_train.sum()) + int(x_test.sum()) == PIXEL_SUM


def test_split_is_deterministic_and_seeded():
    (a, _), _ = digits.load_data()
    (b, _), _ = digits.load_data()
    (c, _), _ = digits.load_data(seed=1)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_test_split_argument():
    (x_train, _), (x_test, _) = digits.load_data(test_split=0.5)
    assert len(x_train) == 898 and len(x_test) == 899
    (x_train, _), (x_test, _) = digits.load_data(test_split=0)
    assert len(x_train) == 1797 and len(x_test) == 0


@pytest.mark.parametrize("test_split", [1, -0.1, 1.5])
def test_invalid_test_split(test_split):
    with pytest.raises(
        ValueError,
        match=rf"Invalid `test_split` argument: {test_split}\. "
        r"It must be between 0 and 1 \(exclusive of 1\)\.",
    ):
        digits.load_data(test_split=test_split)


def test_public_namespace():
    import torchkeras.datasets as datasets

    assert datasets.digits.load_data is digits.load_data
    expected = {"digits", "mnist", "fashion_mnist", "cifar10", "boston_housing"}
    assert set(datasets.__all__) >= expected
