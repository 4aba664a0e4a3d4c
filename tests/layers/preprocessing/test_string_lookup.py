import os
import re

import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import layers
from torchkeras.saving import saving_lib

DATA = np.array([["b", "a", "c"], ["a", "c", "d"], ["e", "e", "e"]])


def test_string_lookup_docstring_example():
    layer = layers.StringLookup(vocabulary=["a", "b", "c", "d"])
    out = layer(np.array([["a", "c", "d"], ["d", "z", "b"]]))
    assert out.dtype == torch.int64
    assert out.tolist() == [[1, 3, 4], [4, 0, 2]]
    assert layer(["a", "z"]).tolist() == [1, 0]
    assert layer("c").tolist() == 3
    assert layer(np.array([b"a", b"d"])).tolist() == [1, 4]


def test_string_lookup_adapt_orders_by_count_then_token_descending():
    layer = layers.StringLookup()
    layer.adapt(DATA)
    # from keras 3.15.1
    assert layer.get_vocabulary() == ["[UNK]", "e", "c", "a", "d", "b"]
    assert layer.get_vocabulary(include_special_tokens=False) == ["e", "c", "a", "d", "b"]
    assert layer.vocabulary_size() == 6
    assert layer.get_config()["vocabulary_size"] == 6
    batched = layers.StringLookup()
    batched.adapt(b for b in DATA)
    assert batched.get_vocabulary() == layer.get_vocabulary()


def test_string_lookup_special_tokens_and_max_tokens():
    layer = layers.StringLookup(max_tokens=4, num_oov_indices=2, mask_token="")
    layer.adapt(np.array(["x", "y", "y", "", "", "", "[UNK]", "z", "z", "z"]))
    assert layer.get_vocabulary() == ["", "[UNK]", "[UNK]", "z"]
    with_specials = layers.StringLookup(vocabulary=["", "[UNK]", "a"], mask_token="")
    assert with_specials.get_vocabulary() == ["", "[UNK]", "a"]
    assert with_specials(np.array(["", "a", "q"])).tolist() == [0, 2, 1]


def test_string_lookup_output_modes_match_keras():
    vocab = ["a", "b", "c"]
    queries = np.array([["a", "z"], ["c", "c"]])
    # from keras 3.15.1
    expected = {
        "multi_hot": [[1, 1, 0, 0], [0, 0, 0, 1]],
        "one_hot": [[[0, 1, 0, 0], [1, 0, 0, 0]], [[0, 0, 0, 1], [0, 0, 0, 1]]],
        "count": [[1, 1, 0, 0], [0, 0, 0, 2]],
    }
    for mode, values in expected.items():
        out = layers.StringLookup(vocabulary=vocab, output_mode=mode)(queries)
        assert out.dtype == torch.int64 and out.tolist() == values
    masked = layers.StringLookup(vocabulary=vocab, mask_token="", output_mode="multi_hot")
    assert masked(np.array([["a", ""], ["", "q"]])).tolist() == [[0, 1, 0, 0], [1, 0, 0, 0]]
    sparse = layers.StringLookup(vocabulary=vocab, output_mode="count", sparse=True)
    assert sparse(queries).to_dense().tolist() == expected["count"]


def test_string_lookup_oov_hashing_matches_keras():
    # from keras 3.15.1
    layer = layers.StringLookup(vocabulary=["a", "b", "c"], mask_token="", num_oov_indices=3)
    assert layer(np.array([["a", "", "q", "r", "s", "zz", "c"]])).tolist() == [
        [4, 0, 3, 2, 2, 2, 6]]
    salted = layers.StringLookup(vocabulary=["a", "b"], salt=4, num_oov_indices=3)
    assert salted(np.array(["x", "y", "z", "w"])).tolist() == [0, 2, 0, 0]


def test_string_lookup_tf_idf_matches_keras():
    layer = layers.StringLookup(output_mode="tf_idf")
    layer.adapt(DATA)
    # from keras 3.15.1
    np.testing.assert_allclose(
        layer(np.array([["a", "e", "zz"]])).numpy(),
        [[0.8270333409309387, 0.9162907600402832, 0.0, 0.6931471824645996, 0.0, 0.0]],
        rtol=1e-6,
    )
    given = layers.StringLookup(vocabulary=["a", "b"], output_mode="tf_idf",
                                idf_weights=[0.5, 0.25])
    np.testing.assert_allclose(given(np.array([["a", "b", "zz", "a"]])).numpy(),
                               [[0.375, 1.0, 0.25]])
    padded = layers.StringLookup(vocabulary=["[UNK]", "a", "b"], output_mode="tf_idf",
                                 idf_weights=[0.3, 0.5, 0.25], pad_to_max_tokens=True,
                                 max_tokens=5)
    np.testing.assert_allclose(padded(np.array([["a", "b", "zz", "a"]])).numpy(),
                               [[0.3, 1.0, 0.25, 0.0, 0.0]], rtol=1e-6)


def test_string_lookup_invert():
    vocab = ["a", "b", "c"]
    out = layers.StringLookup(vocabulary=vocab, invert=True)(np.array([[0, 1, 3, 7]]))
    assert isinstance(out, np.ndarray) and out.tolist() == [["[UNK]", "a", "c", "[UNK]"]]
    masked = layers.StringLookup(vocabulary=vocab, invert=True, mask_token="M")
    assert masked(torch.tensor([[0, 1, 3, 7]])).tolist() == [["M", "[UNK]", "b", "[UNK]"]]


def test_string_lookup_config_round_trip():
    layer = layers.StringLookup(vocabulary=["a", "b"], name="s")
    config = layer.get_config()
    # from keras 3.15.1
    assert config == {
        "name": "s", "trainable": True,
        "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                  "registered_name": None},
        "invert": False, "max_tokens": None, "num_oov_indices": 1, "oov_token": "[UNK]",
        "mask_token": None, "output_mode": "int", "sparse": False, "pad_to_max_tokens": False,
        "idf_weights": None, "vocabulary": ["a", "b"], "vocabulary_size": 3,
        "oov_method": "floormod", "salt": None, "encoding": "utf-8",
    }
    clone = layers.StringLookup.from_config(config)
    assert clone.get_vocabulary() == ["[UNK]", "a", "b"]


def test_string_lookup_symbolic_and_weights():
    layer = layers.StringLookup(vocabulary=["a", "b"], output_mode="multi_hot")
    assert layer.weights == []
    assert layer.compute_output_shape((None, 4)) == (None, 3)
    assert layers.StringLookup(vocabulary=["a"], output_mode="one_hot").compute_output_shape(
        (None, 1)) == (None, 2)


def test_string_lookup_vocabulary_file_and_assets(tmp_path):
    path = tmp_path / "vocab.txt"
    path.write_text("a\nb\nc\n", encoding="utf-8")
    layer = layers.StringLookup(vocabulary=str(path))
    assert layer.get_vocabulary() == ["[UNK]", "a", "b", "c"]
    assert layer.get_config()["vocabulary"] is None
    assert layer(np.array(["c", "q"])).tolist() == [3, 0]
    with saving_lib.SafeModeScope(True):
        with pytest.raises(ValueError, match=re.escape(
                "Requested the loading of a vocabulary file outside of the model archive.")):
            layers.StringLookup(vocabulary=str(path))
    with pytest.raises(ValueError, match="Vocabulary file .*missing.txt does not exist."):
        layers.StringLookup(vocabulary=str(tmp_path / "missing.txt"))

    adapted = layers.StringLookup(output_mode="tf_idf")
    adapted.adapt(DATA)
    adapted.save_assets(str(tmp_path))
    store = {}
    adapted.save_own_variables(store)
    restored = layers.StringLookup.from_config(adapted.get_config())
    restored.load_own_variables(store)
    restored.load_assets(str(tmp_path))
    assert restored.get_vocabulary() == adapted.get_vocabulary()
    queries = np.array([["a", "e", "zz"]])
    np.testing.assert_allclose(restored(queries).numpy(), adapted(queries).numpy())
    assert os.path.exists(tmp_path / "vocabulary.txt")


def test_string_lookup_in_a_model_with_integer_output(rng):
    lookup = layers.StringLookup(vocabulary=["a", "b", "c"])
    ids = lookup(np.array([["a", "c"], ["b", "q"]]))
    model = keras.Sequential([keras.Input((2,), dtype="int64"), layers.Embedding(4, 2)])
    assert model(ids).shape == (2, 2, 2)


def test_string_lookup_construction_errors():
    with pytest.raises(ValueError, match=re.escape(
            "If set, `max_tokens` must be greater than 1. Received: max_tokens=1")):
        layers.StringLookup(max_tokens=1)
    with pytest.raises(ValueError, match=re.escape(
            "If pad_to_max_tokens is True, must set `max_tokens`. Received: max_tokens=None")):
        layers.StringLookup(pad_to_max_tokens=True)
    with pytest.raises(ValueError, match=re.escape(
            "`num_oov_indices` must be greater than or equal to 0. Received: num_oov_indices=-1")):
        layers.StringLookup(num_oov_indices=-1)
    with pytest.raises(ValueError, match=re.escape(
            "Unknown value for `oov_method` argument of StringLookup. Allowed values are: "
            "('floormod', 'farmhash'). Received: oov_method=md5")):
        layers.StringLookup(oov_method="md5")
    with pytest.raises(ValueError, match=re.escape(
            "The `salt` argument for `IndexLookup` can only be a tuple of 2 integers, or a "
            "single integer. Received: salt=(1, 2, 3).")):
        layers.StringLookup(salt=(1, 2, 3))
    with pytest.raises(ValueError, match=re.escape(
            "Unknown value for `output_mode` argument of StringLookup. Allowed values are: "
            "('int', 'one_hot', 'multi_hot', 'count', 'tf_idf'). Received: output_mode=bag")):
        layers.StringLookup(output_mode="bag")
    with pytest.raises(ValueError, match=re.escape(
            "`output_mode` must be `'int'` when `invert` is true. Received: "
            "output_mode=multi_hot")):
        layers.StringLookup(invert=True, output_mode="multi_hot")
    with pytest.raises(ValueError, match=re.escape(
            "`sparse` may only be true if `output_mode` is `'one_hot'`, `'multi_hot'`, "
            "`'count'` or `'tf_idf'`. Received: sparse=True and output_mode=int")):
        layers.StringLookup(sparse=True)
    with pytest.raises(ValueError, match=re.escape(
            "`idf_weights` should only be set if `output_mode` is `'tf_idf'`. Received: "
            "idf_weights=[1.0] and output_mode=int")):
        layers.StringLookup(idf_weights=[1.0])
    with pytest.raises(ValueError, match=re.escape(
            "Unrecognized keyword argument(s): {'foo': 1}")):
        layers.StringLookup(foo=1)
    with pytest.raises(ValueError, match=re.escape(
            "When specifying the `vocabulary` argument, in TF-IDF output mode, the "
            "`idf_weights` argument must also be provided.")):
        layers.StringLookup(vocabulary=["a"], output_mode="tf_idf")


def test_string_lookup_vocabulary_errors(tmp_path):
    layer = layers.StringLookup(mask_token="", max_tokens=4)
    with pytest.raises(ValueError, match=re.escape(
            "Cannot set an empty vocabulary. Received: vocabulary=[]")):
        layer.set_vocabulary([])
    with pytest.raises(ValueError, match=re.escape(
            "The passed vocabulary has at least one repeated term. Please uniquify your "
            "dataset. The repeated terms are: ['a']")):
        layer.set_vocabulary(["a", "b", "a"])
    with pytest.raises(ValueError, match=re.escape(
            "Found reserved mask token at unexpected location in `vocabulary`.")):
        layer.set_vocabulary(["a", ""])
    with pytest.raises(ValueError, match=re.escape(
            "Attempted to set a vocabulary larger than the maximum vocab size. Received "
            "vocabulary size is 5; `max_tokens` is 4.")):
        layer.set_vocabulary(["a", "b", "c"])
    with pytest.raises(ValueError, match=re.escape(
            "`idf_weights` should only be set if output_mode is `'tf_idf'`. Received: "
            "output_mode=int and idf_weights=[1.0]")):
        layer.set_vocabulary(["a"], idf_weights=[1.0])
    inverse = layers.StringLookup(invert=True)
    with pytest.raises(ValueError, match=re.escape(
            "Found reserved OOV token at unexpected location in `vocabulary`.")):
        inverse.set_vocabulary(["a", "[UNK]"])
    tfidf = layers.StringLookup(output_mode="tf_idf")
    with pytest.raises(ValueError, match=re.escape(
            "`idf_weights` must be set if output_mode is 'tf_idf'.")):
        tfidf.set_vocabulary(["a"])
    with pytest.raises(ValueError, match=re.escape(
            "`idf_weights` must be the same length as vocabulary. len(idf_weights) is 1; "
            "len(vocabulary) is 2")):
        tfidf.set_vocabulary(["a", "b"], idf_weights=[1.0])
    with pytest.raises(ValueError, match="TF-IDF data must be a 1-index array."):
        tfidf.set_vocabulary(["a", "b"], idf_weights=[[1.0], [2.0]])
    path = tmp_path / "v.txt"
    path.write_text("a\n", encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(
            "output_mode `'tf_idf'` does not support loading a vocabulary from file.")):
        tfidf.set_vocabulary(str(path), idf_weights=[1.0])


def test_string_lookup_call_and_adapt_errors():
    with pytest.raises(ValueError, match=re.escape(
            "Cannot adapt layer 'fixed' after setting a static vocabulary via `vocabulary` "
            "argument or `set_vocabulary()` method.")):
        layers.StringLookup(vocabulary=["a"], name="fixed").adapt(["a"])
    strict = layers.StringLookup(vocabulary=["a"], num_oov_indices=0)
    assert strict(["a"]).tolist() == [0]
    with pytest.raises(ValueError, match=re.escape(
            "When `num_oov_indices=0` all inputs should be in vocabulary, found OOV values "
            "['q'], consider setting `num_oov_indices=1`.")):
        strict(["a", "q"])
    with pytest.raises(RuntimeError, match=re.escape(
            "When using `output_mode=multi_hot` and `pad_to_max_tokens=False`, you must set "
            "the layer's vocabulary before calling it.")):
        layers.StringLookup(output_mode="multi_hot")(["a"])
    frozen = layers.StringLookup(vocabulary=["a"], output_mode="count")
    with pytest.raises(RuntimeError, match=re.escape(
            "When using `output_mode=count` and `pad_to_max_tokens=False`, the vocabulary size "
            "cannot be changed after the layer is called. Old vocab size is 2, new vocab size "
            "is 3")):
        frozen.set_vocabulary(["a", "b"])
    with pytest.raises(ValueError, match=re.escape(
            "When `output_mode` is `'tf_idf'`, `idf_weights` must be provided.")):
        layers.StringLookup(output_mode="tf_idf", max_tokens=3, pad_to_max_tokens=True)(["a"])
    with pytest.raises(TypeError, match="torch has no string tensors"):
        layers.StringLookup(vocabulary=["a"])(torch.ones(2))
