import copy
import pickle

import numpy as np
import pytest
import torch

import torchkeras as keras


def test_variable_is_a_parameter_with_keras_api():
    v = keras.Variable([[1.0, 2.0]], name="v")
    assert isinstance(v, torch.nn.Parameter)
    assert v.name == "v" and v.path == "v"
    assert v.trainable and v.requires_grad
    assert v.shape == (1, 2) and v.ndim == 2
    assert keras.backend.standardize_dtype(v.dtype) == "float32"
    v.assign([[3.0, 4.0]])
    v.assign_add([[1.0, 1.0]])
    v.assign_sub([[0.5, 0.5]])
    np.testing.assert_array_equal(v.numpy(), [[3.5, 4.5]])
    assert v.value is v


def test_variable_from_initializer_and_non_trainable():
    v = keras.Variable(initializer="ones", shape=(2, 3), trainable=False, name="state")
    np.testing.assert_array_equal(v.numpy(), np.ones((2, 3)))
    assert not v.requires_grad
    v.trainable = True
    assert v.requires_grad


def test_numpy_returns_a_copy():
    v = keras.Variable([1.0])
    array = v.numpy()
    v.assign([5.0])
    assert array[0] == 1.0


def test_assign_shape_mismatch_is_an_error():
    v = keras.Variable([1.0, 2.0], name="w")
    with pytest.raises(ValueError, match=r"must match. variable.shape=\(2,\), Received: value.shape=\(3,\)"):
        v.assign([1.0, 2.0, 3.0])


def test_initializer_needs_shape():
    with pytest.raises(ValueError, match="the `shape` argument should be specified"):
        keras.Variable(initializer="zeros")


def test_float64_values_become_floatx():
    assert keras.Variable(np.zeros(2)).dtype == torch.float32
    assert keras.Variable(np.zeros(2), dtype="float64").dtype == torch.float64


def test_deepcopy_and_pickle_keep_keras_attributes():
    v = keras.Variable([1.0, 2.0], name="k", trainable=False)
    for clone in (copy.deepcopy(v), pickle.loads(pickle.dumps(v))):
        assert isinstance(clone, keras.Variable)
        assert clone.name == "k" and not clone.trainable
        np.testing.assert_array_equal(clone.numpy(), [1.0, 2.0])


def test_no_python_dispatch_on_ops():
    # Like nn.Parameter, ops on a Variable go straight to torch (no __torch_function__).
    v = keras.Variable([1.0])
    assert type(v).__torch_function__ is torch.nn.Parameter.__torch_function__
    assert type(v * 2) is torch.Tensor


def test_variable_copies_the_initial_value():
    array = np.zeros(2, "float32")
    tensor = torch.zeros(2)
    a, b = keras.Variable(array), keras.Variable(tensor)
    a.assign_add([1.0, 1.0])
    b.assign_add([1.0, 1.0])
    assert array.tolist() == [0.0, 0.0] and tensor.tolist() == [0.0, 0.0]
