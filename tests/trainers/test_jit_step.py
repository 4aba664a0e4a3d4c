"""`jit_compile=True`: which code goes through the compiled function. The wiring tests stub
torch.compile (fast); one test runs the real torch.compile on a tiny model."""

import numpy as np
import torch

import torchkeras as keras
from torchkeras.backend import compile as compile_lib


def _model(jit_compile, model_class=keras.Sequential):
    keras.utils.set_random_seed(1)
    model = model_class([keras.Input(shape=(3,)), keras.layers.Dense(2)])
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse", jit_compile=jit_compile)
    return model


def _data():
    rng = np.random.default_rng(0)
    return rng.standard_normal((8, 3)).astype("float32"), rng.standard_normal((8, 2)).astype(
        "float32"
    )


def _recording_compile(calls):
    def fake_compile_step(fn):
        def compiled(*args):
            calls.append(fn.__name__)
            return fn(*args)

        return compiled

    return fake_compile_step


def test_default_train_step_compiles_forward_and_loss(monkeypatch):
    calls = []
    monkeypatch.setattr(compile_lib, "compile_step", _recording_compile(calls))
    model = _model(jit_compile=True)
    x, y = _data()
    model.fit(x, y, batch_size=2, epochs=2, shuffle=False, verbose=0)
    # 4 batches x 2 epochs: every step's forward and loss go through the compiled function;
    # backward and the optimizer update stay outside it (no graph break).
    assert calls == ["_train_forward"] * 8


class _CustomStep(keras.Sequential):
    def train_step(self, data):
        return super().train_step(data)


def test_custom_train_step_is_compiled_whole_after_one_eager_step(monkeypatch):
    calls = []
    model = None

    def fake_compile_step(fn):
        def compiled(*args):
            # The one-time work (optimizer variables, its step function) is already done.
            calls.append(model.optimizer.built and model._fast_step is not None)
            return fn(*args)

        return compiled

    monkeypatch.setattr(compile_lib, "compile_step", fake_compile_step)
    model = _model(jit_compile=True, model_class=_CustomStep)
    x, y = _data()
    model.fit(x, y, batch_size=2, epochs=2, shuffle=False, verbose=0)
    # The first step eager, the 7 others compiled.
    assert calls == [True] * 7


def test_jit_wiring_keeps_eager_results(monkeypatch):
    monkeypatch.setattr(compile_lib, "compile_step", lambda fn: (lambda *args: fn(*args)))
    x, y = _data()
    eager, jitted = _model(False), _model(True)
    h1 = eager.fit(x, y, batch_size=2, epochs=2, shuffle=False, verbose=0).history["loss"]
    h2 = jitted.fit(x, y, batch_size=2, epochs=2, shuffle=False, verbose=0).history["loss"]
    assert h1 == h2
    for a, b in zip(eager.get_weights(), jitted.get_weights()):
        np.testing.assert_array_equal(a, b)


def test_real_torch_compile_matches_eager_without_graph_breaks():
    from torch._dynamo.utils import counters

    torch._dynamo.reset()
    counters.clear()
    x, y = _data()
    eager, jitted = _model(False), _model(True)
    h1 = eager.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0).history["loss"]
    h2 = jitted.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0).history["loss"]
    np.testing.assert_allclose(h2, h1, rtol=1e-5)
    for a, b in zip(eager.get_weights(), jitted.get_weights()):
        np.testing.assert_allclose(b, a, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(jitted.evaluate(x, y, verbose=0), eager.evaluate(x, y, verbose=0),
                               rtol=1e-5)
    np.testing.assert_allclose(jitted.predict(x, verbose=0), eager.predict(x, verbose=0),
                               rtol=1e-5, atol=1e-6)
    assert dict(counters["graph_break"]) == {}


def test_real_torch_compile_cnn_with_max_pooling_matches_eager():
    # MaxPooling2D runs as one opaque op inside the compiled graph (backend/compiled_ops.py).
    from torch._dynamo.utils import counters

    torch._dynamo.reset()
    counters.clear()
    rng = np.random.default_rng(0)
    x = rng.standard_normal((8, 6, 6, 2)).astype("float32")
    y = rng.integers(0, 3, size=8)

    def build(jit_compile):
        keras.utils.set_random_seed(3)
        model = keras.Sequential([
            keras.Input((6, 6, 2)), keras.layers.Conv2D(4, 3, activation="relu"),
            keras.layers.MaxPooling2D(2), keras.layers.Flatten(), keras.layers.Dense(3),
        ])
        model.compile(optimizer=keras.optimizers.SGD(0.1), jit_compile=jit_compile,
                      loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
        return model

    eager, jitted = build(False), build(True)
    h1 = eager.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0).history["loss"]
    h2 = jitted.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0).history["loss"]
    np.testing.assert_allclose(h2, h1, rtol=1e-5)
    for a, b in zip(eager.get_weights(), jitted.get_weights()):
        np.testing.assert_allclose(b, a, rtol=1e-5, atol=1e-6)
    assert dict(counters["graph_break"]) == {}
