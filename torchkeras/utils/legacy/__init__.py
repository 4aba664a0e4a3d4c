"""`keras.utils.legacy`: the tf.keras 2 config format."""

from torchkeras.utils.legacy.serialization import deserialize_keras_object
from torchkeras.utils.legacy.serialization import serialize_keras_object

__all__ = ["deserialize_keras_object", "serialize_keras_object"]
