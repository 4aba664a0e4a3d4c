"""`ModelCheckpoint(save_best_only=True, save_weights_only=True)` on `val_loss`.

The saved files and the weights loaded back from the best one are recorded.
"""

import os
import tempfile

import numpy as np

import keras
from keras import layers

SEED = 1030
rng = np.random.default_rng(SEED)

# Noisy labels from one linear rule: val_loss improves for a few epochs, then
# the model starts to overfit, so only the first checkpoints are written.
x = rng.normal(size=(32, 10)).astype("float32")
w_true = rng.normal(size=(10, 1))
y = (x @ w_true + rng.normal(scale=2.0, size=(32, 1)) > 0).astype("float32")
x_val = rng.normal(size=(32, 10)).astype("float32")
y_val = (x_val @ w_true + rng.normal(scale=2.0, size=(32, 1)) > 0).astype("float32")


def build():
    model = keras.Sequential(
        [
            keras.Input(shape=(10,)),
            layers.Dense(32, activation="relu"),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.SGD(learning_rate=0.2),
        loss="binary_crossentropy",
    )
    return model


model = build()
model.set_weights(
    [
        rng.normal(0.0, 1.0 / np.sqrt(w.shape[0]) if w.ndim == 2 else 0.1,
                   size=w.shape).astype("float32")
        for w in model.get_weights()
    ]
)

with tempfile.TemporaryDirectory() as tmp:
    checkpoint = keras.callbacks.ModelCheckpoint(
        os.path.join(tmp, "ckpt_{epoch:02d}.weights.h5"),
        monitor="val_loss",
        save_best_only=True,
        save_weights_only=True,
    )
    history = model.fit(
        x,
        y,
        validation_data=(x_val, y_val),
        epochs=8,
        batch_size=8,
        shuffle=False,
        callbacks=[checkpoint],
        verbose=0,
    )
    saved = sorted(os.listdir(tmp))
    restored = build()
    restored.load_weights(os.path.join(tmp, saved[-1]))

results = {
    "history": history.history,
    "saved_files": saved,
    "best": float(checkpoint.best),
    "restored_val_loss": restored.evaluate(x_val, y_val, verbose=0),
    "restored_weights": restored.get_weights(),
    "final_weights": model.get_weights(),
}
