"""Max/average pooling 1D/2D/3D (valid and TF-style same padding, strides, both data formats),
global pooling (keepdims, a masked 1D average) and adaptive pooling outputs."""

import numpy as np

import keras
from keras import layers

SEED = 1311
rng = np.random.default_rng(SEED)

CASES = {
    "max1d_default": (layers.MaxPooling1D, dict(), (2, 9, 3)),
    "max1d_same_s2_k3": (layers.MaxPooling1D, dict(pool_size=3, strides=2, padding="same"),
                         (2, 8, 3)),
    "avg1d_same_k2": (layers.AveragePooling1D, dict(pool_size=2, padding="same"), (2, 7, 3)),
    "avg1d_first": (layers.AveragePooling1D, dict(pool_size=3, strides=1,
                                                  data_format="channels_first"), (2, 3, 7)),
    "max2d_default": (layers.MaxPooling2D, dict(), (2, 7, 6, 3)),
    "max2d_same_odd": (layers.MaxPooling2D, dict(pool_size=3, strides=2, padding="same"),
                       (2, 7, 8, 3)),
    "max2d_s1_same": (layers.MaxPooling2D, dict(pool_size=(2, 3), strides=1, padding="same"),
                      (2, 5, 6, 2)),
    "avg2d_valid_s1": (layers.AveragePooling2D, dict(pool_size=3, strides=1), (2, 6, 5, 3)),
    "avg2d_same_s2": (layers.AveragePooling2D, dict(pool_size=3, strides=2, padding="same"),
                      (2, 7, 8, 3)),
    "avg2d_same_pool2": (layers.AveragePooling2D, dict(pool_size=2, padding="same"),
                         (2, 5, 5, 2)),
    "avg2d_stride_gt_pool": (layers.AveragePooling2D, dict(pool_size=2, strides=3,
                                                           padding="same"), (2, 7, 8, 2)),
    "max2d_first_same": (layers.MaxPooling2D, dict(pool_size=3, strides=2, padding="same",
                                                   data_format="channels_first"),
                         (2, 3, 7, 6)),
    "avg2d_first": (layers.AveragePooling2D, dict(pool_size=2, data_format="channels_first"),
                    (2, 3, 6, 5)),
    "max3d_default": (layers.MaxPooling3D, dict(), (2, 4, 5, 4, 2)),
    "avg3d_same_s2": (layers.AveragePooling3D, dict(pool_size=3, strides=2, padding="same"),
                      (2, 5, 4, 3, 2)),
    "max3d_first": (layers.MaxPooling3D, dict(pool_size=2, strides=1,
                                              data_format="channels_first"), (2, 2, 3, 4, 3)),
    "gmax1d": (layers.GlobalMaxPooling1D, dict(), (2, 7, 3)),
    "gavg1d_keepdims_first": (layers.GlobalAveragePooling1D,
                              dict(keepdims=True, data_format="channels_first"), (2, 3, 7)),
    "gmax2d_keepdims": (layers.GlobalMaxPooling2D, dict(keepdims=True), (2, 4, 5, 3)),
    "gavg2d": (layers.GlobalAveragePooling2D, dict(), (2, 4, 5, 3)),
    "gavg2d_first": (layers.GlobalAveragePooling2D, dict(data_format="channels_first"),
                     (2, 3, 4, 5)),
    "gmax3d": (layers.GlobalMaxPooling3D, dict(), (2, 3, 4, 2, 3)),
    "gavg3d_keepdims": (layers.GlobalAveragePooling3D, dict(keepdims=True), (2, 3, 4, 2, 3)),
    "adaptive_avg1d": (layers.AdaptiveAveragePooling1D, dict(output_size=3), (2, 7, 3)),
    "adaptive_max1d_up": (layers.AdaptiveMaxPooling1D, dict(output_size=5), (2, 3, 2)),
    "adaptive_avg2d": (layers.AdaptiveAveragePooling2D, dict(output_size=(3, 2)),
                       (2, 7, 5, 3)),
    "adaptive_max2d_first": (layers.AdaptiveMaxPooling2D,
                             dict(output_size=3, data_format="channels_first"), (2, 3, 8, 7)),
    "adaptive_avg3d": (layers.AdaptiveAveragePooling3D, dict(output_size=2), (2, 5, 4, 3, 2)),
    "adaptive_max3d": (layers.AdaptiveMaxPooling3D, dict(output_size=(2, 3, 2)),
                       (2, 5, 4, 3, 2)),
}

results = {}
for name, (cls, kwargs, shape) in CASES.items():
    layer = cls(**kwargs)
    x = rng.normal(size=shape).astype("float32")
    results[name] = {
        "output": keras.ops.convert_to_numpy(layer(x)),
        "output_shape": [-1 if d is None else d for d in layer.compute_output_shape(shape)],
    }

# A masked average: masked steps count neither in the sum nor in the number of steps.
x = rng.normal(size=(3, 6, 4)).astype("float32")
mask = np.array([[1, 1, 1, 0, 0, 0], [1, 0, 1, 0, 1, 1], [1, 1, 1, 1, 1, 1]], dtype=bool)
results["gavg1d_masked"] = keras.ops.convert_to_numpy(
    layers.GlobalAveragePooling1D()(x, mask=mask)
)
