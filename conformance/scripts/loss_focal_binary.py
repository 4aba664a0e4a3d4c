"""`BinaryFocalCrossentropy`: configurations, reductions, sample weights, and training.

Trained once on a sigmoid output (the crossentropy part then comes from the logits behind it)
and once with `from_logits=True`.
"""

import numpy as np

import keras
from keras import layers

SEED = 1101
rng = np.random.default_rng(SEED)

y_true = (rng.random(size=(8, 3)) < 0.5).astype("float32")
probs = rng.uniform(0.02, 0.98, size=(8, 3)).astype("float32")
probs[0] = [0.0, 1.0, 0.5]  # exact 0 and 1 exercise the clipping
logits = rng.normal(scale=3.0, size=(8, 3)).astype("float32")
sample_weight = rng.uniform(0.0, 2.0, size=(8,)).astype("float32")

configs = {
    "default": {},
    "balanced": {"apply_class_balancing": True, "alpha": 0.4, "gamma": 3.0},
    "smoothed": {"label_smoothing": 0.2, "gamma": 1.5},
}
reductions = {
    "sum_over_batch_size": "sum_over_batch_size",
    "sum": "sum",
    "mean_with_sample_weight": "mean_with_sample_weight",
    "none": None,
}

direct = {}
for config_name, config in configs.items():
    for reduction_name, reduction in reductions.items():
        for source, y_pred, from_logits in (("probs", probs, False), ("logits", logits, True)):
            loss = keras.losses.BinaryFocalCrossentropy(
                reduction=reduction, from_logits=from_logits, **config
            )
            key = f"{config_name}_{reduction_name}_{source}"
            direct[key] = keras.ops.convert_to_numpy(loss(y_true, y_pred))
            direct[key + "_weighted"] = keras.ops.convert_to_numpy(
                loss(y_true, y_pred, sample_weight=sample_weight)
            )
direct["function"] = keras.ops.convert_to_numpy(
    keras.losses.binary_focal_crossentropy(y_true, logits, from_logits=True, gamma=1.0)
)

x = rng.normal(size=(40, 6)).astype("float32")
y = (rng.random(size=(40, 1)) < 0.3).astype("float32")
init = [
    rng.normal(0.0, 1.0 / np.sqrt(6), size=(6, 1)).astype("float32"),
    rng.normal(0.0, 0.1, size=(1,)).astype("float32"),
]


def train(activation, loss):
    model = keras.Sequential(
        [keras.Input(shape=(6,)), layers.Dense(1, activation=activation)]
    )
    model.set_weights(init)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.5), loss=loss)
    history = model.fit(x, y, epochs=3, batch_size=16, shuffle=False, verbose=0)
    return {"history": history.history, "weights": model.get_weights()}


results = {
    "direct": direct,
    "sigmoid": train("sigmoid", "binary_focal_crossentropy"),
    "from_logits": train(
        None,
        keras.losses.BinaryFocalCrossentropy(
            from_logits=True, apply_class_balancing=True, gamma=1.0
        ),
    ),
}
