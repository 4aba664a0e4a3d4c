"""MobileNet (v1): depthwise-separable convolutions with a width and a resolution multiplier.

Reference: [MobileNets: Efficient Convolutional Neural Networks for Mobile Vision Applications](
https://arxiv.org/abs/1704.04861). Layer names and order are Keras's, so its published `.h5`
weights load by topology.
"""

import warnings

from torchkeras import backend
from torchkeras.applications import base_application

BASE_WEIGHT_PATH = "https://storage.googleapis.com/tensorflow/keras-applications/mobilenet/"

__all__ = ["MobileNet", "decode_predictions", "preprocess_input"]


def MobileNet(
    input_shape=None,
    alpha=1.0,
    depth_multiplier=1,
    dropout=1e-3,
    include_top=True,
    weights="imagenet",
    input_tensor=None,
    pooling=None,
    classes=1000,
    classifier_activation="softmax",
    name=None,
):
    """Instantiates the MobileNet architecture.

    Reference:
    - [MobileNets: Efficient Convolutional Neural Networks for Mobile Vision Applications](
        https://arxiv.org/abs/1704.04861)

    Note: call `keras.applications.mobilenet.preprocess_input` on your inputs before passing them
    to the model; it scales pixels between -1 and 1.

    Args:
        input_shape: Optional shape tuple, only to be specified if `include_top` is `False`
            (otherwise the input shape has to be `(224, 224, 3)`). It should have exactly 3
            input channels, and width and height no smaller than 32. Defaults to `None`.
        alpha: Width multiplier: the number of filters of every layer is scaled by it.
            Defaults to `1.0`.
        depth_multiplier: Depth multiplier of the depthwise convolutions (the resolution
            multiplier of the paper). Defaults to `1`.
        dropout: Dropout rate before the classifier. Defaults to `0.001`.
        include_top: Whether to include the classifier at the top. Defaults to `True`.
        weights: `None` (random initialization), `"imagenet"` (pre-training on ImageNet) or the
            path to a weights file. Defaults to `"imagenet"`.
        input_tensor: Optional Keras tensor (output of `layers.Input()`) to use as image input.
        pooling: Pooling for feature extraction when `include_top` is `False`: `None` (4D
            output of the last convolutional block), `"avg"` or `"max"` (global pooling, 2D
            output). Defaults to `None`.
        classes: Number of classes, only when `include_top` is `True` and no `weights` are
            loaded. Defaults to `1000`.
        classifier_activation: Activation of the top layer; `None` returns logits. With
            pretrained weights only `None` or `"softmax"`. Defaults to `"softmax"`.
        name: Name of the model. Defaults to `"mobilenet_{alpha:0.2f}_{rows}"`.

    Returns:
        A model instance.
    """
    from torchkeras import layers
    from torchkeras.applications import imagenet_utils
    from torchkeras.models import Functional

    if not base_application.weights_arg_is_valid(weights):
        raise ValueError(
            "The `weights` argument should be either "
            "`None` (random initialization), 'imagenet' "
            "(pre-training on ImageNet), "
            "or the path to the weights file to be loaded. "
            f"Received weights={weights}"
        )
    if weights == "imagenet" and include_top and classes != 1000:
        raise ValueError(
            "If using `weights='imagenet'` with `include_top=True`, "
            "`classes` should be 1000.  "
            f"Received classes={classes}"
        )
    data_format = backend.image_data_format()
    # A square input of a published resolution picks that resolution as the default size.
    default_size = 224
    if input_shape is not None:
        rows, cols = (input_shape[1], input_shape[2]) if data_format == "channels_first" else (
            input_shape[0], input_shape[1])
        if rows == cols and rows in (128, 160, 192, 224):
            default_size = rows
    input_shape = imagenet_utils.obtain_input_shape(
        input_shape, default_size=default_size, min_size=32, data_format=data_format,
        require_flatten=include_top, weights=weights,
    )
    row_axis = 1 if data_format == "channels_first" else 0
    rows, cols = input_shape[row_axis], input_shape[row_axis + 1]
    if weights == "imagenet":
        if depth_multiplier != 1:
            raise ValueError(
                "If imagenet weights are being loaded, "
                "depth multiplier must be 1.  "
                f"Received depth_multiplier={depth_multiplier}"
            )
        if alpha not in (0.25, 0.50, 0.75, 1.0):
            raise ValueError(
                "If imagenet weights are being loaded, "
                "alpha can be one of"
                "`0.25`, `0.50`, `0.75` or `1.0` only.  "
                f"Received alpha={alpha}"
            )
        if rows != cols or rows not in (128, 160, 192, 224):
            rows = 224
            warnings.warn(
                "`input_shape` is undefined or non-square, "
                "or `rows` is not in [128, 160, 192, 224]. "
                "Weights for input shape (224, 224) will be "
                "loaded as the default.",
                stacklevel=2,
            )

    img_input = base_application.model_input(input_tensor, input_shape)
    x = _conv_block(img_input, 32, alpha, strides=(2, 2))
    # (pointwise filters, strides) of the 13 depthwise-separable blocks.
    plan = [(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2), (512, 1), (512, 1),
            (512, 1), (512, 1), (512, 1), (1024, 2), (1024, 1)]
    for block_id, (filters, stride) in enumerate(plan, start=1):
        x = _depthwise_conv_block(x, filters, alpha, depth_multiplier, (stride, stride), block_id)

    if include_top:
        x = layers.GlobalAveragePooling2D(keepdims=True)(x)
        x = layers.Dropout(dropout, name="dropout")(x)
        x = layers.Conv2D(classes, (1, 1), padding="same", name="conv_preds")(x)
        x = layers.Reshape((classes,), name="reshape_2")(x)
        imagenet_utils.validate_activation(classifier_activation, weights)
        x = layers.Activation(activation=classifier_activation, name="predictions")(x)
    elif pooling == "avg":
        x = layers.GlobalAveragePooling2D()(x)
    elif pooling == "max":
        x = layers.GlobalMaxPooling2D()(x)

    inputs = base_application.model_inputs(input_tensor, img_input)
    if name is None:
        name = f"mobilenet_{alpha:0.2f}_{rows}"
    model = Functional(inputs, x, name=name)

    if weights == "imagenet":
        alpha_text = {1.0: "1_0", 0.75: "7_5", 0.50: "5_0"}.get(alpha, "2_5")
        suffix = "" if include_top else "_no_top"
        file_name = f"mobilenet_{alpha_text}_{rows}_tf{suffix}.h5"
        base_application.load_imagenet_weights(
            model, file_name, BASE_WEIGHT_PATH + file_name, None, context="MobileNet()"
        )
    elif weights is not None:
        model.load_weights(weights)
    return model


def _conv_block(inputs, filters, alpha, kernel=(3, 3), strides=(1, 1)):
    """The stem: convolution, batch normalization and ReLU6."""
    from torchkeras import layers

    x = layers.Conv2D(int(filters * alpha), kernel, padding="same", use_bias=False,
                      strides=strides, name="conv1")(inputs)
    x = layers.BatchNormalization(axis=base_application.channel_axis(), name="conv1_bn")(x)
    return layers.ReLU(6.0, name="conv1_relu")(x)


def _depthwise_conv_block(inputs, pointwise_conv_filters, alpha, depth_multiplier=1,
                          strides=(1, 1), block_id=1):
    """Depthwise conv, BN, ReLU6, then pointwise (1x1) conv, BN, ReLU6."""
    from torchkeras import layers

    axis = base_application.channel_axis()
    if strides == (1, 1):
        x = inputs
    else:
        # TF pads strided convolutions on the bottom/right only.
        x = layers.ZeroPadding2D(((0, 1), (0, 1)), name=f"conv_pad_{block_id}")(inputs)
    x = layers.DepthwiseConv2D(
        (3, 3), padding="same" if strides == (1, 1) else "valid",
        depth_multiplier=depth_multiplier, strides=strides, use_bias=False,
        name=f"conv_dw_{block_id}",
    )(x)
    x = layers.BatchNormalization(axis=axis, name=f"conv_dw_{block_id}_bn")(x)
    x = layers.ReLU(6.0, name=f"conv_dw_{block_id}_relu")(x)
    x = layers.Conv2D(int(pointwise_conv_filters * alpha), (1, 1), padding="same",
                      use_bias=False, strides=(1, 1), name=f"conv_pw_{block_id}")(x)
    x = layers.BatchNormalization(axis=axis, name=f"conv_pw_{block_id}_bn")(x)
    return layers.ReLU(6.0, name=f"conv_pw_{block_id}_relu")(x)


def preprocess_input(x, data_format=None):
    """Preprocesses a batch of images for MobileNet: pixels scaled between -1 and 1.

    Args:
        x: A floating point NumPy array or tensor with 3 color channels, values in `[0, 255]`.
        data_format: Optional data format of the image tensor/array. `None` means the global
            `keras.config.image_data_format()`. Defaults to `None`.

    Returns:
        Preprocessed array or tensor.
    """
    from torchkeras.applications import imagenet_utils

    return imagenet_utils.preprocess_input(x, data_format=data_format, mode="tf")


def decode_predictions(preds, top=5):
    """Decodes the prediction of an ImageNet model (see `imagenet_utils.decode_predictions`)."""
    from torchkeras.applications import imagenet_utils

    return imagenet_utils.decode_predictions(preds, top=top)
