import warnings

import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import layers
from torchkeras.testing import run_layer_test


def test_lookup_layout_and_initializer():
    layer = layers.Embedding(50, 4)
    ids = np.array([[0, 3, 49], [7, 7, 1]])
    out = layer(ids)
    assert tuple(out.shape) == (2, 3, 4) and out.dtype == torch.float32
    table = layer.get_weights()[0]
    assert table.shape == (50, 4) and layer.weights[0].path == "embedding/embeddings"
    np.testing.assert_array_equal(out.detach().numpy(), table[ids])
    # Keras's "uniform" initializer: U(-0.05, 0.05), unlike torch's N(0, 1).
    big = layers.Embedding(1000, 64)
    big.build()
    values = big.get_weights()[0]
    assert values.min() >= -0.05 and values.max() <= 0.05 and values.std() > 0.02
    # Float and int32 indices are looked up as integers.
    np.testing.assert_array_equal(layer(ids.astype("float32")).detach().numpy(), table[ids])
    np.testing.assert_array_equal(layer(torch.tensor(ids, dtype=torch.int32)).detach().numpy(),
                                  table[ids])


def test_run_layer_test():
    run_layer_test(layers.Embedding, {"input_dim": 10, "output_dim": 3},
                   input_data=np.array([[1, 2, 3], [4, 5, 9]]), expected_output_shape=(2, 3, 3),
                   expected_num_trainable_weights=1, expected_num_non_trainable_weights=0,
                   run_training_check=False)


def test_mask_zero_feeds_downstream_layers():
    layer = layers.Embedding(10, 3, mask_zero=True)
    assert layer.supports_masking
    ids = np.array([[1, 2, 0, 0], [3, 0, 4, 0]])
    out = layer(ids)
    np.testing.assert_array_equal(out._keras_mask.numpy(), ids != 0)
    # A mask-aware layer downstream sees it; Dense passes it on.
    dense = layers.Dense(2)(out)
    np.testing.assert_array_equal(dense._keras_mask.numpy(), ids != 0)
    assert layers.Embedding(10, 3).compute_mask(ids) is None
    assert getattr(layers.Embedding(10, 3)(ids), "_keras_mask", None) is None


def test_symbolic_output_is_float():
    inputs = keras.Input(shape=(5,), dtype="int32")
    out = layers.Embedding(10, 3)(inputs)
    assert out.shape == (None, 5, 3) and out.dtype == "float32"


def test_weights_argument_input_length_and_config():
    table = np.arange(12, dtype="float32").reshape(6, 2)
    layer = layers.Embedding(6, 2, weights=table)
    np.testing.assert_array_equal(layer(np.array([[5, 0]])).detach().numpy(), table[[[5, 0]]])
    with pytest.warns(UserWarning, match="Argument `input_length` is deprecated. Just remove it."):
        legacy = layers.Embedding(6, 2, input_length=8)
    config = legacy.get_config()
    assert "input_length" not in config
    assert set(config) == {
        "name", "trainable", "dtype", "input_dim", "output_dim", "embeddings_initializer",
        "embeddings_regularizer", "activity_regularizer", "embeddings_constraint", "mask_zero",
        "quantization_config",
    }
    assert config["embeddings_initializer"]["class_name"] == "RandomUniform"
    assert config["embeddings_initializer"]["config"]["minval"] == -0.05
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert layers.Embedding.from_config(config).get_config() == config


def test_training_updates_the_looked_up_rows():
    inputs = keras.Input(shape=(3,), dtype="int32")
    model = keras.Sequential([inputs, layers.Embedding(8, 2), layers.Flatten(), layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    before = model.get_weights()[0].copy()
    model.fit(np.array([[1, 2, 3], [1, 1, 2]]), np.ones((2, 1), "float32"), epochs=1, verbose=0)
    after = model.get_weights()[0]
    changed = np.any(before != after, axis=1)
    np.testing.assert_array_equal(changed, [False, True, True, True, False, False, False, False])


def test_errors():
    with pytest.raises(ValueError, match=r"`input_dim` must be a positive integer. "
                                         r"Received: input_dim=0 \(of type int\)."):
        layers.Embedding(0, 3)
    with pytest.raises(ValueError, match=r"`output_dim` must be a positive integer. "
                                         r"Received: output_dim=2.0 \(of type float\)."):
        layers.Embedding(3, 2.0)
    with pytest.raises(NotImplementedError, match=r"LoRA and quantization are not supported"):
        layers.Embedding(3, 2, lora_rank=2)


def test_reversible_embedding():
    layer = layers.ReversibleEmbedding(6, 3, mask_zero=True)
    ids = np.array([[1, 0, 5]])
    hidden = layer(ids)
    table = layer.get_weights()[0]
    np.testing.assert_array_equal(hidden.detach().numpy(), table[ids])
    np.testing.assert_array_equal(hidden._keras_mask.numpy(), ids != 0)
    logits = layer(hidden, reverse=True)
    np.testing.assert_allclose(logits.detach().numpy(), table[ids] @ table.T, rtol=1e-6)
    assert getattr(logits, "_keras_mask", None) is None

    untied = layers.ReversibleEmbedding(6, 3, tie_weights=False, logit_soft_cap=2.0)
    untied(ids)
    table, reverse = untied.get_weights()
    assert reverse.shape == (3, 6)
    expected = np.tanh((table[ids] @ reverse) / 2.0) * 2.0
    np.testing.assert_allclose(untied(untied(ids), reverse=True).detach().numpy(), expected,
                               rtol=1e-5, atol=1e-7)
    config = untied.get_config()
    assert config["tie_weights"] is False and config["logit_soft_cap"] == 2.0
    assert layers.ReversibleEmbedding.from_config(config).get_config() == config
    assert untied.compute_output_shape((None, 4, 3), reverse=True) == (None, 4, 6)
    assert untied.compute_output_shape((None, 4)) == (None, 4, 3)
