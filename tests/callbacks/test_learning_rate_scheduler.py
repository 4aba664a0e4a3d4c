"""LearningRateScheduler: new and old schedule signatures, messages, errors."""

import types

import numpy as np
import pytest

from torchkeras import callbacks as cbks


def test_schedule_with_epoch_and_lr(fakes):
    model = fakes.Model(fakes.Optimizer(0.1))
    scheduler = cbks.LearningRateScheduler(lambda epoch, lr: lr * 0.5 if epoch else lr, verbose=1)
    result = fakes.capture(fakes.run_epochs, scheduler, model, [{"loss": 1.0}] * 3)
    # from keras 3.15.1 (keras.optimizers.SGD(0.1))
    assert result == (
        "\nEpoch 1: LearningRateScheduler setting learning rate to 0.10000000149011612.\n"
        "\nEpoch 2: LearningRateScheduler setting learning rate to 0.05000000074505806.\n"
        "\nEpoch 3: LearningRateScheduler setting learning rate to 0.02500000037252903.\n",
        [],
        [0, 1, 2],
    )
    assert float(model.optimizer.learning_rate) == np.float32(0.025)


def test_old_schedule_signature(fakes):
    scheduler = cbks.LearningRateScheduler(lambda epoch: 0.1 / (epoch + 1), verbose=1)
    result = fakes.capture(
        fakes.run_epochs, scheduler, fakes.Model(fakes.Optimizer(0.1)), [{"loss": 1.0}] * 2
    )
    # from keras 3.15.1
    assert result == (
        "\nEpoch 1: LearningRateScheduler setting learning rate to 0.1.\n"
        "\nEpoch 2: LearningRateScheduler setting learning rate to 0.05.\n",
        [],
        [0, 1],
    )


def test_learning_rate_is_logged_at_epoch_end(fakes):
    history = cbks.History()
    model = fakes.Model(fakes.Optimizer(0.5))
    scheduler = cbks.LearningRateScheduler(lambda e, lr: lr / 2)
    cbl = cbks.CallbackList([scheduler, history], model=model)
    cbl.on_train_begin()
    for epoch in range(2):
        cbl.on_epoch_begin(epoch)
        cbl.on_epoch_end(epoch, {"loss": 1.0})
    assert history.history == {"loss": [1.0, 1.0], "learning_rate": [0.25, 0.125]}


def test_several_optimizers_message(fakes):
    first, second = fakes.Optimizer(0.1), fakes.Optimizer(0.2)
    first.name, second.name = "first", "second"
    model = fakes.Model(types.SimpleNamespace(optimizers=[first, second]))
    scheduler = cbks.LearningRateScheduler(lambda e, lr: lr * 0.5, verbose=1)
    out, _, _ = fakes.capture(fakes.run_epochs, scheduler, model, [{"loss": 1.0}])
    # from keras 3.15.1
    assert out == (
        "\nEpoch 1: LearningRateScheduler setting first learning rate to 0.05000000074505806.\n"
        "\nEpoch 1: LearningRateScheduler setting second learning rate to 0.10000000149011612.\n"
    )


def test_schedule_must_return_a_float(fakes):
    scheduler = cbks.LearningRateScheduler(lambda e, lr: "x")
    # from keras 3.15.1
    with pytest.raises(ValueError) as info:
        fakes.run_epochs(scheduler, fakes.Model(fakes.Optimizer(0.1)), [{}])
    assert str(info.value) == "The output of the `schedule` function should be a float. Got: x"


def test_optimizer_needs_a_learning_rate(fakes):
    scheduler = cbks.LearningRateScheduler(lambda e, lr: lr)
    # from keras 3.15.1
    with pytest.raises(ValueError) as info:
        fakes.run_epochs(scheduler, fakes.Model(object()), [{}])
    assert str(info.value) == 'Optimizer must have a "learning_rate" attribute.'


def test_schedule_returning_a_scalar_tensor(fakes):
    # tf.keras 2's docs: `return lr * tf.math.exp(-0.1)` (a tensor) is accepted.
    import torch

    model = fakes.Model(fakes.Optimizer(0.1))
    scheduler = cbks.LearningRateScheduler(lambda epoch, lr: lr * torch.exp(torch.tensor(-0.1)))
    fakes.run_epochs(scheduler, model, [{"loss": 1.0}])
    np.testing.assert_allclose(float(model.optimizer.learning_rate), 0.1 * np.exp(-0.1), rtol=1e-6)
