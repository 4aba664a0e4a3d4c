"""KLDivergence and Poisson: every reduction, sample weights, zeros in the distributions; then
training a softmax with KL divergence and an exponential-rate model with Poisson."""

import numpy as np

import keras
from keras import layers

SEED = 1109
rng = np.random.default_rng(SEED)

p_true = rng.dirichlet(np.ones(4), size=8).astype("float32")
p_true[0] = [0.0, 0.5, 0.5, 0.0]  # zeros exercise the clipping
p_pred = rng.dirichlet(np.ones(4), size=8).astype("float32")
p_pred[1] = [1.0, 0.0, 0.0, 0.0]
counts = rng.poisson(2.0, size=(8, 4)).astype("float32")
rates = rng.uniform(0.0, 4.0, size=(8, 4)).astype("float32")
sample_weight = rng.uniform(0.0, 2.0, size=(8,)).astype("float32")
reductions = {
    "sum_over_batch_size": "sum_over_batch_size",
    "sum": "sum",
    "mean_with_sample_weight": "mean_with_sample_weight",
    "none": None,
}

direct = {}
for reduction_name, reduction in reductions.items():
    for loss_name, loss, y_true, y_pred in (
        ("kld", keras.losses.KLDivergence(reduction=reduction), p_true, p_pred),
        ("poisson", keras.losses.Poisson(reduction=reduction), counts, rates),
    ):
        key = f"{loss_name}_{reduction_name}"
        direct[key] = keras.ops.convert_to_numpy(loss(y_true, y_pred))
        direct[key + "_weighted"] = keras.ops.convert_to_numpy(
            loss(y_true, y_pred, sample_weight=sample_weight)
        )

x = rng.normal(size=(32, 5)).astype("float32")
targets = rng.dirichlet(np.ones(4), size=32).astype("float32")
y_counts = rng.poisson(np.exp(0.3 * x[:, :2])).astype("float32")


def train(units, activation, y, loss):
    model = keras.Sequential(
        [keras.Input(shape=(5,)), layers.Dense(units, activation=activation)]
    )
    model.set_weights(
        [
            rng.normal(0.0, 0.4, size=(5, units)).astype("float32"),
            rng.normal(0.0, 0.1, size=(units,)).astype("float32"),
        ]
    )
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss=loss)
    history = model.fit(x, y, epochs=3, batch_size=8, shuffle=False, verbose=0)
    return {"history": history.history, "weights": model.get_weights()}


results = {
    "direct": direct,
    "kld": train(4, "softmax", targets, "kl_divergence"),
    "poisson": train(2, "exponential", y_counts, "poisson"),
}
