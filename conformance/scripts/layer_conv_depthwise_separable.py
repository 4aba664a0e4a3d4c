"""DepthwiseConv1D/2D and SeparableConv1D/2D outputs: depth multipliers, same padding with
strides, dilation and both data formats, with injected weights."""

import numpy as np

import keras
from keras import layers

SEED = 1303
rng = np.random.default_rng(SEED)

CASES = {
    "dw1d_valid": (layers.DepthwiseConv1D, dict(kernel_size=3), (2, 8, 3)),
    "dw1d_same_s2_m2": (layers.DepthwiseConv1D, dict(kernel_size=3, strides=2, padding="same",
                                                     depth_multiplier=2), (2, 9, 3)),
    "dw1d_first_dilated": (layers.DepthwiseConv1D, dict(kernel_size=2, dilation_rate=2,
                                                        data_format="channels_first"),
                           (2, 3, 8)),
    "dw2d_valid_m3": (layers.DepthwiseConv2D, dict(kernel_size=3, depth_multiplier=3,
                                                   activation="relu"), (2, 6, 5, 2)),
    "dw2d_same_s2": (layers.DepthwiseConv2D, dict(kernel_size=3, strides=2, padding="same"),
                     (2, 8, 7, 3)),
    "dw2d_first_same": (layers.DepthwiseConv2D, dict(kernel_size=(3, 2), padding="same",
                                                     depth_multiplier=2,
                                                     data_format="channels_first"),
                        (2, 2, 5, 6)),
    "sep1d_valid": (layers.SeparableConv1D, dict(filters=4, kernel_size=3), (2, 8, 3)),
    "sep1d_same_s2_m2": (layers.SeparableConv1D, dict(filters=3, kernel_size=3, strides=2,
                                                      padding="same", depth_multiplier=2),
                         (2, 9, 2)),
    "sep2d_valid": (layers.SeparableConv2D, dict(filters=4, kernel_size=3, activation="relu"),
                    (2, 6, 6, 3)),
    "sep2d_same_s2_m2": (layers.SeparableConv2D, dict(filters=3, kernel_size=3, strides=2,
                                                      padding="same", depth_multiplier=2),
                         (2, 7, 8, 2)),
    "sep2d_first_dilated": (layers.SeparableConv2D, dict(filters=2, kernel_size=2,
                                                         dilation_rate=2, use_bias=False,
                                                         data_format="channels_first"),
                            (2, 3, 6, 6)),
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
