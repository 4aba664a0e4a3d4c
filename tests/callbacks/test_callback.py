"""Callback base class: do-nothing hooks, model/params, and the batch-hook detection helpers."""

import pytest

from torchkeras import callbacks as cbks

HOOKS_WITH_BATCH = [
    "on_batch_begin", "on_batch_end", "on_train_batch_begin", "on_train_batch_end",
    "on_test_batch_begin", "on_test_batch_end", "on_predict_batch_begin", "on_predict_batch_end",
]
HOOKS_WITH_EPOCH = ["on_epoch_begin", "on_epoch_end"]
HOOKS_WITH_LOGS = [
    "on_train_begin", "on_train_end", "on_test_begin", "on_test_end", "on_predict_begin",
    "on_predict_end",
]


def test_default_hooks_do_nothing():
    callback = cbks.Callback()
    for name in HOOKS_WITH_BATCH + HOOKS_WITH_EPOCH:
        assert getattr(callback, name)(0, logs={"loss": 1.0}) is None
    for name in HOOKS_WITH_LOGS:
        assert getattr(callback, name)(logs=None) is None
    assert callback.model is None and callback.params is None


def test_set_model_and_params(fakes):
    callback = cbks.Callback()
    model = fakes.Model()
    callback.set_model(model)
    callback.set_params({"epochs": 3})
    assert callback.model is model and callback.params == {"epochs": 3}
    other = fakes.Model()
    callback.model = other  # tf.keras style assignment
    assert callback.model is other


@pytest.mark.parametrize(
    "hook, family",
    [
        ("on_batch_begin", "train"), ("on_batch_end", "train"),
        ("on_train_batch_begin", "train"), ("on_train_batch_end", "train"),
        ("on_test_batch_begin", "test"), ("on_test_batch_end", "test"),
        ("on_predict_batch_begin", "predict"), ("on_predict_batch_end", "predict"),
    ],
)
def test_implements_batch_hooks_helpers(hook, family):
    subclass = type("Custom", (cbks.Callback,), {hook: lambda self, batch, logs=None: None})
    callback = subclass()
    found = {
        name: getattr(callback, f"_implements_{name}_batch_hooks")()
        for name in ("train", "test", "predict")
    }
    assert found == {name: name == family for name in found}
    assert not any(
        getattr(cbks.Callback(), f"_implements_{name}_batch_hooks")() for name in found
    )


def test_builtin_callbacks_batch_hooks():
    assert cbks.ProgbarLogger()._implements_train_batch_hooks()
    assert cbks.TerminateOnNaN()._implements_train_batch_hooks()
    for callback in (cbks.History(), cbks.EarlyStopping(), cbks.CSVLogger("x.csv"),
                     cbks.ReduceLROnPlateau(), cbks.LearningRateScheduler(lambda e, lr: lr)):
        assert not callback._implements_train_batch_hooks()
        assert not callback._implements_test_batch_hooks()


def test_model_wrapped_in_ddp_is_unwrapped(fakes):
    # Build the wrapper without a process group: only the isinstance check matters here.
    from torch import nn
    from torch.nn.parallel import DistributedDataParallel

    inner = nn.Linear(1, 1)
    wrapper = DistributedDataParallel.__new__(DistributedDataParallel)
    nn.Module.__init__(wrapper)
    wrapper.module = inner
    callback = cbks.Callback()
    callback.set_model(wrapper)
    assert callback.model is inner
