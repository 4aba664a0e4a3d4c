"""`FBetaScore` and `F1Score`.

`EXPECTED` was recorded with keras 3.15.1 (TensorFlow backend) by running `CASES` on the data
block below, batch after batch, then once more after `reset_state()`."""

import numpy as np
import pytest

from torchkeras import metrics

# --- data ---
rng = np.random.default_rng(31)
MULTI_TRUE = [(rng.random((6, 3)) < 0.5).astype("float32") for _ in range(3)]
MULTI_PRED = [rng.random((6, 3)).astype("float32") for _ in range(3)]
MULTI_PRED[0][0] = 0.0  # a row of zeros predicts nothing
WEIGHTS = [rng.random(6).astype("float32") for _ in range(3)]
DATA = {"multi": (MULTI_TRUE, MULTI_PRED, WEIGHTS)}
CASES = {
    "f1": (lambda M: M.F1Score(), "multi"),
    "f1_micro": (lambda M: M.F1Score(average="micro", threshold=0.5), "multi"),
    "f1_macro": (lambda M: M.F1Score(average="macro"), "multi"),
    "f1_average_weighted": (lambda M: M.F1Score(average="weighted", threshold=0.4), "multi"),
    "fbeta": (lambda M: M.FBetaScore(beta=2.0, threshold=0.5), "multi"),
    "fbeta_macro": (lambda M: M.FBetaScore(average="macro", beta=0.5), "multi"),
    "fbeta_micro": (lambda M: M.FBetaScore(average="micro", beta=3.0), "multi"),
}
# --- end data ---

EXPECTED = {'f1': [[0.0, 0.6666666269302368, 0.3999999463558197],
        [0.0, 0.4444444179534912, 0.4444444179534912],
        [0.14285710453987122, 0.4999999403953552, 0.4615384042263031],
        [0.0, 0.0, 0.0]],
 'f1_weighted': [[0.0, 0.8594114780426025, 0.4785059094429016],
                 [0.0, 0.5237578749656677, 0.3242242634296417],
                 [0.11400584876537323, 0.49615713953971863, 0.2724986970424652],
                 [0.0, 0.0, 0.0]],
 'f1_micro': [0.5714284777641296, 0.49999988079071045, 0.5384615063667297, 0.0],
 'f1_micro_weighted': [0.5698961019515991, 0.4880908727645874, 0.4875839948654175, 0.0],
 'f1_macro': [0.35555553436279297, 0.29629626870155334, 0.3681318461894989, 0.0],
 'f1_macro_weighted': [0.4459724426269531, 0.28266072273254395, 0.29422056674957275, 0.0],
 'f1_average_weighted': [0.6103895902633667, 0.6096153259277344, 0.580909252166748, 0.0],
 'f1_average_weighted_weighted': [0.6414105892181396, 0.6211254596710205, 0.5643347501754761, 0.0],
 'fbeta': [[0.5263158082962036, 0.5263158082962036, 0.625],
           [0.4545454680919647, 0.5555555820465088, 0.625],
           [0.42553189396858215, 0.6521738767623901, 0.5405405759811401],
           [0.0, 0.0, 0.0]],
 'fbeta_weighted': [[0.33367353677749634, 0.7360115051269531, 0.5414275527000427],
                    [0.4216127395629883, 0.7593256831169128, 0.44350728392601013],
                    [0.41528820991516113, 0.7448145151138306, 0.32845795154571533],
                    [0.0, 0.0, 0.0]],
 'fbeta_macro': [0.42929282784461975, 0.2976189851760864, 0.4055729806423187, 0.0],
 'fbeta_macro_weighted': [0.5194069743156433, 0.27905160188674927, 0.3120914697647095, 0.0],
 'fbeta_micro': [0.2884615361690521, 0.25806450843811035, 0.3187250792980194, 0.0],
 'fbeta_micro_weighted': [0.36160513758659363, 0.24534358084201813, 0.2647819221019745, 0.0]}
# --- end expected ---


@pytest.mark.parametrize("key", sorted(CASES))
@pytest.mark.parametrize("weighted", [False, True])
def test_against_keras(key, weighted):
    ctor, data = CASES[key]
    y_true, y_pred, weights = DATA[data]
    metric = ctor(metrics)
    actual = []
    for i in range(3):
        metric.update_state(y_true[i], y_pred[i], sample_weight=weights[i] if weighted else None)
        actual.append(metric.result().numpy().tolist())
    metric.reset_state()
    actual.append(metric.result().numpy().tolist())
    np.testing.assert_allclose(actual, EXPECTED[key + ("_weighted" if weighted else "")], rtol=1e-5, atol=1e-6)


def test_formula_matches_numpy():
    y_true = np.concatenate(MULTI_TRUE)
    y_pred = (np.concatenate(MULTI_PRED) > 0.5).astype("float64")
    w = np.concatenate(WEIGHTS)[:, None]
    tp = (w * y_pred * y_true).sum(0)
    fp = (w * y_pred * (1 - y_true)).sum(0)
    fn = (w * (1 - y_pred) * y_true).sum(0)
    eps = 1e-7
    precision, recall = tp / (tp + fp + eps), tp / (tp + fn + eps)
    beta_sq = 4.0
    expected = (1 + beta_sq) * precision * recall / (beta_sq * precision + recall + eps)
    m = metrics.FBetaScore(beta=2.0, threshold=0.5)
    for i in range(3):
        m.update_state(MULTI_TRUE[i], MULTI_PRED[i], sample_weight=WEIGHTS[i])
    np.testing.assert_allclose(m.result().numpy(), expected, rtol=1e-5)


def test_docstring_example_state_and_config():
    # from keras 3.15.1
    m = metrics.F1Score(threshold=0.5)
    m.update_state(np.array([[1, 1, 1], [1, 0, 0], [1, 1, 0]], np.int32),
                   np.array([[0.2, 0.6, 0.7], [0.2, 0.6, 0.6], [0.6, 0.8, 0.0]], np.float32))
    np.testing.assert_allclose(m.result().numpy(), [0.5, 0.8, 0.6666667], rtol=1e-6)
    assert [(v.path, tuple(v.shape)) for v in m.variables] == [
        ("f1_score/true_positives", (3,)), ("f1_score/false_positives", (3,)),
        ("f1_score/false_negatives", (3,)), ("f1_score/intermediate_weights", (3,))]
    micro = metrics.FBetaScore(average="micro")
    micro.update_state(np.eye(3), np.eye(3))
    assert [tuple(v.shape) for v in micro.variables] == [()] * 4
    assert metrics.F1Score().get_config() == {
        "name": "f1_score", "dtype": "float32", "average": None, "threshold": None}
    assert metrics.FBetaScore().get_config() == {
        "name": "fbeta_score", "dtype": "float32", "average": None, "beta": 1.0, "threshold": None}
    clone = metrics.deserialize(metrics.serialize(metrics.FBetaScore("weighted", 0.5, 0.3)))
    assert (clone.average, clone.beta, clone.threshold) == ("weighted", 0.5, 0.3)
    f64 = metrics.F1Score(dtype="float64")
    f64.update_state(np.eye(3)[[0, 1]], np.eye(3)[[0, 2]])
    assert str(f64.result().dtype) == "torch.float64"
    # Before any update there is no state yet (Keras raises); the result is 0.
    assert float(metrics.F1Score().result()) == 0.0


def test_errors():
    # Texts from keras 3.15.1.
    with pytest.raises(ValueError, match=r"^Invalid `average` argument value. Expected one of: \{None, 'micro', 'macro', 'weighted'\}. Received: average=x$"):
        metrics.F1Score(average="x")
    with pytest.raises(ValueError, match=r"^Invalid `beta` argument value. It should be a Python float. Received: beta=1 of type '<class 'int'>'$"):
        metrics.FBetaScore(beta=1)
    with pytest.raises(ValueError, match=r"^Invalid `beta` argument value. It should be > 0. Received: beta=-1.0$"):
        metrics.FBetaScore(beta=-1.0)
    with pytest.raises(ValueError, match=r"^Invalid `threshold` argument value. It should be a Python float. Received: threshold=1 of type '<class 'int'>'$"):
        metrics.F1Score(threshold=1)
    with pytest.raises(ValueError, match=r"^Invalid `threshold` argument value. It should verify 0 < threshold <= 1. Received: threshold=1.5$"):
        metrics.F1Score(threshold=1.5)
    with pytest.raises(ValueError, match=r"^FBetaScore expects 2D inputs with shape \(batch_size, output_dim\). Received input shapes: y_pred.shape=\(2,\) and y_true.shape=\(2,\).$"):
        metrics.F1Score().update_state(np.array([1.0, 0.0]), np.array([0.2, 0.3]))
