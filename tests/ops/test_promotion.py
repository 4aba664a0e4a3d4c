"""Keras's dtype promotion (`keras.backend.result_type`) and its use by the binary ops."""

import numpy as np
import pytest
import torch

from torchkeras import ops
from torchkeras.backend import config
from torchkeras.ops.promotion import result_type

# from keras 3.15.1 (TensorFlow backend): keras.backend.result_type(a, b)
RESULT_TYPES = [
    (("int8", "uint8"), "int16"),
    (("int32", "float16"), "float16"),
    (("int64", "float32"), "float32"),
    (("uint8", "int16"), "int16"),
    (("bfloat16", "float16"), "float32"),
    (("bool", "int8"), "int8"),
    (("uint32", "int32"), "int64"),
    (("uint64", "int64"), "float32"),
    (("float64", "complex64"), "complex64"),
    (("complex128", "float32"), "complex64"),
    (("bool", int), "int32"),
    (("bool", float), "float32"),
    (("int8", int), "int8"),
    (("uint8", float), "float32"),
    (("float16", float), "float16"),
    (("int64", int), "int64"),
    (("float64", float), "float64"),
    ((int, float), "float32"),
    ((int, int), "int32"),
    ((float, float), "float32"),
    (("int16", "uint16"), "int32"),
    (("uint16", "float16"), "float16"),
    ((), "float32"),
    (("int8",), "int8"),
    (("int8", "int16", "float16"), "float16"),
    ((None, "int8"), "float32"),
]


@pytest.mark.parametrize("dtypes, expected", RESULT_TYPES, ids=[str(d) for d, _ in RESULT_TYPES])
def test_result_type_matches_keras(dtypes, expected):
    assert result_type(*dtypes) == expected


def test_result_type_accepts_torch_and_numpy_dtypes():
    assert result_type(torch.int8, np.dtype("uint8")) == "int16"
    assert result_type(torch.float16, bool) == "float16"


def test_weak_types_follow_floatx():
    config.set_floatx("float64")
    try:
        assert result_type("int32", float) == "float64"
        assert result_type(int, int) == "int64"
        assert ops.add(np.array([1, 2], "int32"), 0.5).dtype == torch.float64
    finally:
        config.set_floatx("float32")


def test_python_scalars_are_weak_in_binary_ops():
    # int8 + 1 stays int8 (torch agrees); bool + 1 is int32 in Keras (torch would give int64).
    assert ops.add(np.array([1], "int8"), 1).dtype == torch.int8
    assert ops.add(np.array([True]), 1).dtype == torch.int32
    assert ops.add(np.array([1], "int32"), 1.5).dtype == torch.float32
    assert ops.multiply(np.array([1], "float16"), 3).dtype == torch.float16
    assert ops.subtract(np.array([3], "uint8"), True).tolist() == [2]


def test_python_values_convert_like_tensorflow():
    assert ops.convert_to_tensor(3).dtype == torch.int32
    assert ops.convert_to_tensor(2**40).dtype == torch.int64
    assert ops.convert_to_tensor([1, 2.5]).dtype == torch.float32
    assert ops.convert_to_tensor([True, False]).dtype == torch.bool
    # NumPy float64 arrays keep float64, as in Keras on TensorFlow.
    assert ops.convert_to_tensor(np.ones(2)).dtype == torch.float64
    assert ops.add(2, 3).dtype == torch.int32
    assert ops.add(2.0, 3).dtype == torch.float32
