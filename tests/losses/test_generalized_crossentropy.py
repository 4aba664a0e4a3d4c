"""Categorical generalized cross entropy. Expected numbers come from a NumPy reference of the
Keras formula written below, or from keras 3.15.1 on TensorFlow where marked."""

import numpy as np
import pytest
import torch

from torchkeras import losses

Y = np.array([0, 1, 0, 1])
P = np.array([[0.7, 0.3], [0.2, 0.8], [0.6, 0.4], [0.4, 0.6]], "float32")
SW = np.array([0.5, 2.0, 1.0, 0.0], "float32")
REDUCTIONS = ["sum_over_batch_size", "sum", "mean", "mean_with_sample_weight", None, "none"]


def close(actual, expected, rtol=1e-5, atol=1e-6):
    np.testing.assert_allclose(
        torch.as_tensor(actual).detach().numpy(), expected, rtol=rtol, atol=atol
    )


def np_gce(y, p, q):
    p_true = p.astype("float64")[np.arange(len(y)), y]
    return (1 - p_true**q) / q


def reduce_np(values, sample_weight, reduction):
    if sample_weight is not None:
        values = values * sample_weight
    if reduction in (None, "none"):
        return values
    if reduction == "sum":
        return values.sum()
    if reduction == "mean_with_sample_weight" and sample_weight is not None:
        return values.sum() / sample_weight.sum()
    return values.mean()


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("q", [0.5, 0.3, 0.9])
def test_gce(reduction, weighted, q):
    sw = SW if weighted else None
    loss = losses.CategoricalGeneralizedCrossEntropy(q=q, reduction=reduction)
    close(loss(Y, P, sample_weight=sw), reduce_np(np_gce(Y, P, q), sw, reduction))


def test_keras_values():
    # from keras 3.15.1
    close(
        losses.CategoricalGeneralizedCrossEntropy(reduction=None)(Y, P),
        [0.32667994499206543, 0.21114563941955566, 0.4508066177368164, 0.4508066177368164],
    )
    loss = losses.CategoricalGeneralizedCrossEntropy(q=0.3, reduction="mean_with_sample_weight")
    close(loss(Y, P, sample_weight=SW), 0.30697542428970337)
    close(
        losses.categorical_generalized_cross_entropy(Y, P, q=0.7),
        [0.31563442945480347, 0.20658902823925018, 0.42947396636009216, 0.42947396636009216],
    )
    # (batch, 1) labels are one-hot encoded to (batch, 1, classes) and broadcast against
    # y_pred to (batch, batch): Keras does exactly this. From keras 3.15.1.
    close(losses.CategoricalGeneralizedCrossEntropy()(Y.reshape(-1, 1), P), 0.6149680614471436)


def test_out_of_range_labels_give_p_zero():
    # As `keras.ops.one_hot`: a label outside [0, num_classes) gives an all-zero row, so p = 0.
    close(
        losses.categorical_generalized_cross_entropy(np.array([-1, 2]), P[:2], q=0.5),
        [2.0, 2.0],
    )


def test_float_labels_and_gradient():
    p = torch.tensor(P, requires_grad=True)
    loss = losses.CategoricalGeneralizedCrossEntropy()(Y.astype("float32"), p)
    close(loss, np_gce(Y, P, 0.5).mean())
    loss.backward()
    # d/dp (1 - p**q) / q = -p**(q - 1) on the true class, / 4 for the mean.
    expected = np.zeros_like(P, dtype="float64")
    expected[np.arange(4), Y] = -(P[np.arange(4), Y].astype("float64") ** -0.5) / 4
    close(p.grad, expected)


def test_config_and_lookup():
    # Keys and defaults from keras 3.15.1.
    assert losses.CategoricalGeneralizedCrossEntropy().get_config() == {
        "name": "categorical_generalized_cross_entropy", "reduction": "sum_over_batch_size",
        "q": 0.5,
    }
    # Keras 3.15 leaves this loss out of its lookup table, so these fail there; torchkeras
    # resolves them (see compat/DIFFERENCES.md).
    restored = losses.deserialize(
        losses.serialize(losses.CategoricalGeneralizedCrossEntropy(q=0.3))
    )
    assert type(restored) is losses.CategoricalGeneralizedCrossEntropy and restored.q == 0.3
    assert losses.get("categorical_generalized_cross_entropy") is (
        losses.categorical_generalized_cross_entropy
    )


@pytest.mark.parametrize("q", [0, 1, 1.5, -0.2])
def test_q_out_of_range(q):
    # Text from keras 3.15.1.
    with pytest.raises(ValueError, match=r"^q must be in the interval \(0, 1\)$"):
        losses.CategoricalGeneralizedCrossEntropy(q=q)


def test_label_shape_mismatch():
    with pytest.raises(ValueError, match=r"^categorical_generalized_cross_entropy: `y_true` does not match `y_pred`. Expected class ids of shape `\(batch_size,\)` for `y_pred` of shape `\(batch_size, num_classes\)`. Received: y_true.shape=\(5,\), y_pred.shape=\(4, 2\)$"):
        losses.CategoricalGeneralizedCrossEntropy()(np.zeros(5), P)
