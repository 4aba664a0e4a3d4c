"""`TerminateOnNaN`: training stops at the first batch whose loss is NaN or inf.

A learning rate of 1e12 makes mean squared error overflow within a few batches.
"""

import numpy as np

import keras
from keras import layers

SEED = 1029
rng = np.random.default_rng(SEED)

x = rng.normal(size=(64, 3)).astype("float32")
y = rng.normal(size=(64, 1)).astype("float32")

model = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(1)])
model.set_weights(
    [
        rng.normal(0.0, 0.5, size=(3, 1)).astype("float32"),
        np.zeros((1,), dtype="float32"),
    ]
)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=1e12), loss="mse")

batches = []
history = model.fit(
    x,
    y,
    epochs=5,
    batch_size=4,
    shuffle=False,
    callbacks=[
        keras.callbacks.TerminateOnNaN(),
        keras.callbacks.LambdaCallback(
            on_train_batch_end=lambda batch, logs: batches.append(batch)
        ),
    ],
    verbose=0,
)

loss = np.array(history.history["loss"])
results = {
    "epochs_run": len(history.epoch),
    "batches_run": batches,
    "final_loss_is_finite": bool(np.all(np.isfinite(loss))),
}
