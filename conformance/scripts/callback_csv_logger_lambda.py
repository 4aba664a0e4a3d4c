"""`CSVLogger` and `LambdaCallback`: what the logs contain, batch and epoch.

Batch-level logs carry the running mean of the epoch so far.
"""

import csv
import os
import tempfile

import numpy as np

import keras
from keras import layers

SEED = 1028
rng = np.random.default_rng(SEED)

x = rng.normal(size=(20, 4)).astype("float32")
labels = rng.integers(0, 2, size=(20, 1)).astype("float32")
x_val = rng.normal(size=(10, 4)).astype("float32")
labels_val = rng.integers(0, 2, size=(10, 1)).astype("float32")

model = keras.Sequential(

    [keras.Input(shape=(4,)), layers.Dense(1, activation="sigmoid")]

)
model.set_weights(
    [
        rng.normal(0.0, 0.5, size=(4, 1)).astype("float32"),
        np.zeros((1,), dtype="float32"),
    ]
)
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.2),
    loss="binary_crossentropy",
    metrics=["accuracy"],
)

events = {"train_begin": 0, "train_end": 0, "epoch_begin": []}
batch_logs = []
epoch_logs = []
logger = keras.callbacks.LambdaCallback(
    on_train_begin=lambda logs: events.__setitem__("train_begin", 1),
    on_train_end=lambda logs: events.__setitem__("train_end", 1),
    on_epoch_begin=lambda epoch, logs: events["epoch_begin"].append(epoch),
    on_batch_end=lambda batch, logs: batch_logs.append(
        [batch, logs["loss"], logs["accuracy"]]
    ),
    on_epoch_end=lambda epoch, logs: epoch_logs.append(
        {key: logs[key] for key in sorted(logs)}
    ),
)

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "training.csv")
    history = model.fit(
        x,
        labels,
        validation_data=(x_val, labels_val),
        epochs=3,
        batch_size=8,
        shuffle=False,
        callbacks=[keras.callbacks.CSVLogger(path), logger],
        verbose=0,
    )
    with open(path, newline="") as f:
        rows = list(csv.reader(f))

results = {
    "history": history.history,
    "csv_header": rows[0],
    "csv_values": np.array([[float(v) for v in row] for row in rows[1:]]),
    "events": events,
    "batch_logs": np.array(batch_logs, dtype="float64"),
    "epoch_log_keys": sorted(epoch_logs[0]),
    "epoch_logs": {str(i): logs for i, logs in enumerate(epoch_logs)},
}
