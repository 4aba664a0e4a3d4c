import re

import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import layers

CORPUS = np.array(["The Cat sat.", "a dog, a cat!", ""])


def test_text_vectorization_int_output_matches_keras():
    layer = layers.TextVectorization()
    layer.adapt(CORPUS)
    # from keras 3.15.1
    assert layer.get_vocabulary() == ["", "[UNK]", "cat", "a", "the", "sat", "dog"]
    out = layer(CORPUS)
    assert out.dtype == torch.int64
    assert out.tolist() == [[4, 2, 5, 0], [3, 6, 3, 2], [0, 0, 0, 0]]
    assert layer("the dog").tolist() == [4, 6]
    assert layer(CORPUS[:, None]).tolist() == out.tolist()


def test_text_vectorization_sequence_length_and_split_none():
    layer = layers.TextVectorization(split=None, output_sequence_length=3)
    layer.adapt(CORPUS)
    # from keras 3.15.1
    assert layer.get_vocabulary() == ["", "[UNK]", "the cat sat", "a dog a cat"]
    assert layer(CORPUS[:, None]).tolist() == [[2, 0, 0], [3, 0, 0], [0, 0, 0]]
    short = layers.TextVectorization(output_sequence_length=2, vocabulary=["cat", "a"])
    assert short(CORPUS).tolist() == [[1, 2], [3, 1], [0, 0]]


def test_text_vectorization_ngrams_tf_idf_matches_keras():
    layer = layers.TextVectorization(ngrams=2, output_mode="tf_idf")
    layer.adapt(CORPUS)
    # from keras 3.15.1
    assert layer.get_vocabulary() == ["[UNK]", "cat", "a", "the cat", "the", "sat", "dog a",
                                      "dog", "cat sat", "a dog", "a cat"]
    np.testing.assert_allclose(layer(CORPUS).numpy(), [
        [0.0, 0.6931472, 0.0, 0.91629076, 0.91629076, 0.91629076, 0.0, 0.0, 0.91629076, 0.0,
         0.0],
        [0.0, 0.6931472, 1.8325815, 0.0, 0.0, 0.0, 0.91629076, 0.91629076, 0.0, 0.91629076,
         0.91629076],
        [0.0] * 11,
    ], rtol=1e-6)


def test_text_vectorization_one_hot_pads_rows():
    layer = layers.TextVectorization(output_mode="one_hot")
    layer.adapt(CORPUS)
    out = layer(CORPUS)
    # from keras 3.15.1 (a ragged result there; padded with zero rows here)
    assert out[0, :3].tolist() == [[0, 0, 0, 1, 0, 0], [0, 1, 0, 0, 0, 0], [0, 0, 0, 0, 1, 0]]
    assert out[0, 3].tolist() == [0] * 6 and out[2].sum() == 0


def test_text_vectorization_standardize_and_split_like_tensorflow():
    layer = layers.TextVectorization(vocabulary=["école", "straße", "àb"])
    # from keras 3.15.1: only ASCII letters are lowercased, only ASCII whitespace splits.
    np.testing.assert_array_equal(
        layer._preprocess(np.array(["ÉCOLE Straße ÀB"])).values, ["École", "straße", "Àb"])
    rows = layer._preprocess(np.array(["a\u00a0b  c\td\u2003e\x1cf\x0bg\x0ch"])).rows
    assert rows[0].tolist() == ["a\u00a0b", "c", "d\u2003e\x1cf", "g", "h"]
    stripped = layers.TextVectorization(standardize="strip_punctuation", split=None)
    assert stripped._preprocess(np.array(["a-b,c.d!e’f'g_h"])).tolist() == ["abcde’fgh"]
    chars = layers.TextVectorization(split="character", standardize=None, vocabulary=["a", "b"])
    assert chars(["abc", "b"]).tolist() == [[2, 3, 1], [3, 0, 0]]


def test_text_vectorization_callables():
    def upper(x):
        return np.char.upper(x)

    def on_commas(x):
        return [s.split(",") for s in x.tolist()]

    layer = layers.TextVectorization(standardize=upper, split=on_commas, vocabulary=["A", "B C"])
    assert layer(["a,b c,d"]).tolist() == [[2, 3, 1]]


def test_text_vectorization_config_round_trip():
    layer = layers.TextVectorization(max_tokens=5, output_sequence_length=3, name="t")
    layer.adapt(["a b c a", "b a"])
    config = layer.get_config()
    # from keras 3.15.1
    assert config == {
        "name": "t", "trainable": True,
        "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                  "registered_name": None},
        "max_tokens": 5, "standardize": "lower_and_strip_punctuation", "split": "whitespace",
        "ngrams": None, "output_mode": "int", "output_sequence_length": 3,
        "pad_to_max_tokens": False, "sparse": False, "ragged": False, "vocabulary": None,
        "idf_weights": None, "encoding": "utf-8", "vocabulary_size": 5,
    }
    assert layer.get_vocabulary() == ["", "[UNK]", "a", "b", "c"]
    clone = layers.TextVectorization.from_config(dict(config, ngrams=[1, 2]))
    assert clone._ngrams == (1, 2)
    assert layer.compute_output_shape((None,)) == (None, 3)
    multi = layers.TextVectorization(output_mode="multi_hot", vocabulary=["a"])
    assert multi.compute_output_shape((None,)) == (None, 2)


def test_text_vectorization_assets_round_trip(tmp_path):
    vectorizer = layers.TextVectorization(output_mode="count")
    vectorizer.adapt(CORPUS)
    features = vectorizer(CORPUS)
    model = keras.Sequential([keras.Input((features.shape[1],)), layers.Dense(1)])
    vectorizer.save_assets(str(tmp_path))
    restored = layers.TextVectorization.from_config(vectorizer.get_config())
    restored.load_assets(str(tmp_path))
    assert torch.equal(restored(CORPUS), features)
    assert model(features.float()).shape == (3, 1)


def test_text_vectorization_errors():
    with pytest.raises(ValueError, match=re.escape(
            "Unknown value for `standardize` argument of TextVectorization. Allowed values "
            "are: ('lower_and_strip_punctuation', 'lower', 'strip_punctuation'). Received: "
            "standardize=upper")):
        layers.TextVectorization(standardize="upper")
    with pytest.raises(ValueError, match=re.escape(
            "Unknown value for `split` argument of TextVectorization.")):
        layers.TextVectorization(split="comma")
    with pytest.raises(ValueError, match=re.escape(
            "Unknown value for `output_mode` argument of TextVectorization.")):
        layers.TextVectorization(output_mode="bag")
    with pytest.raises(ValueError, match=re.escape(
            "`ngrams` must be None, an integer, or a tuple of integers. Received: "
            "ngrams=[1, 2]")):
        layers.TextVectorization(ngrams=[1, 2])
    with pytest.raises(ValueError, match=re.escape(
            "`output_sequence_length` must be either None or an integer when `output_mode` is "
            "'int'. Received: output_sequence_length=2.5")):
        layers.TextVectorization(output_sequence_length=2.5)
    with pytest.raises(ValueError, match=re.escape(
            "`output_sequence_length` must not be set if `output_mode` is not 'int'. Received "
            "output_sequence_length=3.")):
        layers.TextVectorization(output_mode="count", output_sequence_length=3)
    with pytest.raises(ValueError, match=re.escape(
            "`ragged` must not be true if `output_mode` is `'int'`. Received: ragged=True and "
            "output_mode=count")):
        layers.TextVectorization(output_mode="count", ragged=True)
    with pytest.raises(NotImplementedError, match="`ragged=True` is not supported"):
        layers.TextVectorization(ragged=True)
    layer = layers.TextVectorization(vocabulary=["a"])
    with pytest.raises(ValueError, match=re.escape(
            "When using `TextVectorization` to tokenize strings, the input rank must be 1 or "
            "the last shape dimension must be 1. Received: inputs.shape=(1, 2) with rank=2")):
        layer(np.array([["a", "b"]]))
