"""MultiHeadAttention: a causal self-attention block trained with SGD, and eager cross-attention
with an explicit mask (a fully masked query row included) on both of Keras's routes.

SGD rather than Adam: the key bias has a zero gradient in exact arithmetic (softmax ignores a
constant shift of a query's logits), so its float gradient is rounding noise, which Adam
normalizes into full-size steps that no two implementations share."""

import numpy as np

import keras
from keras import layers

SEED = 1501
rng = np.random.default_rng(SEED)

x = rng.normal(size=(32, 6, 8)).astype("float32")
y = rng.normal(size=(32, 4)).astype("float32")

inputs = keras.Input(shape=(6, 8))
attended = layers.MultiHeadAttention(num_heads=2, key_dim=4, name="mha")(
    inputs, inputs, use_causal_mask=True
)
hidden = layers.Add()([inputs, attended])
hidden = layers.Dense(8, activation="relu")(hidden)
outputs = layers.Dense(4)(layers.Flatten()(hidden))
model = keras.Model(inputs, outputs)
model.set_weights(
    [rng.normal(0.0, 0.3, size=w.shape).astype("float32") for w in model.get_weights()]
)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9), loss="mse")
predict_before = model.predict(x, verbose=0)
history = model.fit(x, y, epochs=3, batch_size=8, shuffle=False, verbose=0)

# Cross-attention on its own: value_dim, output_shape and an explicit mask. Query row 1 of the
# first sample sees no key at all: the fused route averages the values uniformly, the explicit
# route (returned scores) gives zero weights.
cross = layers.MultiHeadAttention(num_heads=3, key_dim=2, value_dim=5, output_shape=(7,),
                                  name="cross")
query = rng.normal(size=(2, 4, 6)).astype("float32")
value = rng.normal(size=(2, 5, 6)).astype("float32")
mask = np.ones((2, 4, 5), bool)
mask[0, 1, :] = False
mask[1, :, 3:] = False
cross(query, value)
cross.set_weights(
    [rng.normal(0.0, 0.3, size=w.shape).astype("float32") for w in cross.get_weights()]
)
fused = cross(query, value, attention_mask=mask)
explicit, scores = cross(query, value, attention_mask=mask, return_attention_scores=True)

results = {
    "output_shape": [-1 if d is None else d for d in model.output_shape],
    "weight_shapes": [list(w.shape) for w in model.get_weights()],
    "predict_before": predict_before,
    "history": history.history,
    "predict_after": model.predict(x, verbose=0),
    "weights": model.get_weights(),
    "cross_fused": keras.ops.convert_to_numpy(fused),
    "cross_explicit": keras.ops.convert_to_numpy(explicit),
    "cross_scores": keras.ops.convert_to_numpy(scores),
    "cross_causal": keras.ops.convert_to_numpy(
        cross(query, value, attention_mask=mask, use_causal_mask=True)
    ),
}
