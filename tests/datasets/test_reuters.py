import json

import numpy as np
import pytest

from torchkeras.datasets import reuters

XS = [
    [3, 1], [4, 1, 5], [9, 2, 6, 5], [3], [5, 8, 9, 7, 9],
    [3, 2], [3, 8, 4], [6, 2, 6, 4], [3, 3, 8], [3, 2, 7, 9, 5],
]  # fmt: skip
YS = [0, 3, 1, 4, 45, 2, 3, 3, 10, 7]


@pytest.fixture
def fake_file(datasets_dir, fakes):
    np.savez(datasets_dir / "reuters.npz", x=fakes.object_array(XS), y=np.array(YS))


def _lists(x):
    return [list(map(int, s)) for s in x]


def test_defaults_match_keras(fake_file):
    (x_train, y_train), (x_test, y_test) = reuters.load_data()
    # from keras 3.15.1, on the same file
    assert _lists(x_train) == [
        [1, 6, 5, 10, 2, 8], [1, 6], [1, 6, 11, 7], [1, 7, 4, 8],
        [1, 6, 4], [1, 9, 5, 9, 7], [1, 8, 11, 2, 10, 2], [1, 6, 6, 11],
    ]  # fmt: skip
    assert y_train.tolist() == [7, 4, 3, 3, 0, 3, 45, 10]
    assert _lists(x_test) == [[1, 2, 5, 9, 8], [1, 6, 5]]
    assert y_test.tolist() == [1, 2]


def test_options_match_keras(fake_file):
    (x_train, y_train), (x_test, y_test) = reuters.load_data(
        num_words=7, maxlen=5, test_split=0.3, skip_top=1
    )
    # from keras 3.15.1, on the same file
    assert _lists(x_train) == [[1, 6], [1, 6, 2, 2], [1, 2, 4, 2], [1, 6, 4]]
    assert y_train.tolist() == [4, 3, 3, 0]
    assert _lists(x_test) == [[1, 6, 6, 2], [1, 6, 5]]
    assert y_test.tolist() == [10, 2]


def test_raw_indices_match_keras(fake_file):
    (x_train, y_train), (x_test, y_test) = reuters.load_data(
        start_char=None, index_from=0, oov_char=None, num_words=6, seed=3
    )
    # from keras 3.15.1, on the same file
    assert _lists(x_train) == [[3, 2], [5], [4, 1, 5], [2, 5], [3, 2, 5], [3, 4], [2, 4], [3, 1]]
    assert y_train.tolist() == [2, 45, 3, 1, 7, 3, 3, 0]
    assert _lists(x_test) == [[3], [3, 3]]
    assert y_test.tolist() == [4, 10]


def test_word_index_and_labels(datasets_dir):
    (datasets_dir / "reuters_word_index.json").write_text(json.dumps({"the": 1}))
    assert reuters.get_word_index() == {"the": 1}
    names = reuters.get_label_names()
    assert len(names) == 46 and names[0] == "cocoa" and names[45] == "lead"


def test_missing_file(datasets_dir):
    with pytest.raises(FileNotFoundError, match=r"reuters\.load_data\(\).*reuters\.npz"):
        reuters.load_data()
