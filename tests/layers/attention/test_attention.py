import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import layers


def _softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def attention_reference(scores, value, query_mask=None, value_mask=None, causal=False):
    """Keras's formula: masked scores get `- 1e9`, softmax, weighted sum, masked queries zeroed."""
    padding = np.zeros(scores.shape, bool)
    if value_mask is not None:
        padding |= ~value_mask[:, None, :]
    if causal:
        padding |= ~np.tril(np.ones(scores.shape[-2:], bool))
    weights = _softmax(np.where(padding, scores - 1e9, scores))
    output = weights @ value
    if query_mask is not None:
        output = np.where(query_mask[..., None], output, 0.0)
    return output, weights


@pytest.fixture
def data(rng):
    query = rng.normal(size=(2, 4, 6)).astype("float32")
    value = rng.normal(size=(2, 5, 6)).astype("float32")
    query_mask = np.array([[True, True, False, True], [True, False, True, True]])
    value_mask = np.array([[True, True, True, False, False], [False, True, True, True, True]])
    return query, value, query_mask, value_mask


def test_dot_attention(data):
    query, value, query_mask, value_mask = data
    layer = layers.Attention(use_scale=True)
    layer([query, value])
    assert [tuple(w.shape) for w in layer.weights] == [()]
    layer.set_weights([np.array(0.7, "float32")])
    key = value * 0.5
    expected, _ = attention_reference(0.7 * query @ value.transpose(0, 2, 1), value)
    np.testing.assert_allclose(layer([query, value]).detach().numpy(), expected, rtol=1e-5,
                               atol=1e-6)
    expected, weights = attention_reference(0.7 * query @ key.transpose(0, 2, 1), value,
                                            query_mask, value_mask)
    output, scores = layer([query, value, key], mask=[query_mask, value_mask],
                           return_attention_scores=True)
    np.testing.assert_allclose(output.detach().numpy(), expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(scores.detach().numpy(), weights, rtol=1e-5, atol=1e-6)
    np.testing.assert_array_equal(output._keras_mask.numpy(), query_mask)
    expected, _ = attention_reference(0.7 * query @ query.transpose(0, 2, 1), query,
                                      query_mask, query_mask, causal=True)
    np.testing.assert_allclose(
        layer([query, query], mask=[query_mask, query_mask], use_causal_mask=True)
        .detach().numpy(), expected, rtol=1e-5, atol=1e-6,
    )


def test_masks_attached_to_the_inputs(data):
    query, value, query_mask, value_mask = data
    q, v = torch.as_tensor(query), torch.as_tensor(value)
    q._keras_mask, v._keras_mask = torch.as_tensor(query_mask), torch.as_tensor(value_mask)
    expected, _ = attention_reference(query @ value.transpose(0, 2, 1), value, query_mask,
                                      value_mask)
    output = layers.Attention()([q, v])
    np.testing.assert_allclose(output.detach().numpy(), expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_array_equal(output._keras_mask.numpy(), query_mask)


def test_concat_and_additive_scores(data):
    query, value, query_mask, value_mask = data
    concat = layers.Attention(score_mode="concat", use_scale=True)
    concat([query, value])
    assert [w.name for w in concat.weights] == ["scale", "concat_score_weight"]
    concat.set_weights([np.array(0.7, "float32"), np.array(1.3, "float32")])
    summed = query[:, :, None, :] + value[:, None, :, :]
    expected, _ = attention_reference(1.3 * np.tanh(0.7 * summed).sum(-1), value)
    np.testing.assert_allclose(concat([query, value]).detach().numpy(), expected, rtol=1e-5,
                               atol=1e-6)

    additive = layers.AdditiveAttention()
    additive([query, value])
    assert [tuple(w.shape) for w in additive.weights] == [(6,)]
    scale = np.linspace(-1, 1, 6).astype("float32")
    additive.set_weights([scale])
    expected, _ = attention_reference((scale * np.tanh(summed)).sum(-1), value, query_mask,
                                      value_mask)
    np.testing.assert_allclose(
        additive([query, value], mask=[query_mask, value_mask]).detach().numpy(), expected,
        rtol=1e-5, atol=1e-6,
    )
    unscaled = layers.AdditiveAttention(use_scale=False)
    expected, _ = attention_reference(np.tanh(summed).sum(-1), value)
    np.testing.assert_allclose(unscaled([query, value]).detach().numpy(), expected, rtol=1e-5,
                               atol=1e-6)
    assert unscaled.weights == []


def test_dropout(data):
    query, value, _, _ = data
    layer = layers.Attention(dropout=0.5, seed=2)
    expected, _ = attention_reference(query @ value.transpose(0, 2, 1), value)
    np.testing.assert_allclose(layer([query, value]).detach().numpy(), expected, rtol=1e-5,
                               atol=1e-6)
    assert not np.allclose(layer([query, value], training=True).detach().numpy(), expected,
                           atol=1e-3)


def test_symbolic_config_and_training(rng):
    q_in, v_in = keras.Input(shape=(4, 6)), keras.Input(shape=(5, 6))
    output, scores = layers.Attention()([q_in, v_in], return_attention_scores=True)
    assert output.shape == (None, 4, 6) and scores.shape == (None, 4, 5)
    assert layers.AdditiveAttention()([q_in, v_in, v_in]).shape == (None, 4, 6)
    for layer in (layers.Attention(use_scale=True, score_mode="concat", dropout=0.1, seed=3),
                  layers.AdditiveAttention(use_scale=False, dropout=0.2)):
        config = layer.get_config()
        assert type(layer).from_config(config).get_config() == config
    assert "score_mode" not in layers.AdditiveAttention().get_config()
    assert set(layers.Attention().get_config()) == {
        "name", "trainable", "dtype", "use_scale", "score_mode", "dropout", "seed"
    }
    model = keras.Model([q_in, v_in], layers.Flatten()(layers.AdditiveAttention()([q_in, v_in])))
    model.compile(optimizer="sgd", loss="mse")
    before = model.get_weights()[0].copy()
    model.fit([rng.normal(size=(4, 4, 6)).astype("float32"),
               rng.normal(size=(4, 5, 6)).astype("float32")], np.ones((4, 24), "float32"),
              epochs=1, verbose=0)
    assert not np.allclose(before, model.get_weights()[0])


def test_errors(data):
    query, value, query_mask, value_mask = data
    with pytest.raises(ValueError, match=r"Invalid value for argument score_mode. Expected one "
                                         r"of \{'dot', 'concat'\}. Received: score_mode=add"):
        layers.Attention(score_mode="add")
    with pytest.raises(ValueError, match=r"Attention layer must be called on a list of inputs, "
                                         r"namely \[query, value\] or \[query, value, key\]"):
        layers.Attention()(query)
    with pytest.raises(ValueError, match=r"AdditiveAttention layer accepts inputs list of "
                                         r"length 2 or 3, namely \[query, value\] or \[query, "
                                         r"value, key\]. Received length: 1."):
        layers.AdditiveAttention()([query])
    layer = layers.Attention()
    with pytest.raises(ValueError, match=r"Attention layer mask must be a list, namely "
                                         r"\[query_mask, value_mask\]"):
        layer([query, value], mask=query_mask)
    with pytest.raises(ValueError, match=r"Attention layer accepts mask list of length 2 or 3"):
        layer([query, value], mask=[query_mask])
