"""keras.backend names added for Keras 3.15.1, and the top-level scope objects that live in the
backend (device, name_scope, StatelessScope, SymbolicScope, RematScope, remat)."""

import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import backend
from torchkeras import random as keras_random
from torchkeras.backend import device_scope
from torchkeras.backend import name_scope as name_scope_lib
from torchkeras.backend import remat as remat_lib
from torchkeras.backend import stateless_scope
from torchkeras.backend import symbolic_scope
from torchkeras.version import version


def test_dtype_predicates():
    dtypes = ["float16", "bfloat16", "float32", "float64", "int32", "uint8", "bool",
              "complex64", np.float32]
    # from keras 3.15.1
    assert [backend.is_float_dtype(d) for d in dtypes] == [
        True, True, True, True, False, False, False, False, True]
    assert backend.is_float_dtype(torch.float16)
    int_dtypes = ["float32", "int8", "int32", "int64", "uint8", "uint32", "bool", np.int16]
    assert [backend.is_int_dtype(d) for d in int_dtypes] == [
        False, True, True, True, True, True, False, True]


def test_get_uid_and_is_keras_tensor():
    backend.clear_session()
    # from keras 3.15.1
    assert [backend.get_uid("foo"), backend.get_uid("foo"), backend.get_uid(),
            backend.get_uid()] == [1, 2, 1, 2]
    backend.clear_session()
    assert backend.get_uid("foo") == 1
    assert backend.is_keras_tensor(keras.Input((2,)))
    assert not backend.is_keras_tensor(np.ones(2))
    assert not backend.is_keras_tensor(torch.ones(2))


def test_device_scope():
    before = backend.get_device()
    with device_scope.device("cpu:0") as device:
        assert device == torch.device("cpu:0")
        assert backend.get_device() == torch.device("cpu:0")
    assert backend.get_device() == before
    # New tensors follow the scope (the meta device shows it on a CPU-only machine).
    with device_scope.device("meta"):
        assert keras.ops.ones((2,)).device.type == "meta"
        assert keras_random.normal((2,)).device.type == "meta"
    assert backend.get_device() == before
    assert keras.ops.ones((2,)).device.type == before.type
    with pytest.raises(ValueError) as info:
        with device_scope.device(3):
            pass
    # The torch backend's text in keras 3.15.1.
    assert str(info.value) == (
        "Invalid value for argument `device_name`. Expected a string like 'gpu:0' or 'cpu'. "
        "Received: device_name='3'")


def test_name_scope_prefixes_layer_and_variable_paths():
    with name_scope_lib.name_scope("outer"):
        with name_scope_lib.name_scope("inner"):
            assert name_scope_lib.current_path() == "outer/inner"
            dense = keras.layers.Dense(2, name="d")
            dense.build((None, 3))
    # from keras 3.15.1
    assert dense.path == "outer/inner/d"
    assert dense.kernel.path == "outer/inner/d/kernel"
    assert name_scope_lib.current_path() == ""
    caller = object()
    with name_scope_lib.name_scope("a", caller=caller):
        with name_scope_lib.name_scope("a", caller=caller):  # deduplicated
            assert name_scope_lib.current_path() == "a"
        with name_scope_lib.name_scope("b", override_parent="x/y"):
            assert name_scope_lib.current_path() == "x/y/b"
        assert name_scope_lib.current_path() == "a"
    with pytest.raises(ValueError) as info:
        name_scope_lib.name_scope("a/b")
    # from keras 3.15.1
    assert str(info.value) == (
        "Argument `name` must be a string and cannot contain character `/`. Received: name=a/b")


def test_stateless_scope():
    variable = keras.Variable([1.0, 2.0])
    with stateless_scope.StatelessScope([(variable, [5.0, 6.0])]) as scope:
        assert stateless_scope.in_stateless_scope()
        np.testing.assert_array_equal(variable.numpy(), [5.0, 6.0])
        variable.assign([7.0, 8.0])
        np.testing.assert_array_equal(variable.numpy(), [7.0, 8.0])
    # from keras 3.15.1: the variable is unchanged, the update is collected.
    np.testing.assert_array_equal(variable.numpy(), [1.0, 2.0])
    np.testing.assert_array_equal(scope.get_current_value(variable).numpy(), [7.0, 8.0])
    assert not stateless_scope.in_stateless_scope()
    assert scope.get_current_value(keras.Variable([0.0])) is None
    with pytest.raises(ValueError) as info:
        stateless_scope.StatelessScope([(1, 2)])
    assert str(info.value) == (
        "Invalid reference variable in StatelessScope: all keys in argument `mapping` must be "
        "Variable instances. Received instead: 1")
    with pytest.raises(ValueError, match=(
            r"^Invalid variable value in StatelessScope: all values in argument `mapping` must "
            r"be tensors with a shape that matches the corresponding variable shape. For "
            r"variable .*, received invalid value \[1.0\] with shape \(1,\).$")):
        stateless_scope.StatelessScope([(variable, [1.0])])


def test_symbolic_scope():
    assert not symbolic_scope.in_symbolic_scope()
    with symbolic_scope.SymbolicScope() as scope:
        assert symbolic_scope.get_symbolic_scope() is scope
    assert symbolic_scope.get_symbolic_scope() is None


def test_remat():
    assert remat_lib.get_current_remat_mode() is None
    with remat_lib.RematScope(mode="larger_than", output_size_threshold=5):
        assert remat_lib.get_current_remat_mode() == ("larger_than", 5, [])
    assert remat_lib.get_current_remat_mode() is None
    with pytest.raises(ValueError) as info:
        remat_lib.RematScope("foo")
    # from keras 3.15.1
    assert str(info.value) == (
        "Invalid mode 'foo'. Supported modes are: 'full', 'activations', 'larger_than', "
        "'list_of_layers', or  None.")
    # `remat` recomputes in the backward pass and gives the plain gradients.
    weight = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    x = torch.tensor([[1.0, -1.0]])
    remat_lib.remat(lambda t: torch.relu(t @ weight))(x).sum().backward()
    # d/dW sum(relu(x W)) = x^T * 1[xW > 0]; x W = [-2, -2] -> all zero.
    np.testing.assert_array_equal(weight.grad.numpy(), np.zeros((2, 2)))


def test_version():
    assert version() == keras.__version__
