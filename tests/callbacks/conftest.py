"""Fakes for the callback tests: a clock for the progress bar, a model, an optimizer."""

import contextlib
import io
import types
import warnings

import pytest
import torch

from torchkeras.utils import progbar as progbar_module


class FakeClock:
    """Stands in for `time.time` inside the progress bar; tests set `now`."""

    def __init__(self, now=1000.0):
        self.now = now

    def __call__(self):
        return self.now


class FakeOptimizer:
    """Keeps its learning rate in a float32 tensor, as a Keras optimizer variable does."""

    def __init__(self, learning_rate):
        self.learning_rate = learning_rate

    @property
    def learning_rate(self):
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value):
        self._learning_rate = torch.tensor(value, dtype=torch.float32)


class FakeModel:
    """The part of the Model interface the callbacks use."""

    def __init__(self, optimizer=None):
        self.stop_training = False
        self.optimizer = optimizer
        self.weights = [1.0]
        self.saved = []

    def get_weights(self):
        return list(self.weights)

    def set_weights(self, weights):
        self.weights = list(weights)

    def save(self, filepath, overwrite=True):
        self.saved.append(("save", filepath, overwrite))

    def save_weights(self, filepath, overwrite=True):
        self.saved.append(("save_weights", filepath, overwrite))


def capture(fn, *args, **kwargs):
    """Runs `fn`; returns (stdout text, [warning messages], result)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = fn(*args, **kwargs)
    return out.getvalue(), [str(w.message) for w in caught], result


def run_epochs(callback, model, epoch_logs, batch_logs=None):
    """Calls `callback` as `fit` would for the given epoch (and batch) logs.

    Stops early like `fit` when `model.stop_training` is set. Returns the epochs run.
    """
    callback.set_model(model)
    callback.on_train_begin()
    ran = []
    for epoch, logs in enumerate(epoch_logs):
        callback.on_epoch_begin(epoch)
        for batch, blogs in enumerate(batch_logs or []):
            callback.on_train_batch_end(batch, dict(blogs))
        callback.on_epoch_end(epoch, dict(logs))
        ran.append(epoch)
        if model.stop_training:
            break
    callback.on_train_end()
    return ran


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(progbar_module, "time", types.SimpleNamespace(time=fake))
    return fake


@pytest.fixture
def fakes():
    return types.SimpleNamespace(
        Model=FakeModel, Optimizer=FakeOptimizer, capture=capture, run_epochs=run_epochs
    )
