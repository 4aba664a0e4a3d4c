"""`keras.layers`: the preprocessing family (the image layers live in `image_preprocessing/`)."""

from torchkeras.layers.preprocessing.category_encoding import CategoryEncoding
from torchkeras.layers.preprocessing.discretization import Discretization
from torchkeras.layers.preprocessing.hashed_crossing import HashedCrossing
from torchkeras.layers.preprocessing.hashing import Hashing
from torchkeras.layers.preprocessing.image_preprocessing import (
    AugMix, AutoContrast, CenterCrop, CutMix, Equalization, MixUp, RandAugment, RandomBrightness,
    RandomColorDegeneration, RandomColorJitter, RandomContrast, RandomCrop, RandomElasticTransform,
    RandomErasing, RandomFlip, RandomGaussianBlur, RandomGrayscale, RandomHue, RandomInvert,
    RandomPerspective, RandomPosterization, RandomRotation, RandomSaturation, RandomSharpness,
    RandomShear, RandomTranslation, RandomZoom, Resizing, Solarization,
)
from torchkeras.layers.preprocessing.integer_lookup import IntegerLookup
from torchkeras.layers.preprocessing.normalization import Normalization
from torchkeras.layers.preprocessing.pipeline import Pipeline
from torchkeras.layers.preprocessing.rescaling import Rescaling
from torchkeras.layers.preprocessing.string_lookup import StringLookup
from torchkeras.layers.preprocessing.text_vectorization import TextVectorization

__all__ = [
    "AugMix",
    "AutoContrast",
    "CategoryEncoding",
    "CenterCrop",
    "CutMix",
    "Discretization",
    "Equalization",
    "HashedCrossing",
    "Hashing",
    "IntegerLookup",
    "MixUp",
    "Normalization",
    "Pipeline",
    "RandAugment",
    "RandomBrightness",
    "RandomColorDegeneration",
    "RandomColorJitter",
    "RandomContrast",
    "RandomCrop",
    "RandomElasticTransform",
    "RandomErasing",
    "RandomFlip",
    "RandomGaussianBlur",
    "RandomGrayscale",
    "RandomHue",
    "RandomInvert",
    "RandomPerspective",
    "RandomPosterization",
    "RandomRotation",
    "RandomSaturation",
    "RandomSharpness",
    "RandomShear",
    "RandomTranslation",
    "RandomZoom",
    "Rescaling",
    "Resizing",
    "Solarization",
    "StringLookup",
    "TextVectorization",
]

# tf.keras 2's RandomHeight/RandomWidth, and the audio layers.
from torchkeras.layers.preprocessing.image_preprocessing.random_height import RandomHeight  # noqa: E402
from torchkeras.layers.preprocessing.image_preprocessing.random_width import RandomWidth  # noqa: E402
from torchkeras.layers.preprocessing.mel_spectrogram import MelSpectrogram  # noqa: E402
from torchkeras.layers.preprocessing.preprocessing_layer import PreprocessingLayer  # noqa: E402
from torchkeras.layers.preprocessing.stft_spectrogram import STFTSpectrogram  # noqa: E402

__all__ = sorted(__all__ + [
    "MelSpectrogram", "PreprocessingLayer", "RandomHeight", "RandomWidth", "STFTSpectrogram",
])
