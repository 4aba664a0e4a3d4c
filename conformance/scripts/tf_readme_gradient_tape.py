"""The low-level training loop from the tf.keras README, as written there.

`tf.GradientTape`, `tf.keras.optimizers.Adam()` and `kl_divergence`, run through the compat shim
(`import tensorflow` resolves to torchkeras). One change: with TensorFlow 2.21 `tf.keras` is Keras 3,
whose `kl_divergence` lives in `keras.losses` only, so the loss is taken from there. Small random data stands in for the
dataset and the weights are injected from a seeded generator, so every backend starts from the
same point.
"""

import numpy as np
import tensorflow as tf
from tensorflow import keras

import keras as keras3

SEED = 1101
rng = np.random.default_rng(SEED)

inputs_all = rng.normal(size=(64, 20)).astype("float32")
targets_all = rng.dirichlet(np.ones(5), size=64).astype("float32")
dataset = [(inputs_all[i:i + 16], targets_all[i:i + 16]) for i in range(0, 64, 16)]

model = keras.Sequential([
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(5, activation="softmax"),
])
# Not in the README: build and inject weights instead of random initializers.
model.build(input_shape=(None, 20))
model.set_weights([
    rng.normal(0.0, 1.0 / np.sqrt(w.shape[0]) if w.ndim == 2 else 0.1, size=w.shape).astype(
        "float32")
    for w in model.get_weights()
])

# Prepare an optimizer.
optimizer = tf.keras.optimizers.Adam()
# Prepare a loss function.
loss_fn = keras3.losses.kl_divergence

losses = []
for epoch in range(3):
    # Iterate over the batches of a dataset.
    for inputs, targets in dataset:
        # Open a GradientTape.
        with tf.GradientTape() as tape:
            # Forward pass.
            predictions = model(inputs)
            # Compute the loss value for this batch.
            loss_value = loss_fn(targets, predictions)
        # Get gradients of loss wrt the weights.
        gradients = tape.gradient(loss_value, model.trainable_weights)
        # Update the weights of the model.
        optimizer.apply_gradients(zip(gradients, model.trainable_weights))
        losses.append(float(tf.reduce_mean(loss_value)))

results = {
    "losses": losses,
    "weights": model.get_weights(),
}
