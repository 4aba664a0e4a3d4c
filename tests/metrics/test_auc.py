"""`AUC`: ROC, PR and PR-gain curves, summation methods, thresholds, multi-label, label weights,
logits.

`EXPECTED` was recorded with keras 3.15.1 (TensorFlow backend) by running `CASES` on the data
block below, batch after batch, then once more after `reset_state()`."""

import numpy as np
import pytest
import torch

from torchkeras import backend
from torchkeras import metrics

# --- data ---
rng = np.random.default_rng(7)
BIN_TRUE = [(rng.random((8, 1)) < 0.5).astype("float32") for _ in range(3)]
BIN_PRED = [rng.random((8, 1)).astype("float32") for _ in range(3)]
BIN_PRED[0][:3, 0] = [0.0, 1.0, 0.5]  # exactly on thresholds
BIN_WEIGHTS = [rng.random(8).astype("float32") for _ in range(3)]
LOGITS = [rng.normal(size=(8, 1)).astype("float32") * 3 for _ in range(3)]
MULTI_TRUE = [(rng.random((6, 3)) < 0.5).astype("float32") for _ in range(3)]
MULTI_PRED = [rng.random((6, 3)).astype("float32") for _ in range(3)]
MULTI_WEIGHTS = [rng.random(6).astype("float32") for _ in range(3)]
DATA = {
    "binary": (BIN_TRUE, BIN_PRED, BIN_WEIGHTS),
    "logits": (BIN_TRUE, LOGITS, BIN_WEIGHTS),
    "multi": (MULTI_TRUE, MULTI_PRED, MULTI_WEIGHTS),
}
CASES = {
    "roc": (lambda M: M.AUC(), "binary"),
    "roc_5": (lambda M: M.AUC(num_thresholds=5), "binary"),
    "roc_minoring": (lambda M: M.AUC(summation_method="minoring"), "binary"),
    "roc_majoring": (lambda M: M.AUC(summation_method="majoring"), "binary"),
    "pr": (lambda M: M.AUC(curve="PR"), "binary"),
    "pr_majoring": (lambda M: M.AUC(curve="PR", summation_method="majoring"), "binary"),
    "prgain": (lambda M: M.AUC(curve="PRGAIN"), "binary"),
    "thresholds": (lambda M: M.AUC(thresholds=[0.1, 0.5, 0.7, 0.3]), "binary"),
    "thresholds_even": (lambda M: M.AUC(thresholds=[0.25, 0.5, 0.75]), "binary"),
    "from_logits": (lambda M: M.AUC(from_logits=True), "logits"),
    "flattened": (lambda M: M.AUC(), "multi"),
    "label_weights": (lambda M: M.AUC(label_weights=[0.2, 0.5, 0.3]), "multi"),
    "multi_label": (lambda M: M.AUC(multi_label=True), "multi"),
    "multi_label_pr": (lambda M: M.AUC(multi_label=True, curve="PR", num_labels=3), "multi"),
    "multi_label_weights": (
        lambda M: M.AUC(multi_label=True, label_weights=[0.2, 0.5, 0.3]), "multi"
    ),
    "multi_label_thresholds": (
        lambda M: M.AUC(multi_label=True, thresholds=[0.3, 0.6, 0.2]), "multi"
    ),
    "thresholds_label_weights": (
        lambda M: M.AUC(thresholds=[0.3, 0.6, 0.2], label_weights=[1.0, 2.0, 0.5]), "multi"
    ),
}
# --- end data ---

EXPECTED = {'roc': [0.6666666269302368, 0.5234375, 0.5419580936431885, 0.0],
 'roc_weighted': [0.5092289447784424, 0.4516337215900421, 0.5366783738136292, 0.0],
 'roc_5': [0.7000000476837158, 0.515625, 0.49300697445869446, 0.0],
 'roc_5_weighted': [0.6468815803527832, 0.4356849789619446, 0.49158480763435364, 0.0],
 'roc_minoring': [0.6666666269302368, 0.515625, 0.5384615659713745, 0.0],
 'roc_minoring_weighted': [0.5092289447784424, 0.441733181476593, 0.5317164063453674, 0.0],
 'roc_majoring': [0.6666666269302368, 0.53125, 0.5454545617103577, 0.0],
 'roc_majoring_weighted': [0.5092289447784424, 0.4615342915058136, 0.5416403412818909, 0.0],
 'pr': [0.45147430896759033, 0.48354196548461914, 0.45345640182495117, 0.0],
 'pr_weighted': [0.2812129259109497, 0.4494774341583252, 0.4768834114074707, 0.0],
 'pr_majoring': [0.5555555820465088, 0.5355429649353027, 0.4941312074661255, 0.0],
 'pr_majoring_weighted': [0.3985455632209778, 0.5084429979324341, 0.5248327255249023, 0.0],
 'prgain': [0.4599999487400055, 0.10530613362789154, 0.19741493463516235, 0.0],
 'prgain_weighted': [0.5473642945289612, 0.023040201514959335, 0.19281278550624847, 0.0],
 'thresholds': [0.7000000476837158, 0.53125, 0.5419580340385437, 0.0],
 'thresholds_weighted': [0.6468815803527832, 0.46904611587524414, 0.5398833751678467, 0.0],
 'thresholds_even': [0.7000000476837158, 0.515625, 0.49300697445869446, 0.0],
 'thresholds_even_weighted': [0.6468815803527832, 0.4356849789619446, 0.49158480763435364, 0.0],
 'from_logits': [0.7999999523162842, 0.640625, 0.552447497844696, 0.0],
 'from_logits_weighted': [0.8699743747711182, 0.668242335319519, 0.589565634727478, 0.0],
 'flattened': [0.5375000238418579, 0.4783281683921814, 0.5104166269302368, 0.0],
 'flattened_weighted': [0.5334306955337524, 0.533702552318573, 0.509044349193573, 0.0],
 'label_weights': [0.615746259689331, 0.5186836123466492, 0.5105844736099243, 0.0],
 'label_weights_weighted': [0.6318326592445374, 0.5906277894973755, 0.508026123046875, 0.0],
 'multi_label': [0.625, 0.508256196975708, 0.5416666865348816, 0.0],
 'multi_label_weighted': [0.6353493332862854, 0.5538215041160583, 0.49806809425354004, 0.0],
 'multi_label_pr': [0.6159026026725769, 0.4861418902873993, 0.4909394681453705, 0.0],
 'multi_label_pr_weighted': [0.7284257411956787, 0.5699141025543213, 0.5551697015762329, 0.0],
 'multi_label_weights': [0.6974999904632568, 0.5536805391311646, 0.5392857193946838, 0.0],
 'multi_label_weights_weighted': [0.7439019083976746, 0.6262839436531067, 0.5004973411560059, 0.0],
 'multi_label_thresholds': [0.6166666746139526, 0.5165894627571106, 0.5363757014274597, 0.0],
 'multi_label_thresholds_weighted': [0.6761998534202576,
                                     0.5269551873207092,
                                     0.4843808710575104,
                                     0.0],
 'thresholds_label_weights': [0.5949656963348389, 0.5321937203407288, 0.5042091608047485, 0.0],
 'thresholds_label_weights_weighted': [0.66523277759552,
                                       0.6197738647460938,
                                       0.516223669052124,
                                       0.0]}
# --- end expected ---


def _run(metric, y_true, y_pred, weights):
    values = []
    for i in range(len(y_true)):
        metric.update_state(y_true[i], y_pred[i], sample_weight=None if weights is None else weights[i])
        values.append(metric.result().numpy().tolist())
    metric.reset_state()
    values.append(metric.result().numpy().tolist())
    return values


@pytest.mark.parametrize("key", sorted(CASES))
@pytest.mark.parametrize("weighted", [False, True])
def test_against_keras(key, weighted):
    ctor, data = CASES[key]
    y_true, y_pred, weights = DATA[data]
    actual = _run(ctor(metrics), y_true, y_pred, weights if weighted else None)
    expected = EXPECTED[key + ("_weighted" if weighted else "")]
    np.testing.assert_allclose(actual, expected, rtol=1e-5, atol=1e-6)


def _reference_counts(y_true, y_pred, thresholds, weights):
    """NumPy reference: weighted TP, FP, TN, FN of `y_pred > t` for each threshold."""
    y_true = np.asarray(y_true).reshape(-1) != 0
    y_pred = np.clip(np.asarray(y_pred, "float32").reshape(-1), 0, 1)
    weights = np.asarray(weights, "float64").reshape(-1)
    pos = y_pred[None, :] > np.asarray(thresholds, "float32")[:, None]
    return [((weights * (t & p)).sum(1)) for t, p in (
        (y_true, pos), (~y_true, pos), (~y_true, ~pos), (y_true, ~pos))]


def test_roc_and_pr_match_closed_form_numpy():
    y_true = np.concatenate(BIN_TRUE)
    y_pred = np.concatenate(BIN_PRED)
    w = np.concatenate(BIN_WEIGHTS)
    roc = metrics.AUC(num_thresholds=50)
    pr = metrics.AUC(num_thresholds=50, curve="PR")
    for i in range(3):
        roc.update_state(BIN_TRUE[i], BIN_PRED[i], sample_weight=BIN_WEIGHTS[i])
        pr.update_state(BIN_TRUE[i], BIN_PRED[i], sample_weight=BIN_WEIGHTS[i])
    eps = backend.epsilon()
    thresholds = [-eps] + [(i + 1) / 49 for i in range(48)] + [1 + eps]
    tp, fp, tn, fn = _reference_counts(y_true, y_pred, thresholds, w)
    np.testing.assert_allclose(roc.true_positives.numpy(), tp, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(roc.true_negatives.numpy(), tn, rtol=1e-5, atol=1e-5)
    # ROC: trapezoids of (false positive rate, recall).
    tpr, fpr = tp / (tp + fn), fp / (fp + tn)
    expected_roc = np.sum((fpr[:-1] - fpr[1:]) * (tpr[:-1] + tpr[1:]) / 2)
    np.testing.assert_allclose(float(roc.result()), expected_roc, rtol=1e-5)
    # PR, interpolating TP and FP linearly between thresholds (Davis & Goadrich).
    p = tp + fp
    total = 0.0
    for a in range(49):
        dtp, dp = tp[a] - tp[a + 1], p[a] - p[a + 1]
        slope = dtp / dp if dp > 0 else 0.0
        intercept = tp[a + 1] - slope * p[a + 1]
        ratio = p[a] / p[a + 1] if p[a] > 0 and p[a + 1] > 0 else 1.0
        total += slope * (dtp + intercept * np.log(ratio)) / (tp[a + 1] + fn[a + 1]) if tp[a + 1] + fn[a + 1] > 0 else 0.0
    np.testing.assert_allclose(float(pr.result()), total, rtol=1e-5)


def test_docstring_examples_and_edges():
    # from keras 3.15.1
    m = metrics.AUC(num_thresholds=3)
    m.update_state([0, 0, 1, 1], [0, 0.5, 0.3, 0.9])
    np.testing.assert_allclose(float(m.result()), 0.75)
    m.reset_state()
    m.update_state([0, 0, 1, 1], [0, 0.5, 0.3, 0.9], sample_weight=[1, 0, 0, 1])
    np.testing.assert_allclose(float(m.result()), 1.0)
    m = metrics.AUC(num_thresholds=11)  # out-of-range predictions are clipped
    m.update_state(np.array([1, 0, 1, 1]), np.array([1.5, -0.5, 0.3, 0.7], "float32"))
    np.testing.assert_allclose(float(m.result()), 1.0)
    m = metrics.AUC(curve="PR")  # no positives
    m.update_state([0, 0, 0, 0], [0.1, 0.2, 0.8, 0.9])
    assert float(m.result()) == 0.0
    assert float(metrics.AUC().result()) == 0.0
    m = metrics.AUC()  # (batch,) labels with (batch, 1) predictions
    m.update_state(np.array([1, 0, 1, 1, 0]), np.array([[0.3], [0.2], [0.9], [0.45], [0.5]], "float32"))
    np.testing.assert_allclose(float(m.result()), 0.6666666865348816, rtol=1e-6)
    m = metrics.AUC(num_thresholds=7)  # a scalar weight, rank-3 inputs
    t3 = np.stack(MULTI_TRUE[:2]).astype("float32")
    p3 = np.stack(MULTI_PRED[:2])
    m.update_state(t3, p3, sample_weight=0.5)
    np.testing.assert_allclose(float(m.result()), 0.49690401554107666, rtol=1e-6)


def test_multi_label_state_is_built_on_first_update():
    m = metrics.AUC(multi_label=True)
    assert m.variables == []
    m.update_state(MULTI_TRUE[0], MULTI_PRED[0])
    assert [(v.path, tuple(v.shape)) for v in m.variables] == [
        ("auc/true_positives", (200, 3)), ("auc/false_positives", (200, 3)),
        ("auc/true_negatives", (200, 3)), ("auc/false_negatives", (200, 3))]
    m = metrics.AUC(multi_label=True, num_labels=4, name="a")
    assert tuple(m.true_positives.shape) == (200, 4)


def test_thresholds_and_config():
    # from keras 3.15.1
    m = metrics.AUC(thresholds=[0.3, 0.1, 0.7])
    assert m.num_thresholds == 5
    np.testing.assert_allclose(m.thresholds, [-1e-07, 0.1, 0.3, 0.7, 1.0000001])
    assert m.get_config() == {
        "name": "auc", "dtype": "float32", "num_thresholds": 5, "curve": "ROC",
        "summation_method": "interpolation", "multi_label": False, "num_labels": None,
        "label_weights": None, "from_logits": False, "thresholds": [0.1, 0.3, 0.7]}
    config = metrics.AUC(curve="pr", summation_method="Minoring", num_thresholds=10).get_config()
    assert config["curve"] == "PR" and config["summation_method"] == "minoring"
    assert config["num_thresholds"] == 10 and "thresholds" not in config
    m = metrics.AUC(multi_label=True, num_labels=2, label_weights=[0.3, 0.7], from_logits=True)
    assert m.get_config()["label_weights"] == [0.30000001192092896, 0.699999988079071]
    clone = metrics.deserialize(metrics.serialize(m))
    assert clone.multi_label and clone.num_labels == 2 and clone.get_config()["from_logits"]
    np.testing.assert_allclose(clone.label_weights.numpy(), [0.3, 0.7])
    # A label_weights tensor as real Keras serializes it.
    keras_config = {
        "module": "keras.metrics", "class_name": "AUC",
        "config": {"name": "auc", "dtype": "float32", "num_thresholds": 200, "curve": "ROC",
                   "summation_method": "interpolation", "multi_label": True, "num_labels": 2,
                   "label_weights": {"class_name": "__tensor__", "config": {
                       "value": [0.30000001192092896, 0.699999988079071], "dtype": "float32"}},
                   "from_logits": False},
        "registered_name": None}
    restored = metrics.deserialize(keras_config)
    np.testing.assert_allclose(restored.label_weights.numpy(), [0.3, 0.7])
    assert isinstance(metrics.AUC(curve=metrics.metrics_utils.AUCCurve.PR).curve,
                      metrics.metrics_utils.AUCCurve)


def test_errors():
    # Texts from keras 3.15.1.
    with pytest.raises(ValueError, match=r"^Argument `num_thresholds` must be an integer > 1. Received: num_thresholds=1$"):
        metrics.AUC(num_thresholds=1)
    with pytest.raises(ValueError, match=r'^Invalid AUC curve value: "foo". Expected values are \["PR", "ROC", "PRGAIN"\]$'):
        metrics.AUC(curve="foo")
    with pytest.raises(ValueError, match=r'^Invalid AUC summation method value: "foo". Expected values are \["interpolation", "majoring", "minoring"\]$'):
        metrics.AUC(summation_method="foo")
    with pytest.raises(ValueError, match=r"^`num_labels` is needed only when `multi_label` is True.$"):
        metrics.AUC(num_labels=3)
    with pytest.raises(ValueError, match=r"^`y_pred` must have rank 2 when `multi_label=True`. Found rank 1. Full shape received for `y_pred`: \(2,\)$"):
        metrics.AUC(multi_label=True).update_state(np.array([1.0, 0.0]), np.array([0.2, 0.3]))
    # Keras accepts out-of-range AUC thresholds; refused here with the text of the others.
    with pytest.raises(ValueError, match=r"^Threshold values must be in \[0, 1\]. Received: \[1.5\]$"):
        metrics.AUC(thresholds=[0.5, 1.5])


def test_logits_and_torch_inputs():
    logits = torch.tensor([[-2.0], [0.5], [3.0], [-0.1]], requires_grad=True)
    labels = torch.tensor([[0.0], [1.0], [1.0], [0.0]])
    a = metrics.AUC(from_logits=True)
    a.update_state(labels, logits)
    b = metrics.AUC()
    b.update_state(labels, torch.sigmoid(logits.detach()))
    assert float(a.result()) == float(b.result()) == 1.0
    assert not a.result().requires_grad
