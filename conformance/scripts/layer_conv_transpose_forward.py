"""Conv1DTranspose, Conv2DTranspose and Conv3DTranspose outputs: valid/same padding, strides,
output_padding, with injected weights. (TensorFlow's CPU kernels refuse dilated and
channels_first transposed convolutions; the unit tests cover those against NumPy.)"""

import numpy as np

import keras
from keras import layers

SEED = 1302
rng = np.random.default_rng(SEED)

CASES = {
    "t1d_valid": (layers.Conv1DTranspose, dict(filters=3, kernel_size=3), (2, 5, 2)),
    "t1d_valid_s2": (layers.Conv1DTranspose, dict(filters=3, kernel_size=3, strides=2),
                     (2, 5, 2)),
    "t1d_valid_s3_k2": (layers.Conv1DTranspose, dict(filters=2, kernel_size=2, strides=3),
                        (2, 4, 2)),
    "t1d_same_s2": (layers.Conv1DTranspose, dict(filters=3, kernel_size=3, strides=2,
                                                 padding="same"), (2, 5, 2)),
    "t1d_same_s2_k4": (layers.Conv1DTranspose, dict(filters=3, kernel_size=4, strides=2,
                                                    padding="same"), (2, 5, 2)),
    "t1d_same_s3_k2": (layers.Conv1DTranspose, dict(filters=2, kernel_size=2, strides=3,
                                                    padding="same"), (2, 4, 2)),
    "t1d_output_padding": (layers.Conv1DTranspose, dict(filters=2, kernel_size=3, strides=2,
                                                        output_padding=1), (2, 4, 3)),
    "t1d_same_output_padding": (layers.Conv1DTranspose,
                                dict(filters=2, kernel_size=3, strides=3, padding="same",
                                     output_padding=2), (2, 4, 3)),
    "t2d_valid_relu": (layers.Conv2DTranspose, dict(filters=3, kernel_size=3,
                                                    activation="relu"), (2, 4, 5, 2)),
    "t2d_same_s2": (layers.Conv2DTranspose, dict(filters=3, kernel_size=3, strides=2,
                                                 padding="same"), (2, 4, 3, 2)),
    "t2d_same_mixed": (layers.Conv2DTranspose, dict(filters=2, kernel_size=(4, 3),
                                                    strides=(2, 3), padding="same"),
                       (2, 3, 4, 2)),
    "t2d_no_bias_op": (layers.Conv2DTranspose, dict(filters=2, kernel_size=3, strides=2,
                                                    output_padding=(1, 0), use_bias=False),
                       (2, 3, 3, 2)),
    "t3d_same_s2": (layers.Conv3DTranspose, dict(filters=2, kernel_size=3, strides=2,
                                                 padding="same"), (2, 2, 3, 2, 2)),
    "t3d_valid": (layers.Conv3DTranspose, dict(filters=2, kernel_size=2), (2, 2, 3, 2, 3)),
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
