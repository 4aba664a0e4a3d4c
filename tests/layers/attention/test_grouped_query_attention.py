import numpy as np
import pytest

import torchkeras as keras
from torchkeras import layers


def _softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def gqa_reference(layer, query, value, mask=None, causal=False, fully_masked="uniform"):
    """NumPy grouped-query attention: key/value head `j` serves query heads
    `j * repeats ... (j + 1) * repeats - 1`."""
    wq, bq, wk, bk, wv, bv, wo, bo = layer.get_weights()
    repeats = wq.shape[1] // wk.shape[1]
    q = np.einsum("btd,dnh->btnh", query, wq) + bq
    k = np.repeat(np.einsum("bsd,dnh->bsnh", value, wk) + bk, repeats, axis=2)
    v = np.repeat(np.einsum("bsd,dnh->bsnh", value, wv) + bv, repeats, axis=2)
    logits = np.einsum("btnh,bsnh->bnts", q, k) / np.sqrt(q.shape[-1])
    keep = np.ones(logits.shape, bool)
    if mask is not None:
        keep = keep & mask[:, None]
    if causal:
        keep = keep & np.tril(np.ones(logits.shape[-2:], bool))
    probs = np.where(keep, _softmax(np.where(keep, logits, -1e30)), 0.0)
    dead = ~keep.any(-1, keepdims=True)
    probs = np.where(dead, 1.0 / logits.shape[-1] if fully_masked == "uniform" else 0.0, probs)
    out = np.einsum("bnts,bsnh->btnh", probs, v)
    return np.einsum("btnh,nhd->btd", out, wo) + bo, probs


@pytest.fixture
def layer_and_data(rng):
    query = rng.normal(size=(2, 4, 6)).astype("float32")
    value = rng.normal(size=(2, 5, 6)).astype("float32")
    layer = layers.GroupQueryAttention(head_dim=3, num_query_heads=4, num_key_value_heads=2,
                                       name="gqa")
    layer(query, value)
    layer.set_weights([rng.normal(0.0, 0.3, size=w.shape).astype("float32")
                       for w in layer.get_weights()])
    return layer, query, value


def test_weights_and_name():
    assert layers.GroupQueryAttention.__name__ == "GroupedQueryAttention"
    layer = layers.GroupQueryAttention(head_dim=3, num_query_heads=4, num_key_value_heads=2,
                                       name="gqa")
    layer(np.zeros((1, 4, 6), "float32"), np.zeros((1, 5, 6), "float32"))
    assert [tuple(w.shape) for w in layer.weights] == [
        (6, 4, 3), (4, 3), (6, 2, 3), (2, 3), (6, 2, 3), (2, 3), (4, 3, 6), (6,)
    ]
    assert layer.weights[2].path == "gqa/key/kernel"


def test_numbers_masks_and_scores(layer_and_data):
    layer, query, value = layer_and_data
    np.testing.assert_allclose(layer(query, value).detach().numpy(),
                               gqa_reference(layer, query, value)[0], rtol=1e-5, atol=1e-6)
    mask = np.ones((2, 4, 5), bool)
    mask[0, 1, :] = False
    mask[1, :, 3:] = False
    np.testing.assert_allclose(layer(query, value, attention_mask=mask).detach().numpy(),
                               gqa_reference(layer, query, value, mask)[0], rtol=1e-5,
                               atol=1e-6)
    expected, probs = gqa_reference(layer, query, value, mask, fully_masked="zero")
    output, scores = layer(query, value, attention_mask=mask, return_attention_scores=True)
    np.testing.assert_allclose(output.detach().numpy(), expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(scores.detach().numpy(), probs, rtol=1e-5, atol=1e-6)
    expected, probs = gqa_reference(layer, query, query, causal=True)
    np.testing.assert_allclose(layer(query, query, use_causal_mask=True).detach().numpy(),
                               expected, rtol=1e-5, atol=1e-6)
    _, scores = layer(query, query, use_causal_mask=True, return_attention_scores=True)
    np.testing.assert_allclose(scores.detach().numpy(), probs, rtol=1e-5, atol=1e-6)


def test_input_masks_are_used(layer_and_data):
    layer, query, value = layer_and_data
    import torch

    q = torch.as_tensor(query)
    q._keras_mask = torch.tensor([[True, True, True, False], [True, True, False, False]])
    v = torch.as_tensor(value)
    v._keras_mask = torch.tensor([[True, True, True, True, False], [True, False, True, True,
                                                                    True]])
    mask = q._keras_mask.numpy()[:, :, None] & v._keras_mask.numpy()[:, None, :]
    output = layer(q, v)
    np.testing.assert_allclose(output.detach().numpy(),
                               gqa_reference(layer, query, value, mask)[0], rtol=1e-5,
                               atol=1e-6)
    np.testing.assert_array_equal(output._keras_mask.numpy(), q._keras_mask.numpy())


def test_symbolic_config_and_training(rng, layer_and_data):
    layer, query, value = layer_and_data
    q_in, v_in = keras.Input(shape=(4, 6)), keras.Input(shape=(5, 6))
    fresh = layers.GroupQueryAttention(head_dim=2, num_query_heads=2, num_key_value_heads=1)
    output, scores = fresh(q_in, v_in, return_attention_scores=True)
    assert output.shape == (None, 4, 6) and scores.shape == (None, 2, 4, 5)
    config = layer.get_config()
    assert {"head_dim": 3, "num_query_heads": 4, "num_key_value_heads": 2}.items() <= (
        config.items()
    )
    clone = layers.GroupQueryAttention.from_config(config)
    assert clone.get_config() == config
    serialized = layers.serialize(layer)
    assert serialized["class_name"] == "GroupedQueryAttention"
    assert isinstance(layers.deserialize(serialized), layers.GroupQueryAttention)
    model = keras.Model([q_in, v_in], layers.Flatten()(output))
    model.compile(optimizer="sgd", loss="mse")
    before = model.get_weights()
    model.fit([query, value], np.ones((2, 24), "float32"), epochs=1, verbose=0)
    assert not np.allclose(before[0], model.get_weights()[0])


def test_dropout_and_errors(layer_and_data):
    layer, query, value = layer_and_data
    dropped = layers.GroupQueryAttention(head_dim=3, num_query_heads=4, num_key_value_heads=2,
                                         dropout=0.5, seed=1)
    dropped(query, value)
    dropped.set_weights(layer.get_weights())
    np.testing.assert_allclose(dropped(query, value).detach().numpy(),
                               gqa_reference(layer, query, value)[0], rtol=1e-5, atol=1e-6)
    assert not np.allclose(dropped(query, value, training=True).detach().numpy(),
                           gqa_reference(layer, query, value)[0], atol=1e-3)
    with pytest.raises(ValueError, match=r"^`num_query_heads` must be divisible by "
                                         r"`num_key_value_heads`.$"):
        layers.GroupQueryAttention(head_dim=2, num_query_heads=3, num_key_value_heads=2)
    with pytest.raises(ValueError, match=r"`sliding_window` must be `None` or a positive "
                                         r"integer. Received: sliding_window=-2"):
        layers.GroupQueryAttention(2, 2, 1, sliding_window=-2)
    with pytest.raises(ValueError, match=r"Dropout is not supported when flash attention"):
        layers.GroupQueryAttention(2, 2, 1, dropout=0.2, flash_attention=True)
    flash = layers.GroupQueryAttention(2, 2, 1, flash_attention=True)
    with pytest.raises(ValueError, match=r"Returning attention scores is not supported"):
        flash(query, value, return_attention_scores=True)
    with pytest.raises(ValueError, match=r"The last dimension of `query_shape` and "
                                         r"`value_shape` must be equal, but are 6, 5"):
        layer.compute_output_shape((None, 4, 6), (None, 5, 5))
    with pytest.raises(ValueError, match=r"All dimensions of `value` and `key`, except the last "
                                         r"one, must be equal"):
        layer.compute_output_shape((None, 4, 6), (None, 5, 6), (None, 3, 6))
    with pytest.raises(ValueError, match=r"The `mask` must be broadcastable to `inputs`"):
        layer(query, value, attention_mask=np.ones((2, 5, 4), bool))


def test_sliding_window_and_custom_attention(layer_and_data):
    layer, query, value = layer_and_data
    window = layers.GroupQueryAttention(head_dim=3, num_query_heads=4, num_key_value_heads=2,
                                        sliding_window=2)
    window(query, query)
    window.set_weights(layer.get_weights())
    band = np.abs(np.arange(4)[:, None] - np.arange(4)[None, :]) < 2
    np.testing.assert_allclose(
        window(query, query).detach().numpy(),
        gqa_reference(layer, query, query, np.broadcast_to(band, (2, 4, 4)))[0],
        rtol=1e-5, atol=1e-6,
    )
    shapes = []

    class Custom(layers.GroupQueryAttention):
        def _compute_attention(self, query, key, value, attention_mask=None, training=None):
            # Keras's contract: key/value heads already repeated to the query heads.
            shapes.append((tuple(key.shape), attention_mask))
            return super()._compute_attention(query, key, value, attention_mask, training)

    custom = Custom(head_dim=3, num_query_heads=4, num_key_value_heads=2)
    custom(query, query)
    custom.set_weights(layer.get_weights())
    np.testing.assert_allclose(custom(query, query, use_causal_mask=True).detach().numpy(),
                               gqa_reference(layer, query, query, causal=True)[0], rtol=1e-5,
                               atol=1e-6)
    assert shapes[-1][0] == (2, 4, 4, 3)
    np.testing.assert_array_equal(shapes[-1][1].numpy(), np.tril(np.ones((4, 4), bool))[None])
