"""TextVectorization after `adapt`: standardization, splitting, n-grams and output modes."""

import numpy as np

import keras
from keras import layers

SEED = 1604
rng = np.random.default_rng(SEED)
to_np = keras.ops.convert_to_numpy

corpus = np.array([
    "The quick brown fox jumps over the lazy dog.",
    "A DOG, a cat; and THE bird!",
    "Foxes & dogs: friends?  Never...",
    "the end",
])
corpus = corpus[rng.permutation(len(corpus))]
queries = np.array(["the lazy cat", "Unknown words, the fox!", ""])
results = {}

default = layers.TextVectorization()
default.adapt(corpus)
results["int_vocabulary"] = [str(t) for t in default.get_vocabulary()]
results["int_output"] = to_np(default(queries))

padded = layers.TextVectorization(max_tokens=8, output_sequence_length=6)
padded.adapt(corpus)
results["padded_output"] = to_np(padded(queries))

bigrams = layers.TextVectorization(ngrams=2, output_mode="multi_hot", max_tokens=12)
bigrams.adapt(corpus)
results["bigrams_vocabulary"] = [str(t) for t in bigrams.get_vocabulary()]
results["bigrams_output"] = to_np(bigrams(queries))

counts = layers.TextVectorization(output_mode="count", standardize="lower")
counts.adapt(corpus)
results["count_output"] = to_np(counts(queries))

tfidf = layers.TextVectorization(output_mode="tf_idf", ngrams=(1, 3))
tfidf.adapt(corpus)
results["tf_idf_output"] = to_np(tfidf(queries))

chars = layers.TextVectorization(split="character", standardize=None, output_sequence_length=10)
chars.adapt(corpus)
results["chars_vocabulary"] = [str(t) for t in chars.get_vocabulary()]
results["chars_output"] = to_np(chars(queries))

given = layers.TextVectorization(vocabulary=["fox", "the", "dog"], output_sequence_length=4)
results["given_output"] = to_np(given(queries))
results["given_vocabulary_size"] = given.vocabulary_size()
