import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import layers


def _inject(layer, rng, scale=0.3):
    layer.set_weights(
        [rng.normal(0.0, scale, size=w.shape).astype("float32") for w in layer.get_weights()]
    )


def _softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def mha_reference(layer, query, value, mask=None, causal=False, fully_masked="uniform"):
    """NumPy multi-head attention from the layer's weights, with Keras's semantics for query
    rows whose keys are all masked: `"uniform"` (fused route) or `"zero"` (explicit route)."""
    w = layer.get_weights()
    if len(w) == 8:
        wq, bq, wk, bk, wv, bv, wo, bo = w
    else:  # use_bias=False
        wq, wk, wv, wo = w
        bq = bk = bv = bo = 0.0
    q = np.einsum("btd,dnh->btnh", query, wq) + bq
    k = np.einsum("bsd,dnh->bsnh", value, wk) + bk
    v = np.einsum("bsd,dnh->bsnh", value, wv) + bv
    logits = np.einsum("btnh,bsnh->bnts", q, k) / np.sqrt(q.shape[-1])
    keep = np.ones(logits.shape, bool)
    if mask is not None:
        keep = keep & np.asarray(mask, bool)[:, None]
    if causal:
        keep = keep & np.tril(np.ones(logits.shape[-2:], bool))
    probs = np.where(keep, _softmax(np.where(keep, logits, -1e30)), 0.0)
    dead = ~keep.any(-1, keepdims=True)
    probs = np.where(dead, 1.0 / logits.shape[-1] if fully_masked == "uniform" else 0.0, probs)
    out = np.einsum("bnts,bsnh->btnh", probs, v)
    return np.einsum("btnh,nhd->btd", out, wo) + bo, probs


@pytest.fixture
def data(rng):
    query = rng.normal(size=(2, 4, 6)).astype("float32")
    value = rng.normal(size=(2, 5, 6)).astype("float32")
    mask = np.ones((2, 4, 5), bool)
    mask[0, 1, :] = False  # a query that sees no key
    mask[1, :, 3:] = False
    mask[0, 2, 0] = False
    return query, value, mask


def test_weights_follow_keras_layout_order_and_paths():
    layer = layers.MultiHeadAttention(num_heads=2, key_dim=3, value_dim=4, name="mha")
    layer(np.zeros((1, 4, 6), "float32"), np.zeros((1, 5, 7), "float32"))
    assert [tuple(w.shape) for w in layer.weights] == [
        (6, 2, 3), (2, 3), (7, 2, 3), (2, 3), (7, 2, 4), (2, 4), (2, 4, 6), (6,)
    ]
    assert [w.path for w in layer.weights] == [
        "mha/query/kernel", "mha/query/bias", "mha/key/kernel", "mha/key/bias",
        "mha/value/kernel", "mha/value/bias", "mha/attention_output/kernel",
        "mha/attention_output/bias",
    ]
    assert len(layer.trainable_weights) == 8
    assert layer.query_dense.name == "query" and layer.output_dense.name == "attention_output"
    no_bias = layers.MultiHeadAttention(num_heads=2, key_dim=3, use_bias=False)
    no_bias(np.zeros((1, 4, 6), "float32"), np.zeros((1, 5, 6), "float32"))
    assert [tuple(w.shape) for w in no_bias.weights] == [(6, 2, 3), (6, 2, 3), (6, 2, 3),
                                                        (2, 3, 6)]


def test_self_and_cross_attention_numbers(rng, data):
    query, value, _ = data
    layer = layers.MultiHeadAttention(num_heads=2, key_dim=3, value_dim=4)
    layer(query, value)
    _inject(layer, rng)
    expected, probs = mha_reference(layer, query, value)
    np.testing.assert_allclose(layer(query, value).detach().numpy(), expected, rtol=1e-5,
                               atol=1e-6)
    output, scores = layer(query, value, return_attention_scores=True)
    np.testing.assert_allclose(output.detach().numpy(), expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(scores.detach().numpy(), probs, rtol=1e-5, atol=1e-6)
    # `key` defaults to `value`; an explicit key is projected by the key kernel.
    np.testing.assert_allclose(layer(query, value, key=value).detach().numpy(), expected,
                               rtol=1e-5, atol=1e-6)


def test_fully_masked_query_rows_follow_keras_routes():
    # from keras 3.15.1: the fused route averages the values of a query that sees no key, the
    # explicit route (returned scores) gives it zero weights.
    layer = layers.MultiHeadAttention(num_heads=1, key_dim=2)
    query = np.array([[[1.0, 0.0], [0.0, 1.0]]], "float32")
    value = np.array([[[1.0, 2.0], [3.0, -1.0], [0.5, 0.5]]], "float32")
    layer(query, value)
    layer.set_weights([np.linspace(-1, 1, w.size).reshape(w.shape).astype("float32")
                       for w in layer.get_weights()])
    mask = np.array([[[True, False, True], [False, False, False]]])
    fused = layer(query, value, attention_mask=mask)
    explicit, scores = layer(query, value, attention_mask=mask, return_attention_scores=True)
    np.testing.assert_allclose(fused.detach().numpy(),
                               [[[1.0676258, 3.647322], [1.6666665, 2.7777777]]], rtol=1e-5)
    np.testing.assert_allclose(explicit.detach().numpy(),
                               [[[1.0676258, 3.647322], [-1.0, 1.0]]], rtol=1e-5)
    np.testing.assert_allclose(scores.detach().numpy(),
                               [[[[0.6521582, 0.0, 0.34784183], [0.0, 0.0, 0.0]]]], rtol=1e-5,
                               atol=1e-7)


def test_attention_mask_and_causal_mask(rng, data):
    query, value, mask = data
    layer = layers.MultiHeadAttention(num_heads=2, key_dim=3, value_dim=4, output_shape=(7,))
    layer(query, value)
    _inject(layer, rng)
    assert tuple(layer(query, value).shape) == (2, 4, 7)
    w = layer.get_weights()
    assert w[6].shape == (2, 4, 7)

    def reference(**kwargs):
        # The output projection maps (heads, value_dim) to the 7 output features.
        return mha_reference(layer, query, value, **kwargs)

    expected, _ = reference(mask=mask)
    np.testing.assert_allclose(layer(query, value, attention_mask=mask).detach().numpy(),
                               expected, rtol=1e-5, atol=1e-6)
    expected, probs = reference(mask=mask, fully_masked="zero")
    output, scores = layer(query, value, attention_mask=mask, return_attention_scores=True)
    np.testing.assert_allclose(output.detach().numpy(), expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(scores.detach().numpy(), probs, rtol=1e-5, atol=1e-6)
    expected, _ = reference(mask=mask, causal=True)
    np.testing.assert_allclose(
        layer(query, value, attention_mask=mask, use_causal_mask=True).detach().numpy(),
        expected, rtol=1e-5, atol=1e-6,
    )
    # A causal mask alone (the fused kernel's causal mode) and with returned scores.
    expected, probs = reference(causal=True)
    np.testing.assert_allclose(layer(query, value, use_causal_mask=True).detach().numpy(),
                               expected, rtol=1e-5, atol=1e-6)
    output, scores = layer(query, value, use_causal_mask=True, return_attention_scores=True)
    np.testing.assert_allclose(scores.detach().numpy(), probs, rtol=1e-5, atol=1e-6)
    # A (T, S) mask broadcasts over the batch and heads; a float mask counts nonzeros as True.
    expected, _ = reference(mask=np.broadcast_to(mask[1], (2, 4, 5)))
    np.testing.assert_allclose(
        layer(query, value, attention_mask=mask[1].astype("float32")).detach().numpy(),
        expected, rtol=1e-5, atol=1e-6,
    )


def test_gradients_skip_the_logits_of_fully_masked_rows(rng, data):
    # Keras replaces masked logits, so a query that sees no key sends no gradient to the query
    # and key projections; the values still get the uniform average's gradient.
    query, value, mask = data
    layer = layers.MultiHeadAttention(num_heads=2, key_dim=3)
    layer(query, value)
    _inject(layer, rng)
    upstream = torch.as_tensor(rng.normal(size=(2, 4, 6)).astype("float32"))
    (layer(query, value, attention_mask=mask) * upstream).sum().backward()
    got = [w.grad.clone() for w in layer.trainable_weights]

    weights = [w.detach().clone().requires_grad_(True) for w in layer.trainable_weights]
    wq, bq, wk, bk, wv, bv, wo, bo = weights
    q = torch.einsum("btd,dnh->bnth", torch.as_tensor(query), wq) + bq[:, None]
    k = torch.einsum("bsd,dnh->bnsh", torch.as_tensor(value), wk) + bk[:, None]
    v = torch.einsum("bsd,dnh->bnsh", torch.as_tensor(value), wv) + bv[:, None]
    logits = q @ k.transpose(-1, -2) / np.sqrt(3.0)
    keep = torch.as_tensor(mask)[:, None]
    probs = torch.softmax(torch.where(keep, logits, torch.tensor(-1e30)), dim=-1)
    out = torch.einsum("bnts,bnsh->btnh", probs, v)
    ((torch.einsum("btnh,nhd->btd", out, wo) + bo) * upstream).sum().backward()
    for mine, reference in zip(got, weights):
        np.testing.assert_allclose(mine.numpy(), reference.grad.numpy(), rtol=1e-4, atol=1e-5)


def test_masks_of_the_inputs(rng):
    ids = np.array([[3, 1, 0, 0], [2, 5, 7, 0]])
    embedding = layers.Embedding(9, 6, mask_zero=True)
    layer = layers.MultiHeadAttention(num_heads=2, key_dim=3)
    hidden = embedding(ids)
    layer(hidden, hidden)
    _inject(layer, rng)
    hidden = embedding(ids)
    output = layer(hidden, hidden)
    keep = ids != 0
    expected, _ = mha_reference(layer, hidden.detach().numpy(), hidden.detach().numpy(),
                                mask=keep[:, :, None] & keep[:, None, :])
    np.testing.assert_allclose(output.detach().numpy(), expected, rtol=1e-5, atol=1e-6)
    # The query's mask goes to the output; as in Keras, the inputs' masks are consumed.
    np.testing.assert_array_equal(output._keras_mask.numpy(), keep)
    assert getattr(hidden, "_keras_mask", None) is None
    # An explicit `value_mask` is used with the query's own mask.
    hidden = embedding(ids)
    value_mask = np.array([[True, False, True, True], [True, True, True, True]])
    expected, _ = mha_reference(layer, hidden.detach().numpy(), hidden.detach().numpy(),
                                mask=keep[:, :, None] & value_mask[:, None, :])
    np.testing.assert_allclose(layer(hidden, hidden, value_mask=value_mask).detach().numpy(),
                               expected, rtol=1e-5, atol=1e-6)


def test_sliding_window_gate_and_attention_axes(rng):
    x = rng.normal(size=(2, 5, 4)).astype("float32")
    window = layers.MultiHeadAttention(num_heads=1, key_dim=2, sliding_window=2)
    window(x, x)
    _inject(window, rng)
    band = np.abs(np.arange(5)[:, None] - np.arange(5)[None, :]) < 2
    expected, _ = mha_reference(window, x, x, mask=np.broadcast_to(band, (2, 5, 5)))
    np.testing.assert_allclose(window(x, x).detach().numpy(), expected, rtol=1e-5, atol=1e-6)

    gated = layers.MultiHeadAttention(num_heads=2, key_dim=2, use_gate=True, name="g")
    gated(x, x)
    assert [w.path for w in gated.weights][4:6] == ["g/gate/kernel", "g/gate/bias"]
    _inject(gated, rng)
    wq, bq, wk, bk, wg, bg, wv, bv, wo, bo = gated.get_weights()
    q = np.einsum("btd,dnh->btnh", x, wq) + bq
    k = np.einsum("bsd,dnh->bsnh", x, wk) + bk
    v = np.einsum("bsd,dnh->bsnh", x, wv) + bv
    probs = _softmax(np.einsum("btnh,bsnh->bnts", q, k) / np.sqrt(2.0))
    gate = 1.0 / (1.0 + np.exp(-(np.einsum("btd,dnh->btnh", x, wg) + bg)))
    out = np.einsum("bnts,bsnh->btnh", probs, v) * gate
    np.testing.assert_allclose(gated(x, x).detach().numpy(),
                               np.einsum("btnh,nhd->btd", out, wo) + bo, rtol=1e-5, atol=1e-6)

    # Attention over the two spatial axes of an image.
    image = rng.normal(size=(2, 3, 2, 4)).astype("float32")
    layer = layers.MultiHeadAttention(num_heads=2, key_dim=3, attention_axes=(1, 2))
    layer(image, image)
    _inject(layer, rng)
    flat = image.reshape(2, 6, 4)
    expected, probs = mha_reference(layer, flat, flat)
    output, scores = layer(image, image, return_attention_scores=True)
    np.testing.assert_allclose(output.detach().numpy(), expected.reshape(2, 3, 2, 4),
                               rtol=1e-5, atol=1e-6)
    assert tuple(scores.shape) == (2, 2, 3, 2, 3, 2)
    np.testing.assert_allclose(scores.detach().numpy().reshape(2, 2, 6, 6), probs, rtol=1e-5,
                               atol=1e-6)


def test_dropout_on_the_attention_weights(rng, data):
    query, value, _ = data
    layer = layers.MultiHeadAttention(num_heads=2, key_dim=3, dropout=0.5, seed=3)
    layer(query, value)
    expected, _ = mha_reference(layer, query, value, fully_masked="zero")
    np.testing.assert_allclose(layer(query, value).detach().numpy(), expected, rtol=1e-5,
                               atol=1e-6)
    trained = layer(query, value, training=True).detach().numpy()
    assert not np.allclose(trained, expected, atol=1e-3)


def test_symbolic_shapes_and_functional_model(rng):
    query = keras.Input(shape=(8, 16))
    source = keras.Input(shape=(4, 16))
    layer = layers.MultiHeadAttention(num_heads=2, key_dim=2)
    output, scores = layer(query, source, return_attention_scores=True)
    assert output.shape == (None, 8, 16)
    assert scores.shape == (None, 2, 8, 4)
    assert layers.MultiHeadAttention(2, 2, output_shape=5)(query, source).shape == (None, 8, 5)
    model = keras.Model([query, source], output)
    q = rng.normal(size=(3, 8, 16)).astype("float32")
    s = rng.normal(size=(3, 4, 16)).astype("float32")
    np.testing.assert_allclose(model.predict([q, s], verbose=0),
                               mha_reference(layer, q, s)[0], rtol=1e-5, atol=1e-5)


def test_config_round_trip_and_saving(rng, tmp_path):
    inputs = keras.Input(shape=(5, 6))
    layer = layers.MultiHeadAttention(num_heads=2, key_dim=3, value_dim=2, dropout=0.1,
                                      use_bias=False, output_shape=(4,), sliding_window=3,
                                      seed=5, name="mha")
    model = keras.Model(inputs, layer(inputs, inputs))
    config = layer.get_config()
    assert config["num_heads"] == 2 and config["key_dim"] == 3 and config["value_dim"] == 2
    assert config["output_shape"] == (4,) and config["sliding_window"] == 3
    assert config["attention_axes"] == (1,)
    assert set(config) == {
        "name", "trainable", "dtype", "num_heads", "key_dim", "value_dim", "dropout",
        "use_bias", "use_gate", "output_shape", "attention_axes", "sliding_window",
        "kernel_initializer", "bias_initializer", "kernel_regularizer", "bias_regularizer",
        "activity_regularizer", "kernel_constraint", "bias_constraint", "seed",
    }
    clone = layers.MultiHeadAttention.from_config(config)
    assert clone.get_config() == config
    x = rng.normal(size=(2, 5, 6)).astype("float32")
    path = str(tmp_path / "mha.keras")
    model.save(path)
    loaded = keras.models.load_model(path)
    np.testing.assert_allclose(loaded.predict(x, verbose=0), model.predict(x, verbose=0),
                               rtol=1e-6)


def test_training_step_moves_every_weight(rng):
    inputs = keras.Input(shape=(5, 6))
    outputs = layers.Flatten()(layers.MultiHeadAttention(2, 3)(inputs, inputs))
    model = keras.Model(inputs, layers.Dense(1)(outputs))
    before = [w.detach().clone() for w in model.trainable_weights]
    model.compile(optimizer="sgd", loss="mse")
    model.fit(rng.normal(size=(8, 5, 6)).astype("float32"), np.ones((8, 1), "float32"),
              epochs=1, verbose=0)
    moved = [not torch.equal(b, w.detach()) for b, w in zip(before, model.trainable_weights)]
    # The key bias only shifts every logit of a query equally: its gradient is (numerically)
    # zero, so SGD leaves it in place (up to rounding).
    assert sum(moved) >= 9


def test_subclass_with_keras_older_compute_attention_signature(rng, data):
    query, value, _ = data
    calls = []

    class Custom(layers.MultiHeadAttention):
        def _compute_attention(self, query, key, value, attention_mask=None, training=None,
                               return_attention_scores=False):
            calls.append(attention_mask)
            return super()._compute_attention(query, key, value, attention_mask, training,
                                              return_attention_scores)

    layer = Custom(num_heads=2, key_dim=3)
    layer(query, query, use_causal_mask=True)
    # It receives the causal mask explicitly rather than the fused kernel's causal flag.
    np.testing.assert_array_equal(calls[-1].numpy(), np.tril(np.ones((4, 4), bool))[None])


def test_errors(data):
    query, value, _ = data
    with pytest.raises(ValueError, match=r"argument `num_heads`, expected a positive integer. "
                                         r"Received: num_heads=0"):
        layers.MultiHeadAttention(num_heads=0, key_dim=2)
    with pytest.raises(ValueError, match=r"argument `key_dim`, expected a positive integer. "
                                         r"Received: key_dim=-1"):
        layers.MultiHeadAttention(num_heads=2, key_dim=-1)
    with pytest.raises(ValueError, match=r"expected a positive integer or `None`. "
                                         r"Received: value_dim=0.5"):
        layers.MultiHeadAttention(num_heads=2, key_dim=2, value_dim=0.5)
    with pytest.raises(ValueError, match=r"Invalid `output_shape`: 1.5. When specified"):
        layers.MultiHeadAttention(num_heads=2, key_dim=2, output_shape=1.5)
    with pytest.raises(ValueError, match=r"`attention_axes` must be an int, list, or tuple."
                                         r"Received: attention_axes=1.0"):
        layers.MultiHeadAttention(num_heads=2, key_dim=2, attention_axes=1.0)
    with pytest.raises(ValueError, match=r"`sliding_window` must be `None` or a positive "
                                         r"integer. Received: sliding_window=0"):
        layers.MultiHeadAttention(num_heads=2, key_dim=2, sliding_window=0)
    with pytest.raises(ValueError, match=r"Dropout is not supported when flash attention"):
        layers.MultiHeadAttention(num_heads=2, key_dim=2, dropout=0.1, flash_attention=True)
    flash = layers.MultiHeadAttention(num_heads=2, key_dim=2, flash_attention=True)
    with pytest.raises(ValueError, match=r"Returning attention scores is not supported when "
                                         r"flash attention is enabled"):
        flash(query, value, return_attention_scores=True)
    with pytest.raises(ValueError, match=r"All dimensions of `value` and `key`, except the last "
                                         r"one, must be equal. Received: value_shape=\(2, 5, 6\) "
                                         r"and key_shape=\(2, 3, 6\)"):
        layers.MultiHeadAttention(num_heads=2, key_dim=2)(query, value, key=value[:, :3])
    layer = layers.MultiHeadAttention(num_heads=2, key_dim=2)
    with pytest.raises(ValueError, match=r"All dimensions of `value` and `key`, except the last "
                                         r"one, must be equal. Received: value_shape=\(None, 5, "
                                         r"6\) and key_shape=\(None, 3, 6\)"):
        layer.compute_output_shape((None, 4, 6), (None, 5, 6), (None, 3, 6))
    message = (r"The `mask` must be broadcastable to `inputs`. Each mask dimension must be 1 or "
               r"match the corresponding input dimension. Received: inputs.shape=\(2, 2, 4, 5\), "
               r"mask.shape=\(2, 1, 4, 4\)")
    for scores in (False, True):
        with pytest.raises(ValueError, match=message):
            layer(query, value, attention_mask=np.ones((2, 4, 4), bool),
                  return_attention_scores=scores)
