"""TerminateOnNaN: stop (or raise) on a NaN/Inf batch loss."""

import pytest
import torch

from torchkeras import callbacks as cbks


def test_nan_loss_stops_training(fakes):
    model = fakes.Model()
    result = fakes.capture(
        fakes.run_epochs,
        cbks.TerminateOnNaN(),
        model,
        [{"loss": 1.0}] * 3,
        [{"loss": 1.0}, {"loss": float("nan")}],
    )
    # from keras 3.15.1
    assert result == ("Batch 1: Invalid loss, terminating training\n", [], [0])
    assert model.stop_training


def test_inf_tensor_loss_through_callback_list(fakes):
    model = fakes.Model()
    cbl = cbks.CallbackList([cbks.TerminateOnNaN()], model=model)
    out, _, _ = fakes.capture(cbl.on_train_batch_end, 4, {"loss": torch.tensor(float("-inf"))})
    assert out == "Batch 4: Invalid loss, terminating training\n"
    assert model.stop_training


def test_finite_or_missing_loss_does_nothing(fakes):
    model = fakes.Model()
    callback = cbks.TerminateOnNaN()
    callback.set_model(model)
    callback.on_batch_end(0, {"loss": 3.0})
    callback.on_batch_end(1, None)
    assert not model.stop_training


def test_raise_error(fakes):
    with pytest.raises(RuntimeError) as info:
        fakes.run_epochs(
            cbks.TerminateOnNaN(raise_error=True), fakes.Model(), [{}], [{"loss": float("inf")}]
        )
    # from keras 3.15.1
    assert str(info.value) == (
        "NaN or Inf loss encountered at batch 0. Loss value: inf. Terminating training immediately."
    )
