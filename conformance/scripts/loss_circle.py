"""`Circle`: margins, diagonal removal, reductions (with the zero-loss mask), sample weights,
reference embeddings, and training L2-normalized embeddings."""

import numpy as np

import keras
from keras import layers

SEED = 1104
rng = np.random.default_rng(SEED)

embeddings = rng.normal(size=(10, 4)).astype("float32")
embeddings /= np.linalg.norm(embeddings, axis=1, keepdims=True)
labels = np.array([0, 1, 0, 2, 1, 3, 0, 2, 1, 4])  # classes 3 and 4 have no positive pair
sample_weight = rng.uniform(0.0, 2.0, size=(10,)).astype("float32")

configs = {
    "default": {},
    "soft": {"gamma": 8.0, "margin": 0.25},
    "keep_diagonal": {"gamma": 4.0, "remove_diagonal": False},
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
        loss = keras.losses.Circle(reduction=reduction, **config)
        key = f"{config_name}_{reduction_name}"
        direct[key] = keras.ops.convert_to_numpy(loss(labels, embeddings))
        direct[key + "_weighted"] = keras.ops.convert_to_numpy(
            loss(labels, embeddings, sample_weight=sample_weight)
        )
direct["labels_column"] = keras.ops.convert_to_numpy(
    keras.losses.Circle(gamma=8.0)(labels[:, None], embeddings)
)
direct["reference_embeddings"] = keras.ops.convert_to_numpy(
    keras.losses.circle(
        labels[:4],
        embeddings[:4],
        ref_labels=labels,
        ref_embeddings=embeddings,
        gamma=16.0,
    )
)


def l2_normalize(t):
    return t / keras.ops.sqrt(keras.ops.sum(keras.ops.square(t), axis=-1, keepdims=True))


x = rng.normal(size=(32, 6)).astype("float32")
y = rng.integers(0, 4, size=32)
init = [
    rng.normal(0.0, 0.5, size=(6, 3)).astype("float32"),
    rng.normal(0.0, 0.1, size=(3,)).astype("float32"),
]


def train(loss):
    model = keras.Sequential(
        [keras.Input(shape=(6,)), layers.Dense(3), layers.Lambda(l2_normalize)]
    )
    model.set_weights(init)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01), loss=loss)
    history = model.fit(x, y, epochs=3, batch_size=16, shuffle=False, verbose=0)
    return {"history": history.history, "weights": model.get_weights()}


results = {
    "direct": direct,
    "soft": train(keras.losses.Circle(gamma=8.0, margin=0.25)),
}
