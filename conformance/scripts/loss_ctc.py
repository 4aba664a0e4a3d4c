"""`CTC`: reductions, sample weights, padded label sequences, and training a per-step softmax
classifier from logits."""

import numpy as np

import keras
from keras import layers

SEED = 1105
rng = np.random.default_rng(SEED)

# 0 is the blank and the padding; labels 1..4; 7 time steps.
labels = np.array(
    [[1, 2, 3, 0], [4, 4, 0, 0], [2, 0, 0, 0], [3, 1, 3, 1], [0, 0, 0, 0], [1, 1, 2, 2]]
)
logits = rng.normal(scale=1.5, size=(6, 7, 5)).astype("float32")
sample_weight = rng.uniform(0.0, 2.0, size=(6,)).astype("float32")
reductions = {
    "sum_over_batch_size": "sum_over_batch_size",
    "sum": "sum",
    "mean_with_sample_weight": "mean_with_sample_weight",
    "none": None,
}

direct = {}
for reduction_name, reduction in reductions.items():
    loss = keras.losses.CTC(reduction=reduction)
    direct[reduction_name] = keras.ops.convert_to_numpy(loss(labels, logits))
    direct[reduction_name + "_weighted"] = keras.ops.convert_to_numpy(
        loss(labels, logits, sample_weight=sample_weight)
    )
direct["function"] = keras.ops.convert_to_numpy(keras.losses.ctc(labels, logits))

x = rng.normal(size=(24, 7, 3)).astype("float32")
y = rng.integers(1, 5, size=(24, 3))
y[::3, 2] = 0  # some shorter sequences
init = [
    rng.normal(0.0, 0.5, size=(3, 5)).astype("float32"),
    rng.normal(0.0, 0.1, size=(5,)).astype("float32"),
]

model = keras.Sequential([keras.Input(shape=(7, 3)), layers.Dense(5)])
model.set_weights(init)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="ctc")
history = model.fit(x, y, epochs=3, batch_size=8, shuffle=False, verbose=0)

results = {
    "direct": direct,
    "history": history.history,
    "weights": model.get_weights(),
    "evaluate": model.evaluate(x, y, verbose=0),
}
