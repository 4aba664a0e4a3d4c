"""`CategoricalGeneralizedCrossEntropy`: q values, reductions, sample weights, and training a
softmax classifier on integer labels."""

import numpy as np

import keras
from keras import layers

SEED = 1106
rng = np.random.default_rng(SEED)

labels = rng.integers(0, 4, size=10)
probs = rng.dirichlet(np.ones(4), size=10).astype("float32")
sample_weight = rng.uniform(0.0, 2.0, size=(10,)).astype("float32")
reductions = {
    "sum_over_batch_size": "sum_over_batch_size",
    "sum": "sum",
    "mean_with_sample_weight": "mean_with_sample_weight",
    "none": None,
}

direct = {}
for q in (0.2, 0.5, 0.8):
    for reduction_name, reduction in reductions.items():
        loss = keras.losses.CategoricalGeneralizedCrossEntropy(q=q, reduction=reduction)
        key = f"q{q}_{reduction_name}"
        direct[key] = keras.ops.convert_to_numpy(loss(labels, probs))
        direct[key + "_weighted"] = keras.ops.convert_to_numpy(
            loss(labels, probs, sample_weight=sample_weight)
        )
direct["function"] = keras.ops.convert_to_numpy(
    keras.losses.categorical_generalized_cross_entropy(labels, probs, q=0.3)
)

x = rng.normal(size=(36, 5)).astype("float32")
y = rng.integers(0, 4, size=36)
init = [
    rng.normal(0.0, 1.0 / np.sqrt(5), size=(5, 4)).astype("float32"),
    rng.normal(0.0, 0.1, size=(4,)).astype("float32"),
]

model = keras.Sequential([keras.Input(shape=(5,)), layers.Dense(4, activation="softmax")])
model.set_weights(init)
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.5),
    loss=keras.losses.CategoricalGeneralizedCrossEntropy(q=0.7),
)
history = model.fit(x, y, epochs=3, batch_size=12, shuffle=False, verbose=0)

results = {
    "direct": direct,
    "history": history.history,
    "weights": model.get_weights(),
}
