import re

import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import layers
from torchkeras.testing import run_layer_test


def test_normalization_basics_with_given_statistics():
    x = np.array([[1.0, 2.0], [3.0, 5.0]], "float32")
    run_layer_test(
        layers.Normalization, {"mean": [1.0, 2.0], "variance": [4.0, 9.0]}, input_data=x,
        expected_output=(x - [1.0, 2.0]) / [2.0, 3.0], expected_num_trainable_weights=0,
        expected_num_non_trainable_weights=0, supports_masking=True,
    )


def test_normalization_adapt_weights_match_numpy(rng):
    x = rng.normal(3.0, 2.0, size=(50, 4)).astype("float32")
    layer = layers.Normalization()
    layer.adapt(x)
    assert [w.name for w in layer.weights] == ["mean", "variance", "count"]
    assert [w.dtype for w in layer.weights] == [torch.float32, torch.float32, torch.int64]
    assert layer.trainable_weights == []
    mean, variance, count = layer.get_weights()
    np.testing.assert_allclose(mean, x.mean(axis=0), rtol=1e-6)
    np.testing.assert_allclose(variance, x.var(axis=0), rtol=1e-6)
    assert count == 0
    np.testing.assert_allclose(
        layer(x).numpy(), (x - x.mean(0)) / np.sqrt(x.var(0)), rtol=1e-5, atol=1e-5
    )


def test_normalization_docstring_examples():
    # from keras 3.15.1 (the layer's docstring, checked in the reference environment)
    layer = layers.Normalization(axis=None)
    layer.adapt(np.array([1.0, 2.0, 3.0, 4.0, 5.0], "float32"))
    np.testing.assert_allclose(
        layer(np.array([1.0, 2.0, 3.0], "float32")).numpy(), [-1.4142135, -0.70710677, 0.0],
        rtol=1e-6,
    )
    adapt_data = np.array([[0.0, 7.0, 4.0], [2.0, 9.0, 6.0], [0.0, 7.0, 4.0], [2.0, 9.0, 6.0]],
                          "float32")
    inverse = layers.Normalization(axis=-1, invert=True)
    inverse.adapt(adapt_data)
    np.testing.assert_allclose(inverse(np.array([[1.0, 2.0, 3.0]], "float32")).numpy(),
                               [[2.0, 10.0, 8.0]])


def test_normalization_adapt_batches_merges_exactly(rng):
    x = rng.normal(size=(30, 3, 2)).astype("float32")
    for data in ([x[:7], x[7:20], x[20:]], (b for b in [x[:10], x[10:]])):
        layer = layers.Normalization(axis=(1, 2))
        layer.adapt(data)
        mean, variance = layer.get_weights()[:2]
        np.testing.assert_allclose(mean, x.mean(axis=0), rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(variance, x.var(axis=0), rtol=1e-5, atol=1e-6)


def test_normalization_adapt_tensor_dataset_batches_and_pydataset(rng):
    x = rng.normal(size=(12, 3)).astype("float32")
    layer = layers.Normalization()
    layer.adapt(torch.from_numpy(x))
    np.testing.assert_allclose(layer.get_weights()[0], x.mean(0), rtol=1e-5)

    class Batches(keras.utils.PyDataset):
        def __len__(self):
            return 3

        def __getitem__(self, i):
            return x[4 * i:4 * i + 4], np.zeros(4)

    layer = layers.Normalization()
    layer.adapt(Batches())
    np.testing.assert_allclose(layer.get_weights()[1], x.var(0), rtol=1e-5)
    loader = torch.utils.data.DataLoader(torch.from_numpy(x), batch_size=5)
    layer = layers.Normalization()
    layer.adapt(loader)
    np.testing.assert_allclose(layer.get_weights()[0], x.mean(0), rtol=1e-5, atol=1e-7)


def test_normalization_broadcasts_given_mean_to_kept_axes():
    x = np.arange(24, dtype="float32").reshape(2, 3, 4)
    layer = layers.Normalization(axis=(1, 2), mean=[1.0, 2.0, 3.0, 4.0],
                                 variance=[1.0, 4.0, 9.0, 16.0])
    expected = (x - np.array([1.0, 2.0, 3.0, 4.0])) / np.array([1.0, 2.0, 3.0, 4.0])
    np.testing.assert_allclose(layer(x).numpy(), expected, rtol=1e-6)
    assert layer.weights == []


def test_normalization_zero_variance_uses_epsilon():
    layer = layers.Normalization(mean=1.0, variance=0.0)
    np.testing.assert_allclose(layer(np.array([[1.5]], "float32")).numpy(), [[0.5 / 1e-7]],
                               rtol=1e-6)


def test_normalization_reads_weights_after_set_weights_and_int_inputs():
    layer = layers.Normalization()
    layer.build((None, 2))
    layer.set_weights([np.array([1.0, 2.0]), np.array([4.0, 4.0]), np.array(0)])
    np.testing.assert_allclose(layer(np.array([[3, 4]])).numpy(), [[1.0, 1.0]])


def test_normalization_config_and_build_config():
    layer = layers.Normalization(axis=(1, 2), name="norm")
    config = layer.get_config()
    assert config == {
        "name": "norm", "trainable": True,
        "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                  "registered_name": None},
        "axis": (1, 2), "invert": False, "mean": None, "variance": None,
    }
    assert layers.Normalization.from_config(config).axis == (1, 2)
    layer.adapt(np.ones((3, 2, 5), "float32"))
    assert layer.get_build_config() == {"input_shape": (3, 2, 5)}
    clone = layers.Normalization.from_config(config)
    clone.build_from_config(layer.get_build_config())
    assert [tuple(w.shape) for w in clone.weights] == [(2, 5), (2, 5), ()]


def test_normalization_model_save_and_load(tmp_path, rng):
    x = rng.normal(size=(16, 3)).astype("float32")
    norm = layers.Normalization()
    norm.adapt(x)
    model = keras.Sequential([keras.Input((3,)), norm, layers.Dense(2)])
    path = str(tmp_path / "model.keras")
    model.save(path)
    loaded = keras.models.load_model(path)
    np.testing.assert_allclose(loaded.predict(x, verbose=0), model.predict(x, verbose=0),
                               rtol=1e-6)


def test_normalization_argument_errors():
    with pytest.raises(ValueError, match=re.escape(
            "When setting values directly, both `mean` and `variance` must be set. "
            "Received: mean=1.0 and variance=None")):
        layers.Normalization(mean=1.0)
    with pytest.raises(ValueError, match=re.escape(
            "`mean` and `variance` must have the same shape. Received: mean shape (2,) and "
            "variance shape (3,)")):
        layers.Normalization(mean=[1.0, 2.0], variance=[1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match=re.escape(
            "The rank of `mean` must be less than or equal to the number of axes (1). "
            "Received: mean shape (1, 2) for axis (-1,)")):
        layers.Normalization(mean=[[1.0, 2.0]], variance=[[1.0, 2.0]])
    with pytest.raises(ValueError, match=re.escape(
            "All `axis` values must be in the range [-ndim, ndim). Received inputs with ndim=2, "
            "while axis=(3,)")):
        layers.Normalization(axis=3).build((None, 4))
    with pytest.raises(ValueError, match=re.escape(
            "All `axis` values to be kept must have a known shape. Received axis=(-1,), "
            "inputs.shape=(None, None), with unknown axis at index 1")):
        layers.Normalization().build((None, None))


def test_normalization_adapt_errors():
    layer = layers.Normalization()
    layer.adapt(np.ones((4, 3), "float32"))
    with pytest.raises(ValueError, match=re.escape(
            "The layer was built with input_shape=(4, 3), but adapt() is being called with data "
            "with an incompatible shape, data.shape=(4, 5)")):
        layer.adapt(np.ones((4, 5), "float32"))
    with pytest.raises(ValueError, match=re.escape(
            "adapt() received an empty iterable (no batches).")):
        layers.Normalization().adapt([])
    with pytest.raises(TypeError, match=re.escape(
            "adapt() expects an iterable that yields arrays or tensors with a `.shape` "
            "attribute (e.g. numpy arrays or backend tensors). Got an element of type float.")):
        layers.Normalization().adapt([1.0, 2.0])
    with pytest.raises(TypeError, match="Unsupported data type: <class 'int'>. `adapt` supports"):
        layers.Normalization().adapt(3)
    with pytest.raises(ValueError, match=re.escape(
            "adapt() yielded a batch with incompatible shape. Expected (2, 3), got (2, 4).")):
        layers.Normalization().adapt([np.ones((2, 3)), np.ones((2, 4))])
    with pytest.raises(ValueError, match=re.escape(
            "You must call `.build(input_shape)` on the layer before using it.")):
        layers.Normalization().call(torch.ones(2, 3))
