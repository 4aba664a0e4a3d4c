"""`PearsonCorrelation`, `ConcordanceCorrelation` (and their functions) and `R2Score`.

`EXPECTED` was recorded with keras 3.15.1 (TensorFlow backend) by running `CASES` on the data
block below, batch after batch, then once more after `reset_state()`."""

import numpy as np
import pytest

from torchkeras import metrics

# --- data ---
rng = np.random.default_rng(5)
Y_TRUE = [rng.normal(size=(6, 4)).astype("float32") for _ in range(3)]
Y_PRED = [(t + 0.5 * rng.normal(size=(6, 4))).astype("float32") for t in Y_TRUE]
WEIGHTS = [rng.random(6).astype("float32") for _ in range(3)]
T3 = [rng.normal(size=(4, 3, 5)).astype("float32") for _ in range(3)]
P3 = [rng.normal(size=(4, 3, 5)).astype("float32") for _ in range(3)]
W3 = [rng.random(4).astype("float32") for _ in range(3)]
DATA = {"2d": (Y_TRUE, Y_PRED, WEIGHTS), "3d": (T3, P3, W3)}
CASES = {
    "pearson": (lambda M: M.PearsonCorrelation(), "2d"),
    "pearson_axis_1": (lambda M: M.PearsonCorrelation(axis=1), "3d"),
    "concordance": (lambda M: M.ConcordanceCorrelation(), "2d"),
    "concordance_axis_1": (lambda M: M.ConcordanceCorrelation(axis=1), "3d"),
    "r2": (lambda M: M.R2Score(), "2d"),
    "r2_variance_weighted": (
        lambda M: M.R2Score(class_aggregation="variance_weighted_average"), "2d"
    ),
    "r2_raw": (lambda M: M.R2Score(class_aggregation=None), "2d"),
    "r2_adjusted": (lambda M: M.R2Score(num_regressors=2), "2d"),
}
# --- end data ---

nan = float("nan")  # R2 of an empty state is 0 / 0
EXPECTED = {'pearson': [0.8612125515937805, 0.8483132719993591, 0.8515142202377319, 0.0],
 'pearson_weighted': [0.8563417196273804, 0.847089946269989, 0.8463178277015686, 0.0],
 'pearson_axis_1': [0.011423744261264801, 0.058897264301776886, 0.02834974229335785, 0.0],
 'pearson_axis_1_weighted': [-0.10706312209367752,
                             -0.025298407301306725,
                             -0.03196081146597862,
                             0.0],
 'concordance': [0.7637603878974915, 0.7718088626861572, 0.7736510038375854, 0.0],
 'concordance_weighted': [0.7374887466430664, 0.7547302842140198, 0.7477119565010071, 0.0],
 'concordance_axis_1': [0.053152862936258316, 0.08004533499479294, 0.04763578251004219, 0.0],
 'concordance_axis_1_weighted': [-0.052662745118141174,
                                 0.016554707661271095,
                                 0.0037794080562889576,
                                 0.0],
 'r2': [0.18058180809020996, 0.7011423110961914, 0.7234237194061279, nan],
 'r2_weighted': [-0.16150562465190887, 0.6522601246833801, 0.6807251572608948, nan],
 'r2_variance_weighted': [0.6508958339691162, 0.714007556438446, 0.7440921068191528, nan],
 'r2_variance_weighted_weighted': [0.5605951547622681, 0.6658255457878113, 0.7122519016265869, nan],
 'r2_raw': [[0.7221934795379639, 0.8245131373405457, -1.367356777191162, 0.5429773330688477],
            [0.763335645198822, 0.7557070255279541, 0.6754553914070129, 0.610071063041687],
            [0.7496922016143799, 0.7425605058670044, 0.8461767435073853, 0.5552653074264526],
            [nan, nan, nan, nan]],
 'r2_raw_weighted': [[0.6981427669525146,
                      0.7364271879196167,
                      -2.7854342460632324,
                      0.7048417925834656],
                     [0.7478419542312622,
                      0.6978307366371155,
                      0.5538880825042725,
                      0.6094796061515808],
                     [0.7709152102470398,
                      0.7247893214225769,
                      0.7827495336532593,
                      0.44444650411605835],
                     [nan, nan, nan, nan]],
 'r2_adjusted': [0.102541983127594, 0.6878597736358643, 0.7154070138931274, nan],
 'r2_adjusted_weighted': [-0.27212512493133545, 0.63680499792099, 0.6714708209037781, nan]}
# --- end expected ---


@pytest.mark.filterwarnings("ignore::UserWarning")  # Keras's warnings, tested below
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
    expected = EXPECTED[key + ("_weighted" if weighted else "")]
    np.testing.assert_allclose(actual, expected, rtol=2e-5, atol=1e-6, equal_nan=True)


def test_functions_match_numpy():
    t, p = Y_TRUE[0].astype("float64"), Y_PRED[0].astype("float64")
    pearson = [np.corrcoef(a, b)[0, 1] for a, b in zip(t, p)]
    np.testing.assert_allclose(metrics.pearson_correlation(Y_TRUE[0], Y_PRED[0]).numpy(), pearson, rtol=1e-5)
    # Keras's concordance centres y_true on the mean of y_pred in the covariance term.
    mt, mp = t.mean(-1, keepdims=True), p.mean(-1, keepdims=True)
    norm = t.var(-1, keepdims=True) + p.var(-1, keepdims=True) + (mt - mp) ** 2
    ccc = (2 * (t - mp) * (p - mp) / (norm + 1e-7)).mean(-1)
    np.testing.assert_allclose(metrics.concordance_correlation(Y_TRUE[0], Y_PRED[0]).numpy(), ccc, rtol=1e-5)
    # from keras 3.15.1 docstrings
    y_true = [[0, 1, 0.5], [1, 1, 0.2]]
    y_pred = [[0.1, 0.9, 0.5], [1, 0.9, 0.2]]
    np.testing.assert_allclose(metrics.pearson_correlation(y_true, y_pred).numpy(), [1.0, 0.9933993], rtol=1e-5)
    np.testing.assert_allclose(metrics.concordance_correlation(y_true, y_pred).numpy(), [0.97560966, 0.98765427], rtol=1e-5)


def test_r2_matches_numpy():
    t, p = np.concatenate(Y_TRUE).astype("float64"), np.concatenate(Y_PRED).astype("float64")
    w = np.concatenate(WEIGHTS)[:, None]
    mean = (w * t).sum(0) / w.sum()
    ss_res = (w * (t - p) ** 2).sum(0)
    ss_tot = (w * (t - mean) ** 2).sum(0)
    m = metrics.R2Score(class_aggregation=None)
    for i in range(3):
        m.update_state(Y_TRUE[i], Y_PRED[i], sample_weight=WEIGHTS[i])
    np.testing.assert_allclose(m.result().numpy(), 1 - ss_res / ss_tot, rtol=1e-4)


def test_r2_docstring_edges_and_warnings():
    # from keras 3.15.1
    m = metrics.R2Score()
    m.update_state(np.array([[1], [4], [3]]), np.array([[2], [4], [4]]))
    np.testing.assert_allclose(float(m.result()), 0.5714285373687744, rtol=1e-6)
    assert [v.path for v in m.variables] == [
        "r2_score/num_samples", "r2_score/squared_sum", "r2_score/sum", "r2_score/residual",
        "r2_score/count"]
    m = metrics.R2Score()  # a constant column has no variance: its infinite score counts 0
    m.update_state(np.ones((3, 2)), np.array([[1.0, 2], [1, 1], [0, 1]]))
    assert float(m.result()) == 0.0
    m = metrics.R2Score(num_regressors=5)
    m.update_state(np.array([[1.0], [4], [3]]), np.array([[2.0], [4], [4]]))
    with pytest.warns(UserWarning, match="^More independent predictors than datapoints in adjusted R2 score. Falling back to standard R2 score.$"):
        np.testing.assert_allclose(float(m.result()), 0.5714285373687744, rtol=1e-6)
    m = metrics.R2Score(num_regressors=2)
    m.update_state(np.array([[1.0], [4], [3]]), np.array([[2.0], [4], [4]]))
    with pytest.warns(UserWarning, match="^Division by zero in Adjusted R2 score. Falling back to standard R2 score.$"):
        m.result()
    assert float(metrics.R2Score().result()) == 0.0  # no state yet (Keras raises)


def test_configs():
    # from keras 3.15.1
    assert metrics.R2Score().get_config() == {
        "name": "r2_score", "dtype": "float32", "class_aggregation": "uniform_average",
        "num_regressors": 0}
    assert metrics.PearsonCorrelation().get_config() == {
        "name": "pearson_correlation", "dtype": "float32", "axis": -1}
    assert metrics.ConcordanceCorrelation(axis=1).get_config() == {
        "name": "concordance_correlation", "dtype": "float32", "axis": 1}
    for metric in (metrics.R2Score(None, 3), metrics.PearsonCorrelation(axis=0)):
        clone = metrics.deserialize(metrics.serialize(metric))
        assert clone.get_config() == metric.get_config()


def test_errors():
    # Texts from keras 3.15.1.
    with pytest.raises(ValueError, match=r"^Invalid value for argument `class_aggregation`. Expected one of \(None, 'uniform_average', 'variance_weighted_average'\). Received: class_aggregation=x$"):
        metrics.R2Score(class_aggregation="x")
    with pytest.raises(ValueError, match=r"^Invalid value for argument `num_regressors`. Expected a value >= 0. Received: num_regressors=-1$"):
        metrics.R2Score(num_regressors=-1)
    with pytest.raises(ValueError, match=r"^R2Score expects 2D inputs with shape \(batch_size, output_dim\). Received input shapes: y_pred.shape=\(2, 2, 2\) and y_true.shape=\(2, 2, 2\).$"):
        metrics.R2Score().update_state(np.zeros((2, 2, 2)), np.zeros((2, 2, 2)))
