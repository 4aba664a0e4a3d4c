"""Dice and Tversky losses. Expected numbers come from NumPy references of the Keras formulas
written below, or from keras 3.15.1 on TensorFlow where marked."""

import numpy as np
import pytest
import torch

from torchkeras import losses

EPS = 1e-7
# (batch=2, 2, 2, 1) masks: the example of Keras's docstring.
Y4 = np.array([[[[1.0], [1.0]], [[0.0], [0.0]]], [[[1.0], [1.0]], [[0.0], [0.0]]]], "float32")
P4 = np.array([[[[0.0], [1.0]], [[0.0], [1.0]]], [[[0.4], [0.0]], [[0.0], [0.9]]]], "float32")
Y2 = np.array([[1, 0, 1, 1], [0, 0, 1, 0], [1, 1, 1, 0]], "float32")
P2 = np.array([[0.9, 0.2, 0.6, 0.7], [0.1, 0.3, 0.8, 0.2], [0.6, 0.5, 0.9, 0.4]], "float32")
SW2 = np.array([1.0, 0.5, 2.0], "float32")
REDUCTIONS = ["sum_over_batch_size", "sum", "mean", "mean_with_sample_weight", None, "none"]


def close(actual, expected, rtol=1e-5, atol=1e-6):
    np.testing.assert_allclose(
        torch.as_tensor(actual).detach().numpy(), expected, rtol=rtol, atol=atol
    )


def reduce_np(values, sample_weight, reduction):
    """Keras's reduction; a scalar loss without weights is returned as is."""
    if sample_weight is not None:
        values = values * sample_weight
    if reduction in (None, "none") or np.ndim(values) == 0:
        return values
    if reduction == "sum":
        return values.sum()
    if reduction == "mean_with_sample_weight" and sample_weight is not None:
        return values.sum() / sample_weight.sum()
    return values.mean()


def np_dice(y, p, axis=None):
    y, p = y.astype("float64"), p.astype("float64")
    return 1 - 2 * (y * p).sum(axis) / (y.sum(axis) + p.sum(axis) + EPS)


def np_tversky(y, p, alpha=0.5, beta=0.5, axis=None):
    y, p = y.astype("float64"), p.astype("float64")
    tp = (y * p).sum(axis)
    fp = ((1 - p) * y).sum(axis)  # Keras's naming
    fn = (p * (1 - y)).sum(axis)
    return 1 - tp / (tp + alpha * fp + beta * fn + EPS)


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize(
    "axis, y, p, sw",
    [(None, Y4, P4, np.array([1.0, 3.0], "float32")), ((1, 2, 3), Y4, P4, np.array([1.0, 3.0], "float32")), (-1, Y2, P2, SW2)],
)
def test_dice(reduction, weighted, axis, y, p, sw):
    sw = sw if weighted else None
    expected = reduce_np(np_dice(y, p, axis), sw, reduction)
    close(losses.Dice(reduction=reduction, axis=axis)(y, p, sample_weight=sw), expected)


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("alpha, beta, axis", [(0.5, 0.5, None), (0.3, 0.7, -1), (0.8, 0.2, 1)])
def test_tversky(reduction, weighted, alpha, beta, axis):
    sw = SW2 if weighted else None
    expected = reduce_np(np_tversky(Y2, P2, alpha, beta, axis), sw, reduction)
    loss = losses.Tversky(alpha=alpha, beta=beta, axis=axis, reduction=reduction)
    close(loss(Y2, P2, sample_weight=sw), expected)


def test_keras_values():
    # from keras 3.15.1
    close(losses.Dice(axis=(1, 2, 3), reduction=None)(Y4, P4), [0.5, 0.7575757503509521])
    close(losses.Dice()(Y4, P4), 0.6164383888244629)
    close(losses.Dice()(Y4, P4, sample_weight=np.array([1.0, 3.0])), 1.2328767776489258)
    close(losses.Dice(axis=-1, reduction="sum")(Y2, P2, sample_weight=SW2), 0.8703704476356506)
    close(losses.dice(Y2, P2, axis=1), [0.18518519401550293, 0.3333333730697632, 0.25925928354263306])
    close(
        losses.tversky(Y2, P2, alpha=0.2, beta=0.8, axis=1),
        [0.12698417901992798, 0.39393943548202515, 0.2063491940498352],
    )
    loss = losses.Tversky(alpha=0.3, beta=0.7, axis=-1, reduction="mean_with_sample_weight")
    close(loss(Y2, P2, sample_weight=SW2), 0.2241140753030777)
    close(losses.Tversky(0.8, 0.2, axis=(1, 2, 3))(Y4, P4), 0.6424731016159058)


def test_tversky_one_half_is_dice():
    close(losses.tversky(Y2, P2, axis=-1), losses.dice(Y2, P2, axis=-1).numpy())


def test_gradient_flows():
    p = torch.tensor(P2, requires_grad=True)
    losses.Dice(axis=-1)(Y2, p).backward()
    # d/dp of 1 - 2*sum(yp)/(sum(y)+sum(p)+eps), averaged over the 3 rows.
    y64, p64 = Y2.astype("float64"), P2.astype("float64")
    inter = (y64 * p64).sum(-1, keepdims=True)
    union = y64.sum(-1, keepdims=True) + p64.sum(-1, keepdims=True) + EPS
    expected = -(2 * y64 * union - 2 * inter) / union**2 / 3
    close(p.grad, expected)


def test_configs():
    # Keys and defaults from keras 3.15.1.
    assert losses.Dice().get_config() == {
        "name": "dice", "reduction": "sum_over_batch_size", "axis": None
    }
    assert losses.Tversky().get_config() == {
        "name": "tversky", "reduction": "sum_over_batch_size", "alpha": 0.5, "beta": 0.5,
        "axis": None,
    }
    # A tuple axis comes back from JSON as a list; it still works.
    loss = losses.Dice.from_config({"name": "d", "reduction": "sum", "axis": [1, 2, 3]})
    close(loss(Y4, P4), np_dice(Y4, P4, (1, 2, 3)).sum())
    restored = losses.deserialize(losses.serialize(losses.Tversky(0.1, 0.9, axis=-1)))
    assert (restored.alpha, restored.beta, restored.axis) == (0.1, 0.9, -1)


def test_shape_mismatch():
    with pytest.raises(ValueError, match=r"^Loss 'dice' \(Dice\): `y_true` and `y_pred` have incompatible shapes. Expected shapes that broadcast together \(after a trailing size-1 axis is squeezed or added\). Received: y_true.shape=\(2, 3\), y_pred.shape=\(2, 4\)$"):
        losses.Dice()(np.ones((2, 3)), np.ones((2, 4)))
    with pytest.raises(ValueError, match=r"^Loss 'tversky' \(Tversky\): `y_true` and `y_pred` have incompatible shapes"):
        losses.Tversky()(np.ones((2, 3)), np.ones((3, 3)))
