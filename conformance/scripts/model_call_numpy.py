"""Calling a model eagerly and converting the result with NumPy.

TensorFlow users write `np.asarray(model(x))` and `float(loss(y, model(x)))`
all the time. (Real Keras on its torch backend refuses `np.asarray` here,
because the output tensor requires grad.)
"""

import numpy as np

import keras
from keras import layers

SEED = 1031
rng = np.random.default_rng(SEED)

x = rng.normal(size=(6, 5)).astype("float32")
y = rng.normal(size=(6, 3)).astype("float32")

model = keras.Sequential(

    [keras.Input(shape=(5,)), layers.Dense(3, activation="tanh")]

)
model.set_weights(
    [
        rng.normal(0.0, 0.5, size=(5, 3)).astype("float32"),
        rng.normal(0.0, 0.1, size=(3,)).astype("float32"),
    ]
)

results = {
    "asarray_model_call": np.asarray(model(x)),
    "asarray_layer_call": np.asarray(model.layers[0](x)),
    "shape": list(model(x).shape),
    "float_loss": float(keras.losses.MeanSquaredError()(y, model(x))),
}
