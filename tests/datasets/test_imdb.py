import json

import numpy as np
import pytest

from torchkeras.datasets import imdb

X_TRAIN = [[5, 1, 7], [2, 2], [9, 4, 1, 3], [6], [8, 3, 2, 1, 4], [1, 1, 1]]
X_TEST = [[4, 2], [7, 7, 7, 7], [3, 9, 1], [2]]


@pytest.fixture
def fake_file(datasets_dir, fakes):
    # Ragged sequences are object arrays, pickled inside the .npz as in the real file.
    np.savez(
        datasets_dir / "imdb.npz",
        x_train=fakes.object_array(X_TRAIN),
        y_train=np.array([1, 0, 1, 0, 1, 0]),
        x_test=fakes.object_array(X_TEST),
        y_test=np.array([0, 1, 1, 0]),
    )


def _lists(x):
    return [list(map(int, s)) for s in x]


def test_defaults_match_keras(fake_file):
    (x_train, y_train), (x_test, y_test) = imdb.load_data()
    # from keras 3.15.1, on the same file
    assert x_train.dtype == object
    assert _lists(x_train) == [
        [1, 5, 5], [1, 8, 4, 10], [1, 9], [1, 2, 7, 4, 6], [1, 11, 6, 5, 4, 7], [1, 4, 4, 4]
    ]
    assert y_train.tolist() == [0, 1, 0, 1, 1, 0]
    assert _lists(x_test) == [[1, 7, 5], [1, 10, 10, 10, 10], [1, 5], [1, 6, 2, 4]]
    assert y_test.tolist() == [0, 1, 0, 1]


def test_num_words_and_skip_top_match_keras(fake_file):
    (x_train, _), (x_test, _) = imdb.load_data(num_words=6, skip_top=2)
    # from keras 3.15.1, on the same file
    assert _lists(x_train) == [
        [2, 5, 5], [2, 2, 4, 2], [2, 2], [2, 2, 2, 4, 2], [2, 2, 2, 5, 4, 2], [2, 4, 4, 4]
    ]
    assert _lists(x_test) == [[2, 2, 5], [2, 2, 2, 2, 2], [2, 5], [2, 2, 2, 4]]


def test_maxlen_and_no_oov_match_keras(fake_file):
    (x_train, y_train), (x_test, y_test) = imdb.load_data(maxlen=4, oov_char=None, num_words=8)
    # from keras 3.15.1, on the same file
    assert _lists(x_train) == [[1, 5, 5], [1]]
    assert y_train.tolist() == [0, 0]
    assert _lists(x_test) == [[1, 7, 5], [1, 5]]
    assert y_test.tolist() == [0, 0]


def test_no_start_char_and_seed_match_keras(fake_file):
    (x_train, y_train), (x_test, _) = imdb.load_data(start_char=None, index_from=0, seed=5)
    # from keras 3.15.1, on the same file
    assert _lists(x_train) == [[1, 1, 1], [2, 4, 1, 3], [8, 3, 2, 1, 4], [2, 2], [5, 1, 7], [6]]
    assert y_train.tolist() == [0, 1, 1, 0, 1, 0]
    assert _lists(x_test) == [[4, 2], [7, 7, 7, 7], [3, 2, 1], [2]]


def test_maxlen_too_small(fake_file):
    # Keras's text, from keras 3.15.1.
    with pytest.raises(
        ValueError,
        match=r"After filtering for sequences shorter than maxlen=1, no sequence was kept\. "
        r"Increase maxlen\.",
    ):
        imdb.load_data(maxlen=1)


def test_word_index(datasets_dir):
    (datasets_dir / "imdb_word_index.json").write_text(json.dumps({"the": 1, "and": 2}))
    assert imdb.get_word_index() == {"the": 1, "and": 2}


def test_missing_files(datasets_dir):
    with pytest.raises(FileNotFoundError, match=r"Received: path=imdb\.npz"):
        imdb.load_data()
    with pytest.raises(
        FileNotFoundError, match=r"imdb\.get_word_index\(\).*Received: path=imdb_word_index\.json"
    ):
        imdb.get_word_index()
