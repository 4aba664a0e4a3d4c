"""A Keras 3 text classifier: padded token sequences, Embedding + LSTM, binary output.

Random "reviews" whose label says whether token 7 occurs; the LSTM learns to spot it.
"""

import json

import numpy as np
import keras
from keras import layers

keras.utils.set_random_seed(0)
rng = np.random.RandomState(0)
sequences = [list(rng.randint(1, 50, size=rng.randint(5, 20))) for _ in range(512)]
labels = np.array([1.0 if 7 in s else 0.0 for s in sequences], dtype="float32")
x = keras.preprocessing.sequence.pad_sequences(sequences, maxlen=20, padding="post")

inputs = keras.Input(shape=(20,), dtype="int32")
h = layers.Embedding(input_dim=50, output_dim=16, mask_zero=True)(inputs)
h = layers.LSTM(16)(h)
outputs = layers.Dense(1, activation="sigmoid")(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.summary()
history = model.fit(x, labels, batch_size=32, epochs=6, verbose=2)
print("RESULTS " + json.dumps({
    "losses": [float(v) for v in history.history["loss"]],
    "checks": {"output_shape": list(model.predict(x[:3], verbose=0).shape)},
}))
