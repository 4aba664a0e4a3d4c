import numpy as np
import pytest

from torchkeras.datasets import california_housing


@pytest.fixture
def fake_file(datasets_dir):
    # Sample i has features 8*i ... 8*i + 7 and target 10*i.
    np.savez(
        datasets_dir / "california_housing.npz",
        x=np.arange(700 * 8, dtype="float64").reshape(700, 8),
        y=np.arange(700, dtype="float32") * 10,
    )


def test_large_version_matches_keras(fake_file):
    (x_train, y_train), (x_test, y_test) = california_housing.load_data()
    # from keras 3.15.1, on the same file
    assert x_train.shape == (560, 8) and x_test.shape == (140, 8)
    assert y_train.dtype == np.float32
    assert y_train[:6].tolist() == [1070.0, 1750.0, 5560.0, 640.0, 390.0, 5410.0]
    assert y_test[:6].tolist() == [4500.0, 6420.0, 3510.0, 2240.0, 1130.0, 2250.0]
    assert float(y_train.sum()) == 1979420.0 and float(y_test.sum()) == 467080.0
    assert float(x_train.sum()) == 12683968.0


def test_small_version_matches_keras(fake_file):
    (x_train, y_train), (x_test, y_test) = california_housing.load_data(
        version="small", seed=1, test_split=0.1
    )
    # from keras 3.15.1, on the same file
    assert x_train.shape == (540, 8) and x_test.shape == (60, 8)
    assert y_train[:6].tolist() == [4460.0, 4040.0, 5090.0, 4550.0, 2010.0, 230.0]
    assert y_test[:6].tolist() == [1550.0, 3560.0, 3810.0, 2790.0, 1260.0, 220.0]
    assert float(y_train.sum()) == 1613840.0 and float(y_test.sum()) == 183160.0


def test_invalid_version(fake_file):
    # Keras's text, from keras 3.15.1.
    with pytest.raises(
        ValueError,
        match=r"Argument `version` must be one of 'small', 'large'\. Received: version=medium",
    ):
        california_housing.load_data(version="medium")


def test_invalid_test_split(datasets_dir):
    with pytest.raises(ValueError, match=r"Invalid `test_split` argument: -0\.1\."):
        california_housing.load_data(test_split=-0.1)


def test_missing_file(datasets_dir):
    with pytest.raises(FileNotFoundError, match=r"Received: path=california_housing\.npz"):
        california_housing.load_data()
