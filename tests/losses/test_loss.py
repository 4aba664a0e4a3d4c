"""The `Loss` base class: reductions, sample weights, masks, rank matching, naming, config.

Expected numbers are from keras 3.15.1 on TensorFlow unless a NumPy reference is written out."""

import numpy as np
import pytest
import torch

from torchkeras import losses
from torchkeras.losses import loss as loss_lib

YT = np.array([[1.0, 2.0], [0.0, 0.5], [3.0, 1.0], [2.0, 2.0]], "float32")
YP = np.array([[1.5, 1.0], [0.0, 1.5], [2.0, 0.0], [2.0, 3.0]], "float32")
MASK = np.array([True, False, True, True])
SW = np.array([1.0, 2.0, 0.5, 0.0], "float32")
PER_SAMPLE = (np.square(YT - YP)).mean(-1)  # NumPy MSE per sample: [0.625, 0.5, 1.0, 0.5]


def close(actual, expected, rtol=1e-6, atol=1e-6):
    np.testing.assert_allclose(torch.as_tensor(actual).detach().numpy(), expected, rtol=rtol, atol=atol)


def masked(values, mask):
    out = torch.tensor(values)
    out._keras_mask = torch.tensor(mask)
    return out


@pytest.mark.parametrize(
    "reduction, expected",
    [
        ("sum_over_batch_size", PER_SAMPLE.mean()),
        ("mean", PER_SAMPLE.mean()),
        ("sum", PER_SAMPLE.sum()),
        ("mean_with_sample_weight", PER_SAMPLE.mean()),
        (None, PER_SAMPLE),
        ("none", PER_SAMPLE),
    ],
)
def test_reductions_without_weights(reduction, expected):
    close(losses.MeanSquaredError(reduction=reduction)(YT, YP), expected)


def test_reductions_with_sample_weight():
    weighted = PER_SAMPLE * SW
    close(losses.MeanSquaredError()(YT, YP, sample_weight=SW), weighted.sum() / 4)
    close(losses.MeanSquaredError(reduction="sum")(YT, YP, sample_weight=SW), weighted.sum())
    close(
        losses.MeanSquaredError(reduction="mean_with_sample_weight")(YT, YP, sample_weight=SW),
        weighted.sum() / SW.sum(),
    )
    # divide_no_nan: all-zero weights give 0, not NaN (from keras 3.15.1).
    close(
        losses.MeanSquaredError(reduction="mean_with_sample_weight")(YT, YP, sample_weight=np.zeros(4, "float32")),
        0.0,
    )


def test_per_element_sample_weight():
    # from keras 3.15.1: per-sample losses of shape (2, 2), weights of shape (2, 2).
    y = np.array([[[0.0, 1.0], [1.0, 1.0]], [[2.0, 0.0], [0.5, 0.5]]], "float32")
    p = np.array([[[0.5, 1.0], [0.0, 2.0]], [[1.0, 1.0], [0.5, 0.0]]], "float32")
    sw = np.array([[1, 0], [0.5, 2]], "float32")
    close(losses.MeanSquaredError()(y, p, sample_weight=sw), 0.21875)
    close(losses.MeanSquaredError(reduction="sum")(y, p, sample_weight=sw), 0.875)
    close(losses.MeanSquaredError(reduction="mean_with_sample_weight")(y, p, sample_weight=sw), 0.25)
    # Per-sample weights broadcast over the remaining axes, given as (N,) or (N, 1).
    close(losses.MeanSquaredError()(y, p, sample_weight=np.array([1.0, 3.0], "float32")), 1.125)
    close(losses.MeanSquaredError()(y, p, sample_weight=np.array([[1.0], [3.0]], "float32")), 1.125)
    # Weights as a torch tensor.
    close(losses.MeanSquaredError()(y, p, sample_weight=torch.tensor([1.0, 3.0])), 1.125)


@pytest.mark.parametrize(
    "reduction, plain, weighted",
    [  # from keras 3.15.1
        ("sum_over_batch_size", 0.7083333730697632, 0.375),
        ("sum", 2.125, 1.125),
        ("mean", 0.7083333730697632, 0.375),
        ("mean_with_sample_weight", 0.7083333134651184, 0.75),
        (None, [0.625, 0.0, 1.0, 0.5], [0.625, 0.0, 0.5, 0.0]),
    ],
)
def test_mask_on_y_pred(reduction, plain, weighted):
    loss = losses.MeanSquaredError(reduction=reduction)
    close(loss(YT, masked(YP, MASK)), plain)
    close(loss(YT, masked(YP, MASK), sample_weight=SW), weighted)


def test_mask_edge_cases():
    # Everything masked: 0, not NaN (from keras 3.15.1).
    close(losses.MeanSquaredError()(YT, masked(YP, [False] * 4)), 0.0)
    # A (batch, steps) mask on (batch, steps) losses (from keras 3.15.1).
    y = np.array([[[0.0, 1.0], [1.0, 1.0]], [[2.0, 0.0], [0.5, 0.5]]], "float32")
    p = np.array([[[0.5, 1.0], [0.0, 2.0]], [[1.0, 1.0], [0.5, 0.0]]], "float32")
    m = [[True, False], [True, True]]
    close(losses.MeanSquaredError()(y, masked(p, m)), 0.4166666567325592)
    close(losses.MeanSquaredError()(y, masked(p, m), sample_weight=np.array([2.0, 1.0], "float32")), 0.7916666865348816)


def test_mask_from_loss_output_is_combined_with_input_mask():
    class MaskingLoss(losses.Loss):
        def call(self, y_true, y_pred):
            values = (y_true - y_pred).abs().sum(-1)
            values._keras_mask = torch.tensor([True, True, False, True])
            return values

    per_sample = np.abs(YT - YP).sum(-1)
    close(MaskingLoss()(YT, YP), per_sample[[0, 1, 3]].mean())
    # Input mask drops sample 1, output mask sample 2.
    close(MaskingLoss()(YT, masked(YP, MASK)), per_sample[[0, 3]].mean())


def test_rank_matching():
    # from keras 3.15.1
    close(losses.MeanSquaredError(reduction=None)([1.0, 2.0, 3.0], [[1.5], [2.0], [2.0]]), [0.25, 0.0, 1.0])
    close(losses.MeanSquaredError(reduction=None)([[1.0], [2.0], [3.0]], [1.5, 2.0, 2.0]), [0.25, 0.0, 1.0])
    close(losses.MeanAbsoluteError(reduction=None)([[1.0, 2.0]], [[[1.5], [2.5]]]), [0.5])


def test_squeeze_or_expand_to_same_rank():
    a, b = loss_lib.squeeze_or_expand_to_same_rank(torch.zeros(3), torch.zeros(3, 1))
    assert a.shape == (3, 1) and b.shape == (3, 1)
    a, b = loss_lib.squeeze_or_expand_to_same_rank(torch.zeros(3), torch.zeros(3, 1), expand_rank_1=False)
    assert a.shape == (3,) and b.shape == (3,)
    a, b = loss_lib.squeeze_or_expand_to_same_rank(torch.zeros(2, 3, 1), torch.zeros(2, 3))
    assert a.shape == (2, 3) and b.shape == (2, 3)
    a, b = loss_lib.squeeze_or_expand_to_same_rank(torch.zeros(2, 3), torch.zeros(2, 3, 4))
    assert a.shape == (2, 3) and b.shape == (2, 3, 4)


def test_scalar_losses_are_not_reduced():
    class Scalar(losses.Loss):
        def call(self, y_true, y_pred):
            return (y_true - y_pred).abs().sum()

    close(Scalar(reduction="sum_over_batch_size")(YT, YP), np.abs(YT - YP).sum())


def test_custom_loss_subclass():
    class MyLoss(losses.Loss):
        def call(self, y_true, y_pred):
            return torch.sum(torch.abs(y_true - y_pred), dim=-1)

    # from keras 3.15.1
    close(MyLoss()(YT, YP), 1.375)
    close(MyLoss(reduction="sum")(YT, YP, sample_weight=SW), 4.5)


def test_structures_are_passed_to_call():
    class DictLoss(losses.Loss):
        def call(self, y_true, y_pred):
            return (y_true["a"] - y_pred["a"]).square().mean(-1) + (y_true["b"] - y_pred["b"]).abs().mean(-1)

    value = DictLoss()({"a": YT, "b": YT}, {"a": torch.tensor(YP), "b": torch.tensor(YP)})
    close(value, PER_SAMPLE.mean() + np.abs(YT - YP).mean())

    wrapped = losses.LossFunctionWrapper(
        lambda t, p: (t[0] - p[0]).square().mean(-1) + (t[1] - p[1]).square().mean(-1)
    )
    close(wrapped([YT, torch.tensor(YT)], [torch.tensor(YP), torch.tensor(YP)]), 2 * PER_SAMPLE.mean())


def test_gradient_flows_and_inputs_are_cast():
    y_pred = torch.tensor(YP, requires_grad=True)
    loss = losses.MeanSquaredError()(torch.tensor(YT, dtype=torch.float64), y_pred)
    assert loss.dtype == torch.float32
    loss.backward()
    close(y_pred.grad, 2 * (YP - YT) / YT.size)


def test_dtype():
    loss = losses.MeanSquaredError(dtype="float64")
    assert loss.dtype == "float64"
    assert loss(YT, YP).dtype == torch.float64
    assert losses.MeanSquaredError().dtype == "float32"
    assert losses.MeanSquaredError(dtype="mixed_bfloat16").dtype == "bfloat16"


def test_invalid_reduction():
    with pytest.raises(ValueError, match=r"Invalid value for argument `reduction`. Expected one of \{.*\}. Received: reduction=foo"):
        losses.MeanSquaredError(reduction="foo")


def test_automatic_names():
    class SomeCustomLoss(losses.Loss):
        def call(self, y_true, y_pred):
            return y_true - y_pred

    # from keras 3.15.1: snake case, then uniquified.
    assert SomeCustomLoss().name == "some_custom_loss"
    assert SomeCustomLoss().name == "some_custom_loss_1"
    assert SomeCustomLoss(name="mine").name == "mine"


def test_base_call_not_implemented():
    with pytest.raises(NotImplementedError):
        losses.Loss()(YT, YP)


def test_config_round_trip():
    loss = losses.MeanSquaredError(reduction="sum", name="m")
    assert loss.get_config() == {"name": "m", "reduction": "sum"}
    clone = losses.MeanSquaredError.from_config(loss.get_config())
    assert clone.name == "m" and clone.reduction == "sum"


def test_loss_function_wrapper():
    wrapper = losses.LossFunctionWrapper(losses.huber, delta=0.7)
    assert wrapper.name == "loss_function_wrapper" or wrapper.name.startswith("loss_function_wrapper_")
    close(wrapper(YT, YP), 0.29999998211860657)  # from keras 3.15.1 (Huber(delta=0.7))
    config = wrapper.get_config()
    assert config["delta"] == 0.7 and config["reduction"] == "sum_over_batch_size"
    clone = losses.LossFunctionWrapper.from_config(config)
    assert clone.fn is losses.huber
    close(clone(YT, YP), 0.29999998211860657)
    assert repr(wrapper).startswith("<LossFunctionWrapper(<function huber")


@pytest.mark.parametrize(
    "cls", [losses.MeanSquaredError, losses.MeanAbsoluteError, losses.Huber, losses.Hinge,
            losses.KLDivergence, losses.Poisson, losses.LogCosh, losses.CosineSimilarity]
)
def test_incompatible_shapes(cls):
    # Keras lets TensorFlow raise InvalidArgumentError ("Incompatible shapes: [2,3] vs. [2,4]");
    # torchkeras names the loss and both shapes.
    name = cls().name
    with pytest.raises(ValueError, match=rf"^Loss '{name}' \({cls.__name__}\): `y_true` and `y_pred` have incompatible shapes. Expected shapes that broadcast together \(after a trailing size-1 axis is squeezed or added\). Received: y_true.shape=\(2, 3\), y_pred.shape=\(2, 4\)$"):
        cls()(np.ones((2, 3), "float32"), np.ones((2, 4), "float32"))
    with pytest.raises(ValueError, match=r"Received: y_true.shape=\(5,\), y_pred.shape=\(4, 1\)$"):
        cls()(torch.ones(5), torch.ones(4, 1))


def test_other_runtime_errors_pass_through():
    def broken(y_true, y_pred):
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="^boom$"):
        losses.LossFunctionWrapper(broken)(YT, YP)


def test_sample_weight_that_does_not_broadcast():
    # Keras lets TensorFlow raise InvalidArgumentError ("Incompatible shapes: [4] vs. [3]").
    with pytest.raises(ValueError, match=r"^Loss: `sample_weight` does not match the losses. Expected a `sample_weight` that broadcasts to the shape of the per-sample losses, e.g. `\(batch_size,\)`. Received: sample_weight.shape=\(3,\), losses.shape=\(4,\)$"):
        losses.MeanSquaredError()(YT, YP, sample_weight=np.ones(3))
