"""L1, L2, L1L2, OrthogonalRegularizer: values, configs, `get` and errors."""

import numpy as np
import pytest
import torch

from torchkeras import regularizers

X = np.array([[1.0, -2.0, 0.5], [0.0, 3.0, -1.0]], dtype="float32")
Y = np.array([[1.0, 2.0, 0.5, -1.0], [0.3, -0.2, 1.5, 2.0], [0.0, 1.0, -1.0, 0.5]],
             dtype="float32")


def _orthogonal_penalty(x, factor, mode):
    x = x.astype("float64")
    if mode == "columns":
        x = x.T
    normalized = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-7)
    product = normalized @ normalized.T
    size = x.shape[0]
    off_diagonal = np.abs(product[~np.eye(size, dtype=bool)]).sum()
    return factor * 0.5 * off_diagonal / (size * (size - 1) / 2)


def test_l1_l2_values():
    x = torch.tensor(X)
    cases = [
        (regularizers.L1(), 0.01 * np.abs(X).sum(), 0.07499999552965164),
        (regularizers.L1(0.3), 0.3 * np.abs(X).sum(), 2.25),
        (regularizers.L2(), 0.01 * (X**2).sum(), 0.1525000035762787),
        (regularizers.L2(0.3), 0.3 * (X**2).sum(), 4.575000286102295),
        (regularizers.L1L2(0.1, 0.2), 0.1 * np.abs(X).sum() + 0.2 * (X**2).sum(),
         3.799999952316284),
        (regularizers.L1L2(l2=0.2), 0.2 * (X**2).sum(), 3.049999952316284),
        (regularizers.L1L2(l1=0.1), 0.1 * np.abs(X).sum(), 0.1 * 7.5),
        (regularizers.L1L2(), 0.0, 0.0),
    ]
    for regularizer, closed_form, keras_value in cases:  # keras values from keras 3.15.1
        out = regularizer(x)
        assert isinstance(out, torch.Tensor) and out.shape == () and out.dtype == torch.float32
        np.testing.assert_allclose(float(out), closed_form, rtol=1e-6)
        np.testing.assert_allclose(float(out), keras_value, rtol=1e-6)


def test_l2_gradient_is_two_l2_w():
    w = torch.tensor(X, requires_grad=True)
    regularizers.L2(0.5)(w).backward()
    np.testing.assert_allclose(w.grad.numpy(), 2 * 0.5 * X)


def test_float64_stays_float64():
    assert regularizers.L1L2(0.1, 0.1)(torch.tensor(X, dtype=torch.float64)).dtype == torch.float64
    assert regularizers.L1L2()(torch.tensor(X, dtype=torch.float64)).dtype == torch.float64


def test_orthogonal_regularizer():
    y = torch.tensor(Y)
    # from keras 3.15.1
    for regularizer, keras_value in (
        (regularizers.OrthogonalRegularizer(factor=0.5), 0.11086830496788025),
        (regularizers.OrthogonalRegularizer(factor=0.5, mode="columns"), 0.19905488193035126),
        (regularizers.OrthogonalRegularizer(), 0.0022173661272972822),
    ):
        out = regularizer(y)
        assert out.shape == ()
        np.testing.assert_allclose(float(out), keras_value, rtol=1e-6)
        np.testing.assert_allclose(
            float(out), _orthogonal_penalty(Y, regularizer.factor, regularizer.mode), rtol=1e-6
        )
    # A zero row stays zero after normalization (norms are floored at epsilon).
    z = np.array([[1.0, 2.0], [0.0, 0.0], [1.0, -1.0]], dtype="float32")
    out = regularizers.OrthogonalRegularizer(factor=1.0)(torch.tensor(z))
    np.testing.assert_allclose(float(out), 0.10540925711393356, rtol=1e-6)  # from keras 3.15.1


def test_orthogonal_regularizer_rank_error():
    with pytest.raises(ValueError) as e:
        regularizers.OrthogonalRegularizer()(torch.ones(2, 2, 2))
    assert str(e.value) == (
        "Inputs to OrthogonalRegularizer must have rank 2. Received: inputs.shape=(2, 2, 2)"
    )


def test_configs_match_keras():
    # from keras 3.15.1 (L1 and OrthogonalRegularizer keep float32 factors)
    assert regularizers.L1().get_config() == {"l1": 0.009999999776482582}
    assert regularizers.L2().get_config() == {"l2": 0.01}
    assert regularizers.L1L2().get_config() == {"l1": 0.0, "l2": 0.0}
    assert regularizers.L1L2(0.1, 0.2).get_config() == {"l1": 0.1, "l2": 0.2}
    assert regularizers.OrthogonalRegularizer(0.2, "columns").get_config() == {
        "factor": 0.20000000298023224, "mode": "columns"
    }
    assert regularizers.serialize(regularizers.L2(0.1)) == {
        "module": "keras.regularizers", "class_name": "L2", "config": {"l2": 0.1},
        "registered_name": None,
    }


@pytest.mark.parametrize(
    "regularizer",
    [regularizers.L1(0.2), regularizers.L2(0.3), regularizers.L1L2(0.1, 0.4),
     regularizers.OrthogonalRegularizer(0.1, "columns")],
)
def test_round_trip(regularizer):
    config = regularizers.serialize(regularizer)
    for restored in (regularizers.deserialize(config), regularizers.get(config)):
        assert type(restored) is type(regularizer)
        assert restored.get_config() == regularizer.get_config()


def test_none_factors_use_defaults():
    assert regularizers.L1(None).l1 == regularizers.L1().l1
    assert regularizers.L2(None).l2 == 0.01
    assert regularizers.L1L2(None, None).get_config() == {"l1": 0.0, "l2": 0.0}


def test_get_strings():
    # from keras 3.15.1: names in keras.src.regularizers.ALL_OBJECTS_DICT
    expected = {"L1": "L1", "L2": "L2", "L1L2": "L1L2", "Regularizer": "Regularizer",
                "OrthogonalRegularizer": "OrthogonalRegularizer", "l1": "L1", "l2": "L2",
                "l1l2": "L1L2", "orthogonal_regularizer": "OrthogonalRegularizer",
                "regularizer": "Regularizer"}
    for name, class_name in expected.items():
        assert type(regularizers.get(name)).__name__ == class_name
        assert type(regularizers.deserialize(name)).__name__ == class_name
    assert regularizers.get("l1").get_config() == {"l1": 0.009999999776482582}
    assert regularizers.get("l2").get_config() == {"l2": 0.01}
    # "l1_l2" gives both factors at 0.01, as the Keras docstring (and tf.keras) promise.
    for reg in (regularizers.get("l1_l2"), regularizers.deserialize("l1_l2")):
        assert reg.get_config() == {"l1": 0.01, "l2": 0.01}
    assert regularizers.l1_l2 is regularizers.L1L2
    assert sorted(regularizers.__all__) == [
        "L1", "L1L2", "L2", "OrthogonalRegularizer", "Regularizer", "deserialize", "get", "l1",
        "l1_l2", "l2", "orthogonal_regularizer", "serialize",
    ]  # from keras 3.15.1: dir(keras.regularizers)


def test_get_passes_through():
    assert regularizers.get(None) is None
    reg = regularizers.L2(0.5)
    assert regularizers.get(reg) is reg
    assert isinstance(regularizers.get(regularizers.L1), regularizers.L1)

    def penalty(x):
        return 0.01 * torch.sum(torch.abs(x))

    assert regularizers.get(penalty) is penalty


def test_get_errors():
    for identifier in ("foo", 3):
        with pytest.raises(ValueError) as e:
            regularizers.get(identifier)
        assert str(e.value) == f"Could not interpret regularizer identifier: {identifier}"
    with pytest.raises(ValueError) as e:
        regularizers.deserialize("foo")
    assert str(e.value) == "Could not interpret regularizer identifier: foo"


@pytest.mark.parametrize(
    "make, name, value",
    [
        (lambda: regularizers.L1(-1), "l1", -1),
        (lambda: regularizers.L2("a"), "l2", "a"),
        (lambda: regularizers.L1L2(l1=float("nan")), "l1", float("nan")),
        (lambda: regularizers.L1L2(l2=float("inf")), "l2", float("inf")),
        (lambda: regularizers.OrthogonalRegularizer(factor=-1), "factor", -1),
    ],
)
def test_factor_errors(make, name, value):
    with pytest.raises(ValueError) as e:
        make()
    assert str(e.value) == (
        f"Invalid value for argument {name}: expected a non-negative float.Received: {name}={value}"
    )


def test_mode_error():
    with pytest.raises(ValueError) as e:
        regularizers.OrthogonalRegularizer(mode="foo")
    assert str(e.value) == (
        'Invalid value for argument `mode`. Expected one of {"rows", "columns"}. Received: mode=foo'
    )


def test_base_regularizer():
    base = regularizers.Regularizer()
    assert base(torch.ones(3)) == 0.0
    with pytest.raises(NotImplementedError) as e:
        base.get_config()
    assert str(e.value) == f"{base} does not implement get_config()"
