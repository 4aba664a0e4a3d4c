"""Shaping, merging and activation layers in one trained model, and each on its own: Permute,
RepeatVector, Cropping, ZeroPadding, UpSampling (nearest and bilinear), Reshape, Subtract,
Average, Maximum, Minimum, Dot, ReLU, LeakyReLU, PReLU, ELU, Softmax and EinsumDense."""

import numpy as np

import keras
from keras import layers

SEED = 1504
rng = np.random.default_rng(SEED)

x = rng.normal(size=(24, 6, 4)).astype("float32")
y = rng.normal(size=(24, 3)).astype("float32")

inputs = keras.Input(shape=(6, 4))
permuted = layers.Permute((2, 1))(inputs)  # (4, 6)
cropped = layers.Cropping1D((1, 0))(permuted)  # (3, 6)
padded = layers.ZeroPadding1D((0, 1))(cropped)  # (4, 6)
up = layers.UpSampling1D(2)(layers.Dense(6, name="d_up")(padded))  # (8, 6)
image = layers.Reshape((4, 4, 3))(layers.Flatten()(up))  # (4, 4, 3)
image = layers.UpSampling2D((2, 1), interpolation="bilinear")(image)  # (8, 4, 3)
image = layers.Cropping2D(((1, 1), (0, 1)))(image)  # (6, 3, 3)
image = layers.ZeroPadding2D(((0, 0), (1, 0)))(image)  # (6, 4, 3)
seq = layers.Reshape((6, 12))(image)
a = layers.Dense(4, name="d_a")(seq)
b = layers.Dense(4, name="d_b")(seq)
merged = layers.Subtract()([a, b])
merged = layers.Average()([merged, layers.ReLU(max_value=1.5, negative_slope=0.1)(a)])
merged = layers.Maximum()([merged, layers.LeakyReLU()(b)])
merged = layers.Minimum()([merged, layers.ELU(alpha=0.7)(a)])
merged = layers.PReLU(shared_axes=[1], name="prelu")(merged)
proj = layers.EinsumDense("abc,cd->abd", output_shape=(6, 5), bias_axes="d",
                          name="einsum")(merged)
weights = layers.Softmax(axis=1)(proj)
pooled = layers.Dot(axes=(1, 1))([weights, merged])  # (5, 4)
repeated = layers.RepeatVector(2)(layers.Flatten()(pooled))  # (2, 20)
outputs = layers.Dense(3, name="d_out")(layers.Flatten()(repeated))
model = keras.Model(inputs, outputs)
model.set_weights(
    [rng.normal(0.0, 0.3, size=w.shape).astype("float32") for w in model.get_weights()]
)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01), loss="mse")
predict_before = model.predict(x, verbose=0)
history = model.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)

image_in = rng.normal(size=(2, 3, 4, 2)).astype("float32")
volume = rng.normal(size=(1, 2, 3, 2, 2)).astype("float32")
pair = rng.normal(size=(2, 3, 5)).astype("float32"), rng.normal(size=(2, 4, 3)).astype("float32")


def eager(layer, value):
    return keras.ops.convert_to_numpy(layer(value))


results = {
    "output_shape": [-1 if d is None else d for d in model.output_shape],
    "predict_before": predict_before,
    "history": history.history,
    "predict_after": model.predict(x, verbose=0),
    "weights": model.get_weights(),
    "up2d_nearest_cf": eager(layers.UpSampling2D((2, 3), data_format="channels_first"),
                             image_in),
    "up2d_bicubic": eager(layers.UpSampling2D((2, 3), interpolation="bicubic"), image_in),
    "up2d_lanczos3": eager(layers.UpSampling2D((3, 2), interpolation="lanczos3"), image_in),
    "up3d": eager(layers.UpSampling3D((1, 2, 2)), volume),
    "crop3d": eager(layers.Cropping3D(((0, 1), (1, 1), 0)), volume),
    "pad3d": eager(layers.ZeroPadding3D(((1, 0), (0, 1), 1)), volume),
    "dot_normalize": keras.ops.convert_to_numpy(
        layers.Dot(axes=(1, 2), normalize=True)(list(pair))
    ),
    "softmax_two_axes": eager(layers.Softmax(axis=(1, 2)), pair[0]),
    "masking": eager(layers.Masking(mask_value=0.5), np.where(x[:2] > 1.0, 0.5, x[:2])),
}
