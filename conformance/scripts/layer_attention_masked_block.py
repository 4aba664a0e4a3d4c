"""Padding masks through a functional transformer block: Masking, MultiHeadAttention (which
takes the padding mask and removes it from its input tensors), a residual Add,
LayerNormalization and a mask-aware GlobalAveragePooling1D.

In a Keras functional model the `mask` argument of a layer (here the pooling's) is recorded
when the model is built and recomputed from the graph when it runs, so the pooling still sees
the padding mask although the Add's inputs lost it at run time."""

import numpy as np

import keras
from keras import layers

SEED = 1506
rng = np.random.default_rng(SEED)

x = rng.normal(size=(24, 7, 8)).astype("float32")
lengths = rng.integers(3, 8, size=24)
for i, n in enumerate(lengths):
    x[i, n:] = 0.0  # padding, masked by `Masking`
y = rng.normal(size=(24, 8)).astype("float32")

inputs = keras.Input(shape=(7, 8))
masked = layers.Masking(mask_value=0.0)(inputs)
attended = layers.MultiHeadAttention(num_heads=2, key_dim=4, name="mha")(masked, masked)
hidden = layers.LayerNormalization(name="ln")(layers.Add()([masked, attended]))
outputs = layers.GlobalAveragePooling1D()(hidden)
model = keras.Model(inputs, outputs)
model.set_weights(
    [
        rng.normal(0.0, 0.3, size=w.shape).astype("float32") if w.ndim > 1 else
        (1.0 + rng.normal(0.0, 0.1, size=w.shape)).astype("float32")
        for w in model.get_weights()
    ]
)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
predict_before = model.predict(x, verbose=0)
history = model.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)

results = {
    "predict_before": predict_before,
    "history": history.history,
    "predict_after": model.predict(x, verbose=0),
    "weights": model.get_weights(),
}
