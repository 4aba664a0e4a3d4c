"""ReduceLROnPlateau: patience, cooldown, min_lr, min_delta, messages and the learning_rate log."""

import types

import pytest
import torch

from torchkeras import callbacks as cbks


def lr_of(optimizer):
    return float(optimizer.learning_rate)


def test_cooldown_min_lr_and_messages(fakes):
    # Hand-worked (lr stored as float32, like a Keras optimizer variable), loss flat at 1.0:
    # epoch 0 sets best; epoch 1 waits 1 >= patience -> lr*0.5, cooldown 1; epochs 2 and 3 leave
    # the cooldown and reduce again (the third hits min_lr 0.002); from epoch 4 on the lr is
    # already at min_lr (compared at float32) and stays.
    model = fakes.Model(fakes.Optimizer(0.01))
    rl = cbks.ReduceLROnPlateau(
        monitor="loss", factor=0.5, patience=1, verbose=1, min_lr=0.002, cooldown=1
    )
    history = cbks.History()

    def run():
        cbl = cbks.CallbackList([rl, history], model=model)
        cbl.on_train_begin()
        for epoch in range(7):
            cbl.on_epoch_begin(epoch)
            cbl.on_epoch_end(epoch, {"loss": torch.tensor(1.0)})
        cbl.on_train_end()
        return history.history

    # from keras 3.15.1 (same driver, keras.optimizers.SGD(0.01))
    assert fakes.capture(run) == (
        "\nEpoch 2: ReduceLROnPlateau reducing learning rate to 0.004999999888241291.\n"
        "\nEpoch 3: ReduceLROnPlateau reducing learning rate to 0.0024999999441206455.\n"
        "\nEpoch 4: ReduceLROnPlateau reducing learning rate to 0.002.\n",
        [],
        {
            "loss": [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
            "learning_rate": [
                0.009999999776482582,
                0.009999999776482582,
                0.004999999888241291,
                0.0024999999441206455,
                0.0020000000949949026,
                0.0020000000949949026,
                0.0020000000949949026,
            ],
        },
    )


def test_min_delta_is_absolute_and_improvement_resets_wait(fakes):
    # 0.99995 is within min_delta 1e-4 of 1.0 (no improvement, wait 1); 0.9 improves (wait 0);
    # 0.95 twice -> wait 2 = patience -> 0.1 * 0.1; the last epoch waits 1 again.
    model = fakes.Model(fakes.Optimizer(0.1))
    rl = cbks.ReduceLROnPlateau(monitor="loss", patience=2)
    fakes.run_epochs(rl, model, [{"loss": v} for v in [1.0, 0.99995, 0.9, 0.95, 0.95, 0.95]])
    # from keras 3.15.1
    assert (lr_of(model.optimizer), rl.wait, rl.best) == (0.009999999776482582, 1, 0.9)


def test_several_optimizers(fakes):
    first, second = fakes.Optimizer(0.1), fakes.Optimizer(0.2)
    first.name, second.name = "first", "second"
    model = fakes.Model(types.SimpleNamespace(optimizers=[first, second]))
    rl = cbks.ReduceLROnPlateau(monitor="loss", patience=1, verbose=1)
    history = cbks.History()

    def run():
        cbl = cbks.CallbackList([rl, history], model=model)
        cbl.on_train_begin()
        for epoch in range(2):
            cbl.on_epoch_end(epoch, {"loss": 1.0})
        return history.history

    out, _, logged = fakes.capture(run)
    # from keras 3.15.1
    assert out == (
        "\nEpoch 2: ReduceLROnPlateau reducing first learning rate to 0.010000000149011612.\n"
        "\nEpoch 2: ReduceLROnPlateau reducing second learning rate to 0.020000000298023225.\n"
    )
    assert logged == {
        "loss": [1.0, 1.0],
        "learning_rate_first": [0.10000000149011612, 0.10000000149011612],
        "learning_rate_second": [0.20000000298023224, 0.20000000298023224],
    }


def test_missing_metric_warns(fakes):
    model = fakes.Model(fakes.Optimizer(0.1))
    result = fakes.capture(fakes.run_epochs, cbks.ReduceLROnPlateau(), model, [{"loss": 1.0}])
    # from keras 3.15.1
    assert result == (
        "",
        [
            "Learning rate reduction is conditioned on metric `val_loss` which is not available. "
            "Available metrics are: loss,learning_rate."
        ],
        [0],
    )


def test_factor_must_be_below_one():
    # from keras 3.15.1
    with pytest.raises(ValueError) as info:
        cbks.ReduceLROnPlateau(factor=1.0)
    assert str(info.value) == (
        "ReduceLROnPlateau does not support a factor >= 1.0. Received factor=1.0"
    )


def test_defaults_and_reset():
    rl = cbks.ReduceLROnPlateau(unused_legacy_kwarg=1)
    assert (rl.monitor, rl.factor, rl.patience) == ("val_loss", 0.1, 10)
    assert (rl.verbose, rl.mode) == (0, "auto")
    assert (rl.min_delta, rl.cooldown, rl.min_lr) == (1e-4, 0, 0.0)
    rl.best, rl.wait, rl.cooldown_counter = 1.0, 3, 2
    rl.on_train_begin()
    assert (rl.best, rl.wait, rl.cooldown_counter, rl.in_cooldown()) == (None, 0, 0, False)
