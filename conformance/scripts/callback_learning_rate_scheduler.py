"""`LearningRateScheduler`: the schedule sets the rate before each epoch.

The rate is logged in the history as `learning_rate`.
"""

import numpy as np

import keras
from keras import layers

SEED = 1026
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

seen_epochs = []
seen_rates = []


def schedule(epoch, lr):
    seen_epochs.append(epoch)
    seen_rates.append(float(lr))
    return lr * 0.5 if epoch >= 1 else lr


history = model.fit(
    x,
    y,
    epochs=4,
    batch_size=8,
    shuffle=False,
    callbacks=[keras.callbacks.LearningRateScheduler(schedule)],
    verbose=0,
)

results = {
    "history": history.history,
    "schedule_epochs": seen_epochs,
    "schedule_rates": seen_rates,
    "final_learning_rate": float(np.asarray(model.optimizer.learning_rate)),
    "weights": model.get_weights(),
}
