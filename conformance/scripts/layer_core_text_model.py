"""A bag-of-embeddings text classifier: Embedding(mask_zero=True) feeding a mask-aware
GlobalAveragePooling1D, then Dense layers; trained with SGD (momentum). The Keras 2 argument
`input_length` is accepted and ignored."""

import warnings

import numpy as np

import keras
from keras import layers

SEED = 1503
rng = np.random.default_rng(SEED)

tokens = rng.integers(1, 20, size=(48, 9))
lengths = rng.integers(2, 10, size=48)
for i, n in enumerate(lengths):
    tokens[i, n:] = 0  # padding
y = (tokens.sum(axis=1) % 2).astype("float32")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    embedding = layers.Embedding(20, 6, mask_zero=True, input_length=9, name="embedding")
inputs = keras.Input(shape=(9,), dtype="int32")
embedded = embedding(inputs)
pooled = layers.GlobalAveragePooling1D()(embedded)
hidden = layers.Dense(8, activation="relu")(pooled)
outputs = layers.Dense(1, activation="sigmoid")(hidden)
model = keras.Model(inputs, outputs)
model.set_weights(
    [rng.normal(0.0, 0.4, size=w.shape).astype("float32") for w in model.get_weights()]
)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.9),
              loss="binary_crossentropy", metrics=["accuracy"])
predict_before = model.predict(tokens, verbose=0)
history = model.fit(tokens, y, epochs=3, batch_size=12, shuffle=False, verbose=0)

results = {
    "embedding_config_keys": sorted(embedding.get_config()),
    "mask": keras.ops.convert_to_numpy(embedding.compute_mask(tokens[:3])),
    "predict_before": predict_before,
    "history": history.history,
    "predict_after": model.predict(tokens, verbose=0),
    "weights": model.get_weights(),
}
