"""`keras.preprocessing.image`: Keras 3's image helpers plus tf.keras 2's augmentation API."""

from torchkeras.preprocessing.image.affine_transformations import apply_affine_transform
from torchkeras.preprocessing.image.affine_transformations import apply_brightness_shift
from torchkeras.preprocessing.image.affine_transformations import apply_channel_shift
from torchkeras.preprocessing.image.affine_transformations import random_brightness
from torchkeras.preprocessing.image.affine_transformations import random_channel_shift
from torchkeras.preprocessing.image.affine_transformations import random_rotation
from torchkeras.preprocessing.image.affine_transformations import random_shear
from torchkeras.preprocessing.image.affine_transformations import random_shift
from torchkeras.preprocessing.image.affine_transformations import random_zoom
from torchkeras.preprocessing.image.image_data_generator import ImageDataGenerator
from torchkeras.preprocessing.image.iterators import DirectoryIterator
from torchkeras.preprocessing.image.iterators import Iterator
from torchkeras.preprocessing.image.iterators import NumpyArrayIterator
from torchkeras.utils.image_utils import array_to_img
from torchkeras.utils.image_utils import img_to_array
from torchkeras.utils.image_utils import load_img
from torchkeras.utils.image_utils import save_img
from torchkeras.utils.image_utils import smart_resize

__all__ = [
    "DirectoryIterator",
    "ImageDataGenerator",
    "Iterator",
    "NumpyArrayIterator",
    "apply_affine_transform",
    "apply_brightness_shift",
    "apply_channel_shift",
    "array_to_img",
    "img_to_array",
    "load_img",
    "random_brightness",
    "random_channel_shift",
    "random_rotation",
    "random_shear",
    "random_shift",
    "random_zoom",
    "save_img",
    "smart_resize",
]
