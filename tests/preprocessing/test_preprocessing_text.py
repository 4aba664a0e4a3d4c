"""tf.keras 2's text utilities. Expected values: tf_keras 2.21 (`fixtures/reference.json`)."""

import json

import numpy as np
import pytest

from torchkeras.preprocessing import text

TEXTS = ["The cat sat on the mat.", "The dog ate my homework!",
         "Dog and cat: friends? Maybe...", "", "a b a b c\tc\nd", "Zebra zebra ZEBRA"]


@pytest.fixture
def tokenizer():
    tok = text.Tokenizer(num_words=6, oov_token="<OOV>")
    tok.fit_on_texts(TEXTS)
    return tok


def test_vocabulary_and_orderings_match_tf_keras(reference, tokenizer):
    ref = reference["text"]
    # Order matters: ties in counts keep first-seen order.
    assert [list(item) for item in tokenizer.word_index.items()] == ref["word_index"]
    assert [list(item) for item in tokenizer.word_counts.items()] == ref["word_counts"]
    assert dict(tokenizer.word_docs) == ref["word_docs"]
    assert {str(k): v for k, v in tokenizer.index_docs.items()} == ref["index_docs"]
    assert tokenizer.document_count == 6


def test_sequences_and_texts_match_tf_keras(reference, tokenizer):
    ref = reference["text"]
    sequences = tokenizer.texts_to_sequences(TEXTS + ["unknown cat words"])
    assert sequences == ref["sequences"]
    assert tokenizer.sequences_to_texts(sequences + [[0, 1, 2, 99, 5, 6]]) == ref["texts"]
    assert list(tokenizer.texts_to_sequences_generator(["the cat"])) == [[2, 4]]


@pytest.mark.parametrize("mode", ["binary", "count", "freq", "tfidf"])
def test_matrix_modes_match_tf_keras(reference, tokenizer, mode):
    matrix = tokenizer.texts_to_matrix(TEXTS, mode=mode)
    expected = reference["text"]["matrix"][mode]
    assert matrix.dtype == np.float64
    np.testing.assert_allclose(matrix, expected, rtol=1e-12)


def test_json_round_trip(reference, tokenizer):
    config = tokenizer.get_config()
    ref = reference["text"]["config"]
    assert list(config) == list(ref)
    for key in ("word_counts", "word_index", "index_word"):
        assert config[key] == ref[key]  # insertion-ordered dicts: identical strings
    for key in ("word_docs", "index_docs"):
        assert json.loads(config[key]) == json.loads(ref[key])  # set order: compare as dicts
    restored = text.tokenizer_from_json(tokenizer.to_json())
    assert restored.word_index == tokenizer.word_index
    assert restored.index_word == tokenizer.index_word
    assert restored.texts_to_sequences(TEXTS) == tokenizer.texts_to_sequences(TEXTS)
    np.testing.assert_array_equal(
        restored.texts_to_matrix(TEXTS, "tfidf"), tokenizer.texts_to_matrix(TEXTS, "tfidf")
    )
    assert json.loads(tokenizer.to_json(indent=2))["class_name"] == "Tokenizer"


def test_char_level_lists_and_analyzer(reference):
    tok = text.Tokenizer(char_level=True, lower=False)
    tok.fit_on_texts(["abcA", "bbc"])
    tok.fit_on_texts([["x", "Y"], "aa"])
    word_index, sequences, count = reference["text"]["char_level"]
    assert [list(item) for item in tok.word_index.items()] == word_index
    assert tok.texts_to_sequences(["abcz", ["x", "a"]]) == sequences
    assert tok.document_count == count
    tok = text.Tokenizer(analyzer=lambda s: s.split("-"))
    tok.fit_on_texts(["a-b-c", "b-c"])
    assert tok.word_index == {"b": 1, "c": 2, "a": 3}


def test_fit_on_sequences(reference):
    tok = text.Tokenizer(num_words=5)
    tok.fit_on_sequences([[1, 2, 2], [3]])
    count, index_docs, matrix = reference["text"]["fit_on_sequences"]
    assert tok.document_count == count
    assert {str(k): v for k, v in tok.index_docs.items()} == index_docs
    np.testing.assert_allclose(tok.sequences_to_matrix([[1, 2, 2, 7], [], [4]], "tfidf"), matrix)


def test_text_to_word_sequence_and_hashing(reference):
    expected = reference["text"]["text_to_word_sequence"]
    assert [text.text_to_word_sequence(s) for s in TEXTS] == expected[:-1]
    assert text.text_to_word_sequence("A-b_C d", filters="-", lower=False, split="_") == (
        expected[-1]
    )
    assert text.hashing_trick("The cat sat on the cat", 17, hash_function="md5") == (
        reference["text"]["hashing_trick_md5"]
    )
    # A callable hash, and Python's `hash` for one_hot (stable within a process).
    assert text.hashing_trick("The cat sat", 5, hash_function=len) == [
        len(w) % 4 + 1 for w in ("the", "cat", "sat")
    ]
    assert text.one_hot("Cat, cat!", 7) == [hash("cat") % 6 + 1] * 2
    assert text.hashing_trick("a-b", 3, analyzer=lambda s: s.split("-"), hash_function=len) == [
        2, 2
    ]


def test_tokenizer_errors(reference):
    errors = reference["text"]["errors"]
    with pytest.raises(ValueError) as e:
        text.Tokenizer().sequences_to_matrix([[1]])
    assert [type(e.value).__name__, str(e.value)] == errors["no_vocab"]
    with pytest.raises(ValueError) as e:
        text.Tokenizer(num_words=3).sequences_to_matrix([[1]], "tfidf")
    assert [type(e.value).__name__, str(e.value)] == errors["tfidf_unfit"]
    with pytest.raises(ValueError) as e:
        text.Tokenizer(num_words=3).sequences_to_matrix([[1]], "foo")
    assert [type(e.value).__name__, str(e.value)] == errors["bad_mode"]
    with pytest.raises(TypeError) as e:
        text.Tokenizer(foo=1)
    assert [type(e.value).__name__, str(e.value)] == errors["bad_kwarg"]
    with pytest.warns(UserWarning, match="has been renamed `num_words`"):
        assert text.Tokenizer(nb_words=3).num_words == 3
