"""`keras.preprocessing.sequence`: `pad_sequences`, plus tf.keras 2's legacy sequence utilities.

`TimeseriesGenerator`, `skipgrams` and `make_sampling_table` are tf.keras 2 names (Keras 3
prefers `keras.utils.timeseries_dataset_from_array`); they give the same batches, pairs and
tables as tf.keras 2, and draw from the same global RNGs (`numpy.random`, `random`).
"""

import json
import random

import numpy as np

from torchkeras.utils.py_dataset import PyDataset
from torchkeras.utils.sequence_utils import pad_sequences


class TimeseriesGenerator(PyDataset):
    """Utility class for generating batches of temporal data (tf.keras 2).

    Takes a sequence of data points gathered at equal intervals, with time series parameters
    such as stride and length of history, and produces batches for training/validation. It is
    a `keras.utils.PyDataset`, so `model.fit(generator)` works.

    Args:
        data: Indexable (list or NumPy array) of consecutive data points (timesteps); axis 0
            is the time dimension.
        targets: Targets corresponding to timesteps in `data`, of the same length.
        length: Length of the output sequences (in number of timesteps).
        sampling_rate: Period between successive individual timesteps within sequences.
            Defaults to `1`.
        stride: Period between successive output sequences. Defaults to `1`.
        start_index: Data points earlier than `start_index` are not used. Defaults to `0`.
        end_index: Data points later than `end_index` are not used. Defaults to `None`
            (the last data point).
        shuffle: Whether to shuffle output samples (drawn with `np.random.randint`) instead of
            drawing them in chronological order. Defaults to `False`.
        reverse: If `True`, timesteps in each sample are in reverse chronological order.
            Defaults to `False`.
        batch_size: Number of samples in each batch (except maybe the last one).
            Defaults to `128`.

    Example:

    >>> data = np.array([[i] for i in range(50)])
    >>> gen = TimeseriesGenerator(data, data, length=10, sampling_rate=2, batch_size=2)
    >>> len(gen)
    20
    >>> x, y = gen[0]  # x[0] is [[0], [2], [4], [6], [8]], y[0] is [10]
    """

    def __init__(
        self,
        data,
        targets,
        length,
        sampling_rate=1,
        stride=1,
        start_index=0,
        end_index=None,
        shuffle=False,
        reverse=False,
        batch_size=128,
    ):
        super().__init__()
        if len(data) != len(targets):
            raise ValueError(
                "Data and targets have to be of same length. "
                f"Data length is {len(data)} while target length is {len(targets)}"
            )
        self.data = data
        self.targets = targets
        self.length = length
        self.sampling_rate = sampling_rate
        self.stride = stride
        # The first usable target: `length` steps of history must precede it.
        self.start_index = start_index + length
        self.end_index = len(data) - 1 if end_index is None else end_index
        self.shuffle = shuffle
        self.reverse = reverse
        self.batch_size = batch_size
        if self.start_index > self.end_index:
            raise ValueError(
                "`start_index+length=%i > end_index=%i` is disallowed, as no part of the "
                "sequence would be left to be used as current step."
                % (self.start_index, self.end_index)
            )

    def __len__(self):
        span = self.batch_size * self.stride
        return (self.end_index - self.start_index + span) // span

    def __getitem__(self, index):
        if self.shuffle:
            rows = np.random.randint(self.start_index, self.end_index + 1, size=self.batch_size)
        else:
            first = self.start_index + self.batch_size * self.stride * index
            last = min(first + self.batch_size * self.stride, self.end_index + 1)
            rows = np.arange(first, last, self.stride)
        samples = np.array(
            [self.data[row - self.length : row : self.sampling_rate] for row in rows]
        )
        targets = np.array([self.targets[row] for row in rows])
        if self.reverse:
            return samples[:, ::-1, ...], targets
        return samples, targets

    def get_config(self):
        """Returns the generator's configuration; `data` and `targets` as JSON strings."""

        def as_json(value, what):
            if type(value).__module__ == np.__name__:
                value = value.tolist()
            try:
                return json.dumps(value)
            except TypeError as e:
                raise TypeError(f"{what} not JSON Serializable:", value) from e

        return {
            "data": as_json(self.data, "Data"),
            "targets": as_json(self.targets, "Targets"),
            "length": self.length,
            "sampling_rate": self.sampling_rate,
            "stride": self.stride,
            "start_index": self.start_index,
            "end_index": self.end_index,
            "shuffle": self.shuffle,
            "reverse": self.reverse,
            "batch_size": self.batch_size,
        }

    def to_json(self, **kwargs):
        """Returns a JSON string with the generator's configuration.

        Args:
            **kwargs: Additional keyword arguments passed to `json.dumps()`.
        """
        payload = {"class_name": self.__class__.__name__, "config": self.get_config()}
        return json.dumps(payload, **kwargs)


def make_sampling_table(size, sampling_factor=1e-5):
    """Generates a word rank-based probabilistic sampling table (for `skipgrams`).

    `sampling_table[i]` is the probability of sampling the i-th most common word, following
    word2vec's `p(word) = min(1, sqrt(word_frequency / sampling_factor) /
    (word_frequency / sampling_factor))`, with Zipf frequencies approximated by
    `frequency(rank) ~ 1/(rank * (log(rank) + gamma) + 1/2 - 1/(12*rank))`.

    Args:
        size: Int, number of possible words to sample.
        sampling_factor: The sampling factor in the word2vec formula. Defaults to `1e-5`.

    Returns:
        A 1D NumPy array of length `size`.
    """
    gamma = 0.577  # Euler-Mascheroni, rounded as tf.keras 2 rounds it
    rank = np.arange(size)
    rank[0] = 1
    inv_fq = rank * (np.log(rank) + gamma) + 0.5 - 1.0 / (12.0 * rank)
    f = sampling_factor * inv_fq
    return np.minimum(1.0, f / np.sqrt(f))


def skipgrams(
    sequence,
    vocabulary_size,
    window_size=4,
    negative_samples=1.0,
    shuffle=True,
    categorical=False,
    sampling_table=None,
    seed=None,
):
    """Generates skipgram word pairs.

    Turns a sequence of word indices into `(word, word in the same window)` pairs labelled 1
    and `(word, random word from the vocabulary)` pairs labelled 0. Index 0 is a non-word and
    is skipped. Randomness comes from Python's `random` module, as in tf.keras 2.

    Args:
        sequence: A word sequence (sentence), as a list of word indices (integers).
        vocabulary_size: Int, maximum possible word index + 1.
        window_size: Int, size of sampling windows (technically half-window). Defaults to `4`.
        negative_samples: Float >= 0. 0 for no negative (i.e. random) samples, 1 for as many
            as positive samples. Defaults to `1.0`.
        shuffle: Whether to shuffle the word couples before returning them. Defaults to `True`.
        categorical: If `True`, labels are categorical (`[1, 0]` / `[0, 1]`). Defaults to
            `False`.
        sampling_table: 1D array of size `vocabulary_size`; entry i is the probability to
            sample a word of rank i. Defaults to `None`.
        seed: Random seed for the shuffle. Defaults to `None`.

    Returns:
        couples, labels: `couples` are int pairs and `labels` are either 0 or 1.
    """
    couples = []
    labels = []
    for i, wi in enumerate(sequence):
        if not wi:
            continue
        if sampling_table is not None and sampling_table[wi] < random.random():
            continue
        for j in range(max(0, i - window_size), min(len(sequence), i + window_size + 1)):
            if j == i or not sequence[j]:
                continue
            couples.append([wi, sequence[j]])
            labels.append([0, 1] if categorical else 1)

    if negative_samples > 0:
        num_negative = int(len(labels) * negative_samples)
        words = [pair[0] for pair in couples]
        random.shuffle(words)
        couples += [
            [words[i % len(words)], random.randint(1, int(vocabulary_size - 1))]
            for i in range(num_negative)
        ]
        labels += [[1, 0] if categorical else 0] * num_negative

    if shuffle:
        if seed is None:
            seed = random.randint(0, int(10e6))
        # The same seed for both lists keeps each couple with its label.
        random.seed(seed)
        random.shuffle(couples)
        random.seed(seed)
        random.shuffle(labels)
    return couples, labels


__all__ = [
    "TimeseriesGenerator",
    "make_sampling_table",
    "pad_sequences",
    "skipgrams",
]
