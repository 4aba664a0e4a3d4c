"""Gradients through every convolution family: causal Conv1D, Conv1DTranspose,
DepthwiseConv2D, SeparableConv2D (strided "same"), Conv2DTranspose and Conv3D, each model
trained with SGD from injected weights."""

import numpy as np

import keras
from keras import layers

SEED = 1305
rng = np.random.default_rng(SEED)


def train(name, layer_list, input_shape):
    x = rng.normal(size=(16,) + input_shape).astype("float32")
    model = keras.Sequential([keras.Input(shape=input_shape)] + layer_list + [
        layers.Flatten(), layers.Dense(2)
    ])
    model.set_weights(
        [rng.normal(0.0, 0.3, size=w.shape).astype("float32") for w in model.get_weights()]
    )
    y = rng.normal(size=(16, 2)).astype("float32")
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01), loss="mse")
    history = model.fit(x, y, epochs=2, batch_size=4, shuffle=False, verbose=0)
    return {"history": history.history, "weights": model.get_weights(),
            "predict": model.predict(x, verbose=0)}


results = {
    "conv1d": train("conv1d", [
        layers.Conv1D(4, 3, padding="causal", dilation_rate=2, activation="relu"),
        layers.Conv1DTranspose(3, 3, strides=2, padding="same"),
        layers.MaxPooling1D(2),
    ], (7, 2)),
    "depthwise_separable": train("depthwise_separable", [
        layers.DepthwiseConv2D(3, depth_multiplier=2, padding="same", activation="relu"),
        layers.SeparableConv2D(4, 3, strides=2, padding="same"),
        layers.AveragePooling2D(2, padding="same"),
    ], (7, 7, 2)),
    "transpose2d": train("transpose2d", [
        layers.Conv2DTranspose(3, 3, strides=2, padding="same", activation="tanh"),
        layers.Conv2D(2, 2, strides=2),
    ], (3, 4, 2)),
    "conv3d": train("conv3d", [
        layers.Conv3D(3, 2, padding="same", activation="relu"),
        # Not MaxPooling3D: TensorFlow's MaxPool3D gradient goes to every tied element of a
        # window (and was seen to pick a near-tie over the maximum), unlike its MaxPool2D.
        layers.AveragePooling3D(2),
    ], (4, 4, 4, 2)),
}
