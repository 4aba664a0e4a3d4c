"""Color augmentations with one-point factor ranges (deterministic draws) in training mode:
AutoContrast, Equalization, Solarization, grayscale, invert, posterization, color degeneration,
saturation, sharpness, Gaussian blur, color jitter, and a Pipeline of them."""

import numpy as np

import keras
from keras import layers

SEED = 1610
rng = np.random.default_rng(SEED)
to_np = keras.ops.convert_to_numpy

images = rng.uniform(0.0, 255.0, size=(2, 6, 7, 3)).astype("float32")
unit = images / 255.0
fixed = {
    "auto_contrast": layers.AutoContrast(),
    "equalization": layers.Equalization(),
    "equalization_bins": layers.Equalization(bins=32),
    "solarization": layers.Solarization(0.0, 0.0),
    "grayscale": layers.RandomGrayscale(1.0),
    "invert": layers.RandomInvert((1.0, 1.0)),
    "posterization": layers.RandomPosterization((2, 2)),
    "degeneration": layers.RandomColorDegeneration((0.6, 0.6)),
    "saturation": layers.RandomSaturation((0.7, 0.7)),
    "sharpness": layers.RandomSharpness((0.8, 0.8)),
    "blur": layers.RandomGaussianBlur((1.0, 1.0), kernel_size=5, sigma=(0.4, 0.4)),
    "jitter": layers.RandomColorJitter(brightness_factor=(0.05, 0.05),
                                       saturation_factor=(0.6, 0.6)),
    "pipeline": layers.Pipeline([layers.AutoContrast(), layers.RandomSharpness((0.3, 0.3)),
                                 layers.Resizing(4, 4)]),
}
results = {name: to_np(layer(images, training=True)) for name, layer in fixed.items()}
results["auto_contrast_unit"] = to_np(layers.AutoContrast(value_range=(0, 1))(unit))
results["posterization_unit"] = to_np(
    layers.RandomPosterization((5, 5), value_range=(0, 1))(unit))
