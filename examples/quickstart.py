"""Quickstart: train a digit classifier on the handwritten digits that ship with torchkeras.

Run it with `python examples/quickstart.py`. No download is needed: the 1,797 8x8 images of the
UCI handwritten digits dataset come with the package. Training takes a few seconds on a CPU and
reaches about 97% test accuracy.
"""

import numpy as np

import torchkeras as keras

# Make the run repeatable: seeds Python, NumPy and torch.
keras.utils.set_random_seed(1337)

# Load the data: 1,437 training and 360 test images of 8x8 pixels with values 0..16.
(x_train, y_train), (x_test, y_test) = keras.datasets.digits.load_data()

# Scale the pixels to [0, 1] and flatten each image into a vector of 64 features.
x_train = x_train.reshape(-1, 64).astype("float32") / 16
x_test = x_test.reshape(-1, 64).astype("float32") / 16
print("x_train shape:", x_train.shape)
print(x_train.shape[0], "train samples")
print(x_test.shape[0], "test samples")

# Build the model.
model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.summary()

# Labels are integers 0..9, hence the "sparse" crossentropy.
model.compile(
    loss="sparse_categorical_crossentropy",
    optimizer="adam",
    metrics=["accuracy"],
)

# Train, holding out 10% of the training data to watch for overfitting.
model.fit(x_train, y_train, batch_size=32, epochs=40, validation_split=0.1)

# Evaluate on data the model has never seen.
test_loss, test_accuracy = model.evaluate(x_test, y_test, verbose=0)

# Predict: one row of 10 class probabilities per image.
probabilities = model.predict(x_test[:8], verbose=0)
print("Predicted:", np.argmax(probabilities, axis=-1).tolist())
print("Actual:   ", y_test[:8].tolist())

print(f"Test loss: {test_loss:.4f}")
print(f"Test accuracy: {test_accuracy:.2%}")
