"""A low-level training loop: tf.data, tf.GradientTape and an optimizer, as in the Keras README."""

import json
import os

import numpy as np
import tensorflow as tf
from tensorflow import keras

DIGITS = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "torchkeras", "datasets", "data",
    "digits.npz",
)
with np.load(DIGITS) as data:
    x = data["x"].reshape(-1, 64).astype("float32") / 16.0
    y = data["y"].astype("int64")

model = keras.Sequential(
    [keras.Input(shape=(64,)), keras.layers.Dense(32, activation="relu"), keras.layers.Dense(10)]
)
rng = np.random.RandomState(3)
model.set_weights([rng.normal(0, 0.1, w.shape).astype("float32") for w in model.get_weights()])
optimizer = keras.optimizers.Adam(learning_rate=1e-2)
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
train_acc = keras.metrics.SparseCategoricalAccuracy()

dataset = tf.data.Dataset.from_tensor_slices((x[:1024], y[:1024])).batch(128)


@tf.function
def train_step(x_batch, y_batch):
    with tf.GradientTape() as tape:
        logits = model(x_batch, training=True)
        loss = loss_fn(y_batch, logits)
    grads = tape.gradient(loss, model.trainable_weights)
    optimizer.apply_gradients(zip(grads, model.trainable_weights))
    train_acc.update_state(y_batch, logits)
    return loss


losses = []
for epoch in range(3):
    epoch_loss = []
    for step, (x_batch, y_batch) in enumerate(dataset):
        epoch_loss.append(float(train_step(x_batch, y_batch)))
    losses.append(float(np.mean(epoch_loss)))
    print(f"epoch {epoch}: loss {losses[-1]:.4f} acc {float(train_acc.result()):.4f}")
    train_acc.reset_state()

print("RESULTS " + json.dumps({"losses": losses}))
