import numpy as np
import pytest

import torchkeras as keras


def test_pad_sequences_pre_post_and_truncation():
    seqs = [[1], [2, 3], [4, 5, 6]]
    np.testing.assert_array_equal(
        keras.utils.pad_sequences(seqs), [[0, 0, 1], [0, 2, 3], [4, 5, 6]]
    )
    np.testing.assert_array_equal(
        keras.utils.pad_sequences(seqs, maxlen=2, padding="post", truncating="post", value=-1),
        [[1, -1], [2, 3], [4, 5]],
    )
    np.testing.assert_array_equal(keras.utils.pad_sequences(seqs, maxlen=2), [[0, 1], [2, 3], [5, 6]])
    assert keras.utils.pad_sequences(seqs).dtype == np.int32


def test_pad_sequences_errors():
    with pytest.raises(ValueError, match='Padding type "middle" not understood'):
        keras.utils.pad_sequences([[1]], padding="middle")
    with pytest.raises(ValueError, match="must be a list of iterables"):
        keras.utils.pad_sequences([1, 2])
