"""Binary and categorical focal crossentropy. Expected numbers come from NumPy references of the
Keras formulas written below, or from keras 3.15.1 on TensorFlow where marked."""

import warnings

import numpy as np
import pytest
import torch

from torchkeras import losses

EPS = 1e-7
YB = np.array([[0, 1, 1], [1, 0, 0], [1, 1, 0], [0, 0, 1]], "float32")
PB = np.array([[0.1, 0.8, 0.6], [0.7, 0.2, 0.05], [0.95, 0.4, 0.5], [0.3, 0.0, 1.0]], "float32")
ZB = np.array(
    [[-2.0, 1.5, 0.3], [0.9, -0.7, -3.0], [4.0, -0.4, 0.0], [-0.8, -20.0, 25.0]], "float32"
)
YC = np.array([[0, 1, 0], [0, 0, 1], [1, 0, 0], [0, 1, 0]], "float32")
PC = np.array([[0.05, 0.9, 0.05], [0.1, 0.8, 0.1], [0.5, 0.3, 0.4], [0.0, 1.0, 0.0]], "float32")
ZC = np.array([[1.0, 2.0, 0.5], [-1.0, 0.0, 3.0], [2.0, 2.0, -1.0], [0.3, -0.2, 0.1]], "float32")
SW = np.array([0.5, 2.0, 1.0, 0.0], "float32")
REDUCTIONS = ["sum_over_batch_size", "sum", "mean", "mean_with_sample_weight", None, "none"]


def close(actual, expected, rtol=1e-5, atol=1e-6):
    np.testing.assert_allclose(
        torch.as_tensor(actual).detach().numpy(), expected, rtol=rtol, atol=atol
    )


def reduce_np(per_sample, sample_weight, reduction):
    """Keras's reduction of per-sample losses (no mask)."""
    values = per_sample if sample_weight is None else per_sample * sample_weight
    if reduction in (None, "none"):
        return values
    if reduction == "sum":
        return values.sum()
    if reduction == "mean_with_sample_weight" and sample_weight is not None:
        return values.sum() / sample_weight.sum()
    return values.mean()


def np_sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x.astype("float64")))


def np_bfce(y, p, gamma=2.0, alpha=0.25, balance=False, smoothing=0.0, logits=None):
    """Binary focal crossentropy; `logits` given means the exact crossentropy of the logits."""
    y = y.astype("float64") * (1 - smoothing) + 0.5 * smoothing
    if logits is not None:
        z = logits.astype("float64")
        bce = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
        p = np_sigmoid(z)
    else:
        # Clipped in float32, where 1 - 1e-7 rounds to 1 - 2**-23.
        q = np.clip(p, np.float32(EPS), np.float32(1 - EPS)).astype("float64")
        bce = -(y * np.log(q) + (1 - y) * np.log(1 - q))
    p_t = y * p + (1 - y) * (1 - p)
    focal = (1 - p_t) ** gamma * bce
    if balance:
        focal = (y * alpha + (1 - y) * (1 - alpha)) * focal
    return focal.mean(-1)


def np_cfce(y, p, gamma=2.0, alpha=0.25, smoothing=0.0, logits=False, axis=-1):
    y = y.astype("float64")
    p = p.astype("float64")
    if smoothing:
        y = y * (1 - smoothing) + smoothing / y.shape[-1]
    if logits:
        e = np.exp(p - p.max(axis, keepdims=True))
        p = e / e.sum(axis, keepdims=True)
    out = (p / p.sum(axis, keepdims=True)).astype("float32")
    out = np.clip(out, np.float32(EPS), np.float32(1 - EPS)).astype("float64")
    return (np.asarray(alpha) * (1 - out) ** gamma * -y * np.log(out)).sum(axis)


# -- binary ----------------------------------------------------------------------------------

BFCE_CONFIGS = [
    {},
    {"gamma": 3.0, "apply_class_balancing": True, "alpha": 0.4},
    {"label_smoothing": 0.2, "gamma": 1.5},
    {"gamma": 0.0},
]


def _np_bfce_kwargs(config):
    return {
        "gamma": config.get("gamma", 2.0),
        "alpha": config.get("alpha", 0.25),
        "balance": config.get("apply_class_balancing", False),
        "smoothing": config.get("label_smoothing", 0.0),
    }


@pytest.mark.parametrize("config", BFCE_CONFIGS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
def test_binary_focal_probabilities(config, reduction, weighted):
    sw = SW if weighted else None
    loss = losses.BinaryFocalCrossentropy(reduction=reduction, **config)
    expected = reduce_np(np_bfce(YB, PB, **_np_bfce_kwargs(config)), sw, reduction)
    close(loss(YB, PB, sample_weight=sw), expected)


@pytest.mark.parametrize("config", BFCE_CONFIGS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
def test_binary_focal_logits(config, reduction, weighted):
    sw = SW if weighted else None
    loss = losses.BinaryFocalCrossentropy(reduction=reduction, from_logits=True, **config)
    expected = reduce_np(np_bfce(YB, None, logits=ZB, **_np_bfce_kwargs(config)), sw, reduction)
    close(loss(YB, ZB, sample_weight=sw), expected)


def test_binary_focal_keras_values():
    # from keras 3.15.1
    loss = losses.BinaryFocalCrossentropy(gamma=3.0, apply_class_balancing=True, alpha=0.4)
    close(loss(YB, PB), 0.012976308353245258)
    close(loss(YB, PB, sample_weight=SW), 0.012328115291893482)
    loss = losses.BinaryFocalCrossentropy(
        label_smoothing=0.2, gamma=1.5, from_logits=True, reduction="mean_with_sample_weight"
    )
    close(loss(YB, ZB, sample_weight=SW), 0.1119956374168396)
    close(
        losses.binary_focal_crossentropy(YB, ZB, from_logits=True, apply_class_balancing=True),
        [0.00937556941062212, 0.013500239700078964, 0.07059296220541, 0.008917164988815784],
    )
    # The docstring example of keras 3.15.1.
    loss = losses.BinaryFocalCrossentropy(gamma=2, from_logits=True)
    close(loss(np.array([0, 1, 0, 0]), np.array([-18.6, 0.51, 2.94, -12.8])), 0.691, atol=1e-3)


def test_binary_focal_gamma_zero_is_binary_crossentropy():
    close(
        losses.BinaryFocalCrossentropy(gamma=0.0)(YB, PB),
        losses.BinaryCrossentropy()(YB, PB).numpy(),
    )


def test_binary_focal_uses_the_logits_behind_a_sigmoid():
    # As on TensorFlow: a sigmoid output is scored from its logits (no clipping) and the same
    # value as `from_logits=True` on the logits; from keras 3.15.1.
    logits = torch.tensor(ZB)
    sigmoid = torch.sigmoid(logits)
    sigmoid._keras_logits = logits
    close(losses.BinaryFocalCrossentropy()(YB, sigmoid), 0.0598427951335907)
    # `from_logits=True` on a sigmoid output takes a second sigmoid, as Keras does.
    close(losses.BinaryFocalCrossentropy(from_logits=True)(YB, sigmoid), 0.14972634613513947)


def test_binary_focal_gradient_matches_numpy():
    # d/dz of the exact logits formula, by central differences in float64.
    z = torch.tensor(ZB[:3], dtype=torch.float64, requires_grad=True)
    y = YB[:3]
    losses.BinaryFocalCrossentropy(from_logits=True, dtype="float64")(y, z).backward()
    step = 1e-6
    numeric = np.zeros_like(ZB[:3], dtype="float64")
    for idx in np.ndindex(*numeric.shape):
        plus, minus = ZB[:3].astype("float64"), ZB[:3].astype("float64")
        plus[idx] += step
        minus[idx] -= step
        diff = np_bfce(y, None, logits=plus).mean() - np_bfce(y, None, logits=minus).mean()
        numeric[idx] = diff / (2 * step)
    np.testing.assert_allclose(z.grad.numpy(), numeric, rtol=1e-5, atol=1e-8)


def test_binary_focal_shape_mismatch():
    # Keras's text (the crossentropy kernel checks the shapes).
    with pytest.raises(ValueError, match=r"must have the same shape. Received: target.shape=\(2, 3\), output.shape=\(2, 4\)"):
        losses.BinaryFocalCrossentropy()(np.ones((2, 3)), np.full((2, 4), 0.5))
    with pytest.raises(ValueError, match=r"must have the same shape. Received: target.shape=\(2, 3\), output.shape=\(2, 4\)"):
        losses.BinaryFocalCrossentropy(from_logits=True)(np.ones((2, 3)), np.zeros((2, 4)))


# -- categorical -----------------------------------------------------------------------------

CFCE_CONFIGS = [
    {},
    {"alpha": [0.2, 0.5, 0.3], "gamma": 1.0},
    {"label_smoothing": 0.1, "gamma": 0.0, "alpha": 1.0},
]


def _np_cfce_kwargs(config):
    return {
        "gamma": config.get("gamma", 2.0),
        "alpha": config.get("alpha", 0.25),
        "smoothing": config.get("label_smoothing", 0.0),
    }


@pytest.mark.parametrize("config", CFCE_CONFIGS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("from_logits", [False, True])
def test_categorical_focal(config, reduction, weighted, from_logits):
    sw = SW if weighted else None
    y_pred = ZC if from_logits else PC
    loss = losses.CategoricalFocalCrossentropy(
        reduction=reduction, from_logits=from_logits, **config
    )
    per_sample = np_cfce(YC, y_pred, logits=from_logits, **_np_cfce_kwargs(config))
    close(loss(YC, y_pred, sample_weight=sw), reduce_np(per_sample, sw, reduction))


def test_categorical_focal_keras_values():
    # from keras 3.15.1
    close(
        losses.CategoricalFocalCrossentropy()(YC, PC),
        0.13525313138961792,
    )
    loss = losses.CategoricalFocalCrossentropy(alpha=[0.2, 0.5, 0.3], gamma=1.0, from_logits=True)
    close(loss(YC, ZC, sample_weight=SW), 0.0297904834151268)
    close(
        losses.categorical_focal_crossentropy(YC, ZC, from_logits=True, axis=0),
        [0.01654331386089325, 0.7421784400939941, 0.0006535243592225015],
    )
    # The docstring examples of keras 3.15.1.
    close(
        losses.categorical_focal_crossentropy(
            [[0, 1, 0], [0, 0, 1]], [[0.05, 0.9, 0.05], [0.1, 0.85, 0.05]]
        ),
        [2.63401289e-04, 6.75912094e-01],
    )
    close(
        losses.CategoricalFocalCrossentropy(reduction=None)(
            [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]
        ),
        [3.2058331e-05, 4.6627346e-01],
    )


def test_categorical_focal_axis_0_matches_numpy():
    close(
        losses.categorical_focal_crossentropy(YC, ZC, from_logits=True, axis=0),
        np_cfce(YC, ZC, logits=True, axis=0),
    )


def test_categorical_focal_ignores_logits_behind_a_softmax():
    # Keras clips the probabilities here even on TensorFlow: a saturated softmax costs
    # -log(1e-7)-scaled terms, not the exact logits loss; from keras 3.15.1.
    logits = torch.tensor(ZC * 20)
    softmax = torch.softmax(logits, dim=-1)
    softmax._keras_logits = logits
    close(losses.CategoricalFocalCrossentropy()(YC, softmax), 0.6369116902351379)


def test_categorical_focal_errors_and_warnings():
    # Texts from keras 3.15.1.
    with pytest.raises(ValueError, match="^`axis` must be of type `int`. Received: axis=True of type <class 'bool'>$"):
        losses.categorical_focal_crossentropy(YC, PC, axis=True)
    with pytest.warns(SyntaxWarning, match=r"In loss categorical_focal_crossentropy, expected y_pred.shape to be \(batch_size, num_classes\) with num_classes > 1. Received: y_pred.shape=\(2, 1\)"):
        losses.categorical_focal_crossentropy(np.ones((2, 1)), np.ones((2, 1)))
    with pytest.raises(ValueError, match=r"^Loss 'categorical_focal_crossentropy' \(CategoricalFocalCrossentropy\): `y_true` and `y_pred` have incompatible shapes. .* Received: y_true.shape=\(2, 3\), y_pred.shape=\(2, 4\)$"):
        losses.CategoricalFocalCrossentropy()(np.ones((2, 3)), np.full((2, 4), 0.5))


# -- configs ---------------------------------------------------------------------------------


def test_focal_configs_round_trip():
    # Keys and defaults from keras 3.15.1.
    assert losses.BinaryFocalCrossentropy().get_config() == {
        "name": "binary_focal_crossentropy", "reduction": "sum_over_batch_size",
        "from_logits": False, "label_smoothing": 0.0, "axis": -1,
        "apply_class_balancing": False, "alpha": 0.25, "gamma": 2.0,
    }
    assert losses.CategoricalFocalCrossentropy().get_config() == {
        "name": "categorical_focal_crossentropy", "reduction": "sum_over_batch_size",
        "from_logits": False, "label_smoothing": 0.0, "axis": -1, "alpha": 0.25, "gamma": 2.0,
    }
    loss = losses.CategoricalFocalCrossentropy(alpha=[0.2, 0.5, 0.3], gamma=1.0, reduction="sum")
    restored = losses.CategoricalFocalCrossentropy.from_config(loss.get_config())
    close(restored(YC, PC), loss(YC, PC).numpy())
    restored = losses.deserialize(losses.serialize(
        losses.BinaryFocalCrossentropy(apply_class_balancing=True, alpha=0.4, from_logits=True)
    ))
    assert type(restored) is losses.BinaryFocalCrossentropy
    assert restored.apply_class_balancing and restored.alpha == 0.4 and restored.from_logits


def test_focal_training_step_reduces_the_loss():
    torch.manual_seed(0)
    logits = torch.zeros(4, 3, requires_grad=True)
    loss_fn = losses.CategoricalFocalCrossentropy(from_logits=True)
    before = loss_fn(YC, logits)
    before.backward()
    with torch.no_grad():
        logits -= 1.0 * logits.grad
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert loss_fn(YC, logits) < before
