"""`jit_compile=True`: which steps go through the compiled function (torch.compile is stubbed,
so the test is fast; what is checked is the trainer's wiring, not torch.compile)."""

import numpy as np

import torchkeras as keras
from torchkeras.backend import compile as compile_lib


def _model(jit_compile):
    keras.utils.set_random_seed(1)
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse", jit_compile=jit_compile)
    return model


def _data():
    rng = np.random.default_rng(0)
    return rng.standard_normal((8, 3)).astype("float32"), rng.standard_normal((8, 2)).astype(
        "float32"
    )


def test_first_train_step_is_eager_then_compiled(monkeypatch):
    calls = []

    def fake_compile_step(step):
        def compiled(data):
            # The one-time work (optimizer variables, its step function) is already done.
            calls.append(model.optimizer.built and model._fast_step is not None)
            return step(data)

        return compiled

    monkeypatch.setattr(compile_lib, "compile_step", fake_compile_step)
    model = _model(jit_compile=True)
    x, y = _data()
    model.fit(x, y, batch_size=2, epochs=2, shuffle=False, verbose=0)
    # 4 batches x 2 epochs: the first step eager, the 7 others compiled.
    assert calls == [True] * 7


def test_jit_wiring_keeps_eager_results(monkeypatch):
    monkeypatch.setattr(compile_lib, "compile_step", lambda step: (lambda data: step(data)))
    x, y = _data()
    eager, jitted = _model(False), _model(True)
    h1 = eager.fit(x, y, batch_size=2, epochs=2, shuffle=False, verbose=0).history["loss"]
    h2 = jitted.fit(x, y, batch_size=2, epochs=2, shuffle=False, verbose=0).history["loss"]
    assert h1 == h2
    for a, b in zip(eager.get_weights(), jitted.get_weights()):
        np.testing.assert_array_equal(a, b)
