import re

import numpy as np
import pytest
import torch

from torchkeras import layers


def test_integer_lookup_docstring_example_and_tensors():
    layer = layers.IntegerLookup(vocabulary=[12, 36, 1138, 42])
    data = np.array([[12, 1138, 42], [42, 1000, 36]])
    assert layer(data).tolist() == [[1, 3, 4], [4, 0, 2]]
    out = layer(torch.tensor(data, dtype=torch.int32))
    assert out.dtype == torch.int64 and out.tolist() == [[1, 3, 4], [4, 0, 2]]
    assert layer([12, 5]).tolist() == [1, 0]


def test_integer_lookup_adapt_matches_keras():
    layer = layers.IntegerLookup()
    layer.adapt(np.array([3, 1, 1, 2, 2, 9]))
    assert layer.get_vocabulary() == [-1, 2, 1, 9, 3]  # from keras 3.15.1
    capped = layers.IntegerLookup(max_tokens=3, mask_token=0)
    capped.adapt([3, 1, 1, 2, 2, 9, 0, 0, 0])
    assert capped.get_vocabulary() == [0, -1, 2]
    assert capped.get_vocabulary(include_special_tokens=False) == [2]
    tensor = layers.IntegerLookup()
    tensor.adapt(torch.tensor([3, 1, 1, 2, 2, 9]))
    assert tensor.get_vocabulary() == layer.get_vocabulary()


def test_integer_lookup_oov_methods_and_mask_match_keras():
    # from keras 3.15.1
    masked = layers.IntegerLookup(vocabulary=[5, 6], mask_token=0, num_oov_indices=3)
    assert masked(np.array([[5, 0, 7, 8, 9, -4, 6]])).tolist() == [[4, 0, 2, 3, 1, 3, 5]]
    farm = layers.IntegerLookup(vocabulary=[5, 6], num_oov_indices=3, oov_method="farmhash")
    assert farm(np.array([[5, 0, 7, 8, 9, -4, 6]])).tolist() == [[3, 1, 1, 1, 2, 1, 4]]
    multi = layers.IntegerLookup(vocabulary=[5, 6], output_mode="multi_hot")
    assert multi(np.array([[5, 7]])).dtype == torch.int64


def test_integer_lookup_invert():
    # from keras 3.15.1
    assert layers.IntegerLookup(vocabulary=[5, 6], invert=True)(
        np.array([[0, 1, 2, 9]])).tolist() == [[-1, 5, 6, -1]]
    assert layers.IntegerLookup(vocabulary=[5, 6], invert=True, mask_token=0)(
        np.array([[0, 1, 2, 9]])).tolist() == [[0, -1, 5, -1]]


def test_integer_lookup_config():
    config = layers.IntegerLookup(vocabulary=np.array([4, 5]), name="i").get_config()
    # from keras 3.15.1
    assert config == {
        "name": "i", "trainable": True,
        "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                  "registered_name": None},
        "invert": False, "max_tokens": None, "num_oov_indices": 1, "oov_token": -1,
        "mask_token": None, "output_mode": "int", "sparse": False, "pad_to_max_tokens": False,
        "vocabulary_dtype": "int64", "idf_weights": None, "vocabulary": [4, 5],
        "vocabulary_size": 3, "oov_method": "floormod", "salt": None,
    }
    assert layers.IntegerLookup.from_config(config)(np.array([5])).tolist() == [2]


def test_integer_lookup_errors():
    with pytest.raises(ValueError, match=re.escape(
            "If `max_tokens` is set for `IntegerLookup`, it must be greater than 1. "
            "Received: max_tokens=1")):
        layers.IntegerLookup(max_tokens=1)
    with pytest.raises(ValueError, match=re.escape(
            "The value of `num_oov_indices` argument for `IntegerLookup` must >= 0. "
            "Received: num_oov_indices=-2")):
        layers.IntegerLookup(num_oov_indices=-2)
    with pytest.raises(ValueError, match=re.escape(
            "Only `vocabulary_dtype='int64'` is supported at this time. Received: "
            "vocabulary_dtype=int32")):
        layers.IntegerLookup(vocabulary_dtype="int32")
    with pytest.raises(ValueError, match=re.escape(
            "`salt` can only be used when `oov_method='farmhash'`. Received: "
            "oov_method=floormod")):
        layers.IntegerLookup(salt=3)
    strict = layers.IntegerLookup(vocabulary=[1, 2], num_oov_indices=0)
    with pytest.raises(ValueError, match=re.escape("found OOV values [7]")):
        strict(torch.tensor([1, 7]))
