"""`keras.ops` functions on symbolic tensors build a functional model that trains.

The graph mixes layers with ops (sum/mean reductions, concatenate, where, softmax, einsum,
normalize, top_k) on the functional inputs; fitting runs gradients through every op. Eager op
results on the trained model's weights are compared too.
"""

import numpy as np

import keras
from keras import layers
from keras import ops

SEED = 1701
rng = np.random.default_rng(SEED)

x = rng.normal(size=(32, 6, 4)).astype("float32")
y = rng.normal(size=(32, 5)).astype("float32")

inputs = keras.Input(shape=(6, 4))
hidden = layers.Dense(8, activation="tanh")(inputs)
pooled = ops.concatenate([ops.sum(hidden, axis=1), ops.mean(hidden, axis=1)], axis=-1)
gated = ops.where(ops.greater(pooled, 0.0), pooled, ops.multiply(pooled, 0.1))
weights = ops.softmax(ops.einsum("btc,bc->bt", hidden, gated[:, :8]), axis=-1)
attended = ops.einsum("bt,btc->bc", weights, hidden)
features = ops.concatenate([ops.normalize(gated), attended], axis=-1)
outputs = layers.Dense(5)(features)
model = keras.Model(inputs, outputs)
model.set_weights(
    [rng.normal(0.0, 0.3, size=w.shape).astype("float32") for w in model.get_weights()]
)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
predict_before = model.predict(x, verbose=0)
history = model.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)
kernel = model.get_weights()[0]
values, indices = ops.top_k(ops.convert_to_tensor(kernel), 3)

results = {
    "symbolic_shapes": [
        [-1 if d is None else d for d in t.shape] for t in (pooled, weights, features)
    ],
    "predict_before": predict_before,
    "history": history.history,
    "predict_after": model.predict(x, verbose=0),
    "weights": model.get_weights(),
    "top_k_values": ops.convert_to_numpy(values),
    "top_k_indices": ops.convert_to_numpy(indices),
}
