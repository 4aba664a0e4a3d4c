"""Regression, hinge and probabilistic losses. Expected numbers are from keras 3.15.1 on
TensorFlow unless a NumPy reference is written out."""

import numpy as np
import pytest
import torch

from torchkeras import losses

YT = np.array([[1.0, 2.0], [0.0, 0.5], [3.0, 1.0], [2.0, 2.0]], "float32")
YP = np.array([[1.5, 1.0], [0.0, 1.5], [2.0, 0.0], [2.0, 3.0]], "float32")


def close(actual, expected, rtol=1e-6, atol=1e-6):
    np.testing.assert_allclose(torch.as_tensor(actual).detach().numpy(), expected, rtol=rtol, atol=atol)


@pytest.mark.parametrize(
    "cls, fn, reduced, per_sample",
    [  # from keras 3.15.1
        (losses.MeanSquaredError, losses.mean_squared_error, 0.65625, [0.625, 0.5, 1.0, 0.5]),
        (losses.MeanAbsoluteError, losses.mean_absolute_error, 0.6875, [0.75, 0.5, 1.0, 0.5]),
        (
            losses.MeanAbsolutePercentageError,
            losses.mean_absolute_percentage_error,
            60.41666793823242,
            [50.0, 100.0, 66.66667175292969, 25.0],
        ),
        (
            losses.MeanSquaredLogarithmicError,
            losses.mean_squared_logarithmic_error,
            0.14013907313346863,
            [0.10709750652313232, 0.13047140836715698, 0.28160691261291504, 0.04138048365712166],
        ),
        (
            losses.LogCosh,
            losses.log_cosh,
            0.28612732887268066,
            [0.2769477069377899, 0.2168903946876526, 0.4337809085845947, 0.2168903946876526],
        ),
        (
            losses.CosineSimilarity,
            losses.cosine_similarity,
            -0.9493768215179443,
            [-0.8682430982589722, -1.0, -0.9486832618713379, -0.9805806875228882],
        ),
    ],
)
def test_regression_losses(cls, fn, reduced, per_sample):
    close(cls()(YT, YP), reduced, rtol=2e-6)
    close(fn(YT, YP), per_sample, rtol=2e-6)


def test_numpy_references():
    close(losses.mse(YT, YP), np.square(YT - YP).mean(-1))
    close(losses.mae(YT, YP), np.abs(YT - YP).mean(-1))
    x = YP - YT
    close(losses.log_cosh(YT, YP), np.log(np.cosh(x)).mean(-1))


def test_huber():
    # from keras 3.15.1
    close(losses.Huber(delta=0.7)(YT, YP), 0.29999998211860657)
    close(losses.huber(YT, YP, delta=0.7), [0.28999999165534973, 0.22749999165534973, 0.45499998331069946, 0.22749999165534973])
    err = np.abs(YP - YT)
    expected = np.where(err <= 1.0, 0.5 * err**2, err - 0.5).mean(-1)
    close(losses.huber(YT, YP), expected)
    # As Keras 3.15: `delta` is not in the config.
    assert losses.Huber(delta=0.7).get_config() == {"name": "huber_loss", "reduction": "sum_over_batch_size"}


def test_cosine_similarity_axis_and_zero_vector():
    # from keras 3.15.1
    close(losses.cosine_similarity(YT, YP, axis=0), [-0.9600014686584473, -0.821994960308075])
    close(losses.cosine_similarity(np.zeros((1, 2), "float32"), np.ones((1, 2), "float32")), [0.0])


YH = np.array([[0.0, 1.0], [1.0, 1.0], [0.0, 0.0]], "float32")
PH = np.array([[0.3, 0.8], [-0.5, 2.0], [0.2, -1.5]], "float32")


def test_hinge_losses():
    # from keras 3.15.1
    close(losses.Hinge()(YH, PH), 0.699999988079071)
    close(losses.hinge(YH, PH), [0.75, 0.75, 0.6000000238418579])
    close(losses.hinge([[-1.0, 1.0], [1.0, 1.0]], PH[:2]), [0.75, 0.75])
    # Labels that are not all 0/1 are used as they are.
    close(losses.hinge([[2.0, 1.0]], PH[:1]), [0.29999998211860657])
    close(losses.SquaredHinge()(YH, PH), 0.9033333659172058)
    close(losses.squared_hinge(YH, PH), [0.8649998903274536, 1.125, 0.7200000286102295])
    yc = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]], "float32")
    pc = np.array([[0.3, 0.5, 0.2], [0.1, 0.7, 0.2]], "float32")
    close(losses.CategoricalHinge()(yc, pc), 1.1999999284744263)
    close(losses.categorical_hinge(yc, pc), [0.800000011920929, 1.5999999046325684])


def test_probabilistic_losses():
    yk = np.array([[0.2, 0.8], [0.5, 0.5]], "float32")
    pk = np.array([[0.4, 0.6], [0.0, 1.0]], "float32")
    # from keras 3.15.1
    close(losses.KLDivergence()(yk, pk), 3.728708505630493)
    close(losses.kl_divergence(yk, pk), [0.09151618182659149, 7.365900993347168], rtol=2e-6)
    close(losses.Poisson()(yk, pk), 2.6627416610717773)
    close(losses.poisson(yk, pk), [0.7959592342376709, 4.529523849487305])


@pytest.mark.parametrize(
    "cls, name",
    [  # from keras 3.15.1
        (losses.MeanSquaredError, "mean_squared_error"),
        (losses.MeanAbsoluteError, "mean_absolute_error"),
        (losses.MeanAbsolutePercentageError, "mean_absolute_percentage_error"),
        (losses.MeanSquaredLogarithmicError, "mean_squared_logarithmic_error"),
        (losses.Huber, "huber_loss"),
        (losses.LogCosh, "log_cosh"),
        (losses.CosineSimilarity, "cosine_similarity"),
        (losses.Hinge, "hinge"),
        (losses.SquaredHinge, "squared_hinge"),
        (losses.CategoricalHinge, "categorical_hinge"),
        (losses.KLDivergence, "kl_divergence"),
        (losses.Poisson, "poisson"),
    ],
)
def test_names_and_configs(cls, name):
    loss = cls()
    assert loss.name == name
    assert loss.get_config() == {"name": name, "reduction": "sum_over_batch_size"}
    clone = cls.from_config(cls(reduction="sum").get_config())
    assert clone.reduction == "sum"
