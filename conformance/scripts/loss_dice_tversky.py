"""`Dice` and `Tversky`: axes, reductions, sample weights, and training a sigmoid mask."""

import numpy as np

import keras
from keras import layers

SEED = 1103
rng = np.random.default_rng(SEED)

masks = (rng.random(size=(4, 5, 5, 1)) < 0.4).astype("float32")
scores = rng.uniform(0.0, 1.0, size=(4, 5, 5, 1)).astype("float32")
per_image_weight = rng.uniform(0.0, 2.0, size=(4,)).astype("float32")
per_pixel_weight = rng.uniform(0.0, 2.0, size=(4, 5, 5)).astype("float32")
per_row_weight = rng.uniform(0.0, 2.0, size=(4, 5, 1)).astype("float32")

# (make loss, a sample weight matching the shape of its losses)
losses = {
    "dice_all": (lambda r: keras.losses.Dice(reduction=r), per_image_weight),
    "dice_per_image": (
        lambda r: keras.losses.Dice(reduction=r, axis=(1, 2, 3)),
        per_image_weight,
    ),
    "dice_last": (lambda r: keras.losses.Dice(reduction=r, axis=-1), per_pixel_weight),
    "tversky_all": (lambda r: keras.losses.Tversky(reduction=r), per_image_weight),
    "tversky_per_image": (
        lambda r: keras.losses.Tversky(alpha=0.3, beta=0.7, reduction=r, axis=(1, 2, 3)),
        per_image_weight,
    ),
    "tversky_rows": (
        lambda r: keras.losses.Tversky(alpha=0.8, beta=0.2, reduction=r, axis=2),
        per_row_weight,
    ),
}
reductions = {
    "sum_over_batch_size": "sum_over_batch_size",
    "sum": "sum",
    "mean_with_sample_weight": "mean_with_sample_weight",
    "none": None,
}

direct = {}
for loss_name, (make, sample_weight) in losses.items():
    for reduction_name, reduction in reductions.items():
        loss = make(reduction)
        key = f"{loss_name}_{reduction_name}"
        direct[key] = keras.ops.convert_to_numpy(loss(masks, scores))
        direct[key + "_weighted"] = keras.ops.convert_to_numpy(
            loss(masks, scores, sample_weight=sample_weight)
        )
direct["dice_function"] = keras.ops.convert_to_numpy(
    keras.losses.dice(masks, scores, axis=(1, 2))
)
direct["tversky_function"] = keras.ops.convert_to_numpy(
    keras.losses.tversky(masks, scores, alpha=0.2, beta=0.8, axis=(1, 2))
)

# A per-pixel sigmoid "segmenter" on 6 features per pixel.
x = rng.normal(size=(24, 5, 5, 6)).astype("float32")
y = (x[..., :1] + 0.5 * x[..., 1:2] > 0.3).astype("float32")
init = [
    rng.normal(0.0, 0.4, size=(6, 1)).astype("float32"),
    rng.normal(0.0, 0.1, size=(1,)).astype("float32"),
]


def train(loss):
    model = keras.Sequential(
        [keras.Input(shape=(5, 5, 6)), layers.Dense(1, activation="sigmoid")]
    )
    model.set_weights(init)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.5), loss=loss)
    history = model.fit(x, y, epochs=3, batch_size=8, shuffle=False, verbose=0)
    return {"history": history.history, "weights": model.get_weights()}


results = {
    "direct": direct,
    "dice": train("dice"),
    "tversky_per_image": train(
        keras.losses.Tversky(alpha=0.7, beta=0.3, axis=(1, 2, 3))
    ),
}
