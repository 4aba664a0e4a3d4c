"""A small convolutional classifier (Conv2D, BatchNormalization, MaxPooling2D, strided "same"
Conv2D, GlobalAveragePooling2D, Dense softmax) trained for a few epochs with injected
weights."""

import numpy as np

import keras
from keras import layers

SEED = 1304
rng = np.random.default_rng(SEED)

x = rng.normal(size=(48, 10, 10, 3)).astype("float32")
y = rng.integers(0, 4, size=(48,))

inputs = keras.Input(shape=(10, 10, 3))
# No bias before BatchNormalization: its gradient is zero up to rounding, which Adam would
# amplify into backend-dependent noise.
h = layers.Conv2D(8, 3, padding="same", use_bias=False, name="conv1")(inputs)
h = layers.BatchNormalization(name="bn1")(h)
h = layers.Activation("relu")(h)
h = layers.MaxPooling2D(name="pool1")(h)
h = layers.Conv2D(12, 3, strides=2, padding="same", activation="relu", name="conv2")(h)
h = layers.GlobalAveragePooling2D(name="gap")(h)
outputs = layers.Dense(4, activation="softmax", name="head")(h)
model = keras.Model(inputs, outputs)

weights = []
for w in model.get_weights():
    if w.ndim > 1:
        fan_in = int(np.prod(w.shape[:-1]))
        weights.append(rng.normal(0.0, 1.0 / np.sqrt(fan_in), size=w.shape).astype("float32"))
    else:
        weights.append(rng.uniform(-0.1, 0.1, size=w.shape).astype("float32"))
weights[4] = np.ones_like(weights[4])  # bn1 moving variance starts at 1
model.set_weights(weights)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
              loss="sparse_categorical_crossentropy", metrics=["accuracy"])
predict_before = model.predict(x, verbose=0)
history = model.fit(x, y, epochs=3, batch_size=16, shuffle=False, verbose=0)

results = {
    "output_shape": [-1 if d is None else d for d in model.output_shape],
    "weight_shapes": [list(w.shape) for w in model.get_weights()],
    "predict_before": predict_before,
    "history": history.history,
    "predict_after": model.predict(x, verbose=0),
    "evaluate": model.evaluate(x, y, verbose=0),
    "weights": model.get_weights(),
}
