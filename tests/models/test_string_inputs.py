"""`keras.Input(dtype="string")`: end-to-end models that take raw strings."""

import numpy as np
import pytest

import torchkeras as keras
from torchkeras.backend import dtypes


def _count_model():
    inputs = keras.Input(shape=(1,), dtype="string")
    counts = keras.layers.TextVectorization(vocabulary=["a", "b"], output_mode="count")(inputs)
    outputs = keras.layers.Dense(1, kernel_initializer="ones", bias_initializer="zeros")(counts)
    return keras.Model(inputs, outputs), inputs


def test_string_input_is_a_string_keras_tensor():
    _, inputs = _count_model()
    assert inputs.dtype == "string" and inputs.shape == (None, 1)
    assert keras.Input(shape=(), dtype=str).dtype == "string"


def test_predict_and_fit_on_raw_strings():
    model, _ = _count_model()
    texts = np.array(["a b a", "c", "b b"])
    # Every token counts once ([UNK], a, b) and the Dense sums the counts.
    np.testing.assert_allclose(model.predict(texts, verbose=0), [[3.0], [1.0], [2.0]])
    np.testing.assert_allclose(
        keras.ops.convert_to_numpy(model(np.array([["a b a"]]))), [[3.0]]
    )
    model.compile(optimizer=keras.optimizers.SGD(0.01), loss="mse")
    history = model.fit(texts, np.zeros((3, 1), "float32"), batch_size=3, epochs=2, verbose=0)
    # (9 + 1 + 4) / 3 before the first update.
    np.testing.assert_allclose(history.history["loss"][0], 14 / 3, rtol=1e-6)
    assert history.history["loss"][1] < history.history["loss"][0]


def test_string_dtype_has_no_torch_dtype():
    with pytest.raises(ValueError, match="torch tensors cannot hold strings"):
        dtypes.to_torch_dtype("string")
