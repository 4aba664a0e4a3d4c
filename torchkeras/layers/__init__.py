"""`keras.layers`: the building blocks of models."""

from torchkeras.layers.activations.activation import Activation
from torchkeras.layers.core.dense import Dense
from torchkeras.layers.core.identity import Identity
from torchkeras.layers.core.input_layer import Input
from torchkeras.layers.core.input_layer import InputLayer
from torchkeras.layers.core.lambda_layer import Lambda
from torchkeras.layers.core.torch_module_wrapper import TorchModuleWrapper
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer
from torchkeras.layers.merging.add import Add
from torchkeras.layers.merging.concatenate import Concatenate
from torchkeras.layers.merging.functional import add
from torchkeras.layers.merging.functional import concatenate
from torchkeras.layers.merging.functional import multiply
from torchkeras.layers.merging.multiply import Multiply
from torchkeras.layers.regularization.dropout import Dropout
from torchkeras.layers.reshaping.flatten import Flatten
from torchkeras.layers.reshaping.reshape import Reshape

__all__ = [
    "Activation",
    "Add",
    "Concatenate",
    "Dense",
    "Dropout",
    "Flatten",
    "Identity",
    "Input",
    "InputLayer",
    "InputSpec",
    "Lambda",
    "Layer",
    "Multiply",
    "Reshape",
    "TorchModuleWrapper",
    "add",
    "concatenate",
    "multiply",
]


def serialize(layer):
    """Return the Keras config dict of a layer."""
    from torchkeras.saving import serialization

    return serialization.serialize_keras_object(layer)


def deserialize(config, custom_objects=None):
    """Recreate a layer from its Keras config dict."""
    from torchkeras.saving import serialization

    module_objects = {name: obj for name, obj in globals().items() if isinstance(obj, type)}
    from torchkeras import models

    module_objects.update({
        "Sequential": models.Sequential, "Functional": models.Functional, "Model": models.Model,
    })
    return serialization.deserialize_keras_object(
        config, module_objects=module_objects, custom_objects=custom_objects,
        printable_module_name="layer",
    )
