"""Inference outputs of the deterministic image layers: Rescaling, Resizing (every
interpolation, antialias, crop/pad to aspect ratio, integer images) and CenterCrop."""

import numpy as np

import keras
from keras import layers

SEED = 1608
rng = np.random.default_rng(SEED)
to_np = keras.ops.convert_to_numpy

images = rng.uniform(0.0, 255.0, size=(2, 9, 12, 3)).astype("float32")
pixels = rng.integers(0, 256, size=(1, 5, 6, 1)).astype("uint8")
results = {
    "rescaling": to_np(layers.Rescaling(1.0 / 127.5, offset=-1.0)(images)),
    "rescaling_channels": to_np(layers.Rescaling([0.5, 2.0, 1.0])(images)),
    "rescaling_uint8": to_np(layers.Rescaling(1.0 / 255)(pixels)),
    "center_crop": to_np(layers.CenterCrop(5, 7)(images)),
    "center_crop_upsample": to_np(layers.CenterCrop(10, 6)(images)),
}
for interpolation in ("bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5"):
    for size in ((4, 5), (13, 17)):
        layer = layers.Resizing(*size, interpolation=interpolation)
        results[f"resize_{interpolation}_{size[0]}x{size[1]}"] = to_np(layer(images))
for interpolation in ("bilinear", "bicubic", "lanczos3"):
    layer = layers.Resizing(4, 5, interpolation=interpolation, antialias=True)
    results[f"antialias_{interpolation}"] = to_np(layer(images))
results["crop_to_aspect"] = to_np(layers.Resizing(6, 4, crop_to_aspect_ratio=True)(images))
results["pad_to_aspect"] = to_np(
    layers.Resizing(6, 3, pad_to_aspect_ratio=True, fill_value=7.0)(images))
results["uint8_bicubic"] = to_np(layers.Resizing(8, 3, interpolation="bicubic")(pixels))
results["uint8_nearest"] = to_np(layers.Resizing(3, 8, interpolation="nearest")(pixels))
results["unbatched"] = to_np(layers.Resizing(5, 5)(images[0]))
