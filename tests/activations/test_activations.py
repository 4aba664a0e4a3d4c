"""Numbers of every activation: closed-form NumPy references and values recorded with Keras."""

import math
import warnings

import numpy as np
import pytest
import torch

from torchkeras import activations

X = np.array([-4.0, -3.0, -1.5, -1.0, -0.5, 0.0, 0.25, 1.0, 2.0, 3.0, 6.5], dtype="float32")
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def _softplus(x):
    return np.log1p(np.exp(x))


_erf = np.vectorize(math.erf)

# Closed forms, in float64, of every activation on X (name -> (call, reference)).
CLOSED_FORMS = {
    "relu": (lambda x: activations.relu(x), lambda x: np.maximum(x, 0)),
    "relu_slope": (
        lambda x: activations.relu(x, negative_slope=0.5),
        lambda x: np.where(x > 0, x, 0.5 * x),
    ),
    "relu_max": (lambda x: activations.relu(x, max_value=2.0), lambda x: np.clip(x, 0, 2)),
    "relu_thr": (
        lambda x: activations.relu(x, threshold=1.0),
        lambda x: np.where(x > 1.0, x, 0.0),
    ),
    "relu_all": (
        lambda x: activations.relu(x, negative_slope=0.1, max_value=2.5, threshold=0.5),
        lambda x: np.where(x > 0.5, np.minimum(x, 2.5), 0.1 * (x - 0.5)),
    ),
    "leaky_relu": (activations.leaky_relu, lambda x: np.where(x > 0, x, 0.2 * x)),
    "relu6": (activations.relu6, lambda x: np.clip(x, 0, 6)),
    "elu": (activations.elu, lambda x: np.where(x > 0, x, np.expm1(x))),
    "elu_a": (
        lambda x: activations.elu(x, alpha=0.5),
        lambda x: np.where(x > 0, x, 0.5 * np.expm1(x)),
    ),
    "selu": (
        activations.selu,
        lambda x: SELU_SCALE * np.where(x > 0, x, SELU_ALPHA * np.expm1(x)),
    ),
    "celu_a": (
        lambda x: activations.celu(x, alpha=2.0),
        lambda x: np.maximum(x, 0) + 2.0 * np.expm1(np.minimum(x, 0) / 2.0),
    ),
    "softplus": (activations.softplus, _softplus),
    "softsign": (activations.softsign, lambda x: x / (np.abs(x) + 1)),
    "soft_shrink": (
        activations.soft_shrink,
        lambda x: np.where(x > 0.5, x - 0.5, np.where(x < -0.5, x + 0.5, 0.0)),
    ),
    "sparse_plus": (
        activations.sparse_plus,
        lambda x: np.where(x <= -1, 0.0, np.where(x < 1, 0.25 * (x + 1) ** 2, x)),
    ),
    "silu": (activations.silu, lambda x: x * _sigmoid(x)),
    "swish": (activations.swish, lambda x: x * _sigmoid(x)),
    "squareplus": (activations.squareplus, lambda x: (x + np.sqrt(x * x + 4)) / 2),
    "squareplus_b1": (
        lambda x: activations.squareplus(x, b=1),
        lambda x: (x + np.sqrt(x * x + 1)) / 2,
    ),
    "gelu": (activations.gelu, lambda x: 0.5 * x * (1 + _erf(x / np.sqrt(2)))),
    "gelu_approx": (
        lambda x: activations.gelu(x, approximate=True),
        lambda x: 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3))),
    ),
    "tanh": (activations.tanh, np.tanh),
    "tanh_shrink": (activations.tanh_shrink, lambda x: x - np.tanh(x)),
    "hard_tanh": (activations.hard_tanh, lambda x: np.clip(x, -1, 1)),
    "hard_shrink": (activations.hard_shrink, lambda x: np.where(np.abs(x) > 0.5, x, 0.0)),
    "hard_shrink_1": (
        lambda x: activations.hard_shrink(x, threshold=1.0),
        lambda x: np.where(np.abs(x) > 1.0, x, 0.0),
    ),
    "threshold": (
        lambda x: activations.threshold(x, 0.5, -7.0),
        lambda x: np.where(x > 0.5, x, -7.0),
    ),
    "sigmoid": (activations.sigmoid, _sigmoid),
    "exponential": (activations.exponential, np.exp),
    "hard_sigmoid": (activations.hard_sigmoid, lambda x: np.clip(x + 3, 0, 6) / 6),
    "log_sigmoid": (activations.log_sigmoid, lambda x: -_softplus(-x)),
    "sparse_sigmoid": (
        activations.sparse_sigmoid,
        lambda x: np.where(x <= -1, 0.0, np.where(x >= 1, 1.0, 0.5 * (x + 1))),
    ),
    "hard_silu": (activations.hard_silu, lambda x: x * np.clip(x + 3, 0, 6) / 6),
    "hard_swish": (activations.hard_swish, lambda x: x * np.clip(x + 3, 0, 6) / 6),
    "linear": (activations.linear, lambda x: x),
    "mish": (activations.mish, lambda x: x * np.tanh(_softplus(x))),
}

# from keras 3.15.1 (TensorFlow backend), float32, on X.
KERAS = {
    "relu": [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.25, 1.0, 2.0, 3.0, 6.5],
    "relu_slope": [-2.0, -1.5, -0.75, -0.5, -0.25, 0.0, 0.25, 1.0, 2.0, 3.0, 6.5],
    "relu_max": [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.25, 1.0, 2.0, 2.0, 2.0],
    "relu_thr": [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0, 3.0, 6.5],
    "relu_all": [
        -0.450000018, -0.349999994, -0.200000003, -0.150000006, -0.100000001, -0.0500000007,
        -0.0250000004, 1.0, 2.0, 2.5, 2.5
    ],
    "leaky_relu": [
        -0.800000012, -0.600000024, -0.300000012, -0.200000003, -0.100000001, 0.0, 0.25, 1.0, 2.0,
        3.0, 6.5
    ],
    "relu6": [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.25, 1.0, 2.0, 3.0, 6.0],
    "elu": [
        -0.981684387, -0.950212955, -0.776869833, -0.63212055, -0.393469334, 0.0, 0.25, 1.0, 2.0,
        3.0, 6.5
    ],
    "elu_a": [
        -0.490842193, -0.475106478, -0.388434917, -0.316060275, -0.196734667, 0.0, 0.25, 1.0, 2.0,
        3.0, 6.5
    ],
    "selu": [
        -1.72589862, -1.6705687, -1.36581433, -1.11133075, -0.691758156, 0.0, 0.262675256,
        1.05070102, 2.10140204, 3.15210295, 6.82955647
    ],
    "celu_a": [
        -1.72932947, -1.55373967, -1.05526686, -0.786938667, -0.442398429, 0.0, 0.25, 1.0, 2.0, 3.0,
        6.5
    ],
    "softplus": [
        0.0181499291, 0.0485873558, 0.201413259, 0.313261688, 0.474076986, 0.693147182, 0.825939417,
        1.31326163, 2.12692809, 3.04858732, 6.50150251
    ],
    "softsign": [
        -0.800000012, -0.75, -0.600000024, -0.5, -0.333333343, 0.0, 0.200000003, 0.5, 0.666666687,
        0.75, 0.866666675
    ],
    "soft_shrink": [-3.5, -2.5, -1.0, -0.5, 0.0, 0.0, 0.0, 0.5, 1.5, 2.5, 6.0],
    "sparse_plus": [0.0, 0.0, 0.0, 0.0, 0.0625, 0.25, 0.390625, 1.0, 2.0, 3.0, 6.5],
    "silu": [
        -0.0719448403, -0.142277598, -0.273638308, -0.268941402, -0.188770339, 0.0, 0.140544131,
        0.731058538, 1.76159418, 2.85772228, 6.490242
    ],
    "squareplus": [
        0.23606801, 0.302775621, 0.5, 0.618034005, 0.780776381, 1.0, 1.13278222, 1.61803401,
        2.41421366, 3.30277562, 6.65036774
    ],
    "squareplus_b1": [
        0.061552763, 0.0811388493, 0.151387811, 0.207106769, 0.309017003, 0.5, 0.640388191,
        1.20710683, 2.11803389, 3.08113885, 6.53823662
    ],
    "gelu": [
        -0.000126685016, -0.00404969649, -0.100210801, -0.158655256, -0.154268771, 0.0, 0.149676576,
        0.841344714, 1.95449972, 2.99595022, 6.5
    ],
    "gelu_approx": [
        -7.02142715e-05, -0.00363743305, -0.100428432, -0.158807993, -0.154285997, 0.0, 0.149675354,
        0.841192007, 1.95459771, 2.99636269, 6.5
    ],
    "tanh": [
        -0.999329269, -0.995054722, -0.905148327, -0.761594176, -0.462117136, 0.0, 0.244918659,
        0.761594176, 0.964027584, 0.995054722, 0.99999541
    ],
    "tanh_shrink": [
        -3.00067067, -2.00494528, -0.594851673, -0.238405824, -0.0378828645, 0.0, 0.00508134067,
        0.238405824, 1.03597236, 2.00494528, 5.50000477
    ],
    "hard_tanh": [-1.0, -1.0, -1.0, -1.0, -0.5, 0.0, 0.25, 1.0, 1.0, 1.0, 1.0],
    "hard_shrink": [-4.0, -3.0, -1.5, -1.0, 0.0, 0.0, 0.0, 1.0, 2.0, 3.0, 6.5],
    "hard_shrink_1": [-4.0, -3.0, -1.5, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0, 3.0, 6.5],
    "threshold": [-7.0, -7.0, -7.0, -7.0, -7.0, -7.0, -7.0, 1.0, 2.0, 3.0, 6.5],
    "sigmoid": [
        0.0179862101, 0.0474258661, 0.182425529, 0.268941402, 0.377540678, 0.5, 0.562176526,
        0.731058538, 0.880797088, 0.952574134, 0.998498797
    ],
    "exponential": [
        0.0183156393, 0.0497870706, 0.223130167, 0.36787945, 0.606530666, 1.0, 1.28402543,
        2.71828175, 7.38905621, 20.085537, 665.141663
    ],
    "hard_sigmoid": [
        0.0, 0.0, 0.25, 0.333333343, 0.416666657, 0.5, 0.541666687, 0.666666687, 0.833333313, 1.0,
        1.0
    ],
    "log_sigmoid": [
        -4.01814985, -3.04858708, -1.70141327, -1.31326163, -0.974076927, -0.693147182,
        -0.575939476, -0.313261688, -0.126928002, -0.048587352, -0.00150231016
    ],
    "sparse_sigmoid": [0.0, 0.0, 0.0, 0.0, 0.25, 0.5, 0.625, 1.0, 1.0, 1.0, 1.0],
    "hard_silu": [
        -0.0, -0.0, -0.375, -0.333333343, -0.208333328, 0.0, 0.135416672, 0.666666687, 1.66666663,
        3.0, 6.5
    ],
    "linear": [-4.0, -3.0, -1.5, -1.0, -0.5, 0.0, 0.25, 1.0, 2.0, 3.0, 6.5],
    "mish": [
        -0.0725917369, -0.145647481, -0.298099726, -0.3034015, -0.220743775, 0.0, 0.169572413,
        0.865098417, 1.943959, 2.98653507, 6.49997044
    ],
}


@pytest.mark.parametrize("name", sorted(CLOSED_FORMS))
def test_matches_closed_form(name):
    call, reference = CLOSED_FORMS[name]
    out = call(torch.tensor(X))
    assert isinstance(out, torch.Tensor)
    assert out.dtype == torch.float32 and out.shape == X.shape
    np.testing.assert_allclose(out.numpy(), reference(X.astype("float64")), rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("name", sorted(KERAS))
def test_matches_keras(name):
    call, _ = CLOSED_FORMS[name]
    # torch's fused exact GELU loses ~5e-7 (absolute) to cancellation in 1 + erf(x / sqrt(2))
    # near x = -4, where TensorFlow keeps full precision; Keras's torch backend uses the same
    # kernel as torchkeras.
    atol = 1e-6 if name == "gelu" else 1e-7
    np.testing.assert_allclose(call(torch.tensor(X)).numpy(), KERAS[name], rtol=1e-6, atol=atol)


def test_celu_default_alpha_is_elu():
    np.testing.assert_allclose(activations.celu(torch.tensor(X)).numpy(), KERAS["elu"], rtol=1e-6)


def test_relu_slope_with_max_value_six():
    out = activations.relu(torch.tensor(X), negative_slope=0.3, max_value=6)
    # from keras 3.15.1
    expected = [-1.20000005, -0.900000036, -0.450000018, -0.300000012, -0.150000006, 0.0, 0.25,
                1.0, 2.0, 3.0, 6.0]
    np.testing.assert_allclose(out.numpy(), expected, rtol=1e-6)


def test_accepts_lists_and_arrays():
    np.testing.assert_allclose(
        activations.relu([-10.0, -5.0, 0.0, 5.0, 10.0], negative_slope=0.5).numpy(),
        [-5.0, -2.5, 0.0, 5.0, 10.0],
    )
    assert activations.tanh(X).dtype == torch.float32
    assert activations.sigmoid(X.astype("float64")).dtype == torch.float32


def test_float64_and_float16_keep_dtype():
    for name in ("gelu", "selu", "hard_silu", "sparse_plus", "mish", "sparse_sigmoid"):
        call, reference = CLOSED_FORMS[name]
        out64 = call(torch.tensor(X, dtype=torch.float64))
        assert out64.dtype == torch.float64
        np.testing.assert_allclose(out64.numpy(), reference(X.astype("float64")), rtol=1e-12,
                                   atol=1e-12)
        assert call(torch.tensor(X, dtype=torch.float16)).dtype == torch.float16


def test_gradients_flow():
    x = torch.tensor(X, requires_grad=True)
    activations.relu(x, negative_slope=0.1, max_value=2.5, threshold=0.5).sum().backward()
    expected = np.where(X > 0.5, np.where(X < 2.5, 1.0, 0.0), 0.1)
    np.testing.assert_allclose(x.grad.numpy(), expected)


M = np.array([[0.5, -1.0, 2.0, 0.0], [3.0, 1.0, -2.0, 0.5], [0.1, 0.2, 0.3, 0.4]], dtype="float32")
M3 = np.arange(24, dtype="float32").reshape(2, 3, 4) / 10


def _np_softmax(x, axis):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def test_softmax_axes():
    for axis in (-1, 0, 1):
        out = activations.softmax(torch.tensor(M), axis=axis)
        np.testing.assert_allclose(out.numpy(), _np_softmax(M.astype("float64"), axis), rtol=1e-6)
    # from keras 3.15.1
    np.testing.assert_allclose(
        activations.softmax(torch.tensor(M)).numpy()[0],
        [0.15844470262527466, 0.03535379469394684, 0.7100999355316162, 0.09610157459974289],
        rtol=1e-6,
    )


def test_softmax_tuple_and_none_axes():
    out = activations.softmax(torch.tensor(M3), axis=(1, 2)).numpy()
    reference = _np_softmax(M3.reshape(2, -1).astype("float64"), -1).reshape(2, 3, 4)
    np.testing.assert_allclose(out, reference, rtol=1e-6)
    # from keras 3.15.1
    np.testing.assert_allclose(out[1, 2], [0.10088379681110382, 0.11149381101131439,
                                           0.12321974337100983, 0.1361788660287857], rtol=1e-6)
    out = activations.softmax(torch.tensor(M3[0]), axis=None).numpy()
    np.testing.assert_allclose(out, _np_softmax(M3[0].ravel().astype("float64"), -1).reshape(3, 4),
                               rtol=1e-6)
    out = activations.softmax(torch.tensor(M3), axis=(2, 0)).numpy()
    moved = np.moveaxis(M3, 1, 0).reshape(3, -1).astype("float64")
    np.testing.assert_allclose(out, np.moveaxis(_np_softmax(moved, -1).reshape(3, 2, 4), 0, 1),
                               rtol=1e-6)


def test_log_softmax_axes():
    for axis in (-1, 0):
        out = activations.log_softmax(torch.tensor(M), axis=axis).numpy()
        np.testing.assert_allclose(out, np.log(_np_softmax(M.astype("float64"), axis)), rtol=1e-6)
    # from keras 3.15.1
    out = activations.log_softmax(torch.tensor(M3), axis=(0, 2)).numpy()
    np.testing.assert_allclose(out[0, 0], [-3.0058178901672363, -2.905817985534668,
                                           -2.8058178424835205, -2.705817937850952], rtol=1e-6)
    np.testing.assert_allclose(out[1, 2], [-1.80581796169281, -1.7058180570602417,
                                           -1.6058179140090942, -1.5058180093765259], rtol=1e-6)
    out = activations.log_softmax(torch.tensor(M), axis=None).numpy()
    reference = np.log(_np_softmax(M.ravel().astype("float64"), -1)).reshape(3, 4)
    np.testing.assert_allclose(out, reference, rtol=1e-6)


def test_softmax_and_sigmoid_keep_logits():
    x = torch.tensor(M, requires_grad=True)
    for fn in (activations.softmax, activations.sigmoid):
        out = fn(x)
        assert out._keras_logits is x
    out = activations.softmax(torch.tensor(M3), axis=(1, 2))
    assert out._keras_logits.shape == (2, 3, 4)
    # Converted inputs keep the converted tensor.
    out = activations.sigmoid(M)
    assert isinstance(out._keras_logits, torch.Tensor)
    np.testing.assert_array_equal(out._keras_logits.numpy(), M)
    # Other activations do not set it.
    assert getattr(activations.tanh(torch.tensor(M)), "_keras_logits", None) is None


def test_softmax_warns_on_axis_of_size_one():
    with pytest.warns(UserWarning) as record:
        activations.softmax(torch.ones(2, 1))
    assert str(record[0].message) == (
        "You are using a softmax over axis -1 of a tensor of shape (2, 1). This axis has size 1. "
        "The softmax operation will always return the value 1, which is likely not what you "
        "intended. Did you mean to use a sigmoid instead?"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        activations.softmax(torch.ones(2, 3))


def test_glu():
    # from keras 3.15.1
    np.testing.assert_allclose(
        activations.glu(torch.tensor(M)).numpy(),
        [[0.44039854407310486, -0.5], [0.35760876536369324, 0.622459352016449],
         [0.0574442557990551, 0.11973754316568375]],
        rtol=1e-6,
    )
    np.testing.assert_allclose(
        activations.glu(torch.tensor(M[:2]), axis=0).numpy(),
        M[:1] * _sigmoid(M[1:2].astype("float64")),
        rtol=1e-6,
    )


def test_glu_odd_axis_error():
    with pytest.raises(ValueError) as e:
        activations.glu(torch.ones(2, 3))
    assert str(e.value) == "axis size must be divisible by 2. Received: x.shape=(2, 3) with axis=-1"


def test_sparsemax_matches_keras():
    # Keras 3.15.1 computes tau as (sum of the cumulative sums inside the support - 1) / k;
    # torchkeras reproduces its numbers. Values from keras 3.15.1.
    np.testing.assert_allclose(
        activations.sparsemax(torch.tensor(M)).numpy(),
        [[0.0, 0.0, 1.0, 0.0], [1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]],
        atol=1e-7,
    )
    np.testing.assert_allclose(
        activations.sparsemax(torch.tensor(M), axis=0).numpy(),
        [[0.0, 0.0, 1.0, 0.0], [1.0, 0.3999999761581421, 0.0, 0.06666669249534607],
         [0.0, 0.0, 0.0, 0.0]],
        atol=1e-6,
    )
    # A single dominant entry gives the one-hot vector.
    x = np.linspace(1, 12, num=12).reshape(-1, 2).astype("float32")
    expected = np.zeros_like(x)
    expected[:, -1] = 1.0
    np.testing.assert_allclose(activations.sparsemax(torch.tensor(x)).numpy(), expected)


def test_soft_shrink_negative_threshold_and_tensor_arguments():
    x = torch.tensor(X)
    np.testing.assert_allclose(
        activations.soft_shrink(x, threshold=-0.5).numpy(),
        np.where(X > -0.5, X + 0.5, np.where(X < 0.5, X - 0.5, 0.0)),
    )
    np.testing.assert_allclose(
        activations.threshold(x, torch.tensor(0.5), torch.tensor(-7.0)).numpy(), KERAS["threshold"]
    )
    np.testing.assert_allclose(
        activations.hard_shrink(x, torch.tensor(1.0)).numpy(), KERAS["hard_shrink_1"]
    )


def test_function_names_are_keras_names():
    for name in ("relu", "softmax", "gelu", "silu", "hard_silu", "log_softmax", "sparsemax"):
        assert getattr(activations, name).__name__ == name
    assert activations.swish is activations.silu
    assert activations.hard_swish is activations.hard_silu
