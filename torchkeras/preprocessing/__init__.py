"""`keras.preprocessing`: image and sequence helpers, the dataset builders, and tf.keras 2's
legacy `image` / `text` / `sequence` utilities (`ImageDataGenerator`, `Tokenizer`, ...).

Keras 3 exposes `image` (array/PIL conversion, `smart_resize`), `sequence.pad_sequences` and
the three `*_dataset_from_*` builders here; the tf.keras 2 classes live in the same submodules,
so migrating scripts (`from keras.preprocessing.image import ImageDataGenerator`) run unchanged.
"""

import importlib

from torchkeras.preprocessing import image
from torchkeras.preprocessing import sequence
from torchkeras.preprocessing import text

# The dataset builders live in `torchkeras.utils`; they are imported on first use so that
# `import torchkeras.preprocessing` stays light.
_LAZY = {
    "image_dataset_from_directory": "torchkeras.utils.image_dataset_utils",
    "text_dataset_from_directory": "torchkeras.utils.text_dataset_utils",
    "timeseries_dataset_from_array": "torchkeras.utils.timeseries_dataset_utils",
}


def __getattr__(name):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + list(_LAZY))


__all__ = [
    "image",
    "image_dataset_from_directory",
    "sequence",
    "text",
    "text_dataset_from_directory",
    "timeseries_dataset_from_array",
]
