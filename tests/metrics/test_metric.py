"""The `Metric` base class: state variables, tracking, reset, call, config and errors."""

import numpy as np
import pytest
import torch

from torchkeras import backend
from torchkeras import initializers
from torchkeras import metrics


class CountPositives(metrics.Metric):
    def __init__(self, name="count_positives", **kwargs):
        super().__init__(name=name, **kwargs)
        self.positives = self.add_variable(shape=(), initializer="zeros", name="positives")

    def update_state(self, values):
        with torch.no_grad():
            self.positives.add_((torch.as_tensor(values) > 0).sum().to(self.positives.dtype))

    def result(self):
        return self.positives.detach().clone()


def test_add_variable_creates_non_trainable_state_on_the_device():
    m = CountPositives()
    (v,) = m.variables
    assert isinstance(v, backend.Variable)
    assert v.trainable is False and v.requires_grad is False
    assert v.device.type == backend.get_device().type
    assert v.path == "count_positives/positives" and v.name == "positives"
    assert v.dtype == torch.float32 and tuple(v.shape) == ()
    ones = m.add_variable(shape=(2, 3), initializer="ones", dtype="int32", name="ones")
    assert ones.dtype == torch.int32 and ones.numpy().tolist() == [[1] * 3] * 2
    assert m.add_weight(shape=(2,), name="w").numpy().tolist() == [0.0, 0.0]
    const = m.add_variable((2,), initializer=initializers.Constant(2.0), name="c")
    assert const.numpy().tolist() == [2.0, 2.0]
    assert len(m.variables) == 4


def test_call_updates_then_returns_result_and_reset():
    m = CountPositives()
    assert float(m([1.0, -1.0, 2.0])) == 2.0
    assert float(m([3.0])) == 3.0
    m.reset_state()
    assert float(m.result()) == 0.0


def test_result_does_not_alias_state():
    m = metrics.Sum()
    m.update_state([1.0, 2.0])
    first = m.result()
    m.update_state([10.0])
    assert float(first) == 3.0 and float(m.result()) == 13.0


def test_sub_metrics_and_variables_assigned_as_attributes_are_tracked():
    class Composite(metrics.Metric):
        def __init__(self):
            super().__init__(name="composite")
            self.inner = metrics.Mean(name="inner")
            self.pair = [metrics.Sum(name="s1"), metrics.Sum(name="s2")]
            self.extra = backend.Variable(np.zeros(()), trainable=False, name="extra")
            self.extra = self.extra  # tracked once

    m = Composite()
    assert [v.path for v in m.variables] == ["extra", "inner/total", "inner/count", "s1/total", "s2/total"]
    m.inner.update_state([1.0, 2.0])
    m.reset_state()
    assert float(m.inner.count) == 0.0


def test_forgetting_super_init_is_reported():
    class Broken(metrics.Metric):
        def __init__(self):
            pass

        def update_state(self, x):
            pass

        def result(self):
            return 0

    with pytest.raises(RuntimeError, match=r"You forgot to call `super\(\).__init__\(\)` in the `__init__\(\)` method. Go add it!"):
        Broken().add_variable(shape=(), initializer="zeros")
    with pytest.raises(RuntimeError, match="You forgot to call"):
        Broken()(1.0)


def test_base_methods_not_implemented():
    m = metrics.Metric(name="m")
    with pytest.raises(NotImplementedError):
        m.update_state(1.0)
    with pytest.raises(NotImplementedError):
        m.result()


def test_names_dtype_config_repr():
    class MyFancyMetric(metrics.Mean):
        pass

    # from keras 3.15.1: automatic snake-case names, uniquified.
    assert metrics.Metric().name.startswith("metric")
    first = MyFancyMetric(name=None)
    second = MyFancyMetric(name=None)
    assert first.name == "my_fancy_metric" and second.name == "my_fancy_metric_1"
    m = metrics.Mean(dtype="float64")
    assert m.dtype == "float64" and m.variables[0].dtype == torch.float64
    assert m.get_config() == {"name": "mean", "dtype": "float64"}
    clone = metrics.Mean.from_config(m.get_config())
    assert clone.name == "mean" and clone.dtype == "float64"
    assert repr(m) == "<Mean name=mean>" and str(m) == "<Mean name=mean>"


def test_update_state_never_syncs_to_host(monkeypatch):
    # Every built-in update must stay on the device: forbid `.item()`, `.tolist()`, `.cpu()`,
    # `.numpy()`, `bool(tensor)` and `float(tensor)` while updating.
    y_true = torch.tensor([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])
    y_pred = torch.tensor([[0.2, 0.7, 0.1], [0.3, 0.3, 0.4]])
    sparse = torch.tensor([1, 0])
    sw = torch.tensor([1.0, 2.0])
    cases = [
        (metrics.Mean(), (y_pred,)),
        (metrics.Sum(), (y_pred,)),
        (metrics.Accuracy(), (sparse, sparse)),
        (metrics.BinaryAccuracy(), (y_true, y_pred)),
        (metrics.CategoricalAccuracy(), (y_true, y_pred)),
        (metrics.SparseCategoricalAccuracy(), (sparse, y_pred)),
        (metrics.TopKCategoricalAccuracy(k=2), (y_true, y_pred)),
        (metrics.SparseTopKCategoricalAccuracy(k=2), (sparse, y_pred)),
        (metrics.MeanSquaredError(), (y_true, y_pred)),
        (metrics.MeanAbsoluteError(), (y_true, y_pred)),
        (metrics.RootMeanSquaredError(), (y_true, y_pred)),
        (metrics.BinaryCrossentropy(), (y_true, y_pred)),
        (metrics.CategoricalCrossentropy(), (y_true, y_pred)),
        (metrics.SparseCategoricalCrossentropy(ignore_class=0), (sparse, y_pred)),
        (metrics.Hinge(), (y_true, y_pred)),
        (metrics.TruePositives(thresholds=[0.1, 0.5]), (y_true, y_pred)),
        (metrics.Precision(thresholds=[0.0, 0.5, 1.0]), (y_true, y_pred)),
        (metrics.Recall(top_k=2, class_id=1), (y_true, y_pred)),
        (metrics.AUC(), (y_true, y_pred)),
        (metrics.AUC(curve="PR", multi_label=True, num_labels=3), (y_true, y_pred)),
        (metrics.AUC(thresholds=[0.3, 0.6], label_weights=[1.0, 2.0, 3.0]), (y_true, y_pred)),
        (metrics.PrecisionAtRecall(0.5), (y_true, y_pred)),
        (metrics.SpecificityAtSensitivity(0.5, num_thresholds=1), (y_true, y_pred)),
        (metrics.F1Score(average="weighted"), (y_true, y_pred)),
        (metrics.FBetaScore(beta=2.0, threshold=0.5), (y_true, y_pred)),
        (metrics.MeanIoU(3, dtype="float32", ignore_class=2), (sparse, sparse)),
        (metrics.OneHotIoU(3, [0, 1], dtype="float32"), (y_true, y_pred)),
        (metrics.BinaryIoU(dtype="float32"), (y_true[:, 0], y_pred[:, 0])),
        (metrics.R2Score(), (y_true, y_pred)),
        (metrics.PearsonCorrelation(), (y_true, y_pred)),
        (metrics.ConcordanceCorrelation(), (y_true, y_pred)),
    ]

    def forbidden(*args, **kwargs):
        raise AssertionError("host sync in update_state")

    # The multi-label AUC and the F-score/R2 state is created on the first update (on the host).
    for metric, args in cases:
        if getattr(metric, "_built", True) is False:
            metric.update_state(*args)
    for name in ("item", "tolist", "cpu", "numpy", "__bool__", "__float__", "__int__"):
        monkeypatch.setattr(torch.Tensor, name, forbidden)
    for metric, args in cases:
        metric.update_state(*args)
        metric.update_state(*args, sample_weight=sw)
    monkeypatch.undo()
    assert all(np.isfinite(m.result().numpy()).all() for m, _ in cases)


def test_update_state_does_not_track_gradients():
    y_pred = torch.tensor([[0.2, 0.8]], requires_grad=True)
    m = metrics.MeanSquaredError()
    m.update_state(torch.tensor([[0.0, 1.0]]), y_pred)
    assert not m.total.requires_grad and m.total.grad_fn is None
    assert not m.result().requires_grad
