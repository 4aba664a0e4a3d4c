"""Image augmentations with a one-point factor range (so the draw is deterministic), in
training mode, and every augmentation in inference mode (identity)."""

import numpy as np

import keras
from keras import layers

SEED = 1609
rng = np.random.default_rng(SEED)
to_np = keras.ops.convert_to_numpy

images = rng.uniform(0.0, 255.0, size=(2, 7, 8, 3)).astype("float32")
fixed = {
    "rotation_reflect": layers.RandomRotation((0.1, 0.1)),
    "rotation_constant": layers.RandomRotation((-0.35, -0.35), fill_mode="constant",
                                               fill_value=3.0),
    "rotation_wrap_nearest": layers.RandomRotation((0.2, 0.2), fill_mode="wrap",
                                                   interpolation="nearest"),
    "zoom_in": layers.RandomZoom((-0.4, -0.4)),
    "zoom_out_nearest_fill": layers.RandomZoom((0.5, 0.5), (0.25, 0.25), fill_mode="nearest"),
    "translation": layers.RandomTranslation((0.3, 0.3), (-0.2, -0.2)),
    "translation_wrap": layers.RandomTranslation((-0.6, -0.6), (0.45, 0.45), fill_mode="wrap"),
    "brightness": layers.RandomBrightness((0.2, 0.2)),
    "brightness_clip": layers.RandomBrightness((-0.9, -0.9), value_range=(0, 255)),
}
results = {name: to_np(layer(images, training=True)) for name, layer in fixed.items()}
inference = [
    layers.RandomFlip(), layers.RandomRotation(0.3), layers.RandomZoom(0.3),
    layers.RandomTranslation(0.2, 0.2), layers.RandomContrast(0.5), layers.RandomBrightness(0.5),
    layers.RandomCrop(7, 8),
]
for layer in inference:
    results[f"inference_{layer.__class__.__name__}"] = to_np(layer(images, training=False))
