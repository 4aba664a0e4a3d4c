"""EarlyStopping: patience, min_delta, baseline, start_from_epoch, restoring weights, messages."""

import types

import pytest

from torchkeras import callbacks as cbks


def losses(values, key="loss"):
    return [{key: v} for v in values]


def test_patience_and_restore_best_weights_messages(fakes):
    # Hand-worked: best 1.0 (epoch 0), 0.5 (epoch 1); 0.6 misses once -> wait 1 >= patience 1,
    # stop after epoch 2 (printed as "Epoch 3"); restore epoch 1's weights (printed "2").
    model = fakes.Model()
    es = cbks.EarlyStopping(monitor="loss", patience=1, verbose=1, restore_best_weights=True)

    def run():
        es.set_model(model)
        es.on_train_begin()
        ran = []
        for epoch, value in enumerate([1.0, 0.5, 0.6, 0.7, 0.1]):
            model.weights = [float(epoch)]
            es.on_epoch_end(epoch, {"loss": value})
            ran.append(epoch)
            if model.stop_training:
                break
        es.on_train_end()
        return ran, model.weights

    # from keras 3.15.1 (same driver)
    assert fakes.capture(run) == (
        "Epoch 3: early stopping\nRestoring model weights from the end of the best epoch: 2.\n",
        [],
        ([0, 1, 2], [1.0]),
    )
    assert (es.stopped_epoch, es.best, es.best_epoch, es.wait) == (2, 0.5, 1, 1)


def test_patience_zero_stops_at_first_non_improvement(fakes):
    model = fakes.Model()
    es = cbks.EarlyStopping(monitor="loss")
    assert fakes.run_epochs(es, model, losses([1.0, 1.0, 0.5])) == [0, 1]
    assert model.stop_training


def test_min_delta(fakes):
    # 0.85 beats 1.0 by more than 0.1; 0.8 and 0.75 do not beat 0.85 by 0.1 -> wait 2 at epoch 3.
    es = cbks.EarlyStopping(monitor="loss", min_delta=-0.1, patience=2)  # abs() is taken
    assert es.min_delta == 0.1
    assert fakes.run_epochs(es, fakes.Model(), losses([1.0, 0.85, 0.8, 0.75, 0.1])) == [0, 1, 2, 3]
    assert (es.best, es.stopped_epoch) == (0.85, 3)


def test_baseline_keeps_wait_running_until_beaten(fakes):
    # Improvements that do not beat the baseline 0.5 do not reset `wait`.
    es = cbks.EarlyStopping(monitor="loss", baseline=0.5, patience=2)
    assert fakes.run_epochs(es, fakes.Model(), losses([0.9, 0.8, 0.85, 0.1])) == [0, 1, 2]
    assert es.stopped_epoch == 2
    # Without a baseline the same run continues: only one epoch without improvement.
    es = cbks.EarlyStopping(monitor="loss", patience=2)
    assert fakes.run_epochs(es, fakes.Model(), losses([0.9, 0.8, 0.85, 0.1])) == [0, 1, 2, 3]
    # Beating the baseline resets the wait.
    es = cbks.EarlyStopping(monitor="loss", baseline=0.5, patience=1)
    assert fakes.run_epochs(es, fakes.Model(), losses([0.4, 0.45, 0.3])) == [0, 1]


def test_start_from_epoch_ignores_warmup(fakes):
    es = cbks.EarlyStopping(monitor="loss", start_from_epoch=2)
    assert fakes.run_epochs(es, fakes.Model(), losses([1.0, 2.0, 3.0, 3.0, 1.0])) == [0, 1, 2, 3]
    assert (es.best, es.stopped_epoch) == (3.0, 3)


def test_restore_without_stopping(fakes):
    model = fakes.Model()
    es = cbks.EarlyStopping(monitor="loss", patience=5, restore_best_weights=True, verbose=1)

    def run():
        es.set_model(model)
        es.on_train_begin()
        for epoch, value in enumerate([1.0, 0.5, 0.7]):
            model.weights = [float(epoch)]
            es.on_epoch_end(epoch, {"loss": value})
        es.on_train_end()

    out, _, _ = fakes.capture(run)
    assert out == "Restoring model weights from the end of the best epoch: 2.\n"
    assert model.weights == [1.0]


def test_max_mode_and_reuse_across_fits(fakes):
    es = cbks.EarlyStopping(monitor="acc", mode="max")
    assert fakes.run_epochs(es, fakes.Model(), losses([0.5, 0.4], "acc")) == [0, 1]
    # on_train_begin resets the state, so a second fit starts fresh.
    assert fakes.run_epochs(es, fakes.Model(), losses([0.5, 0.6, 0.6], "acc")) == [0, 1, 2]
    assert es.best == 0.6


def test_compares_in_float32_like_keras(fakes):
    # keras.ops.less compares Python floats as float32: 0.1 - 1e-10 is not below 0.1.
    es = cbks.EarlyStopping(monitor="loss")
    assert fakes.run_epochs(es, fakes.Model(), losses([0.1, 0.1 - 1e-10])) == [0, 1]


def test_auto_mode_uses_the_compiled_metric_direction(fakes):
    model = fakes.Model()
    metric = types.SimpleNamespace(name="auc", _direction="up")
    model.metrics = [types.SimpleNamespace(name="loss"), types.SimpleNamespace(metrics=[metric])]
    es = cbks.EarlyStopping(monitor="val_auc")
    assert fakes.run_epochs(es, model, losses([0.5, 0.6, 0.55], "val_auc")) == [0, 1, 2]


def test_missing_metric_warns_and_does_not_stop(fakes):
    result = fakes.capture(
        fakes.run_epochs, cbks.EarlyStopping(), fakes.Model(), [{"loss": 1.0, "accuracy": 0.5}]
    )
    # from keras 3.15.1
    assert result == (
        "",
        [
            "Early stopping conditioned on metric `val_loss` which is not available. "
            "Available metrics are: loss,accuracy"
        ],
        [0],
    )


def test_unknown_mode_warns_and_falls_back_to_auto(fakes):
    # from keras 3.15.1
    assert fakes.capture(lambda: cbks.EarlyStopping(mode="bogus").mode) == (
        "",
        ["EarlyStopping mode 'bogus' is unknown, fallback to auto mode."],
        "auto",
    )


def test_auto_mode_without_known_direction_raises(fakes):
    # from keras 3.15.1
    message = (
        "EarlyStopping callback received monitor=accuracy, but Keras isn't able to "
        "automatically determine whether that metric should be maximized or minimized. "
        "Pass `mode='max'` in order to monitor based on the highest metric value, or pass "
        "`mode='min'` in order to use the lowest value."
    )
    with pytest.raises(ValueError) as info:
        fakes.run_epochs(cbks.EarlyStopping(monitor="accuracy"), fakes.Model(), [{"accuracy": 0.5}])
    assert str(info.value) == message


def test_defaults():
    es = cbks.EarlyStopping()
    assert (es.monitor, es.min_delta, es.patience, es.verbose, es.mode, es.baseline) == (
        "val_loss", 0, 0, 0, "auto", None)
    assert (es.restore_best_weights, es.start_from_epoch) == (False, 0)
