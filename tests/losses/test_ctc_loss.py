"""CTC loss. Expected numbers come from a NumPy CTC forward pass written below, or from
keras 3.15.1 on TensorFlow where marked."""

import numpy as np
import pytest
import torch

from torchkeras import losses

LABELS = np.array([[1, 2, 0], [3, 3, 0], [2, 0, 0]])  # 0 is the blank and the padding
LOGITS = np.array(
    [
        [[0.1, 1.0, -0.5, 0.2], [0.3, 0.2, 1.5, -1.0], [1.2, -0.3, 0.1, 0.0],
         [0.0, 0.4, 0.9, -0.2], [2.0, 0.1, 0.2, 0.3]],
        [[-0.2, 0.1, 0.0, 1.5], [0.9, 0.0, -0.4, 0.8], [0.1, 0.2, 0.3, 1.1],
         [0.5, -0.5, 0.1, 0.0], [0.3, 0.3, -1.0, 1.3]],
        [[1.1, 0.0, 0.2, -0.3], [0.2, 0.1, 1.4, 0.0], [0.0, -0.6, 0.7, 0.1],
         [1.5, 0.2, 0.1, 0.4], [0.6, 0.0, 0.0, 0.0]],
    ],
    "float32",
)
SW = np.array([1.0, 0.5, 2.0], "float32")
REDUCTIONS = ["sum_over_batch_size", "sum", "mean", "mean_with_sample_weight", None, "none"]


def close(actual, expected, rtol=1e-5, atol=1e-6):
    np.testing.assert_allclose(
        torch.as_tensor(actual).detach().numpy(), expected, rtol=rtol, atol=atol
    )


def np_ctc(labels, logits, blank=0):
    """Negative log-likelihood of each label sequence, by the CTC forward recursion."""
    out = []
    for label_row, logit_row in zip(labels, logits.astype("float64")):
        seq = [c for c in label_row if c != blank]
        probs = np.exp(logit_row - logit_row.max(-1, keepdims=True))
        probs /= probs.sum(-1, keepdims=True)
        ext = [blank]
        for c in seq:
            ext += [c, blank]
        alpha = np.zeros(len(ext))
        alpha[0] = probs[0, blank]
        if len(ext) > 1:
            alpha[1] = probs[0, ext[1]]
        for t in range(1, len(probs)):
            prev = alpha.copy()
            for s in range(len(ext)):
                total = prev[s] + (prev[s - 1] if s > 0 else 0.0)
                if s > 1 and ext[s] != blank and ext[s] != ext[s - 2]:
                    total += prev[s - 2]
                alpha[s] = total * probs[t, ext[s]]
        likelihood = alpha[-1] + (alpha[-2] if len(ext) > 1 else 0.0)
        out.append(-np.log(likelihood))
    return np.array(out)


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
def test_ctc(reduction, weighted):
    sw = SW if weighted else None
    expected = reduce_np(np_ctc(LABELS, LOGITS), sw, reduction)
    close(losses.CTC(reduction=reduction)(LABELS, LOGITS, sample_weight=sw), expected)


def test_keras_values():
    # from keras 3.15.1
    close(losses.ctc(LABELS, LOGITS), [2.2813448905944824, 2.4844751358032227, 2.534036874771118])
    close(losses.CTC()(LABELS, LOGITS), 2.433285713195801)
    close(losses.CTC(reduction="sum")(LABELS, LOGITS, sample_weight=SW), 8.591655731201172)
    close(
        losses.CTC(reduction="mean_with_sample_weight")(LABELS, LOGITS, sample_weight=SW),
        2.454758882522583,
    )
    # An empty label sequence: every step must be the blank; from keras 3.15.1.
    close(losses.CTC()(np.array([[0, 0]]), np.zeros((1, 2, 4), "float32")), 2.7725887298583984)


def test_float_labels_and_gradient():
    # Loss.__call__ turns labels into floats, as Keras does; they are read back as class ids.
    logits = torch.tensor(LOGITS, requires_grad=True)
    loss = losses.CTC()(LABELS.astype("float32"), logits)
    close(loss, np_ctc(LABELS, LOGITS).mean())
    loss.backward()
    # Gradient of -log p w.r.t. the logits of one step sums to 0 (softmax), per sample and step.
    close(logits.grad.sum(-1), np.zeros((3, 5)), atol=1e-6)
    assert logits.grad.abs().sum() > 0


def test_impossible_alignment_is_inf():
    # Six labels cannot fit in three steps. TensorFlow returns a large finite number (~708)
    # here; torchkeras returns the exact inf (see compat/DIFFERENCES.md).
    loss = losses.ctc(np.array([[1, 2, 1, 2, 1, 2]]), np.zeros((1, 3, 4), "float32"))
    assert torch.isinf(loss).all()


def test_config():
    assert losses.CTC().get_config() == {"name": "ctc", "reduction": "sum_over_batch_size"}
    assert type(losses.deserialize(losses.serialize(losses.CTC()))) is losses.CTC


def test_bad_shapes():
    # Texts from keras 3.15.1.
    with pytest.raises(ValueError, match=r"^Targets `y_true` are expected to be a tensor of shape `\(batch_size, max_length\)` in integer format. Received: y_true.shape=\(2, 3, 1\)$"):
        losses.CTC()(np.ones((2, 3, 1)), np.ones((2, 4, 5)))
    with pytest.raises(ValueError, match=r"^Logits `y_pred` are expected to be a tensor of shape `\(batch_size, max_length, num_classes\)`. Received: y_pred.shape=\(2, 4\)$"):
        losses.ctc(np.ones((2, 3)), np.ones((2, 4)))
    with pytest.raises(ValueError, match=r"^Targets `y_true` and logits `y_pred` must have the same batch size. Received: y_true.shape=\(2, 3\), y_pred.shape=\(3, 4, 5\)$"):
        losses.CTC()(np.ones((2, 3)), np.ones((3, 4, 5)))
