"""Attention (dot and concat scores), AdditiveAttention and GroupQueryAttention: eager outputs
with masks, causal masks and returned scores, and a small model trained with them."""

import numpy as np

import keras
from keras import layers

SEED = 1505
rng = np.random.default_rng(SEED)


def numpy(value):
    return keras.ops.convert_to_numpy(value)


query = rng.normal(size=(2, 4, 6)).astype("float32")
value = rng.normal(size=(2, 5, 6)).astype("float32")
query_mask = np.array([[True, True, False, True], [True, False, True, True]])
value_mask = np.array([[True, True, True, False, False], [False, True, True, True, True]])

dot = layers.Attention(use_scale=True, name="dot")
dot([query, value])
dot.set_weights([np.array(0.7, "float32")])
dot_out, dot_scores = dot([query, value, value * 0.5], mask=[query_mask, value_mask],
                          return_attention_scores=True)
concat = layers.Attention(score_mode="concat", use_scale=True, name="concat")
concat([query, value])
concat.set_weights([np.array(0.7, "float32"), np.array(1.3, "float32")])
additive = layers.AdditiveAttention(name="additive")
additive([query, value])
additive.set_weights([rng.normal(size=(6,)).astype("float32")])
gqa = layers.GroupQueryAttention(head_dim=3, num_query_heads=4, num_key_value_heads=2,
                                 name="gqa")
gqa(query, value)
gqa.set_weights([rng.normal(0.0, 0.3, size=w.shape).astype("float32") for w in gqa.get_weights()])
mask = np.ones((2, 4, 5), bool)
mask[0, 1, :] = False
mask[1, :, 3:] = False
gqa_out, gqa_scores = gqa(query, value, attention_mask=mask, return_attention_scores=True)

# A model with both kinds of attention, trained with SGD.
x = rng.normal(size=(24, 5, 6)).astype("float32")
y = rng.normal(size=(24, 2)).astype("float32")
inputs = keras.Input(shape=(5, 6))
luong = layers.Attention(use_scale=True)([inputs, inputs])
grouped = layers.GroupQueryAttention(head_dim=2, num_query_heads=4, num_key_value_heads=1)(
    inputs, luong, use_causal_mask=True
)
bahdanau = layers.AdditiveAttention()([grouped, inputs])
outputs = layers.Dense(2)(layers.Flatten()(bahdanau))
model = keras.Model(inputs, outputs)
model.set_weights(
    [rng.normal(0.0, 0.3, size=w.shape).astype("float32") for w in model.get_weights()]
)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.02), loss="mse")
history = model.fit(x, y, epochs=2, batch_size=6, shuffle=False, verbose=0)

results = {
    "dot": numpy(dot([query, value])),
    "dot_masked": numpy(dot_out),
    "dot_masked_scores": numpy(dot_scores),
    "dot_causal": numpy(dot([query, query], mask=[query_mask, query_mask],
                            use_causal_mask=True)),
    "concat": numpy(concat([query, value], mask=[query_mask, value_mask])),
    "additive": numpy(additive([query, value], mask=[query_mask, value_mask])),
    "gqa": numpy(gqa(query, value)),
    "gqa_masked": numpy(gqa(query, value, attention_mask=mask)),
    "gqa_masked_explicit": numpy(gqa_out),
    "gqa_scores": numpy(gqa_scores),
    "gqa_causal": numpy(gqa(query, query, use_causal_mask=True)),
    "history": history.history,
    "predict": model.predict(x, verbose=0),
    # `np.asarray`: Keras returns the scalar `scale` weights as NumPy scalars.
    "weights": [np.asarray(w) for w in model.get_weights()],
}
