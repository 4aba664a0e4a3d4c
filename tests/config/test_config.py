"""keras.config: the switches added to match Keras 3.15.1 (values and messages from it)."""

import warnings

import numpy as np
import pytest

import torchkeras as keras
from torchkeras import config


def test_flash_attention_switch():
    # from keras 3.15.1: `None` by default and after `enable`, `False` after `disable`.
    assert config.is_flash_attention_enabled() is None
    config.disable_flash_attention()
    assert config.is_flash_attention_enabled() is False
    config.enable_flash_attention()
    assert config.is_flash_attention_enabled() is None


def test_traceback_filtering_switch():
    assert config.is_traceback_filtering_enabled() is True
    config.disable_traceback_filtering()
    assert config.is_traceback_filtering_enabled() is False
    config.enable_traceback_filtering()
    assert config.is_traceback_filtering_enabled() is True


def test_nnx_and_backend(monkeypatch):
    assert config.is_nnx_enabled() is False
    # `set_backend` records the choice in `KERAS_BACKEND`, as Keras does; restored afterwards
    # (the compat shim reads it).
    monkeypatch.setenv("KERAS_BACKEND", "tensorflow")
    config.set_backend("torch")
    assert config.backend() == "torch"
    assert __import__("os").environ["KERAS_BACKEND"] == "torch"
    with pytest.raises(ValueError) as info:
        config.set_backend("jax")
    assert str(info.value) == (
        "keras.config.set_backend(): torchkeras implements Keras on PyTorch only, so the backend "
        "cannot be changed. Expected 'torch'. Received: backend=jax")


def test_dtype_policy():
    assert config.dtype_policy().name == "float32"
    assert keras.mixed_precision.dtype_policy().name == "float32"
    config.set_dtype_policy("mixed_float16")
    try:
        assert config.dtype_policy().name == "mixed_float16"
        assert keras.mixed_precision.global_policy().name == "mixed_float16"
        assert keras.layers.Dense(2).dtype_policy.name == "mixed_float16"
    finally:
        config.set_dtype_policy(None)
    keras.mixed_precision.set_dtype_policy(keras.DTypePolicy("bfloat16"))
    try:
        assert keras.mixed_precision.dtype_policy().compute_dtype == "bfloat16"
    finally:
        keras.mixed_precision.set_dtype_policy(None)
    assert config.dtype_policy().name == "float32"
    # from keras 3.15.1
    with pytest.raises(ValueError) as info:
        config.set_dtype_policy(3)
    assert str(info.value) == (
        "Invalid `policy` argument. Expected the string name of a policy (such as "
        "'mixed_float16') or a `DTypePolicy` instance. Received: policy=3 (of type <class 'int'>)")


def _model():
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile(loss="mse", optimizer="sgd")
    return model


@pytest.mark.filterwarnings("ignore:Limiting")
def test_max_epochs_and_steps_limit_fit_evaluate_predict():
    x, y = np.ones((320, 2), "float32"), np.ones((320, 1), "float32")
    model = _model()
    seen = []
    counter = keras.callbacks.LambdaCallback(
        on_train_batch_end=lambda batch, logs: seen.append(("train", batch)),
        on_test_batch_end=lambda batch, logs: seen.append(("test", batch)),
        on_predict_batch_end=lambda batch, logs: seen.append(("predict", batch)))
    assert config.max_epochs() is None and config.max_steps_per_epoch() is None
    config.set_max_epochs(2)
    config.set_max_steps_per_epoch(3)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            history = model.fit(x, y, epochs=5, verbose=0, callbacks=[counter])
        messages = [str(w.message) for w in caught]
        # from keras 3.15.1 (warning texts)
        assert "Limiting epochs to 2" in messages
        assert "Limiting steps_per_epoch to 3" in messages
        assert history.epoch == [0, 1]
        assert seen == [("train", 0), ("train", 1), ("train", 2)] * 2
        seen.clear()
        model.evaluate(x, y, verbose=0, callbacks=[counter])
        assert seen == [("test", 0), ("test", 1), ("test", 2)]
        seen.clear()
        model.predict(x, verbose=0, callbacks=[counter])
        assert seen == [("predict", 0), ("predict", 1), ("predict", 2)]
        # A smaller explicit value wins.
        seen.clear()
        model.fit(x, y, epochs=1, steps_per_epoch=2, verbose=0, callbacks=[counter])
        assert seen == [("train", 0), ("train", 1)]
    finally:
        config.set_max_epochs(None)
        config.set_max_steps_per_epoch(None)
    assert model.fit(x, y, epochs=3, verbose=0).epoch == [0, 1, 2]
