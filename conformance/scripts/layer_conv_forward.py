"""Conv1D, Conv2D and Conv3D outputs: padding valid/same/causal, strides, dilation, groups,
channels_first for Conv1D, with injected weights. (TensorFlow's CPU kernels refuse
channels_first 2D/3D convolutions; the unit tests cover those against NumPy.)"""

import numpy as np

import keras
from keras import layers

SEED = 1301
rng = np.random.default_rng(SEED)

CASES = {
    "conv1d_valid": (layers.Conv1D, dict(filters=4, kernel_size=3), (2, 9, 3)),
    "conv1d_same_s2": (layers.Conv1D, dict(filters=4, kernel_size=3, strides=2, padding="same"),
                       (2, 10, 3)),
    "conv1d_same_even_kernel": (layers.Conv1D, dict(filters=3, kernel_size=4, padding="same"),
                                (2, 9, 3)),
    "conv1d_causal_dilated": (layers.Conv1D,
                              dict(filters=4, kernel_size=3, padding="causal", dilation_rate=2),
                              (2, 9, 3)),
    "conv1d_groups_first": (layers.Conv1D,
                            dict(filters=4, kernel_size=2, groups=2,
                                 data_format="channels_first", activation="relu"),
                            (2, 4, 7)),
    "conv2d_valid_relu": (layers.Conv2D, dict(filters=5, kernel_size=3, activation="relu"),
                          (2, 7, 6, 3)),
    "conv2d_same_s2_even": (layers.Conv2D, dict(filters=4, kernel_size=3, strides=2,
                                                padding="same"), (2, 8, 8, 3)),
    "conv2d_same_s2_odd": (layers.Conv2D, dict(filters=4, kernel_size=(3, 2), strides=(2, 3),
                                               padding="same"), (2, 7, 9, 3)),
    "conv2d_same_k4": (layers.Conv2D, dict(filters=2, kernel_size=4, padding="same"),
                       (2, 6, 5, 3)),
    "conv2d_dilated_same": (layers.Conv2D, dict(filters=3, kernel_size=3, dilation_rate=(2, 1),
                                                padding="same"), (2, 8, 7, 2)),
    "conv2d_groups": (layers.Conv2D, dict(filters=6, kernel_size=2, groups=3), (2, 5, 5, 6)),
    "conv2d_no_bias": (layers.Conv2D, dict(filters=3, kernel_size=2, use_bias=False,
                                           activation="tanh"), (2, 4, 4, 2)),
    "conv3d_valid": (layers.Conv3D, dict(filters=3, kernel_size=2), (2, 4, 5, 3, 2)),
    "conv3d_same_s2": (layers.Conv3D, dict(filters=2, kernel_size=3, strides=2, padding="same"),
                       (2, 5, 4, 3, 2)),
}

results = {}
for name, (cls, kwargs, shape) in CASES.items():
    layer = cls(**kwargs)
    x = rng.normal(size=shape).astype("float32")
    layer(x)
    layer.set_weights(
        [rng.normal(size=w.shape).astype("float32") * 0.5 for w in layer.get_weights()]
    )
    results[name] = {
        "output": keras.ops.convert_to_numpy(layer(x)),
        "output_shape": [-1 if d is None else d for d in layer.compute_output_shape(shape)],
        "weight_shapes": [list(w.shape) for w in layer.get_weights()],
    }
