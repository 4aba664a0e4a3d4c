"""LambdaCallback: functions become hooks, positional arguments as in Keras."""

from torchkeras import callbacks as cbks


def test_functions_are_called_with_keras_arguments(fakes):
    calls = []
    callback = cbks.LambdaCallback(
        on_epoch_begin=lambda epoch, logs: calls.append(("epoch_begin", epoch, logs)),
        on_epoch_end=lambda epoch, logs: calls.append(("epoch_end", epoch, logs)),
        on_train_begin=lambda logs: calls.append(("train_begin", logs)),
        on_train_end=lambda logs: calls.append(("train_end", logs)),
        on_train_batch_begin=lambda batch, logs: calls.append(("batch_begin", batch, logs)),
        on_train_batch_end=lambda batch, logs: calls.append(("batch_end", batch, logs)),
        on_predict_end=lambda logs: calls.append(("predict_end", logs)),
    )
    cbl = cbks.CallbackList([callback], model=fakes.Model())
    cbl.on_train_begin()
    cbl.on_epoch_begin(0)
    cbl.on_train_batch_begin(0)
    cbl.on_train_batch_end(0, {"loss": 1})
    cbl.on_epoch_end(0, {"loss": 0.5})
    cbl.on_train_end({"loss": 0.5})
    cbl.on_predict_begin()
    cbl.on_predict_end()
    assert calls == [
        ("train_begin", {}),
        ("epoch_begin", 0, {}),
        ("batch_begin", 0, {}),
        ("batch_end", 0, {"loss": 1.0}),
        ("epoch_end", 0, {"loss": 0.5}),
        ("train_end", {"loss": 0.5}),
        ("predict_end", {}),
    ]


def test_unset_hooks_stay_defaults():
    callback = cbks.LambdaCallback(on_epoch_end=lambda epoch, logs: None)
    assert not callback._implements_train_batch_hooks()
    assert callback.on_train_begin() is None
