"""The torch bridge: device, dtypes, variables, random seeds and tensor conversion."""

from torchkeras.backend.config import backend
from torchkeras.backend.config import epsilon
from torchkeras.backend.config import floatx
from torchkeras.backend.config import image_data_format
from torchkeras.backend.config import set_epsilon
from torchkeras.backend.config import set_floatx
from torchkeras.backend.config import set_image_data_format
from torchkeras.backend.config import standardize_data_format
from torchkeras.backend.common_names import get_uid
from torchkeras.backend.common_names import is_float_dtype
from torchkeras.backend.common_names import is_int_dtype
from torchkeras.backend.device import get_device
from torchkeras.backend.device import set_device
from torchkeras.backend.dtypes import standardize_dtype
from torchkeras.backend.global_state import clear_session
from torchkeras.backend.dtypes import to_torch_dtype
from torchkeras.backend.keras_tensor import is_keras_tensor
from torchkeras.backend.random import SeedGenerator
from torchkeras.backend.random import set_random_seed
from torchkeras.backend.tensors import convert_to_numpy
from torchkeras.backend.tensors import convert_to_tensor
from torchkeras.backend.tensors import is_tensor
from torchkeras.backend.variable import Variable


def result_type(*dtypes):
    """The dtype Keras gives the result of an operation on `dtypes` (Keras's promotion rules)."""
    from torchkeras.ops.promotion import result_type as _result_type

    return _result_type(*dtypes)

__all__ = [
    "SeedGenerator",
    "Variable",
    "backend",
    "clear_session",
    "convert_to_numpy",
    "convert_to_tensor",
    "epsilon",
    "floatx",
    "get_device",
    "get_uid",
    "image_data_format",
    "is_float_dtype",
    "is_int_dtype",
    "is_keras_tensor",
    "is_tensor",
    "result_type",
    "set_device",
    "set_epsilon",
    "set_floatx",
    "set_image_data_format",
    "set_random_seed",
    "standardize_data_format",
    "standardize_dtype",
    "to_torch_dtype",
]
