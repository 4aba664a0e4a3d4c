"""CallbackList: Keras's ordering and defaults, and when batch logs become Python floats."""

import numpy as np
import pytest
import torch

from torchkeras import callbacks as cbks
from torchkeras.callbacks import callback_list as callback_list_module


class Recorder(cbks.Callback):
    """Records the logs of every train batch end."""

    def __init__(self):
        super().__init__()
        self.seen = []

    def on_train_batch_end(self, batch, logs=None):
        self.seen.append((batch, logs))


class RecordingProgbarLogger(cbks.ProgbarLogger):
    def __init__(self):
        super().__init__()
        self.recorded = []

    def on_train_batch_end(self, batch, logs=None):
        self.recorded.append(logs)


def tensor_logs():
    return {"loss": torch.tensor(0.5), "accuracy": torch.tensor(0.25)}


def make(callbacks, **kwargs):
    params = dict(verbose=0, epochs=1, steps=2)
    params.update(kwargs)
    return cbks.CallbackList(callbacks, **params)


def test_builtin_callbacks_get_tensors_without_conversion(monkeypatch, fakes):
    calls = []
    monkeypatch.setattr(
        callback_list_module, "pythonify_logs", lambda logs: calls.append(logs) or {}
    )
    logger = RecordingProgbarLogger()
    cbl = make([logger], add_history=True, model=fakes.Model())
    cbl.on_train_batch_begin(0)
    cbl.on_train_batch_end(0, tensor_logs())
    cbl.on_test_batch_end(0, tensor_logs())
    cbl.on_predict_batch_end(0, {"outputs": torch.ones(3)})
    assert calls == []
    (logs,) = logger.recorded
    assert list(logs) == ["accuracy", "loss"]  # sorted, as Keras hands them
    assert all(isinstance(v, torch.Tensor) for v in logs.values())


def test_user_batch_hook_gets_python_floats_and_everyone_shares_them(fakes):
    recorder = Recorder()
    logger = RecordingProgbarLogger()
    cbl = make([recorder, logger], model=fakes.Model())
    cbl.on_train_batch_end(3, tensor_logs())
    ((batch, logs),) = recorder.seen
    assert batch == 3
    assert logs == {"accuracy": 0.25, "loss": 0.5}
    assert all(type(v) is float for v in logs.values())
    # Once converted, the same dict goes to every callback, so changes propagate as in Keras.
    assert logger.recorded[0] is logs


def test_legacy_on_batch_end_is_called_through_on_train_batch_end(fakes):
    seen = []

    class Legacy(cbks.Callback):
        def on_batch_end(self, batch, logs=None):
            seen.append((batch, logs))

    cbl = make([Legacy()], model=fakes.Model())
    cbl.on_train_batch_end(1, {"loss": torch.tensor(2.0)})
    cbl.on_batch_end(2, {"loss": torch.tensor(3.0)})
    assert seen == [(1, {"loss": 2.0}), (2, {"loss": 3.0})]


def test_lambda_callback_batch_hooks_are_detected(fakes):
    seen = []
    cb = cbks.LambdaCallback(on_test_batch_end=lambda batch, logs: seen.append(logs))
    cbl = make([cb], model=fakes.Model())
    cbl.on_test_batch_end(0, {"loss": torch.tensor(1.5)})
    assert seen == [{"loss": 1.5}]


def test_pythonify_logs_rules():
    logs = {
        "z": torch.tensor(3, dtype=torch.int64),
        "b": torch.tensor(0.1, dtype=torch.float32),
        "flag": torch.tensor(True),
        "vector": torch.tensor([1.0, 2.0]),
        "name": "adam",
        "count": 7,
        "nested": {"m2": torch.tensor(0.5, dtype=torch.float64), "m1": 2.5},
        "none": None,
    }
    result = callback_list_module.pythonify_logs(logs)
    # Keys sorted, nested dicts merged in at their parent's position (from keras 3.15.1
    # `pythonify_logs` on the same dict with NumPy values).
    assert list(result) == ["b", "count", "flag", "name", "m1", "m2", "none", "vector", "z"]
    assert result["b"] == float(np.float32(0.1)) and type(result["b"]) is float
    assert result["z"] == 3.0 and type(result["z"]) is float
    assert result["flag"] == 1.0 and result["count"] == 7.0 and result["m2"] == 0.5
    np.testing.assert_array_equal(result["vector"], np.array([1.0, 2.0], dtype=np.float32))
    assert isinstance(result["vector"], np.ndarray)
    assert result["name"] == "adam" and result["none"] is None
    assert callback_list_module.pythonify_logs(None) == {}


def test_no_batch_hooks_means_nothing_is_called(monkeypatch, fakes):
    monkeypatch.setattr(callback_list_module, "_flatten_logs", None)  # would fail if used
    cbl = make([cbks.EarlyStopping(), cbks.CSVLogger("unused.csv")], add_history=True,
               model=fakes.Model())
    cbl.on_train_batch_begin(0)
    cbl.on_train_batch_end(0, tensor_logs())
    cbl.on_test_batch_end(0, tensor_logs())


def test_model_checkpoint_batch_hook_only_with_integer_save_freq(fakes):
    per_epoch = cbks.ModelCheckpoint("m.keras")
    per_batch = cbks.ModelCheckpoint("m.keras", save_freq=2)
    assert not per_epoch._implements_train_batch_hooks()
    assert per_batch._implements_train_batch_hooks()
    cbl = make([per_epoch, per_batch], model=fakes.Model())
    methods, needs_python = cbl._batch_plans["on_train_batch_end"]
    assert [m.__self__ for m in methods] == [per_batch]
    assert not needs_python  # it converts the logs itself, only when it saves


def test_default_callbacks_order_and_model_history(fakes):
    user = Recorder()
    model = fakes.Model()
    cbl = make([user], add_history=True, add_progbar=True, model=model)
    assert [type(c) for c in cbl.callbacks] == [Recorder, cbks.History, cbks.ProgbarLogger]
    assert model.history is cbl.callbacks[1]
    assert all(c.model is model for c in cbl.callbacks)
    assert user.params == cbl.callbacks[1].params == {"verbose": 0, "epochs": 1, "steps": 2}
    assert cbl.callbacks[2].epochs == 1 and cbl.callbacks[2].target == 2


def test_given_history_and_progbar_are_not_duplicated(fakes):
    history, logger = cbks.History(), cbks.ProgbarLogger()
    model = fakes.Model()
    cbl = make([[logger], (history,)], add_history=True, add_progbar=True, model=model)
    assert cbl.callbacks == [logger, history]
    assert model.history is history


def test_without_model_or_params_nothing_is_set():
    user = Recorder()
    cbl = cbks.CallbackList([user])
    assert user.model is None and user.params is None
    assert cbl.params == {}


def test_callbacks_added_later_are_planned(fakes):
    cbl = make([], model=fakes.Model())
    first, second = Recorder(), Recorder()
    cbl.append(first)
    cbl.callbacks.append(second)  # direct list edit: picked up at the next on_*_begin
    cbl.on_train_begin()
    cbl.on_train_batch_end(0, {"loss": 1.0})
    assert first.seen == second.seen == [(0, {"loss": 1.0})]
    assert list(cbl) == [first, second]


def test_epoch_logs_are_floats_and_shared(fakes):
    seen = []
    adder = cbks.LambdaCallback(on_epoch_end=lambda epoch, logs: logs.update(extra=1.0))
    reader = cbks.LambdaCallback(on_epoch_end=lambda epoch, logs: seen.append(dict(logs)))
    cbl = make([adder, reader], model=fakes.Model())
    cbl.on_epoch_end(0, {"loss": torch.tensor(0.5), "acc": torch.tensor(1.0)})
    assert seen == [{"acc": 1.0, "loss": 0.5, "extra": 1.0}]


def test_end_without_begin_raises():
    cbl = cbks.CallbackList()
    cbl.on_test_begin()
    cbl.on_test_end()
    # Keras's message, from keras 3.15.1
    with pytest.raises(ValueError) as info:
        cbl.on_predict_end()
    assert str(info.value) == "`on_xxx_end` called without corresponding `on_xxx_begin`"
