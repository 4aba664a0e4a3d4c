"""A transformer encoder block: MultiHeadAttention, residual Adds, LayerNormalization, a
feed-forward net, GlobalAveragePooling1D and a softmax head, trained with SGD (momentum).

SGD rather than Adam: the key bias has a zero gradient in exact arithmetic, so its float
gradient is rounding noise, which Adam would normalize into full-size steps."""

import numpy as np

import keras
from keras import layers

SEED = 1502
rng = np.random.default_rng(SEED)

x = rng.normal(size=(40, 7, 8)).astype("float32")
y = rng.integers(0, 3, size=40)

inputs = keras.Input(shape=(7, 8))
attended = layers.MultiHeadAttention(num_heads=2, key_dim=4, name="mha")(inputs, inputs)
hidden = layers.LayerNormalization(name="ln1")(layers.Add()([inputs, attended]))
ffn = layers.Dense(16, activation="relu")(hidden)
ffn = layers.Dense(8)(ffn)
hidden = layers.LayerNormalization(name="ln2")(layers.Add()([hidden, ffn]))
pooled = layers.GlobalAveragePooling1D()(hidden)
outputs = layers.Dense(3, activation="softmax")(pooled)
model = keras.Model(inputs, outputs)
model.set_weights(
    [
        rng.normal(0.0, 0.3, size=w.shape).astype("float32") if w.ndim > 1 else
        (1.0 + rng.normal(0.0, 0.1, size=w.shape)).astype("float32")
        for w in model.get_weights()
    ]
)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9),
              loss="sparse_categorical_crossentropy", metrics=["accuracy"])
predict_before = model.predict(x, verbose=0)
history = model.fit(x, y, epochs=3, batch_size=8, shuffle=False, verbose=0)

results = {
    "predict_before": predict_before,
    "history": history.history,
    "predict_after": model.predict(x, verbose=0),
    "evaluate": model.evaluate(x, y, verbose=0),
    "weights": model.get_weights(),
}
