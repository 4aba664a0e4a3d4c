"""MaxNorm, MinMaxNorm, NonNeg, UnitNorm: values, configs and `get`."""

import numpy as np
import pytest
import torch

from torchkeras import backend
from torchkeras import constraints

W = np.array([[3.0, 0.1, -1.0], [4.0, 0.2, 0.5]], dtype="float32")
EPS = 1e-7


def _norms(w, axis):
    return np.sqrt(np.sum(w.astype("float64") ** 2, axis=axis, keepdims=True))


def test_max_norm():
    out = constraints.MaxNorm()(torch.tensor(W))
    norms = _norms(W, 0)
    np.testing.assert_allclose(out.numpy(), W * np.clip(norms, 0, 2) / (EPS + norms), rtol=1e-6)
    # from keras 3.15.1
    np.testing.assert_allclose(out.numpy(), [[1.2000000476837158, 0.09999995678663254,
                                              -0.9999998807907104],
                                             [1.600000023841858, 0.19999991357326508,
                                              0.4999999403953552]], rtol=1e-6)
    out = constraints.MaxNorm(1.0, axis=1)(torch.tensor(W))
    np.testing.assert_allclose(out.numpy(), [[0.9482093453407288, 0.03160697966814041,
                                              -0.3160697817802429],
                                             [0.9910587668418884, 0.04955293983221054,
                                              0.12388234585523605]], rtol=1e-6)


def test_max_norm_on_conv_kernel_axes():
    k = np.arange(24, dtype="float32").reshape(2, 2, 2, 3) / 10 - 1
    out = constraints.MaxNorm(1.5, axis=[0, 1, 2])(torch.tensor(k)).numpy()
    norms = _norms(k, (0, 1, 2))
    np.testing.assert_allclose(out, k * np.clip(norms, 0, 1.5) / (EPS + norms), rtol=1e-6)
    # from keras 3.15.1 (first and last values)
    np.testing.assert_allclose(out.reshape(-1)[[0, 1, -1]],
                               [-0.769483745098114, -0.678400456905365, 0.9425681233406067],
                               rtol=1e-6)


def test_unit_norm():
    out = constraints.UnitNorm()(torch.tensor(W)).numpy()
    np.testing.assert_allclose(out, W / (EPS + _norms(W, 0)), rtol=1e-6)
    # from keras 3.15.1
    np.testing.assert_allclose(out, [[0.6000000238418579, 0.44721338152885437,
                                      -0.8944270610809326],
                                     [0.800000011920929, 0.8944267630577087,
                                      0.4472135305404663]], rtol=1e-6)


def test_min_max_norm():
    out = constraints.MinMaxNorm(0.5, 1.0, rate=0.7)(torch.tensor(W)).numpy()
    norms = _norms(W, 0)
    desired = 0.7 * np.clip(norms, 0.5, 1.0) + 0.3 * norms
    np.testing.assert_allclose(out, W * desired / (EPS + norms), rtol=1e-6)
    # from keras 3.15.1
    np.testing.assert_allclose(out, [[1.3199999332427979, 0.1865246742963791,
                                      -0.9260988831520081],
                                     [1.7599999904632568, 0.3730493485927582,
                                      0.46304944157600403]], rtol=1e-6)


def test_non_neg():
    out = constraints.NonNeg()(torch.tensor(W))
    np.testing.assert_array_equal(out.numpy(), np.maximum(W, 0))


def test_epsilon_follows_config():
    original = backend.epsilon()
    try:
        backend.set_epsilon(0.5)
        out = constraints.UnitNorm()(torch.tensor(W)).numpy()
        np.testing.assert_allclose(out, W / (0.5 + _norms(W, 0)), rtol=1e-6)
    finally:
        backend.set_epsilon(original)


def test_accepts_variables_and_arrays():
    variable = backend.Variable(W)
    out = constraints.NonNeg()(variable)
    assert type(out) is torch.Tensor
    np.testing.assert_array_equal(constraints.NonNeg()(W).numpy(), np.maximum(W, 0))


def test_base_constraint():
    w = torch.tensor(W)
    assert constraints.Constraint()(w) is w
    assert constraints.Constraint().get_config() == {}


def test_configs_match_keras():
    # from keras 3.15.1
    assert constraints.serialize(constraints.MaxNorm()) == {
        "module": "keras.constraints", "class_name": "MaxNorm",
        "config": {"max_value": 2, "axis": 0}, "registered_name": None,
    }
    assert constraints.MinMaxNorm(0.5, 1.0, rate=0.7).get_config() == {
        "min_value": 0.5, "max_value": 1.0, "rate": 0.7, "axis": 0
    }
    assert constraints.MinMaxNorm().get_config() == {
        "min_value": 0.0, "max_value": 1.0, "rate": 1.0, "axis": 0
    }
    assert constraints.UnitNorm(axis=[0, 1]).get_config() == {"axis": [0, 1]}
    assert constraints.NonNeg().get_config() == {}


@pytest.mark.parametrize(
    "constraint",
    [constraints.MaxNorm(3, axis=1), constraints.MinMaxNorm(0.1, 2.0, 0.5, [0, 1]),
     constraints.NonNeg(), constraints.UnitNorm(axis=1)],
)
def test_round_trip(constraint):
    config = constraints.serialize(constraint)
    for restored in (constraints.deserialize(config), constraints.get(config)):
        assert type(restored) is type(constraint)
        assert restored.get_config() == constraint.get_config()


def test_get():
    # from keras 3.15.1: names in keras.src.constraints.ALL_OBJECTS_DICT
    expected = {"Constraint": "Constraint", "MaxNorm": "MaxNorm", "MinMaxNorm": "MinMaxNorm",
                "NonNeg": "NonNeg", "UnitNorm": "UnitNorm", "constraint": "Constraint",
                "max_norm": "MaxNorm", "min_max_norm": "MinMaxNorm", "non_neg": "NonNeg",
                "unit_norm": "UnitNorm"}
    for name, class_name in expected.items():
        assert type(constraints.get(name)).__name__ == class_name
        assert type(constraints.deserialize(name)).__name__ == class_name
    assert constraints.get(None) is None
    c = constraints.MaxNorm()
    assert constraints.get(c) is c
    assert isinstance(constraints.get(constraints.NonNeg), constraints.NonNeg)
    assert constraints.max_norm is constraints.MaxNorm
    assert sorted(constraints.__all__) == [
        "Constraint", "MaxNorm", "MinMaxNorm", "NonNeg", "UnitNorm", "deserialize", "get",
        "max_norm", "min_max_norm", "non_neg", "serialize", "unit_norm",
    ]  # from keras 3.15.1: dir(keras.constraints)


def test_get_errors():
    for identifier in ("foo", 3):
        with pytest.raises(ValueError) as e:
            constraints.get(identifier)
        assert str(e.value) == f"Could not interpret constraint identifier: {identifier}"
    with pytest.raises(ValueError) as e:
        constraints.deserialize("foo")
    assert str(e.value) == "Could not interpret constraint identifier: foo"
