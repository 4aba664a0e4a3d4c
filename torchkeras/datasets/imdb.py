"""IMDB sentiment classification dataset, read from the Keras cache."""

import json

import numpy as np

from torchkeras.datasets.cache import KERAS_DATASETS_URL
from torchkeras.datasets.cache import check_fname
from torchkeras.datasets.cache import find_cached
from torchkeras.datasets.npz_utils import load_npz
from torchkeras.datasets.word_sequences import limit_vocabulary
from torchkeras.datasets.word_sequences import offset_words
from torchkeras.datasets.word_sequences import remove_long_seq


def load_data(
    path="imdb.npz",
    num_words=None,
    skip_top=0,
    maxlen=None,
    seed=113,
    start_char=1,
    oov_char=2,
    index_from=3,
):
    """Loads the [IMDB dataset](https://ai.stanford.edu/~amaas/data/sentiment/).

    This is a dataset of 25,000 movie reviews from IMDB, labeled by sentiment (positive/negative).
    Reviews have been preprocessed, and each review is encoded as a list of word indexes
    (integers). For convenience, words are indexed by overall frequency in the dataset, so that for
    instance the integer "3" encodes the 3rd most frequent word in the data.

    As a convention, "0" does not stand for a specific word, but instead is used to encode the pad
    token.

    torchkeras reads the file Keras downloads, `~/.keras/datasets/imdb.npz` (or
    `$KERAS_HOME/datasets/imdb.npz`), and never downloads it itself.

    Args:
        path: name of the cached file, relative to `~/.keras/datasets`. Defaults to `"imdb.npz"`.
        num_words: integer or None. Words are ranked by how often they occur (in the training set)
            and only the `num_words` most frequent words are kept. Any less frequent word will
            appear as `oov_char` value in the sequence data. If None, all words are kept. Defaults
            to `None`.
        skip_top: skip the top N most frequently occurring words (which may not be informative).
            These words will appear as `oov_char` value in the dataset. When 0, no words are
            skipped. Defaults to `0`.
        maxlen: int or None. Maximum sequence length. Longer sequences are left out. None means
            no limit. Defaults to `None`.
        seed: int. Seed for reproducible data shuffling. Defaults to `113`.
        start_char: int. The start of a sequence will be marked with this character. 0 is usually
            the padding character. Defaults to `1`.
        oov_char: int. The out-of-vocabulary character. Words that were cut out because of the
            `num_words` or `skip_top` limits will be replaced with this character. Defaults to `2`.
        index_from: int. Index actual words with this index and higher. Defaults to `3`.

    Returns:
        Tuple of NumPy arrays: `(x_train, y_train), (x_test, y_test)`.

    **`x_train`, `x_test`**: object arrays of sequences, which are lists of indexes (integers).

    **`y_train`, `y_test`**: arrays of integer labels (1 or 0).

    Raises:
        FileNotFoundError: if the file is not in the Keras cache.
    """
    fname = check_fname(path)
    path = find_cached(
        [fname],
        origin=KERAS_DATASETS_URL + "imdb.npz",
        caller="keras.datasets.imdb.load_data()",
        received=f"path={fname}",
    )
    f = load_npz(path)
    x_train, labels_train = f["x_train"], f["y_train"]
    x_test, labels_test = f["x_test"], f["y_test"]

    # One generator shuffles both splits, train first, as Keras does.
    rng = np.random.RandomState(seed)
    indices = np.arange(len(x_train))
    rng.shuffle(indices)
    x_train, labels_train = x_train[indices], labels_train[indices]
    indices = np.arange(len(x_test))
    rng.shuffle(indices)
    x_test, labels_test = x_test[indices], labels_test[indices]

    x_train = offset_words(x_train, start_char, index_from)
    x_test = offset_words(x_test, start_char, index_from)
    if maxlen:
        x_train, labels_train = remove_long_seq(maxlen, x_train, labels_train)
        x_test, labels_test = remove_long_seq(maxlen, x_test, labels_test)
        if not x_train or not x_test:
            raise ValueError(
                "After filtering for sequences shorter than maxlen="
                f"{str(maxlen)}, no sequence was kept. Increase maxlen."
            )

    # The vocabulary limit counts words over both splits together.
    xs = limit_vocabulary(x_train + x_test, num_words, skip_top, oov_char)
    labels = np.concatenate([labels_train, labels_test])
    idx = len(x_train)
    x_train, y_train = np.array(xs[:idx], dtype="object"), labels[:idx]
    x_test, y_test = np.array(xs[idx:], dtype="object"), labels[idx:]
    return (x_train, y_train), (x_test, y_test)


def get_word_index(path="imdb_word_index.json"):
    """Retrieves a dict mapping words to their index in the IMDB dataset.

    torchkeras reads the file Keras downloads, `~/.keras/datasets/imdb_word_index.json`, and never
    downloads it itself.

    Args:
        path: name of the cached file, relative to `~/.keras/datasets`. Defaults to
            `"imdb_word_index.json"`.

    Returns:
        The word index dictionary. Keys are word strings, values are their index.

    Raises:
        FileNotFoundError: if the file is not in the Keras cache.
    """
    fname = check_fname(path)
    path = find_cached(
        [fname],
        origin=KERAS_DATASETS_URL + "imdb_word_index.json",
        caller="keras.datasets.imdb.get_word_index()",
        received=f"path={fname}",
    )
    with open(path) as f:
        return json.load(f)
