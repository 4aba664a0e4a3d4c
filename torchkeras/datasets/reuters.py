"""Reuters topic classification dataset, read from the Keras cache."""

import json

import numpy as np

from torchkeras.datasets.cache import KERAS_DATASETS_URL
from torchkeras.datasets.cache import check_fname
from torchkeras.datasets.cache import find_cached
from torchkeras.datasets.npz_utils import load_npz
from torchkeras.datasets.word_sequences import limit_vocabulary
from torchkeras.datasets.word_sequences import offset_words
from torchkeras.datasets.word_sequences import remove_long_seq

_LABEL_NAMES = (
    "cocoa", "grain", "veg-oil", "earn", "acq", "wheat", "copper", "housing", "money-supply",
    "coffee", "sugar", "trade", "reserves", "ship", "cotton", "carcass", "crude", "nat-gas", "cpi",
    "money-fx", "interest", "gnp", "meal-feed", "alum", "oilseed", "gold", "tin",
    "strategic-metal", "livestock", "retail", "ipi", "iron-steel", "rubber", "heat", "jobs", "lei",
    "bop", "zinc", "orange", "pet-chem", "dlr", "gas", "silver", "wpi", "hog", "lead",
)  # fmt: skip


def load_data(
    path="reuters.npz",
    num_words=None,
    skip_top=0,
    maxlen=None,
    test_split=0.2,
    seed=113,
    start_char=1,
    oov_char=2,
    index_from=3,
):
    """Loads the Reuters newswire classification dataset.

    This is a dataset of 11,228 newswires from Reuters, labeled over 46 topics. Each newswire is
    encoded as a list of word indexes (integers), indexed by overall frequency in the dataset.

    torchkeras reads the file Keras downloads, `~/.keras/datasets/reuters.npz` (or
    `$KERAS_HOME/datasets/reuters.npz`), and never downloads it itself.

    Args:
        path: name of the cached file, relative to `~/.keras/datasets`. Defaults to
            `"reuters.npz"`.
        num_words: integer or None. Only the `num_words` most frequent words are kept; any less
            frequent word appears as `oov_char`. If None, all words are kept. Defaults to `None`.
        skip_top: skip the top N most frequently occurring words. These words appear as `oov_char`.
            0 means no words are skipped. Defaults to `0`.
        maxlen: int or None. Maximum sequence length. Longer sequences are left out. None means
            no limit. Defaults to `None`.
        test_split: float between `0.` and `1.`, the fraction of the dataset used as test data.
            Defaults to `0.2`.
        seed: int. Seed for reproducible data shuffling. Defaults to `113`.
        start_char: int. The start of a sequence will be marked with this character. Defaults to
            `1`.
        oov_char: int. The out-of-vocabulary character. Defaults to `2`.
        index_from: int. Index actual words with this index and higher. Defaults to `3`.

    Returns:
        Tuple of NumPy arrays: `(x_train, y_train), (x_test, y_test)`.

    **`x_train`, `x_test`**: object arrays of sequences, which are lists of indexes (integers).

    **`y_train`, `y_test`**: arrays of integer topic labels (0-45).

    Raises:
        FileNotFoundError: if the file is not in the Keras cache.
    """
    fname = check_fname(path)
    path = find_cached(
        [fname],
        origin=KERAS_DATASETS_URL + "reuters.npz",
        caller="keras.datasets.reuters.load_data()",
        received=f"path={fname}",
    )
    f = load_npz(path)
    xs, labels = f["x"], f["y"]

    rng = np.random.RandomState(seed)
    indices = np.arange(len(xs))
    rng.shuffle(indices)
    xs, labels = xs[indices], labels[indices]

    xs = offset_words(xs, start_char, index_from)
    if maxlen:
        xs, labels = remove_long_seq(maxlen, xs, labels)
    xs = limit_vocabulary(xs, num_words, skip_top, oov_char)

    idx = int(len(xs) * (1 - test_split))
    x_train, y_train = np.array(xs[:idx], dtype="object"), np.array(labels[:idx])
    x_test, y_test = np.array(xs[idx:], dtype="object"), np.array(labels[idx:])
    return (x_train, y_train), (x_test, y_test)


def get_word_index(path="reuters_word_index.json"):
    """Retrieves a dict mapping words to their index in the Reuters dataset.

    Actual word indices start from 3, with 3 indices reserved for 0 (padding), 1 (start) and
    2 (oov): the word index of "the" is 1, but in the training data it is 1 + 3 = 4.

    torchkeras reads the file Keras downloads, `~/.keras/datasets/reuters_word_index.json`, and
    never downloads it itself.

    Args:
        path: name of the cached file, relative to `~/.keras/datasets`. Defaults to
            `"reuters_word_index.json"`.

    Returns:
        The word index dictionary. Keys are word strings, values are their index.

    Raises:
        FileNotFoundError: if the file is not in the Keras cache.
    """
    fname = check_fname(path)
    path = find_cached(
        [fname],
        origin=KERAS_DATASETS_URL + "reuters_word_index.json",
        caller="keras.datasets.reuters.get_word_index()",
        received=f"path={fname}",
    )
    with open(path) as f:
        return json.load(f)


def get_label_names():
    """Returns labels as a list of strings with indices matching training data."""
    return _LABEL_NAMES
