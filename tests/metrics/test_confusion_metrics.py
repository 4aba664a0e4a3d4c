"""TruePositives/FalsePositives/TrueNegatives/FalseNegatives, Precision, Recall and the
sensitivity/specificity/precision/recall-at metrics.

`EXPECTED` was recorded with keras 3.15.1 (TensorFlow backend) by running `CASES` on the data
block below, batch after batch, then once more after `reset_state()`."""

import numpy as np
import pytest
import torch

from torchkeras import metrics

# --- data ---
rng = np.random.default_rng(2024)
BIN_TRUE = [(rng.random((6, 1)) < 0.5).astype("float32") for _ in range(3)]
BIN_PRED = [rng.random((6, 1)).astype("float32") for _ in range(3)]
BIN_PRED[0][:4, 0] = [0.0, 0.5, 1.0, 0.25]  # exactly on thresholds
BIN_WEIGHTS = [rng.random(6).astype("float32") for _ in range(3)]
MULTI_TRUE = [(rng.random((5, 4)) < 0.5).astype("float32") for _ in range(3)]
MULTI_PRED = [rng.random((5, 4)).astype("float32") for _ in range(3)]
MULTI_WEIGHTS = [rng.random(5).astype("float32") for _ in range(3)]
DATA = {
    "binary": (BIN_TRUE, BIN_PRED, BIN_WEIGHTS),
    "multi": (MULTI_TRUE, MULTI_PRED, MULTI_WEIGHTS),
}
CASES = {
    "tp": (lambda M: M.TruePositives(), "binary"),
    "fp_even": (lambda M: M.FalsePositives(thresholds=[0.0, 0.5, 1.0]), "binary"),
    "tn_uneven": (lambda M: M.TrueNegatives(thresholds=[0.15, 0.5, 0.85]), "binary"),
    "fn_five": (lambda M: M.FalseNegatives(thresholds=[0.0, 0.25, 0.5, 0.75, 1.0]), "binary"),
    "precision": (lambda M: M.Precision(), "binary"),
    "precision_thresholds": (lambda M: M.Precision(thresholds=[0.2, 0.6]), "binary"),
    "recall": (lambda M: M.Recall(), "binary"),
    "recall_even": (lambda M: M.Recall(thresholds=[0.0, 0.5, 1.0]), "binary"),
    "precision_multi": (lambda M: M.Precision(thresholds=[0.3, 0.5, 0.9]), "multi"),
    "precision_top_k": (lambda M: M.Precision(top_k=2), "multi"),
    "recall_top_k": (lambda M: M.Recall(top_k=1), "multi"),
    "precision_class_id": (lambda M: M.Precision(class_id=1), "multi"),
    "recall_class_id_top_k": (lambda M: M.Recall(class_id=2, top_k=2), "multi"),
    "sensitivity_at_specificity": (lambda M: M.SensitivityAtSpecificity(0.6), "binary"),
    "sensitivity_at_specificity_1": (
        lambda M: M.SensitivityAtSpecificity(0.6, num_thresholds=1), "binary"
    ),
    "specificity_at_sensitivity": (lambda M: M.SpecificityAtSensitivity(0.4), "binary"),
    "precision_at_recall": (lambda M: M.PrecisionAtRecall(0.7, num_thresholds=50), "binary"),
    "recall_at_precision": (lambda M: M.RecallAtPrecision(0.6), "binary"),
    "sensitivity_class_id": (lambda M: M.SensitivityAtSpecificity(0.5, class_id=0), "multi"),
}
# --- end data ---

EXPECTED = {'tp': [2.0, 3.0, 4.0, 0.0],
 'tp_weighted': [1.0830143690109253, 1.4546732902526855, 2.150792360305786, 0.0],
 'fp_even': [[2.0, 0.0, 0.0], [4.0, 0.0, 0.0], [7.0, 1.0, 0.0], [0.0, 0.0, 0.0]],
 'fp_even_weighted': [[0.3242385983467102, 0.0, 0.0],
                      [1.3546652793884277, 0.0, 0.0],
                      [1.9963710308074951, 0.34199258685112, 0.0],
                      [0.0, 0.0, 0.0]],
 'tn_uneven': [[1.0, 3.0, 3.0], [2.0, 5.0, 5.0], [2.0, 7.0, 8.0], [0.0, 0.0, 0.0]],
 'tn_uneven_weighted': [[0.468019038438797, 0.7922576069831848, 0.7922576069831848],
                        [1.1496731042861938, 1.8226842880249023, 1.8226842880249023],
                        [1.1496731042861938, 2.1223974227905273, 2.4643900394439697],
                        [0.0, 0.0, 0.0]],
 'fn_five': [[0.0, 0.0, 1.0, 1.0, 3.0],
             [0.0, 1.0, 4.0, 4.0, 7.0],
             [0.0, 1.0, 6.0, 6.0, 10.0],
             [0.0, 0.0, 0.0, 0.0, 0.0]],
 'fn_five_weighted': [[0.0, 0.0, 0.9649301767349243, 0.9649301767349243, 2.0479445457458496],
                      [0.0,
                       0.9054749011993408,
                       3.258134365081787,
                       3.258134365081787,
                       4.712807655334473],
                      [1.1920928955078125e-07,
                       0.9054750204086304,
                       3.8233377933502197,
                       3.8233377933502197,
                       5.974130153656006],
                      [0.0, 0.0, 0.0, 0.0, 0.0]],
 'precision': [1.0, 1.0, 0.800000011920929, 0.0],
 'precision_weighted': [1.0, 1.0, 0.862807035446167, 0.0],
 'precision_thresholds': [[0.6000000238418579, 1.0],
                          [0.699999988079071, 1.0],
                          [0.625, 0.800000011920929],
                          [0.0, 0.0]],
 'precision_thresholds_weighted': [[0.8633164167404175, 1.0],
                                   [0.8750401139259338, 1.0],
                                   [0.8196262121200562, 0.862807035446167],
                                   [0.0, 0.0]],
 'recall': [0.6666666865348816, 0.4285714328289032, 0.4000000059604645, 0.0],
 'recall_weighted': [0.5288299322128296, 0.30866384506225586, 0.36001768708229065, 0.0],
 'recall_even': [[1.0, 0.6666666865348816, 0.0],
                 [1.0, 0.4285714328289032, 0.0],
                 [1.0, 0.4000000059604645, 0.0],
                 [0.0, 0.0, 0.0]],
 'recall_even_weighted': [[1.0, 0.5288299322128296, 0.0],
                          [1.0, 0.30866384506225586, 0.0],
                          [1.0, 0.36001765727996826, 0.0],
                          [0.0, 0.0, 0.0]],
 'precision_multi': [[0.7692307829856873, 0.7272727489471436, 1.0],
                     [0.782608687877655, 0.7222222089767456, 1.0],
                     [0.6842105388641357, 0.65625, 0.7142857313156128],
                     [0.0, 0.0, 0.0]],
 'precision_multi_weighted': [[0.7777674794197083, 0.7504572868347168, 1.0],
                              [0.7492850422859192, 0.7136077284812927, 1.0],
                              [0.7129415273666382, 0.6924824714660645, 0.8216837048530579],
                              [0.0, 0.0, 0.0]],
 'precision_top_k': [0.800000011920929, 0.75, 0.7333333492279053, 0.0],
 'precision_top_k_weighted': [0.8293042182922363, 0.7311363220214844, 0.7439642548561096, 0.0],
 'recall_top_k': [0.2142857164144516, 0.2222222238779068, 0.20512820780277252, 0.0],
 'recall_top_k_weighted': [0.23839248716831207, 0.18161597847938538, 0.19109953939914703, 0.0],
 'precision_class_id': [0.5, 0.3333333432674408, 0.5, 0.0],
 'precision_class_id_weighted': [0.27069196105003357, 0.1613178253173828, 0.15514057874679565, 0.0],
 'recall_class_id_top_k': [0.25, 0.3333333432674408, 0.375, 0.0],
 'recall_class_id_top_k_weighted': [0.18863490223884583,
                                    0.171698659658432,
                                    0.17947471141815186,
                                    0.0],
 'sensitivity_at_specificity': [1.0, 0.8571428656578064, 0.800000011920929, 0.0],
 'sensitivity_at_specificity_weighted': [1.0, 1.0, 0.7088493704795837, 0.0],
 'sensitivity_at_specificity_1': [0.6666666865348816, 0.4285714328289032, 0.4000000059604645, 0.0],
 'sensitivity_at_specificity_1_weighted': [0.5288299322128296,
                                           0.30866384506225586,
                                           0.36001768708229065,
                                           0.0],
 'specificity_at_sensitivity': [1.0, 1.0, 1.0, 0.0],
 'specificity_at_sensitivity_weighted': [1.0, 1.0, 0.8612262606620789, 0.0],
 'precision_at_recall': [1.0, 0.75, 0.7777777910232544, 0.0],
 'precision_at_recall_weighted': [1.0, 0.8750401139259338, 0.8196262121200562, 0.0],
 'recall_at_precision': [1.0, 1.0, 1.0, 0.0],
 'recall_at_precision_weighted': [1.0, 1.0, 1.0, 0.0],
 'sensitivity_class_id': [0.5, 0.5714285969734192, 0.5454545617103577, 0.0],
 'sensitivity_class_id_weighted': [0.6547690629959106, 0.6649643182754517, 0.6221785545349121, 0.0]}
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
    for got, want in zip(actual, expected):
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)


def _counts(y_true, y_pred, thresholds, weights=None):
    """NumPy reference: weighted TP, FP, TN, FN of `y_pred > t` for each threshold."""
    y_true = np.asarray(y_true, "float64").reshape(-1) != 0
    y_pred = np.asarray(y_pred, "float32").reshape(-1)
    weights = np.ones(y_true.shape) if weights is None else np.asarray(weights, "float64").reshape(-1)
    out = []
    for t in np.asarray(thresholds, "float32"):
        pos = y_pred > t
        out.append([(weights * (y_true & pos)).sum(), (weights * (~y_true & pos)).sum(),
                    (weights * (~y_true & ~pos)).sum(), (weights * (y_true & ~pos)).sum()])
    return np.array(out).T  # (4, T)


@pytest.mark.parametrize("thresholds", [[0.5], [0.15, 0.5, 0.85], [0.0, 0.25, 0.5, 0.75, 1.0]])
def test_counts_match_numpy_reference(thresholds):
    y_true = np.concatenate(BIN_TRUE)
    y_pred = np.concatenate(BIN_PRED)
    w = np.concatenate(BIN_WEIGHTS)
    tp, fp, tn, fn = _counts(y_true, y_pred, thresholds, w)
    for cls, want in ((metrics.TruePositives, tp), (metrics.FalsePositives, fp),
                      (metrics.TrueNegatives, tn), (metrics.FalseNegatives, fn)):
        m = cls(thresholds=thresholds)
        for i in range(3):
            m.update_state(BIN_TRUE[i], BIN_PRED[i], sample_weight=BIN_WEIGHTS[i])
        np.testing.assert_allclose(np.atleast_1d(m.result().numpy()), want, rtol=1e-6, atol=1e-6)
    p = metrics.Precision(thresholds=thresholds)
    r = metrics.Recall(thresholds=thresholds)
    for i in range(3):
        p.update_state(BIN_TRUE[i], BIN_PRED[i])
        r.update_state(BIN_TRUE[i], BIN_PRED[i])
    tp, fp, tn, fn = _counts(y_true, y_pred, thresholds)
    with np.errstate(invalid="ignore"):
        np.testing.assert_allclose(np.atleast_1d(p.result().numpy()), np.nan_to_num(tp / (tp + fp)), rtol=1e-6)
        np.testing.assert_allclose(np.atleast_1d(r.result().numpy()), np.nan_to_num(tp / (tp + fn)), rtol=1e-6)


def test_docstring_examples():
    # from keras 3.15.1 docstrings
    m = metrics.FalsePositives()
    m.update_state([0, 1, 0, 0], [0, 0, 1, 1])
    assert float(m.result()) == 2.0
    m.reset_state()
    m.update_state([0, 1, 0, 0], [0, 0, 1, 1], sample_weight=[0, 0, 1, 0])
    assert float(m.result()) == 1.0
    m = metrics.Precision(top_k=2)
    m.update_state([0, 0, 1, 1], [1, 1, 1, 1])
    assert float(m.result()) == 0.0
    m = metrics.Precision(top_k=4)
    m.update_state([0, 0, 1, 1], [1, 1, 1, 1])
    assert float(m.result()) == 0.5
    m = metrics.SpecificityAtSensitivity(0.5)
    m.update_state([0, 0, 0, 1, 1], [0, 0.3, 0.8, 0.3, 0.8])
    np.testing.assert_allclose(float(m.result()), 0.6666666865348816)
    m = metrics.RecallAtPrecision(0.8)
    m.update_state([0, 0, 1, 1], [0, 0.5, 0.3, 0.9], sample_weight=[1, 0, 0, 1])
    assert float(m.result()) == 1.0


def test_top_k_ties_go_to_the_lower_index():
    # from keras 3.15.1: TensorFlow's top_k keeps the first of equal values.
    p = metrics.Precision(top_k=1)
    p.update_state([[0, 1, 0]], [[0.5, 0.5, 0.1]])
    assert p.true_positives.numpy().tolist() == [0.0]
    assert p.false_positives.numpy().tolist() == [1.0]


def test_state_names_shapes_and_result_shapes():
    # from keras 3.15.1
    p = metrics.Precision(thresholds=[0.2, 0.6])
    assert [(v.path, tuple(v.shape)) for v in p.variables] == [
        ("precision/true_positives", (2,)), ("precision/false_positives", (2,))]
    assert [v.path for v in metrics.Recall().variables] == ["recall/true_positives", "recall/false_negatives"]
    assert [v.path for v in metrics.TruePositives().variables] == ["true_positives/accumulator"]
    s = metrics.SensitivityAtSpecificity(0.5)
    assert [(v.name, tuple(v.shape)) for v in s.variables] == [
        ("true_positives", (200,)), ("false_positives", (200,)), ("true_negatives", (200,)),
        ("false_negatives", (200,))]
    assert tuple(p.result().shape) == (2,) and tuple(metrics.Precision().result().shape) == ()
    assert p.thresholds == [0.2, 0.6] and metrics.Precision(top_k=3).thresholds == [-1e10]
    assert s.thresholds[:2] == [0.0, 1.0 / 199] and s.thresholds[-1] == 1.0


def test_result_does_not_alias_state():
    m = metrics.TruePositives()
    m.update_state([1, 1], [0.9, 0.8])
    first = m.result()
    m.update_state([1], [0.9])
    assert float(first) == 2.0 and float(m.result()) == 3.0


def test_get_config_and_round_trip():
    # from keras 3.15.1
    assert metrics.Precision().get_config() == {
        "name": "precision", "dtype": "float32", "thresholds": None, "top_k": None, "class_id": None}
    assert metrics.FalseNegatives(thresholds=[0.3, 0.7]).get_config() == {
        "name": "false_negatives", "dtype": "float32", "thresholds": [0.3, 0.7]}
    assert metrics.PrecisionAtRecall(0.5).get_config() == {
        "name": "precision_at_recall", "dtype": "float32", "class_id": None, "num_thresholds": 200,
        "recall": 0.5}
    assert metrics.RecallAtPrecision(0.5).get_config()["precision"] == 0.5
    assert metrics.SensitivityAtSpecificity(0.3).get_config()["specificity"] == 0.3
    assert metrics.SpecificityAtSensitivity(0.3, num_thresholds=7).get_config()["num_thresholds"] == 7
    r = metrics.Recall(thresholds=[0.1, 0.4], top_k=2, class_id=1, name="r")
    clone = metrics.deserialize(metrics.serialize(r))
    assert type(clone) is metrics.Recall and clone.get_config() == r.get_config()


def test_errors():
    # Texts from keras 3.15.1.
    with pytest.raises(ValueError, match=r"^Threshold values must be in \[0, 1\]. Received: \[1.5, -0.1\]$"):
        metrics.Precision(thresholds=[1.5, -0.1, 0.5])
    with pytest.raises(ValueError, match=r"^Threshold values must be in \[0, 1\]. Received: \[2.0\]$"):
        metrics.TruePositives(thresholds=2.0)
    with pytest.raises(ValueError, match=r"^Threshold values must be in \[0, 1\]. Received: \[None\]$"):
        metrics.Recall(thresholds=[None])
    for cls, arg in ((metrics.SensitivityAtSpecificity, "specificity"),
                     (metrics.SpecificityAtSensitivity, "sensitivity"),
                     (metrics.PrecisionAtRecall, "recall"), (metrics.RecallAtPrecision, "precision")):
        with pytest.raises(ValueError, match=rf"^Argument `{arg}` must be in the range \[0, 1\]. Received: {arg}=1.5$"):
            cls(1.5)
    with pytest.raises(ValueError, match=r"^Argument `num_thresholds` must be an integer > 0. Received: num_thresholds=0$"):
        metrics.PrecisionAtRecall(0.5, num_thresholds=0)
    with pytest.raises(ValueError, match=r"^When class_id is provided, y_pred must be a 2D array with shape \(num_samples, num_classes\), found shape: \(2,\)$"):
        metrics.Precision(class_id=1).update_state([1.0, 0.0], [0.2, 0.3])
    # Keras checks nothing here (and fails or counts nothing at update time).
    with pytest.raises(ValueError, match=r"^Precision: Argument `top_k` must be a positive integer or `None`. Received: top_k=0$"):
        metrics.Precision(top_k=0)
    with pytest.raises(ValueError, match=r"^Recall: Argument `top_k` must be a positive integer or `None`. Received: top_k=1.5$"):
        metrics.Recall(top_k=1.5)


def test_torch_inputs_and_no_gradient_tracking():
    y_pred = torch.tensor([[0.2], [0.8]], requires_grad=True)
    m = metrics.Precision(thresholds=[0.0, 0.5, 1.0])
    m.update_state(torch.tensor([1, 1]), y_pred, sample_weight=torch.tensor([1.0, 2.0]))
    assert m.true_positives.numpy().tolist() == [3.0, 2.0, 0.0]
    assert not m.result().requires_grad
