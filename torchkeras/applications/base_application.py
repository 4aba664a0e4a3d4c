"""What every application builder shares: argument checks, the input, the pooling head, weights.

The model functions (`VGG16`, `ResNet50`, ...) keep Keras's checks and error texts, which vary a
little from family to family, so each family passes its own messages in.
"""

import os

from torchkeras import backend
from torchkeras.applications import imagenet_utils


def weights_arg_is_valid(weights):
    """Keras accepts `None`, `"imagenet"` or the path of an existing weights file."""
    if weights is None or (isinstance(weights, str) and weights == "imagenet"):
        return True
    return isinstance(weights, (str, os.PathLike)) and os.path.exists(weights)


def check_weights_and_classes(weights, include_top, classes, weights_message, classes_message):
    """Raises Keras's `ValueError`s for an unknown `weights` value or ImageNet with `classes`."""
    if not weights_arg_is_valid(weights):
        raise ValueError(weights_message.format(weights=weights))
    if weights == "imagenet" and include_top and classes != 1000:
        raise ValueError(classes_message.format(classes=classes))


def model_input(input_tensor, input_shape):
    """The image input of the model: a new `Input`, or the given symbolic tensor."""
    from torchkeras import layers

    if input_tensor is None:
        return layers.Input(shape=input_shape)
    if not backend.is_keras_tensor(input_tensor):
        return layers.Input(tensor=input_tensor, shape=input_shape)
    return input_tensor


def get_source_inputs(tensor):
    """The `Input` tensors a symbolic tensor was computed from (`keras.utils.get_source_inputs`)."""
    from torchkeras.utils.operation_utils import get_source_inputs as source_inputs

    return source_inputs(tensor)


def model_inputs(input_tensor, img_input):
    """What the Functional model takes: the sources of `input_tensor`, else the new input."""
    if input_tensor is None:
        return img_input
    return get_source_inputs(input_tensor)


def build_model(input_tensor, img_input, outputs, name):
    """The `Functional` model from the source inputs of `input_tensor` (or `img_input`)."""
    from torchkeras.models import Functional

    inputs = model_inputs(input_tensor, img_input)
    if isinstance(inputs, list) and len(inputs) == 1:
        inputs = inputs[0]
    return Functional(inputs, outputs, name=name)


def load_weights(model, weights, weights_file=None, context="Application"):
    """Loads `"imagenet"` weights (`weights_file`: `(fname, origin, file_hash)`) or a weights path.

    Keras loads its published `.h5` files by topology: the model's layers with weights, in
    order, receive the file's layers with weights, in order.
    """
    if weights == "imagenet" and weights_file is not None:
        fname, origin, file_hash = weights_file
        path = imagenet_utils.fetch_file(fname, origin, file_hash, context=context)
        model.load_weights(path)
    elif weights is not None:
        # Also `"imagenet"` without a published file, which `load_weights` refuses, as in Keras.
        model.load_weights(weights)
    return model


def load_imagenet_weights(model, file_name, origin, file_hash, context):
    """Fetches a published weights file through the Keras cache and loads it by topology."""
    return load_weights(model, "imagenet", (file_name, origin, file_hash), context=context)


def pooling_layer(pooling, name_avg=None, name_max=None):
    """The global pooling of a headless model (`pooling="avg"|"max"`), or `None`."""
    from torchkeras import layers

    if pooling == "avg":
        return layers.GlobalAveragePooling2D(name=name_avg)
    if pooling == "max":
        return layers.GlobalMaxPooling2D(name=name_max)
    return None


def channel_axis():
    """The channel axis of a 4D image batch under the global `image_data_format()`."""
    return 1 if backend.image_data_format() == "channels_first" else 3
