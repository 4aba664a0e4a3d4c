"""A functional model with two inputs and two outputs (the Keras guide's ticket-triage style).

Weights are set from NumPy and the data is not shuffled, so the losses are reproducible across
backends.
"""

import json

import numpy as np
import keras
from keras import layers

rng = np.random.RandomState(1)
title = rng.normal(size=(256, 12)).astype("float32")
body = rng.normal(size=(256, 20)).astype("float32")
priority = (title[:, :1] + body[:, :1] > 0).astype("float32")
department = rng.randint(0, 4, size=(256,))

title_input = keras.Input(shape=(12,), name="title")
body_input = keras.Input(shape=(20,), name="body")
t = layers.Dense(16, activation="relu")(title_input)
b = layers.Dense(16, activation="tanh")(body_input)
merged = layers.concatenate([t, b])
priority_out = layers.Dense(1, activation="sigmoid", name="priority")(merged)
department_out = layers.Dense(4, name="department")(merged)
model = keras.Model(
    inputs=[title_input, body_input], outputs={"priority": priority_out, "department": department_out}
)
model.set_weights([rng.normal(0, 0.2, w.shape).astype("float32") for w in model.get_weights()])
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9),
    loss={
        "priority": keras.losses.BinaryCrossentropy(),
        "department": keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    },
    loss_weights={"priority": 1.0, "department": 0.2},
)
history = model.fit(
    {"title": title, "body": body},
    {"priority": priority, "department": department},
    batch_size=32, epochs=4, shuffle=False, verbose=2,
)
preds = model.predict({"title": title[:4], "body": body[:4]}, verbose=0)
print("RESULTS " + json.dumps({
    "losses": [float(v) for v in history.history["loss"]],
    "values": {"priority_pred": [float(v) for v in np.ravel(preds["priority"])]},
}))
