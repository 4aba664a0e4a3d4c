"""`categorical_crossentropy` on a saturated softmax output.

The logits are so large that the softmax rounds to exact 0/1 in float32. On
the TensorFlow backend Keras computes the loss from the logits behind the
softmax, so a confidently wrong answer costs its true (large) loss and still
has a gradient, instead of the clipped `-log(1e-7)`.
"""

import numpy as np

import keras
from keras import layers

SEED = 1010
rng = np.random.default_rng(SEED)

x = rng.normal(size=(16, 4)).astype("float32")
# Labels chosen against the model's confident prediction for half the rows.
kernel = rng.normal(scale=15.0, size=(4, 3)).astype("float32")
bias = np.zeros((3,), dtype="float32")
predicted = np.argmax(x @ kernel, axis=1)
labels = np.where(np.arange(16) % 2 == 0, predicted, (predicted + 1) % 3)
y = np.eye(3, dtype="float32")[labels]

model = keras.Sequential(

    [keras.Input(shape=(4,)), layers.Dense(3, activation="softmax")]

)
model.set_weights([kernel, bias])
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.01),
    loss="categorical_crossentropy",
)

results = {
    "evaluate_before": model.evaluate(x, y, verbose=0),
    "train_on_batch": model.train_on_batch(x, y),
    "history": model.fit(
        x, y, epochs=2, batch_size=8, shuffle=False, verbose=0
    ).history,
    "evaluate_after": model.evaluate(x, y, verbose=0),
    "weights": model.get_weights(),
}
