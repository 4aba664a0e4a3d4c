"""`keras.saving`: serialization of objects, registry of custom objects."""

from torchkeras.saving.object_registry import CustomObjectScope
from torchkeras.saving.object_registry import custom_object_scope
from torchkeras.saving.object_registry import get_custom_objects
from torchkeras.saving.object_registry import get_registered_name
from torchkeras.saving.object_registry import get_registered_object
from torchkeras.saving.object_registry import register_keras_serializable
from torchkeras.saving.saving_api import load_model
from torchkeras.saving.saving_api import load_weights
from torchkeras.saving.saving_api import save_model
from torchkeras.saving.saving_api import save_weights
from torchkeras.saving.saving_lib import enable_unsafe_deserialization
from torchkeras.saving.serialization import deserialize_keras_object
from torchkeras.saving.serialization import serialize_keras_object

__all__ = [
    "CustomObjectScope",
    "custom_object_scope",
    "deserialize_keras_object",
    "enable_unsafe_deserialization",
    "get_custom_objects",
    "get_registered_name",
    "get_registered_object",
    "load_model",
    "load_weights",
    "register_keras_serializable",
    "save_model",
    "save_weights",
    "serialize_keras_object",
]
