"""Circle loss. Expected numbers come from a NumPy reference of the Keras formula written below,
or from keras 3.15.1 on TensorFlow where marked."""

import numpy as np
import pytest
import torch

from torchkeras import losses

EMB = np.array(
    [
        [0.3, 0.5, -0.2], [0.4, 0.4, -0.1], [-0.6, 0.1, 0.3],
        [-0.5, 0.2, 0.4], [0.1, -0.9, 0.2], [0.7, 0.1, 0.1],
    ],
    "float32",
)
EMB = EMB / np.linalg.norm(EMB, axis=1, keepdims=True)
LABELS = np.array([0, 0, 1, 1, 2, 0])  # label 2 has no positive pair: its loss is 0, masked
SW = np.array([1.0, 0.5, 2.0, 1.0, 3.0, 0.25], "float32")
REDUCTIONS = ["sum_over_batch_size", "sum", "mean", "mean_with_sample_weight", None, "none"]


def close(actual, expected, rtol=1e-5, atol=1e-6):
    np.testing.assert_allclose(
        torch.as_tensor(actual).detach().numpy(), expected, rtol=rtol, atol=atol
    )


def np_logsumexp(x):
    top = np.max(x, axis=1, keepdims=True)
    top = np.where(np.isfinite(top), top, 0.0)
    with np.errstate(divide="ignore"):
        return (np.log(np.exp(x - top).sum(1, keepdims=True)) + top)[:, 0]


def np_circle(labels, emb, ref_labels=None, ref_emb=None, gamma=80.0, margin=0.4, diag=True):
    emb = emb.astype("float64")
    ref_emb = emb if ref_emb is None else ref_emb.astype("float64")
    labels = labels.reshape(-1)
    ref_labels = labels if ref_labels is None else ref_labels.reshape(-1)
    dist = np.maximum(1 - emb @ ref_emb.T, 0)
    pos = labels[:, None] == ref_labels[None, :]
    neg = ~pos
    if diag:
        pos &= ~np.eye(len(labels), len(ref_labels), dtype=bool)
    pos_w = np.maximum((margin + dist) * pos, 0)
    neg_w = np.maximum((1 + margin - dist) * neg, 0)
    p_terms = np.where(pos, -gamma * pos_w * (margin - dist), -np.inf)
    n_terms = np.where(neg, gamma * neg_w * (1 - margin - dist), -np.inf)
    return np.logaddexp(0, np_logsumexp(p_terms) + np_logsumexp(n_terms))


def reduce_masked(values, sample_weight, reduction):
    """Keras's reduction with the mask `values > 0` merged into the weights."""
    mask = values > 0
    if reduction in ("sum_over_batch_size", "mean"):
        weights = np.where(mask, mask.size / mask.sum(), 0.0)
    else:
        weights = mask.astype("float64")
    if sample_weight is not None:
        weights = weights * sample_weight
    values = values * weights
    if reduction in (None, "none"):
        return values
    if reduction == "sum":
        return values.sum()
    if reduction == "mean_with_sample_weight":
        return values.sum() / weights.sum()
    return values.mean()


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize(
    "config", [{}, {"gamma": 10.0, "margin": 0.25}, {"gamma": 5.0, "remove_diagonal": False}]
)
def test_circle(reduction, weighted, config):
    sw = SW if weighted else None
    per_sample = np_circle(
        LABELS, EMB, gamma=config.get("gamma", 80.0), margin=config.get("margin", 0.4),
        diag=config.get("remove_diagonal", True),
    )
    loss = losses.Circle(reduction=reduction, **config)
    close(loss(LABELS, EMB, sample_weight=sw), reduce_masked(per_sample, sw, reduction))


def test_keras_values():
    # from keras 3.15.1
    close(
        losses.Circle(reduction=None)(LABELS, EMB),
        [4.457945346832275, 0.0009920484153553843, 9.031874469656032e-06,
         6.044669589755358e-06, 0.0, 4.454257488250732],
    )
    close(losses.Circle()(LABELS, EMB), 1.7826420068740845)
    close(losses.Circle()(LABELS, EMB, sample_weight=SW), 1.1144059896469116)
    close(
        losses.Circle(reduction="mean_with_sample_weight")(LABELS, EMB, sample_weight=SW),
        1.1730589866638184,
    )
    # (batch, 1) labels and no diagonal removal.
    loss = losses.Circle(gamma=5.0, remove_diagonal=False, reduction="mean_with_sample_weight")
    close(loss(LABELS.reshape(-1, 1), EMB, sample_weight=SW), 1.3367716073989868)
    close(
        losses.circle(LABELS[:3], EMB[:3], ref_labels=LABELS, ref_embeddings=EMB, gamma=20.0),
        [1.9393441677093506, 0.42518723011016846, 0.1200217455625534],
    )


def test_reference_embeddings_match_numpy():
    close(
        losses.circle(LABELS[:3], EMB[:3], ref_labels=LABELS, ref_embeddings=EMB, gamma=20.0),
        np_circle(LABELS[:3], EMB[:3], LABELS, EMB, gamma=20.0),
    )


def test_output_mask_and_gradient():
    emb = torch.tensor(EMB, requires_grad=True)
    per_sample = losses.circle(LABELS, emb, gamma=10.0)
    assert per_sample._keras_mask.tolist() == [True, True, True, True, False, True]
    losses.Circle(gamma=10.0)(LABELS, emb).backward()
    # The sample with no positive pair contributes -inf logsumexps; no NaN may leak out.
    assert torch.isfinite(emb.grad).all()
    assert emb.grad.abs().sum() > 0


def test_config():
    # Keys and defaults from keras 3.15.1.
    assert losses.Circle().get_config() == {
        "name": "circle", "reduction": "sum_over_batch_size", "gamma": 80.0, "margin": 0.4,
        "remove_diagonal": True,
    }
    restored = losses.deserialize(losses.serialize(losses.Circle(gamma=10.0, margin=0.25)))
    close(restored(LABELS, EMB), losses.Circle(gamma=10.0, margin=0.25)(LABELS, EMB).numpy())


def test_label_count_mismatch():
    with pytest.raises(ValueError, match=r"^circle: `y_true` must hold one integer label per row of `y_pred`. Expected `y_pred` of shape `\(batch_size, dim\)` and `y_true` of shape `\(batch_size,\)` or `\(batch_size, 1\)`. Received: y_true.shape=\(4,\), y_pred.shape=\(3, 4\)$"):
        losses.Circle()(np.zeros(4), np.ones((3, 4)))
    with pytest.raises(ValueError, match=r"`ref_labels` must hold one integer label per row of `ref_embeddings`.* Received: ref_labels.shape=\(2,\), ref_embeddings.shape=\(3, 4\)$"):
        losses.circle(np.zeros(3), np.ones((3, 4)), ref_labels=np.zeros(2), ref_embeddings=np.ones((3, 4)))
