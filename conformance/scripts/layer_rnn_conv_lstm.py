"""ConvLSTM1D/2D/3D outputs with injected weights: valid and same padding, strides, an even
kernel (TensorFlow's asymmetric "same"), channels_first, go_backwards and masks."""

import numpy as np

import keras
from keras import layers

SEED = 1408
rng = np.random.default_rng(SEED)
to_np = keras.ops.convert_to_numpy


def run(layer, x, **call_kwargs):
    layer.build(x.shape)
    layer.set_weights([
        rng.normal(0.0, 0.3, size=w.shape).astype("float32") for w in layer.get_weights()
    ])
    out = layer(x, **call_kwargs)
    return [to_np(t) for t in out] if isinstance(out, (list, tuple)) else to_np(out)


x2 = rng.normal(size=(2, 3, 6, 5, 2)).astype("float32")
results = {
    "conv2d_valid": run(layers.ConvLSTM2D(3, 3), x2),
    "conv2d_same_seq": run(layers.ConvLSTM2D(3, 3, padding="same", return_sequences=True,
                                             return_state=True), x2),
    "conv2d_even_kernel_strides": run(layers.ConvLSTM2D(2, (2, 3), strides=2, padding="same"),
                                      x2),
    "conv2d_dilation_backward": run(layers.ConvLSTM2D(2, 2, dilation_rate=2, go_backwards=True,
                                                      return_sequences=True), x2),
    "conv2d_masked": run(layers.ConvLSTM2D(2, 3, padding="same", return_sequences=True), x2,
                         mask=np.array([[1, 1, 0], [0, 1, 1]], bool)),
    "conv1d": run(layers.ConvLSTM1D(3, 2, padding="same", return_sequences=True),
                  rng.normal(size=(2, 4, 5, 3)).astype("float32")),
    "conv3d": run(layers.ConvLSTM3D(2, 2), rng.normal(size=(2, 2, 3, 4, 3, 2)).astype("float32")),
}
