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
from torchkeras.config.global_settings import disable_flash_attention
from torchkeras.config.global_settings import disable_traceback_filtering
from torchkeras.config.global_settings import enable_flash_attention
from torchkeras.config.global_settings import enable_traceback_filtering
from torchkeras.config.global_settings import is_flash_attention_enabled
from torchkeras.config.global_settings import is_nnx_enabled
from torchkeras.config.global_settings import is_traceback_filtering_enabled
from torchkeras.config.global_settings import max_epochs
from torchkeras.config.global_settings import max_steps_per_epoch
from torchkeras.config.global_settings import set_backend
from torchkeras.config.global_settings import set_max_epochs
from torchkeras.config.global_settings import set_max_steps_per_epoch
from torchkeras.dtype_policies.dtype_policy import dtype_policy
from torchkeras.dtype_policies.dtype_policy import set_dtype_policy
from torchkeras.saving.saving_lib import enable_unsafe_deserialization
from torchkeras.utils.io_utils import disable_interactive_logging
from torchkeras.utils.io_utils import enable_interactive_logging
from torchkeras.utils.io_utils import is_interactive_logging_enabled

__all__ = [
    "backend",
    "disable_flash_attention",
    "disable_interactive_logging",
    "disable_traceback_filtering",
    "dtype_policy",
    "enable_flash_attention",
    "enable_interactive_logging",
    "enable_traceback_filtering",
    "enable_unsafe_deserialization",
    "epsilon",
    "floatx",
    "get_device",
    "image_data_format",
    "is_flash_attention_enabled",
    "is_interactive_logging_enabled",
    "is_nnx_enabled",
    "is_traceback_filtering_enabled",
    "max_epochs",
    "max_steps_per_epoch",
    "set_backend",
    "set_device",
    "set_dtype_policy",
    "set_epsilon",
    "set_floatx",
    "set_image_data_format",
    "set_max_epochs",
    "set_max_steps_per_epoch",
]
