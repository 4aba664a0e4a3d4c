"""tf.keras 2's `losses.Reduction` and `reduction="auto"`."""

import numpy as np
import pytest

from torchkeras import losses


def test_reduction_constants_and_validate():
    R = losses.Reduction
    assert (R.AUTO, R.NONE, R.SUM, R.SUM_OVER_BATCH_SIZE) == (
        "auto", "none", "sum", "sum_over_batch_size")
    assert R.all() == ("auto", "none", "sum", "sum_over_batch_size")
    R.validate("sum")
    with pytest.raises(
        ValueError,
        match=r"Invalid Reduction Key: foo. Expected keys are \"\('auto', 'none', 'sum', ",
    ):
        R.validate("foo")


def test_losses_accept_the_reduction_constants():
    y_true, y_pred = np.array([[0.0, 1.0], [1.0, 1.0]]), np.array([[1.0, 1.0], [1.0, 3.0]])
    auto = losses.MeanSquaredError(reduction=losses.Reduction.AUTO)
    assert auto.get_config()["reduction"] == "sum_over_batch_size"
    np.testing.assert_allclose(float(auto(y_true, y_pred)), (0.5 + 2.0) / 2)
    summed = losses.MeanSquaredError(reduction=losses.Reduction.SUM)
    np.testing.assert_allclose(float(summed(y_true, y_pred)), 2.5)
    none = losses.MeanSquaredError(reduction=losses.Reduction.NONE)
    np.testing.assert_allclose(none(y_true, y_pred).numpy(), [0.5, 2.0])
