"""`Sum`, `Mean` and `MeanMetricWrapper`. Expected numbers are from keras 3.15.1 on TensorFlow
unless a NumPy reference is written out."""

import numpy as np
import torch

from torchkeras import losses
from torchkeras import metrics


def f(x):
    return np.array(x, "float32")


def close(actual, expected, rtol=1e-6, atol=1e-6):
    np.testing.assert_allclose(torch.as_tensor(actual).detach().numpy(), expected, rtol=rtol, atol=atol)


def test_mean_over_several_updates():
    m = metrics.Mean()
    m.update_state(f([1, 3, 5, 7]))
    close(m.result(), 4.0)
    # Per-sample weights on (batch, features) values: features averaged, samples weighted.
    m.update_state(f([[2, 4], [6, 8]]), sample_weight=f([1, 0.5]))
    close(m.result(), 4.090909004211426)
    m.update_state(f(10.0))  # a scalar counts as one sample
    close(m.result(), 5.0)
    # Per-element weights: the sample weight is the mean of its row of weights.
    m.update_state(f([[1, 2], [3, 4]]), sample_weight=f([[1, 0], [0.5, 0.5]]))
    close(m.result(), 4.633333206176758)
    close(m.total, 34.75)
    close(m.count, 7.5)
    m.reset_state()
    close(m.result(), 0.0)  # 0 / 0 gives 0
    close(m.count, 0.0)


def test_mean_weight_shapes():
    m = metrics.Mean()
    m.update_state(f([[1, 2, 3], [4, 5, 6]]), sample_weight=f([[1], [2]]))
    close(m.result(), 4.0)
    close(m.count, 3.0)
    m = metrics.Mean()
    m.update_state(f([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]), sample_weight=f([[1, 0], [1, 1]]))
    close(m.result(), 4.833333492279053)
    close(m.count, 1.5)


def test_mean_call_and_torch_inputs():
    m = metrics.Mean()
    close(m(torch.tensor([1.0, 3.0, 5.0, 7.0]), sample_weight=torch.tensor([1.0, 1.0, 0.0, 0.0])), 2.0)


def test_sum_over_several_updates():
    s = metrics.Sum()
    s.update_state(f([1, 3, 5, 7]))
    close(s.result(), 16.0)
    s.update_state(f([[2, 4], [6, 8]]), sample_weight=f([1, 0.5]))
    close(s.result(), 29.0)
    s.update_state(f([[1, 2], [3, 4]]), sample_weight=f([[1, 0], [0.5, 0.5]]))
    close(s.result(), 33.5)
    s.reset_state()
    close(s.result(), 0.0)
    assert [v.name for v in s.variables] == ["total"]


YT = f([[1, 2], [0, 0.5], [3, 1], [2, 2]])
YP = f([[1.5, 1], [0, 1.5], [2, 0], [2, 3]])
MASK = np.array([True, False, True, True])


def masked(values, mask):
    out = torch.tensor(values)
    out._keras_mask = torch.tensor(mask)
    return out


def test_mean_metric_wrapper_with_masks():
    m = metrics.MeanMetricWrapper(losses.mean_squared_error)
    m.update_state(YT, masked(YP, MASK))
    close(m.result(), 0.7083333134651184)
    close(m.count, 3.0)
    m = metrics.MeanMetricWrapper(losses.mean_squared_error)
    m.update_state(YT, masked(YP, MASK), sample_weight=f([1, 2, 0.5, 3]))
    close(m.result(), 0.5833333134651184)
    close(m.count, 4.5)


def test_mean_metric_wrapper_kwargs_direction_config():
    m = metrics.MeanMetricWrapper(metrics.binary_accuracy, name="acc_03", threshold=0.3)
    m.update_state(f([[1], [0], [1]]), f([[0.35], [0.2], [0.1]]))
    close(m.result(), 2 / 3)
    # Keras serializes the wrapped function in its function form.
    assert m.get_config() == {
        "name": "acc_03", "dtype": "float32", "threshold": 0.3,
        "fn": {"module": "builtins", "class_name": "function", "config": "binary_accuracy",
               "registered_name": "function"},
    }
    clone = metrics.MeanMetricWrapper.from_config(m.get_config())
    assert clone._fn is metrics.binary_accuracy and clone._fn_kwargs == {"threshold": 0.3}
    # Wrapping a Keras loss makes a metric to minimize.
    assert metrics.MeanMetricWrapper(losses.mean_squared_error)._direction == "down"
    assert metrics.MeanMetricWrapper(losses.Huber())._direction == "down"
    assert not hasattr(metrics.MeanMetricWrapper(lambda t, p: t), "_direction")
    assert metrics.MeanMetricWrapper(losses.mean_squared_error).name.startswith("mean_metric_wrapper")


def test_mean_metric_wrapper_custom_function():
    def my_metric(y_true, y_pred):
        return torch.abs(y_true - y_pred).amax(dim=-1)

    m = metrics.MeanMetricWrapper(my_metric)
    m.update_state(torch.tensor(YT), torch.tensor(YP))
    close(m.result(), np.abs(YT - YP).max(-1).mean())
