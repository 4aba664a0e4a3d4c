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
from torchkeras.saving.saving_lib import enable_unsafe_deserialization
from torchkeras.utils.io_utils import disable_interactive_logging
from torchkeras.utils.io_utils import enable_interactive_logging
from torchkeras.utils.io_utils import is_interactive_logging_enabled

__all__ = [
    "backend",
    "disable_interactive_logging",
    "enable_interactive_logging",
    "enable_unsafe_deserialization",
    "epsilon",
    "floatx",
    "get_device",
    "image_data_format",
    "is_interactive_logging_enabled",
    "set_device",
    "set_epsilon",
    "set_floatx",
    "set_image_data_format",
]
