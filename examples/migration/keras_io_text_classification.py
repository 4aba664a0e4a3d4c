"""keras.io's "Text classification from scratch", on a tiny corpus written to a temp directory.

`text_dataset_from_directory`, a custom standardization with `tf.strings`, `TextVectorization`
adapted on a `tf.data` pipeline, `Dataset.map/cache/prefetch`, a Conv1D model, then an end-to-end
model taking raw strings (`keras.Input(dtype="string")`), saved and loaded as `.keras`.
"""

import json
import os
import re
import string
import tempfile

import numpy as np
import tensorflow as tf
import keras
from keras import layers

keras.utils.set_random_seed(0)
rng = np.random.RandomState(0)
good = "great wonderful excellent loved amazing fun".split()
bad = "terrible awful boring hated bad worst".split()
filler = "the movie was a film it and plot actors <br /> story".split()
root = tempfile.mkdtemp()
for label, words in (("pos", good), ("neg", bad)):
    os.makedirs(os.path.join(root, label))
    for i in range(60):
        text = " ".join(rng.choice(words + filler * 2, size=30))
        with open(os.path.join(root, label, f"{i}.txt"), "w") as f:
            f.write(text.capitalize() + "!")

raw_train_ds = keras.utils.text_dataset_from_directory(
    root, batch_size=16, validation_split=0.25, subset="training", seed=1337)
raw_val_ds = keras.utils.text_dataset_from_directory(
    root, batch_size=16, validation_split=0.25, subset="validation", seed=1337)


def custom_standardization(input_data):
    lowercase = tf.strings.lower(input_data)
    stripped_html = tf.strings.regex_replace(lowercase, "<br />", " ")
    return tf.strings.regex_replace(stripped_html, f"[{re.escape(string.punctuation)}]", "")


vectorize_layer = layers.TextVectorization(
    standardize=custom_standardization, max_tokens=100, output_mode="int",
    output_sequence_length=40)
vectorize_layer.adapt(raw_train_ds.map(lambda x, y: x))


def vectorize_text(text, label):
    return vectorize_layer(tf.expand_dims(text, -1)), label


train_ds = raw_train_ds.map(vectorize_text).cache().prefetch(buffer_size=10)
val_ds = raw_val_ds.map(vectorize_text).cache().prefetch(buffer_size=10)

inputs = keras.Input(shape=(None,), dtype="int64")
x = layers.Embedding(100, 16)(inputs)
x = layers.Conv1D(16, 5, activation="relu", strides=2)(x)
x = layers.GlobalMaxPooling1D()(x)
predictions = layers.Dense(1, activation="sigmoid", name="predictions")(x)
model = keras.Model(inputs, predictions)
model.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(0.01),
              metrics=["accuracy"])
history = model.fit(train_ds, validation_data=val_ds, epochs=6, verbose=2)

text_input = keras.Input(shape=(1,), dtype="string")
end_to_end = keras.Model(text_input, model(vectorize_layer(text_input)))
end_to_end.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
path = os.path.join(root, "end_to_end.keras")
end_to_end.save(path)
restored = keras.saving.load_model(
    path, custom_objects={"custom_standardization": custom_standardization})
probe = tf.constant([["Great wonderful fun!"], ["Awful, boring plot."]])
print("RESULTS " + json.dumps({
    "losses": [float(v) for v in history.history["loss"]],
    "checks": {
        "class_names": raw_train_ds.class_names,
        "vocabulary_head": vectorize_layer.get_vocabulary()[:2],
        "restored_vocabulary_size": restored.layers[1].vocabulary_size(),
        "probe_labels": [int(p > 0.5) for p in np.asarray(restored.predict(probe, verbose=0))[:, 0]],
    },
}))
