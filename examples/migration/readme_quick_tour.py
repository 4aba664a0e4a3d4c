"""The Keras README's Sequential quick tour, with a tf.keras 2 legacy Adam and `decay=`."""

import json

import numpy as np
import tensorflow as tf
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense
from tensorflow.keras.optimizers.legacy import Adam

rng = np.random.RandomState(4)
x_train = rng.normal(size=(300, 10)).astype("float32")
y_train = (x_train[:, :3].sum(axis=1) > 0).astype("int64")
x_test, y_test = x_train[:50], y_train[:50]

model = Sequential()
model.add(Dense(units=24, activation="relu", input_dim=10))
model.add(Dense(units=2, activation="softmax"))
model.set_weights([rng.normal(0, 0.2, w.shape).astype("float32") for w in model.get_weights()])
model.compile(loss="sparse_categorical_crossentropy", optimizer=Adam(lr=0.01, decay=0.05),
              metrics=["accuracy"])
history = model.fit(x_train, y_train, epochs=4, batch_size=30, shuffle=False, verbose=2)
loss_and_metrics = model.evaluate(x_test, y_test, batch_size=128, verbose=0)
classes = model.predict(x_test, batch_size=128, verbose=0)
print("RESULTS " + json.dumps({
    "losses": [float(v) for v in history.history["loss"]],
    "values": {"evaluate": [float(v) for v in loss_and_metrics],
               "classes": [float(v) for v in classes[:3].ravel()]},
}))
