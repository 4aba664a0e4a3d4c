"""SwapEMAWeights: evaluation (and epoch-end callbacks) see the optimizer's EMA weights."""

import types

import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import callbacks as cbks

X = np.array([[1.0, 2.0], [0.5, -1.0]], "float32")
Y = np.array([[0.0], [1.0]], "float32")


def _model(use_ema=True):
    model = keras.Sequential(
        [keras.Input((2,)), keras.layers.Dense(1, use_bias=False, kernel_initializer="ones")]
    )
    model.compile(keras.optimizers.SGD(0.1, use_ema=use_ema, ema_momentum=0.5), "mse")
    return model


def _fit(swap_on_epoch):
    model = _model()
    seen = []

    class Recorder(cbks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            seen.append(("end", epoch, model.get_weights()[0].ravel().tolist()))

        def on_test_begin(self, logs=None):
            seen.append(("test", model.get_weights()[0].ravel().tolist()))

    history = model.fit(
        X, Y, batch_size=2, epochs=3, validation_data=(X, Y), verbose=0,
        callbacks=[cbks.SwapEMAWeights(swap_on_epoch=swap_on_epoch), Recorder()],
    )
    return model, history.history, seen


# from keras 3.15.1 (TensorFlow backend), same model and data
LOSS = [5.625, 1.184766, 0.287826]
VAL_LOSS = [1.184766, 0.651604, 0.300288]
EMA = [[0.775, 0.25], [0.732812, 0.079375], [0.700398, -0.084922]]
RAW = [[0.775, 0.25], [0.690625, -0.09125], [0.667984, -0.249219]]


def test_evaluation_uses_ema_weights():
    model, history, seen = _fit(swap_on_epoch=False)
    np.testing.assert_allclose(history["loss"], LOSS, atol=1e-5)
    np.testing.assert_allclose(history["val_loss"], VAL_LOSS, atol=1e-5)
    np.testing.assert_allclose([s[1] for s in seen if s[0] == "test"], EMA, atol=1e-6)
    np.testing.assert_allclose([s[2] for s in seen if s[0] == "end"], RAW, atol=1e-6)
    # fit ends with the averages in the model (`finalize_variable_values`).
    np.testing.assert_allclose(model.get_weights()[0].ravel(), EMA[-1], atol=1e-6)


def test_swap_on_epoch_shows_ema_weights_to_later_callbacks():
    model, history, seen = _fit(swap_on_epoch=True)
    np.testing.assert_allclose(history["val_loss"], VAL_LOSS, atol=1e-5)
    np.testing.assert_allclose([s[2] for s in seen if s[0] == "end"], EMA, atol=1e-6)
    np.testing.assert_allclose(model.get_weights()[0].ravel(), EMA[-1], atol=1e-6)


def test_predict_and_evaluate_swap_back():
    model = _model()
    model.fit(X, Y, batch_size=2, epochs=1, verbose=0)
    average = model.optimizer._model_variables_moving_average[0]
    with torch.no_grad():
        average.copy_(torch.tensor([[2.0], [0.0]]))
    raw = model.get_weights()[0].copy()
    callback = cbks.SwapEMAWeights()
    np.testing.assert_allclose(model.predict(X, verbose=0, callbacks=[callback]), [[2.0], [1.0]])
    # Restored after predict (Keras 3.15.1 leaves the EMA weights in; see DIFFERENCES.md).
    np.testing.assert_array_equal(model.get_weights()[0], raw)
    np.testing.assert_array_equal(average.detach().numpy(), [[2.0], [0.0]])
    assert model.evaluate(X, np.array([[2.0], [1.0]]), verbose=0, callbacks=[callback]) == 0.0
    np.testing.assert_array_equal(model.get_weights()[0], raw)


def test_requires_use_ema():
    model = _model(use_ema=False)
    model.fit(X, Y, batch_size=2, epochs=1, verbose=0)
    with pytest.raises(
        ValueError,
        match=r"^SwapEMAWeights must be used when `use_ema=True` is set on the optimizer\. "
        r"Received: use_ema=False$",
    ):
        model.evaluate(X, Y, verbose=0, callbacks=[cbks.SwapEMAWeights()])


def test_multi_optimizer_without_ema():
    inner = types.SimpleNamespace(use_ema=False)
    model = types.SimpleNamespace(optimizer=types.SimpleNamespace(optimizers=[inner, inner]))
    callback = cbks.SwapEMAWeights()
    callback.set_model(model)
    with pytest.raises(
        ValueError,
        match=r"^SwapEMAWeights must be used when at least one inner optimizer has "
        r"`use_ema=True` set\. Received a MultiOptimizer with all inner optimizers having "
        r"`use_ema=False`\.$",
    ):
        callback.on_test_begin()


def test_loss_scale_optimizer_is_unwrapped():
    model = keras.Sequential(
        [keras.Input((2,)), keras.layers.Dense(1, use_bias=False, kernel_initializer="ones")]
    )
    optimizer = keras.optimizers.LossScaleOptimizer(
        keras.optimizers.SGD(0.1, use_ema=True, ema_momentum=0.5)
    )
    model.compile(optimizer, "mse")
    history = model.fit(
        X, Y, batch_size=2, epochs=3, validation_data=(X, Y), verbose=0,
        callbacks=[cbks.SwapEMAWeights()],
    )
    np.testing.assert_allclose(history.history["val_loss"], VAL_LOSS, atol=1e-5)
