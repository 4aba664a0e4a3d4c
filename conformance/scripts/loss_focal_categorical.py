"""`CategoricalFocalCrossentropy`: configurations, reductions, sample weights, and training."""

import numpy as np

import keras
from keras import layers

SEED = 1102
rng = np.random.default_rng(SEED)

y_true = np.eye(4, dtype="float32")[rng.integers(0, 4, size=8)]
probs = rng.dirichlet(np.ones(4), size=8).astype("float32")
probs[0] = np.eye(4, dtype="float32")[1]  # exact 0 and 1 exercise the clipping
probs[1] *= 1.3  # not normalized: Keras renormalizes
logits = rng.normal(scale=2.0, size=(8, 4)).astype("float32")
sample_weight = rng.uniform(0.0, 2.0, size=(8,)).astype("float32")

configs = {
    "default": {},
    "alpha_list": {"alpha": [0.1, 0.4, 0.3, 0.2], "gamma": 1.0},
    "smoothed": {"label_smoothing": 0.1, "gamma": 3.0, "alpha": 1.0},
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
            loss = keras.losses.CategoricalFocalCrossentropy(
                reduction=reduction, from_logits=from_logits, **config
            )
            key = f"{config_name}_{reduction_name}_{source}"
            direct[key] = keras.ops.convert_to_numpy(loss(y_true, y_pred))
            direct[key + "_weighted"] = keras.ops.convert_to_numpy(
                loss(y_true, y_pred, sample_weight=sample_weight)
            )
direct["function_axis_0"] = keras.ops.convert_to_numpy(
    keras.losses.categorical_focal_crossentropy(y_true, logits, from_logits=True, axis=0)
)

x = rng.normal(size=(36, 5)).astype("float32")
y = np.eye(4, dtype="float32")[rng.integers(0, 4, size=36)]
init = [
    rng.normal(0.0, 1.0 / np.sqrt(5), size=(5, 4)).astype("float32"),
    rng.normal(0.0, 0.1, size=(4,)).astype("float32"),
]


def train(activation, loss):
    model = keras.Sequential(
        [keras.Input(shape=(5,)), layers.Dense(4, activation=activation)]
    )
    model.set_weights(init)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.5), loss=loss)
    history = model.fit(x, y, epochs=3, batch_size=12, shuffle=False, verbose=0)
    return {"history": history.history, "weights": model.get_weights()}


results = {
    "direct": direct,
    "softmax": train("softmax", "categorical_focal_crossentropy"),
    "from_logits": train(
        None,
        keras.losses.CategoricalFocalCrossentropy(
            from_logits=True, alpha=[0.1, 0.4, 0.3, 0.2]
        ),
    ),
}
