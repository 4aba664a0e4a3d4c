"""Steps every application builder shares: checking `weights`, making the image input, loading.

Private to `torchkeras.applications` (the mobilenet*, efficientnet*, convnext, nasnet and regnet
modules); the public helpers live in `imagenet_utils`.
"""

import os

from torchkeras import backend


def weights_is_valid(weights):
    """Whether `weights` is `None`, `"imagenet"` or the path of an existing file (Keras's rule)."""
    if weights is None or (isinstance(weights, str) and weights == "imagenet"):
        return True
    try:
        return os.path.exists(weights)
    except TypeError:
        return False


def channel_axis():
    return 1 if backend.image_data_format() == "channels_first" else -1


def image_input(input_tensor, input_shape):
    """The `Input` a model starts from: a new one, or the KerasTensor the user passed."""
    from torchkeras import layers

    if input_tensor is None:
        return layers.Input(shape=input_shape)
    if not backend.is_keras_tensor(input_tensor):
        return layers.Input(tensor=input_tensor, shape=input_shape)
    return input_tensor


def source_inputs(tensor):
    """The `Input` tensors `tensor` was computed from (Keras's `get_source_inputs`)."""
    history = getattr(tensor, "_keras_history", None)
    if history is None:
        return [tensor]
    node = history.operation._inbound_nodes[history.node_index]
    if node.is_input:
        return list(node.outputs)
    found = []
    for x in node.input_tensors:
        for source in source_inputs(x):
            if not any(source is seen for seen in found):
                found.append(source)
    return found


def model_inputs(input_tensor, img_input):
    """What the Functional model takes: the sources of `input_tensor`, else the new input."""
    if input_tensor is None:
        return img_input
    return source_inputs(input_tensor)


def load_imagenet_weights(model, file_name, origin, file_hash, context):
    """Fetches a published weights file through the Keras cache and loads it by topology."""
    from torchkeras.applications import imagenet_utils

    path = imagenet_utils.fetch_file(file_name, origin, file_hash, context=context)
    model.load_weights(path)
