import numpy as np
import pytest

from torchkeras.datasets import boston_housing


@pytest.fixture
def fake_file(datasets_dir):
    # Sample i has features 13*i ... 13*i + 12 and target i + 0.5.
    np.savez(
        datasets_dir / "boston_housing.npz",
        x=np.arange(20 * 13, dtype="float64").reshape(20, 13),
        y=np.arange(20, dtype="float64") + 0.5,
    )


def test_default_split_matches_keras(fake_file):
    (x_train, y_train), (x_test, y_test) = boston_housing.load_data()
    # from keras 3.15.1, on the same file
    assert y_train.tolist() == [
        14.5, 11.5, 19.5, 17.5, 1.5, 4.5, 8.5, 3.5, 13.5, 15.5, 16.5, 9.5, 0.5, 7.5, 6.5, 18.5
    ]
    assert y_test.tolist() == [12.5, 10.5, 2.5, 5.5]
    assert x_train.shape == (16, 13) and x_test.shape == (4, 13)
    assert x_train.dtype == np.float64
    np.testing.assert_array_equal(x_train[:, 0], (y_train - 0.5) * 13)
    np.testing.assert_array_equal(x_test[:, 12], (y_test - 0.5) * 13 + 12)


def test_seed_and_test_split_match_keras(fake_file):
    (_, y_train), (_, y_test) = boston_housing.load_data(seed=7, test_split=0.25)
    # from keras 3.15.1, on the same file
    assert y_train.tolist()[:12] == [
        1.5, 17.5, 2.5, 5.5, 11.5, 0.5, 18.5, 6.5, 13.5, 19.5, 10.5, 14.5
    ]
    assert len(y_train) == 15
    assert y_test.tolist() == [12.5, 7.5, 3.5, 4.5, 15.5]


def test_zero_test_split(fake_file):
    (x_train, _), (x_test, y_test) = boston_housing.load_data(test_split=0)
    assert x_train.shape == (20, 13) and x_test.shape == (0, 13) and y_test.shape == (0,)


def test_invalid_test_split(datasets_dir):
    # Checked before the file is looked up, as in Keras.
    with pytest.raises(
        ValueError,
        match=r"Invalid `test_split` argument: 1\. It must be between 0 and 1 \(exclusive of 1\)\.",
    ):
        boston_housing.load_data(test_split=1)


def test_missing_file(datasets_dir):
    with pytest.raises(FileNotFoundError, match=r"Received: path=boston_housing\.npz"):
        boston_housing.load_data()
