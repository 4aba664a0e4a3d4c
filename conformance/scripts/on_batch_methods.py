"""`train_on_batch`, `test_on_batch` and `predict_on_batch`."""

import numpy as np

import keras
from keras import layers

SEED = 1023
rng = np.random.default_rng(SEED)

x = rng.normal(size=(12, 5)).astype("float32")
labels = rng.integers(0, 3, size=12)
weights = rng.uniform(0.0, 1.0, size=12).astype("float32")

model = keras.Sequential(

    [keras.Input(shape=(5,)), layers.Dense(3, activation="softmax")]

)
model.set_weights(
    [
        rng.normal(0.0, 0.8, size=(5, 3)).astype("float32"),
        rng.normal(0.0, 0.1, size=(3,)).astype("float32"),
    ]
)
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.1),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)

results = {
    "predict_before": model.predict_on_batch(x),
    "test_before": model.test_on_batch(x, labels),
    "train_1": model.train_on_batch(x, labels),
    "train_2_dict": model.train_on_batch(x, labels, return_dict=True),
    "train_sample_weight": model.train_on_batch(x, labels, sample_weight=weights),
    "train_class_weight": model.train_on_batch(
        x, labels, class_weight={0: 2.0, 1: 1.0, 2: 0.5}
    ),
    "test_after": model.test_on_batch(x, labels, return_dict=True),
    "test_sample_weight": model.test_on_batch(x, labels, sample_weight=weights),
    "predict_after": model.predict_on_batch(x),
    "weights": model.get_weights(),
}

# A model without metrics returns a bare float.
loss_only = keras.Sequential([keras.Input(shape=(5,)), layers.Dense(1)])
loss_only.set_weights(
    [
        rng.normal(0.0, 0.5, size=(5, 1)).astype("float32"),
        np.zeros((1,), dtype="float32"),
    ]
)
loss_only.compile(optimizer="sgd", loss="mse")
targets = rng.normal(size=(12, 1)).astype("float32")
results["loss_only_train"] = loss_only.train_on_batch(x, targets)
results["loss_only_test"] = loss_only.test_on_batch(x, targets)
