"""`EarlyStopping(restore_best_weights=True)` monitoring `val_loss`.

Random training labels and unrelated validation labels make the model overfit
quickly, so `val_loss` bottoms out early and training stops well before the
epoch limit; the best epoch's weights must then be restored.
"""

import numpy as np

import keras
from keras import layers

SEED = 1008
rng = np.random.default_rng(SEED)

x = rng.normal(size=(32, 10)).astype("float32")
y = rng.integers(0, 2, size=(32, 1)).astype("float32")
x_val = rng.normal(size=(32, 10)).astype("float32")
y_val = rng.integers(0, 2, size=(32, 1)).astype("float32")

model = keras.Sequential(
    [
        keras.Input(shape=(10,)),
        layers.Dense(32, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ]
)
model.set_weights(
    [
        rng.normal(0.0, 1.0 / np.sqrt(w.shape[0]) if w.ndim == 2 else 0.1,
                   size=w.shape).astype("float32")
        for w in model.get_weights()
    ]
)
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.5), loss="binary_crossentropy"
)
early_stopping = keras.callbacks.EarlyStopping(
    monitor="val_loss", patience=2, restore_best_weights=True
)
history = model.fit(
    x,
    y,
    validation_data=(x_val, y_val),
    epochs=40,
    batch_size=8,
    shuffle=False,
    callbacks=[early_stopping],
    verbose=0,
)

results = {
    "history": history.history,
    "epochs_run": len(history.epoch),
    "stopped_epoch": early_stopping.stopped_epoch,
    "best_epoch": early_stopping.best_epoch,
    "best": float(early_stopping.best),
    "val_loss_after_restore": model.evaluate(x_val, y_val, verbose=0),
    "weights": model.get_weights(),
}
