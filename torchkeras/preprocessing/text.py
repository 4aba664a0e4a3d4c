"""tf.keras 2's legacy text utilities: `Tokenizer`, `one_hot`, `hashing_trick`, ...

Keras 3 dropped these in favour of `keras.layers.TextVectorization`; they are kept here so
scripts written for tf.keras 2 (`from tensorflow.keras.preprocessing.text import Tokenizer`) run
unchanged, with the same vocabularies, orderings and matrices as tf.keras 2.
"""

import collections
import hashlib
import json
import warnings

import numpy as np

_DEFAULT_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'


def text_to_word_sequence(input_text, filters=_DEFAULT_FILTERS, lower=True, split=" "):
    """Converts a text to a sequence of words (or tokens).

    >>> text_to_word_sequence('This is a sample sentence.')
    ['this', 'is', 'a', 'sample', 'sentence']

    Args:
        input_text: Input text (string).
        filters: list (or concatenation) of characters to filter out, such as
            punctuation. Defaults to basic punctuation, tabs and newlines.
        lower: boolean. Whether to convert the input to lowercase. Defaults to `True`.
        split: str. Separator for word splitting. Defaults to `" "`.

    Returns:
        A list of words (or tokens).
    """
    if lower:
        input_text = input_text.lower()
    # Every filtered character becomes a separator, so "a,b" splits into two words.
    input_text = input_text.translate(str.maketrans({c: split for c in filters}))
    return [word for word in input_text.split(split) if word]


def hashing_trick(
    text,
    n,
    hash_function=None,
    filters=_DEFAULT_FILTERS,
    lower=True,
    split=" ",
    analyzer=None,
):
    """Converts a text to a sequence of indexes in a fixed-size hashing space.

    Args:
        text: Input text (string).
        n: Dimension of the hashing space.
        hash_function: `None` uses Python's `hash` (salted per process unless
            `PYTHONHASHSEED` is set, so not stable across runs); `"md5"` is stable; or any
            function mapping a string to an int. Defaults to `None`.
        filters: Characters to filter out. Defaults to basic punctuation, tabs and newlines.
        lower: boolean. Whether to set the text to lowercase. Defaults to `True`.
        split: str. Separator for word splitting. Defaults to `" "`.
        analyzer: function. Custom analyzer to split the text. Defaults to `None`.

    Returns:
        A list of integer word indices in `[1, n - 1]` (`0` is reserved; collisions possible).
    """
    if hash_function is None:
        hash_function = hash
    elif hash_function == "md5":
        hash_function = _md5_int
    if analyzer is None:
        words = text_to_word_sequence(text, filters=filters, lower=lower, split=split)
    else:
        words = analyzer(text)
    return [hash_function(word) % (n - 1) + 1 for word in words]


def _md5_int(word):
    return int(hashlib.md5(word.encode()).hexdigest(), 16)


def one_hot(input_text, n, filters=_DEFAULT_FILTERS, lower=True, split=" ", analyzer=None):
    """One-hot encodes a text into a list of word indexes of size `n`.

    This is `hashing_trick` with Python's `hash`, as in tf.keras 2: indices are stable within a
    process, and across processes only with a fixed `PYTHONHASHSEED`.

    Args:
        input_text: Input text (string).
        n: int. Size of vocabulary.
        filters: Characters to filter out. Defaults to basic punctuation, tabs and newlines.
        lower: boolean. Whether to set the text to lowercase. Defaults to `True`.
        split: str. Separator for word splitting. Defaults to `" "`.
        analyzer: function. Custom analyzer to split the text. Defaults to `None`.

    Returns:
        List of integers in `[1, n]`. Each integer encodes a word (unicity non-guaranteed).
    """
    return hashing_trick(
        input_text, n, hash_function=hash, filters=filters, lower=lower, split=split,
        analyzer=analyzer,
    )


class Tokenizer:
    """Text tokenization utility class (tf.keras 2).

    Turns texts into sequences of word indices, or into vectors (binary, counts, frequencies,
    tf-idf). Index `0` is reserved and never assigned to a word. Words are indexed by
    decreasing count; ties keep the order in which words were first seen.

    Args:
        num_words: the maximum number of words to keep, based on word frequency. Only the
            most common `num_words-1` words will be kept. Defaults to `None` (all).
        filters: a string where each element is a character that will be filtered from the
            texts. Defaults to all punctuation, plus tabs and line breaks, minus `'`.
        lower: boolean. Whether to convert the texts to lowercase. Defaults to `True`.
        split: str. Separator for word splitting. Defaults to `" "`.
        char_level: if True, every character will be treated as a token. Defaults to `False`.
        oov_token: if given, it will be added to word_index and used to replace
            out-of-vocabulary words during `texts_to_sequences` calls. Defaults to `None`.
        analyzer: function. Custom analyzer to split the text. Defaults to `None`
            (`text_to_word_sequence`).
    """

    def __init__(
        self,
        num_words=None,
        filters=_DEFAULT_FILTERS,
        lower=True,
        split=" ",
        char_level=False,
        oov_token=None,
        analyzer=None,
        **kwargs,
    ):
        if "nb_words" in kwargs:  # the Keras 1 name
            warnings.warn("The `nb_words` argument in `Tokenizer` has been renamed `num_words`.")
            num_words = kwargs.pop("nb_words")
        document_count = kwargs.pop("document_count", 0)
        if kwargs:
            raise TypeError("Unrecognized keyword arguments: " + str(kwargs))
        self.word_counts = collections.OrderedDict()
        self.word_docs = collections.defaultdict(int)
        self.filters = filters
        self.split = split
        self.lower = lower
        self.num_words = num_words
        self.document_count = document_count
        self.char_level = char_level
        self.oov_token = oov_token
        self.index_docs = collections.defaultdict(int)
        self.word_index = {}
        self.index_word = {}
        self.analyzer = analyzer

    def _tokens(self, text):
        # A list is taken as already tokenized; char_level treats a string as its characters.
        if self.char_level or isinstance(text, list):
            if self.lower:
                text = [t.lower() for t in text] if isinstance(text, list) else text.lower()
            return text
        if self.analyzer is not None:
            return self.analyzer(text)
        return text_to_word_sequence(
            text, filters=self.filters, lower=self.lower, split=self.split
        )

    def fit_on_texts(self, texts):
        """Updates internal vocabulary based on a list of texts.

        Args:
            texts: a list (or generator) of strings, or a list of lists of tokens.
        """
        for text in texts:
            self.document_count += 1
            tokens = self._tokens(text)
            for token in tokens:
                self.word_counts[token] = self.word_counts.get(token, 0) + 1
            for token in set(tokens):
                self.word_docs[token] += 1
        # A stable sort: equal counts keep first-seen order, as tf.keras 2 does.
        ranked = sorted(self.word_counts.items(), key=lambda item: item[1], reverse=True)
        vocabulary = [] if self.oov_token is None else [self.oov_token]
        vocabulary.extend(word for word, _ in ranked)
        self.word_index = {word: i for i, word in enumerate(vocabulary, start=1)}
        self.index_word = {i: word for word, i in self.word_index.items()}
        for word, count in list(self.word_docs.items()):
            self.index_docs[self.word_index[word]] = count

    def fit_on_sequences(self, sequences):
        """Updates internal vocabulary based on a list of sequences of word indices.

        Required before `sequences_to_matrix` if `fit_on_texts` was never called.

        Args:
            sequences: A list of sequences (lists of integer word indices).
        """
        self.document_count += len(sequences)
        for sequence in sequences:
            for index in set(sequence):
                self.index_docs[index] += 1

    def texts_to_sequences(self, texts):
        """Transforms each text in `texts` to a sequence of integers.

        Only the top `num_words-1` most frequent words, and only known words, are kept
        (unknown ones become `oov_token`'s index when it is set).

        Args:
            texts: A list of texts (strings).

        Returns:
            A list of sequences.
        """
        return list(self.texts_to_sequences_generator(texts))

    def texts_to_sequences_generator(self, texts):
        """Generator version of `texts_to_sequences`: yields one sequence per text."""
        num_words = self.num_words
        oov_index = self.word_index.get(self.oov_token)
        for text in texts:
            vector = []
            for token in self._tokens(text):
                index = self.word_index.get(token)
                if index is not None:
                    if num_words and index >= num_words:
                        if oov_index is not None:
                            vector.append(oov_index)
                    else:
                        vector.append(index)
                elif self.oov_token is not None:
                    vector.append(oov_index)
            yield vector

    def sequences_to_texts(self, sequences):
        """Transforms each sequence of word indices into a text (words joined by spaces).

        Args:
            sequences: A list of sequences (lists of integers).

        Returns:
            A list of texts (strings).
        """
        return list(self.sequences_to_texts_generator(sequences))

    def sequences_to_texts_generator(self, sequences):
        """Generator version of `sequences_to_texts`: yields one text per sequence."""
        num_words = self.num_words
        oov_index = self.word_index.get(self.oov_token)
        for sequence in sequences:
            words = []
            for index in sequence:
                word = self.index_word.get(index)
                if word is not None:
                    if num_words and index >= num_words:
                        if oov_index is not None:
                            words.append(self.index_word[oov_index])
                    else:
                        words.append(word)
                elif self.oov_token is not None:
                    words.append(self.index_word[oov_index])
            yield " ".join(words)

    def texts_to_matrix(self, texts, mode="binary"):
        """Convert a list of texts to a NumPy matrix.

        Args:
            texts: list of strings.
            mode: one of `"binary"`, `"count"`, `"tfidf"`, `"freq"`. Defaults to `"binary"`.

        Returns:
            A NumPy matrix of shape `(len(texts), num_words)`.
        """
        return self.sequences_to_matrix(self.texts_to_sequences(texts), mode=mode)

    def sequences_to_matrix(self, sequences, mode="binary"):
        """Converts a list of sequences into a NumPy matrix.

        Args:
            sequences: list of sequences (lists of integer word indices).
            mode: one of `"binary"`, `"count"`, `"tfidf"`, `"freq"`. Defaults to `"binary"`.

        Returns:
            A float64 NumPy matrix of shape `(len(sequences), num_words)`.
        """
        if self.num_words:
            num_words = self.num_words
        elif self.word_index:
            num_words = len(self.word_index) + 1
        else:
            raise ValueError(
                "Specify a dimension (`num_words` argument), or fit on some text data first."
            )
        if mode == "tfidf" and not self.document_count:
            raise ValueError("Fit the Tokenizer on some data before using tfidf mode.")
        x = np.zeros((len(sequences), num_words))
        for row, sequence in enumerate(sequences):
            if not sequence:
                continue
            counts = collections.Counter(j for j in sequence if j < num_words)
            for j, count in counts.items():
                if mode == "count":
                    x[row, j] = count
                elif mode == "freq":
                    x[row, j] = count / len(sequence)
                elif mode == "binary":
                    x[row, j] = 1
                elif mode == "tfidf":
                    # Smoothed idf and log-scaled tf, as tf.keras 2 computes them.
                    tf = 1 + np.log(count)
                    idf = np.log(1 + self.document_count / (1 + self.index_docs.get(j, 0)))
                    x[row, j] = tf * idf
                else:
                    raise ValueError("Unknown vectorization mode:", mode)
        return x

    def get_config(self):
        """Returns the tokenizer configuration as a Python dictionary.

        The word-count dictionaries are stored as JSON strings, as tf.keras 2 does, so the
        files are interchangeable.
        """
        return {
            "num_words": self.num_words,
            "filters": self.filters,
            "lower": self.lower,
            "split": self.split,
            "char_level": self.char_level,
            "oov_token": self.oov_token,
            "document_count": self.document_count,
            "word_counts": json.dumps(self.word_counts),
            "word_docs": json.dumps(self.word_docs),
            "index_docs": json.dumps(self.index_docs),
            "index_word": json.dumps(self.index_word),
            "word_index": json.dumps(self.word_index),
        }

    def to_json(self, **kwargs):
        """Returns a JSON string with the tokenizer configuration (see `tokenizer_from_json`).

        Args:
            **kwargs: Additional keyword arguments passed to `json.dumps()`.
        """
        payload = {"class_name": self.__class__.__name__, "config": self.get_config()}
        return json.dumps(payload, **kwargs)


def tokenizer_from_json(json_string):
    """Parses a JSON tokenizer configuration and returns a `Tokenizer` instance.

    Args:
        json_string: JSON string encoding a tokenizer configuration (from `Tokenizer.to_json`).

    Returns:
        A `Tokenizer` instance.
    """
    config = dict(json.loads(json_string).get("config"))
    word_counts = json.loads(config.pop("word_counts"))
    word_docs = json.loads(config.pop("word_docs"))
    # JSON object keys are strings: the integer-keyed maps get their int keys back.
    index_docs = {int(k): v for k, v in json.loads(config.pop("index_docs")).items()}
    index_word = {int(k): v for k, v in json.loads(config.pop("index_word")).items()}
    word_index = json.loads(config.pop("word_index"))
    tokenizer = Tokenizer(**config)
    tokenizer.word_counts = word_counts
    tokenizer.word_docs = word_docs
    tokenizer.index_docs = index_docs
    tokenizer.word_index = word_index
    tokenizer.index_word = index_word
    return tokenizer


__all__ = [
    "Tokenizer",
    "hashing_trick",
    "one_hot",
    "text_to_word_sequence",
    "tokenizer_from_json",
]
