"""`binary_crossentropy` on a saturated sigmoid output.

Logits of about +-40 make the sigmoid round to exact 0/1 in float32. On the
TensorFlow backend Keras computes the loss from the logits behind the
sigmoid, so confidently wrong answers cost about 40 each and still have a
gradient; clipping the probabilities instead would give about 16.1 and almost
no gradient.
"""

import numpy as np

import keras
from keras import layers

SEED = 1013
rng = np.random.default_rng(SEED)

x = np.concatenate(
    [rng.uniform(1.0, 2.0, size=(8, 1)), -rng.uniform(1.0, 2.0, size=(8, 1))]
).astype("float32")
# Half the labels agree with the sign of the logit, half contradict it.
y = np.array([[1.0], [0.0]] * 4 + [[0.0], [1.0]] * 4, dtype="float32")
kernel = np.array([[25.0]], dtype="float32")
bias = np.array([0.0], dtype="float32")

model = keras.Sequential(

    [keras.Input(shape=(1,)), layers.Dense(1, activation="sigmoid")]

)
model.set_weights([kernel, bias])
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.01),
    loss="binary_crossentropy",
)

results = {
    "predict": model.predict(x, verbose=0),
    "evaluate_before": model.evaluate(x, y, verbose=0),
    "train_on_batch": model.train_on_batch(x, y),
    "history": model.fit(
        x, y, epochs=2, batch_size=8, shuffle=False, verbose=0
    ).history,
    "evaluate_after": model.evaluate(x, y, verbose=0),
    "weights": model.get_weights(),
}
