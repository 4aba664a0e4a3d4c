"""`ReduceLROnPlateau`: patience, factor, cooldown and min_lr.

A `min_delta` larger than any possible improvement makes every epoch after the
first a "plateau", so the schedule of reductions depends only on the
callback's bookkeeping, not on the loss values.
"""

import numpy as np

import keras
from keras import layers

SEED = 1027
rng = np.random.default_rng(SEED)

x = rng.normal(size=(24, 4)).astype("float32")
y = rng.normal(size=(24, 1)).astype("float32")

model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(1)])
model.set_weights(
    [
        rng.normal(0.0, 0.5, size=(4, 1)).astype("float32"),
        np.zeros((1,), dtype="float32"),
    ]
)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="mse")

reduce = keras.callbacks.ReduceLROnPlateau(
    monitor="loss", factor=0.5, patience=1, cooldown=1, min_delta=100.0, min_lr=0.02
)
history = model.fit(
    x,
    y,
    epochs=8,
    batch_size=8,
    shuffle=False,
    callbacks=[reduce],
    verbose=0,
)

results = {
    "history": history.history,
    "final_learning_rate": float(np.asarray(model.optimizer.learning_rate)),
    "weights": model.get_weights(),
}
