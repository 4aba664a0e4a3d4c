"""Regression, probabilistic and hinge metrics. Expected numbers are from keras 3.15.1 on
TensorFlow unless a NumPy reference is written out."""

import numpy as np
import pytest
import torch

from torchkeras import metrics


def f(x):
    return np.array(x, "float32")


def close(actual, expected, rtol=1e-6, atol=1e-6):
    np.testing.assert_allclose(torch.as_tensor(actual).detach().numpy(), expected, rtol=rtol, atol=atol)


YT = f([[1, 2], [0, 0.5], [3, 1], [2, 2]])
YP = f([[1.5, 1], [0, 1.5], [2, 0], [2, 3]])


@pytest.mark.parametrize(
    "cls, first, second",
    [  # from keras 3.15.1
        (metrics.MeanSquaredError, 0.65625, 1.567307710647583),
        (metrics.MeanAbsoluteError, 0.6875, 1.057692289352417),
        (metrics.RootMeanSquaredError, 0.810092568397522, 1.2519216537475586),
        (metrics.MeanAbsolutePercentageError, 60.41666793823242, 76923160.0),
        (metrics.MeanSquaredLogarithmicError, 0.14013907313346863, 0.38063856959342957),
        (metrics.LogCoshError, 0.28612732887268066, 0.5673746466636658),
        (metrics.CosineSimilarity, 0.9493768215179443, 0.7858399748802185),
    ],
)
def test_regression_metrics_over_updates(cls, first, second):
    m = cls()
    m.update_state(YT, YP)
    close(m.result(), first, rtol=2e-6)
    m.update_state(YT[:2], YP[2:], sample_weight=f([2, 0.5]))
    close(m.result(), second, rtol=2e-6)
    m.reset_state()
    close(m.result(), 0.0)


def test_root_mean_squared_error_numpy_and_ranks():
    m = metrics.RootMeanSquaredError()
    m.update_state(YT, YP)
    close(m.result(), np.sqrt(np.square(YT - YP).mean()))
    m = metrics.RootMeanSquaredError()
    m.update_state(f([1, 2, 3]), f([[1.5], [2], [2]]))
    close(m.result(), 0.64549720287323)  # from keras 3.15.1


def test_crossentropy_metrics():
    yb, pb = f([[0, 1], [0, 0]]), f([[0.6, 0.4], [0.4, 0.6]])
    m = metrics.BinaryCrossentropy()
    m.update_state(yb, pb)
    close(m.result(), 0.8149244785308838)
    m.update_state(yb, pb, sample_weight=f([3, 1]))
    close(m.result(), 0.848713219165802)
    m = metrics.BinaryCrossentropy(from_logits=True, label_smoothing=0.1)
    m.update_state(yb, f([[-1, 2], [0.5, 3]]))
    close(m.result(), 1.1094634532928467)

    yc, pc = f([[0, 1, 0], [0, 0, 1]]), f([[0.05, 0.95, 0], [0.1, 0.8, 0.1]])
    m = metrics.CategoricalCrossentropy()
    m.update_state(yc, pc)
    close(m.result(), 1.1769392490386963)
    m.update_state(yc, pc, sample_weight=f([0.3, 0.7]))
    close(m.result(), 1.3270254135131836)
    m = metrics.CategoricalCrossentropy(from_logits=True, label_smoothing=0.2)
    m.update_state(yc, f([[1, 2, 3], [0, 0, 5]]))
    close(m.result(), 1.043829321861267)

    m = metrics.SparseCategoricalCrossentropy()
    m.update_state(np.array([1, 2]), pc)
    close(m.result(), 1.1769392490386963)
    m.update_state(np.array([1, 2]), pc, sample_weight=f([0.3, 0.7]))
    close(m.result(), 1.3270254135131836)
    m = metrics.SparseCategoricalCrossentropy(from_logits=True)
    m.update_state(np.array([1, 2]), f([[1, 2, 3], [0, 0, 5]]))
    close(m.result(), 0.7104958891868591)


def test_sparse_crossentropy_metric_ignore_class():
    y, p = np.array([0, 2, 1]), f([[0.7, 0.2, 0.1], [0.2, 0.3, 0.5], [0.1, 0.6, 0.3]])
    # from keras 3.15.1: without weights the ignored entry counts as a 0 ...
    m = metrics.SparseCategoricalCrossentropy(ignore_class=2)
    m.update_state(y, p)
    close(m.result(), 0.28916684)
    # ... with weights, its mask removes it.
    m = metrics.SparseCategoricalCrossentropy(ignore_class=2)
    m.update_state(y, p, sample_weight=f([1, 1, 1]))
    close(m.result(), 0.43375027)


def test_crossentropy_metric_uses_attached_logits():
    logits = torch.tensor([[0.0, 40.0], [1.0, 2.0]])
    probs = torch.softmax(logits, -1)
    probs._keras_logits = logits
    m = metrics.CategoricalCrossentropy()
    m.update_state(f([[1, 0], [0, 1]]), probs)
    close(m.result(), 20.156631469726562)  # from keras 3.15.1


def test_probabilistic_and_hinge_metrics():
    yk, pk = f([[0.2, 0.8], [0.5, 0.5]]), f([[0.4, 0.6], [0.1, 0.9]])
    close(metrics.KLDivergence()(yk, pk), 0.3011709153652191)
    close(metrics.Poisson()(yk, pk), 0.9489727020263672)
    yh, ph = f([[0, 1], [1, 1], [0, 0]]), f([[0.3, 0.8], [-0.5, 2.0], [0.2, -1.5]])
    close(metrics.Hinge()(yh, ph, sample_weight=f([1, 2, 3])), 0.675000011920929)
    close(metrics.SquaredHinge()(yh, ph, sample_weight=f([1, 2, 3])), 0.8791666030883789)
    close(metrics.CategoricalHinge()(f([[0, 1, 0], [1, 0, 0]]), f([[0.3, 0.5, 0.2], [0.1, 0.7, 0.2]])), 1.1999999284744263)


@pytest.mark.parametrize(
    "cls, name, config",
    [  # from keras 3.15.1
        (metrics.MeanSquaredError, "mean_squared_error", {}),
        (metrics.MeanAbsoluteError, "mean_absolute_error", {}),
        (metrics.RootMeanSquaredError, "root_mean_squared_error", {}),
        (metrics.MeanAbsolutePercentageError, "mean_absolute_percentage_error", {}),
        (metrics.MeanSquaredLogarithmicError, "mean_squared_logarithmic_error", {}),
        (metrics.LogCoshError, "logcosh", {}),
        (metrics.CosineSimilarity, "cosine_similarity", {}),
        (metrics.BinaryCrossentropy, "binary_crossentropy", {"from_logits": False, "label_smoothing": 0}),
        (metrics.CategoricalCrossentropy, "categorical_crossentropy", {"from_logits": False, "label_smoothing": 0, "axis": -1}),
        (metrics.SparseCategoricalCrossentropy, "sparse_categorical_crossentropy", {"from_logits": False, "ignore_class": None, "axis": -1}),
        (metrics.KLDivergence, "kl_divergence", {}),
        (metrics.Poisson, "poisson", {}),
        (metrics.Hinge, "hinge", {}),
        (metrics.SquaredHinge, "squared_hinge", {}),
        (metrics.CategoricalHinge, "categorical_hinge", {}),
    ],
)
def test_names_and_configs(cls, name, config):
    m = cls()
    assert m.name == name
    assert m.get_config() == {"name": name, "dtype": "float32", **config}
    assert [v.name for v in m.variables] == ["total", "count"]
    assert cls.from_config(m.get_config()).get_config() == m.get_config()
