"""Training with the usual callbacks: EarlyStopping, ModelCheckpoint, ReduceLROnPlateau, CSVLogger."""

import csv
import json
import os
import tempfile

import numpy as np
import keras

DIGITS = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "torchkeras", "datasets", "data",
    "digits.npz",
)
with np.load(DIGITS) as data:
    x = data["x"].reshape(-1, 64).astype("float32") / 16.0
    y = data["y"].astype("int64")

model = keras.Sequential(
    [keras.Input(shape=(64,)), keras.layers.Dense(32, activation="relu"),
     keras.layers.Dense(10, activation="softmax")]
)
rng = np.random.RandomState(7)
model.set_weights([rng.normal(0, 0.1, w.shape).astype("float32") for w in model.get_weights()])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.5), loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])

workdir = tempfile.mkdtemp()
checkpoint_path = os.path.join(workdir, "best.keras")
log_path = os.path.join(workdir, "training.csv")
callbacks = [
    keras.callbacks.EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True),
    keras.callbacks.ModelCheckpoint(checkpoint_path, monitor="val_loss", save_best_only=True),
    keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=1, min_lr=1e-3),
    keras.callbacks.CSVLogger(log_path),
]
history = model.fit(x[:1200], y[:1200], validation_data=(x[1200:1500], y[1200:1500]),
                    batch_size=64, epochs=8, shuffle=False, callbacks=callbacks, verbose=2)
with open(log_path) as f:
    rows = list(csv.DictReader(f))
best = keras.models.load_model(checkpoint_path)
print("RESULTS " + json.dumps({
    "losses": [float(v) for v in history.history["loss"]],
    "values": {"val_loss": [float(v) for v in history.history["val_loss"]],
               "learning_rate": [float(v) for v in history.history["learning_rate"]]},
    "checks": {"csv_rows": len(rows), "csv_columns": sorted(rows[0]),
               "epochs_run": len(history.history["loss"]),
               "checkpoint_loads": best.count_params() == model.count_params()},
}))
