import re

import numpy as np
import pytest
import torch

from torchkeras import layers
from torchkeras.layers.preprocessing import hash_functions
from torchkeras.testing import run_layer_test

# from keras 3.15.1: Hashing(2**31 - 1) of "" and of strings of lengths that cover every
# FarmHash branch (0-16, 17-32, 33-64, the 64-byte loop), then the same with salt=[1, 2].
LENGTH_CASES = [
    ("", 1699943623, 1847395816), ("a", 493484721, 1705284436),
    ("abc", 1043552938, 1260835414), ("abcd", 2127136445, 1394298641),
    ("abcdefgh", 245091680, 1306570059), ("a" * 16, 1819159216, 409729382),
    ("b" * 17, 341764701, 1455028460), ("c" * 32, 1479278812, 256096833),
    ("d" * 33, 309404106, 477581208), ("e" * 64, 2072266748, 63727814),
    ("f" * 65, 1425167348, 1225427711), ("g" * 128, 1872908873, 1795814297),
    ("h" * 200, 1019282866, 595288626),
]


@pytest.mark.parametrize("text,fast,strong", LENGTH_CASES)
def test_hash_functions_match_tensorflow(text, fast, strong):
    data = text.encode()
    assert hash_functions.fingerprint64(data) % (2**31 - 1) == fast
    assert hash_functions.siphash64([1, 2], data) % (2**31 - 1) == strong


def test_hashing_basics():
    run_layer_test(
        layers.Hashing, {"num_bins": 3}, input_data=np.array([[1], [2], [3]]),
        expected_output_shape=(3, 1), run_training_check=False,
    )


def test_hashing_docstring_examples():
    # from keras 3.15.1 (the layer's docstring, checked in the reference environment)
    words = [["A"], ["B"], ["C"], ["D"], ["E"]]
    assert layers.Hashing(3)(words).tolist() == [[1], [0], [1], [1], [2]]
    masked = layers.Hashing(3, mask_value="")(np.array([["A"], ["B"], [""], ["C"], ["D"]]))
    assert masked.tolist() == [[1], [1], [0], [2], [2]]
    assert layers.Hashing(3, salt=133)(words).tolist() == [[0], [0], [2], [1], [0]]
    assert layers.Hashing(3, salt=[133, 137])(words).tolist() == [[1], [2], [1], [0], [2]]


def test_hashing_numbers_bytes_and_dtypes():
    # from keras 3.15.1: integers and booleans hash as text; floats are truncated first.
    assert layers.Hashing(5)(np.array([[1], [-2], [3]])).tolist() == [[4], [0], [1]]
    assert layers.Hashing(5)(np.array([[1.7], [-2.2], [3.0]])).tolist() == [[4], [0], [1]]
    assert layers.Hashing(10)(np.array([True, False])).tolist() == [0, 7]
    assert layers.Hashing(7)(np.array([[b"ab", b"cd"]])).tolist() == [[0, 2]]
    assert layers.Hashing(7)(torch.tensor([[1, 2]])).dtype == torch.int64
    assert layers.Hashing(10, dtype="int32")(np.array([7, 8])).dtype == torch.int32


def test_hashing_encoded_outputs():
    one_hot = layers.Hashing(10, output_mode="one_hot")(np.array([["ab"], ["cd"]]))
    assert one_hot.dtype == torch.float32
    assert one_hot.tolist() == [[0, 0, 1, 0, 0, 0, 0, 0, 0, 0]] * 2  # from keras 3.15.1
    counts = layers.Hashing(7, output_mode="count")(np.array([["ab", "ab", "cd"]]))
    assert counts.tolist() == [[2, 0, 1, 0, 0, 0, 0]]
    layer = layers.Hashing(7, output_mode="multi_hot")
    assert layer.compute_output_shape((None, 3)) == (None, 7)
    assert layer.compute_output_shape(()) == (7,)


def test_hashing_config():
    config = layers.Hashing(4, salt=5, name="h").get_config()
    # from keras 3.15.1
    assert config == {
        "name": "h", "trainable": True,
        "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "int64"},
                  "registered_name": None},
        "num_bins": 4, "salt": [5, 5], "mask_value": None, "output_mode": "int", "sparse": False,
    }
    assert layers.Hashing.from_config(config).salt == [5, 5]


def test_hashing_errors():
    with pytest.raises(ValueError, match=re.escape(
            "The `num_bins` for `Hashing` cannot be `None` or non-positive values. "
            "Received: num_bins=0.")):
        layers.Hashing(0)
    with pytest.raises(ValueError, match=re.escape(
            "When `output_mode=\"int\"`, `dtype` should be an integer type, 'int32' or 'in64'. "
            "Received: dtype=float32")):
        layers.Hashing(3, dtype="float32")
    with pytest.raises(ValueError, match=re.escape(
            "Invalid value for argument `output_mode`. Expected one of ('int', 'one_hot', "
            "'multi_hot', 'count'). Received: output_mode=tf_idf")):
        layers.Hashing(3, output_mode="tf_idf")
    with pytest.raises(ValueError, match=re.escape(
            "`sparse` may only be true if `output_mode` is `\"one_hot\"`, `\"multi_hot\"`, or "
            "`\"count\"`. Received: sparse=True and output_mode=int")):
        layers.Hashing(3, sparse=True)
    with pytest.raises(ValueError, match=re.escape(
            "The `salt` argument for `Hashing` can only be a tuple of size 2 integers, or a "
            "single integer. Received: salt=[1, 2, 3].")):
        layers.Hashing(3, salt=[1, 2, 3])
