"""`IoU`, `MeanIoU`, `BinaryIoU`, `OneHotIoU` and `OneHotMeanIoU`.

`EXPECTED` was recorded with keras 3.15.1 (TensorFlow backend) by running `CASES` on the data
block below, batch after batch, then once more after `reset_state()`."""

import warnings

import numpy as np
import pytest
import torch

from torchkeras import metrics

# --- data ---
rng = np.random.default_rng(11)
IDS_TRUE = [rng.integers(0, 4, 8) for _ in range(3)]
IDS_PRED = [rng.integers(0, 4, 8) for _ in range(3)]
IDS_TRUE[0][0] = 7  # out of range: not counted
IDS_PRED[1][1] = -1
INT_WEIGHTS = [rng.integers(0, 3, 8) for _ in range(3)]
FLOAT_WEIGHTS = [rng.random(8).astype("float32") for _ in range(3)]
ONE_HOT_TRUE = [np.eye(3, dtype="float32")[rng.integers(0, 3, 6)] for _ in range(3)]
SCORES = [rng.random((6, 3)).astype("float32") for _ in range(3)]
ONE_HOT_WEIGHTS = [rng.random(6).astype("float32") for _ in range(3)]
BIN_TRUE = [(rng.random((6, 1)) < 0.5).astype("float32") for _ in range(3)]
BIN_PRED = [rng.random((6, 1)).astype("float32") for _ in range(3)]
DATA = {
    "ids": (IDS_TRUE, IDS_PRED, INT_WEIGHTS),
    "ids_float_weights": (IDS_TRUE, IDS_PRED, FLOAT_WEIGHTS),
    "one_hot": (ONE_HOT_TRUE, SCORES, ONE_HOT_WEIGHTS),
    "binary": (BIN_TRUE, BIN_PRED, ONE_HOT_WEIGHTS),
}
CASES = {
    "iou": (lambda M: M.IoU(4, [0, 2]), "ids"),
    "mean_iou": (lambda M: M.MeanIoU(4), "ids"),
    "mean_iou_ignore": (lambda M: M.MeanIoU(4, ignore_class=1), "ids"),
    "mean_iou_float": (lambda M: M.MeanIoU(4, dtype="float32"), "ids_float_weights"),
    "one_hot_iou": (lambda M: M.OneHotIoU(3, [0, 2]), "one_hot"),
    "one_hot_iou_float": (lambda M: M.OneHotIoU(3, [1], dtype="float32"), "one_hot"),
    "one_hot_mean_iou": (lambda M: M.OneHotMeanIoU(3, dtype="float32"), "one_hot"),
    "dense_both": (
        lambda M: M.IoU(3, [0, 1, 2], sparse_y_true=False, sparse_y_pred=False, dtype="float32"),
        "one_hot",
    ),
    "binary_iou": (lambda M: M.BinaryIoU(dtype="float32"), "binary"),
    "binary_iou_class_1": (
        lambda M: M.BinaryIoU(target_class_ids=[1], threshold=0.3, dtype="float32"), "binary"
    ),
}
# --- end data ---

EXPECTED = {'iou': [0.0, 0.0, 0.0, 0.0],
 'iou_weighted': [0.0, 0.0, 0.0, 0.0],
 'mean_iou': [0.2083333432674408, 0.1607142835855484, 0.1339285671710968, 0.0],
 'mean_iou_weighted': [0.2083333432674408, 0.17045454680919647, 0.14560440182685852, 0.0],
 'mean_iou_ignore': [0.0833333358168602, 0.0357142873108387, 0.0625, 0.0],
 'mean_iou_ignore_weighted': [0.0833333358168602, 0.04545454680919647, 0.03846153989434242, 0.0],
 'mean_iou_float': [0.2083333432674408, 0.1607142835855484, 0.1339285671710968, 0.0],
 'mean_iou_float_weighted': [0.25702065229415894, 0.15115241706371307, 0.11002074182033539, 0.0],
 'one_hot_iou': [0.1666666716337204, 0.0833333358168602, 0.1527777761220932, 0.0],
 'one_hot_iou_weighted': [0.0, 0.0, 0.0, 0.0],
 'one_hot_iou_float': [0.3333333134651184, 0.1249999850988388, 0.09090908616781235, 0.0],
 'one_hot_iou_float_weighted': [0.48838573694229126, 0.1686301827430725, 0.10316455364227295, 0.0],
 'one_hot_mean_iou': [0.2222222238779068, 0.0972222313284874, 0.1321548968553543, 0.0],
 'one_hot_mean_iou_weighted': [0.20242810249328613, 0.06852554529905319, 0.09903106838464737, 0.0],
 'dense_both': [0.2222222238779068, 0.0972222313284874, 0.1321548968553543, 0.0],
 'dense_both_weighted': [0.20242810249328613, 0.06852554529905319, 0.09903106838464737, 0.0],
 'binary_iou': [0.20000000298023224, 0.32499998807907104, 0.32499998807907104, 0.0],
 'binary_iou_weighted': [0.25494590401649475, 0.44306209683418274, 0.39860302209854126, 0.0],
 'binary_iou_class_1': [0.1666666567325592, 0.45454540848731995, 0.4374999403953552, 0.0],
 'binary_iou_class_1_weighted': [0.2650585472583771, 0.5906543731689453, 0.5079492330551147, 0.0]}
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
    np.testing.assert_allclose(actual, EXPECTED[key + ("_weighted" if weighted else "")], rtol=1e-6, atol=1e-6)


def test_confusion_matrix_and_iou_match_numpy():
    cm = np.zeros((4, 4))
    for t, p, w in zip(IDS_TRUE, IDS_PRED, FLOAT_WEIGHTS):
        for ti, pi, wi in zip(t, p, w):
            if 0 <= ti < 4 and 0 <= pi < 4:
                cm[ti, pi] += wi
    m = metrics.MeanIoU(4, dtype="float32")
    for i in range(3):
        m.update_state(IDS_TRUE[i], IDS_PRED[i], sample_weight=FLOAT_WEIGHTS[i])
    np.testing.assert_allclose(m.total_cm.numpy(), cm, rtol=1e-6)
    tp = np.diag(cm)
    denominator = cm.sum(0) + cm.sum(1) - tp
    iou = tp / (denominator + 1e-7)
    np.testing.assert_allclose(float(m.result()), iou.mean(), rtol=1e-5)


def test_docstring_examples():
    # from keras 3.15.1 docstrings
    m = metrics.MeanIoU(num_classes=2)
    m.update_state([0, 0, 1, 1], [0, 1, 0, 1])
    np.testing.assert_allclose(float(m.result()), 0.33333334)
    m = metrics.MeanIoU(num_classes=2, dtype="float32")
    m.update_state([0, 0, 1, 1], [0, 1, 0, 1], sample_weight=[0.3, 0.3, 0.3, 0.1])
    np.testing.assert_allclose(float(m.result()), 0.2380952, rtol=1e-6)
    m = metrics.BinaryIoU(target_class_ids=[0, 1], threshold=0.3, dtype="float32")
    m.update_state([0, 1, 0, 1], [0.1, 0.2, 0.4, 0.7], sample_weight=[0.2, 0.3, 0.4, 0.1])
    np.testing.assert_allclose(float(m.result()), 0.1736110895872116, rtol=1e-6)
    m = metrics.OneHotMeanIoU(num_classes=3, dtype="float32")
    y_true = np.array([[0, 0, 1], [1, 0, 0], [0, 1, 0], [1, 0, 0]])
    y_pred = np.array([[0.2, 0.3, 0.5], [0.1, 0.2, 0.7], [0.5, 0.3, 0.1], [0.1, 0.4, 0.5]])
    m.update_state(y_true, y_pred, sample_weight=[0.1, 0.2, 0.3, 0.4])
    np.testing.assert_allclose(float(m.result()), 0.047619033604860306, rtol=1e-6)


def test_integer_matrix_truncates_float_weights_with_a_warning():
    # from keras 3.15.1: the default matrix is int64, so weights 0.5 and 2.5 count 0 and 2.
    m = metrics.MeanIoU(2)
    with pytest.warns(UserWarning, match=r"^You are passing weight as `float`, but dtype is `int`. This may result in an incorrect weight due to type casting Consider using integer weights.$"):
        m.update_state([0, 1], [0, 1], sample_weight=np.array([0.5, 2.5]))
    assert m.total_cm.numpy().tolist() == [[0, 0], [0, 2]]
    assert m.total_cm.dtype == torch.int64 and m.result().dtype == torch.float32
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        m.update_state([0, 1], [0, 1], sample_weight=[1, 2])  # no dtype: no warning


def test_names_state_and_config():
    # from keras 3.15.1
    m = metrics.MeanIoU(num_classes=2)
    assert m.name == "mean_io_u" and m.dtype == "int64"
    assert [(v.path, tuple(v.shape)) for v in m.variables] == [("mean_io_u/total_confusion_matrix", (2, 2))]
    assert m.get_config() == {
        "num_classes": 2, "name": "mean_io_u", "dtype": "int64", "ignore_class": None,
        "sparse_y_true": True, "sparse_y_pred": True, "axis": -1}
    assert metrics.BinaryIoU().get_config() == {
        "target_class_ids": [0, 1], "threshold": 0.5, "name": "binary_io_u", "dtype": "int64"}
    assert metrics.IoU(3, [0, 1]).get_config() == {
        "name": "io_u", "dtype": "int64", "num_classes": 3, "target_class_ids": [0, 1],
        "ignore_class": None, "sparse_y_true": True, "sparse_y_pred": True, "axis": -1}
    assert metrics.OneHotIoU(3, [0, 1]).get_config() == {
        "num_classes": 3, "target_class_ids": [0, 1], "name": "one_hot_io_u", "dtype": "int64",
        "ignore_class": None, "sparse_y_pred": False, "axis": -1}
    assert metrics.OneHotMeanIoU(3).get_config() == {
        "num_classes": 3, "name": "one_hot_mean_io_u", "dtype": "int64", "ignore_class": None,
        "sparse_y_pred": False, "axis": -1}
    for metric in (metrics.IoU(3, [1], ignore_class=0), metrics.BinaryIoU([1], 0.3),
                   metrics.OneHotIoU(3, [2]), metrics.OneHotMeanIoU(4, dtype="float32")):
        clone = metrics.deserialize(metrics.serialize(metric))
        assert type(clone) is type(metric) and clone.get_config() == metric.get_config()


def test_errors():
    # Text from keras 3.15.1.
    with pytest.raises(ValueError, match=r"^Target class id 3 is out of range, which is \[0, 3\).$"):
        metrics.IoU(3, [0, 3])
