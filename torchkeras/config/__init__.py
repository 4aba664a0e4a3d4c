"""`keras.config`: global settings."""

from torchkeras.backend.config import backend
from torchkeras.backend.config import epsilon
from torchkeras.backend.config import floatx
from torchkeras.backend.config import image_data_format
from torchkeras.backend.config import set_epsilon
from torchkeras.backend.config import set_floatx
from torchkeras.backend.config import set_image_data_format
from torchkeras.backend.device import get_device
from torchkeras.backend.device import set_device

__all__ = [
    "backend",
    "epsilon",
    "floatx",
    "get_device",
    "image_data_format",
    "set_device",
    "set_epsilon",
    "set_floatx",
    "set_image_data_format",
]
