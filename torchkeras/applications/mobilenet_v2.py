"""MobileNetV2: inverted residual blocks with linear bottlenecks.

Reference: [MobileNetV2: Inverted Residuals and Linear Bottlenecks](
https://arxiv.org/abs/1801.04381) (CVPR 2018). Layer names and order are Keras's, so its
published `.h5` weights load by topology.
"""

import warnings

from torchkeras import backend
from torchkeras.applications import base_application

BASE_WEIGHT_PATH = "https://storage.googleapis.com/tensorflow/keras-applications/mobilenet_v2/"
_SIZES = (96, 128, 160, 192, 224)

__all__ = ["MobileNetV2", "decode_predictions", "preprocess_input"]


def MobileNetV2(
    input_shape=None,
    alpha=1.0,
    include_top=True,
    weights="imagenet",
    input_tensor=None,
    pooling=None,
    classes=1000,
    classifier_activation="softmax",
    name=None,
):
    """Instantiates the MobileNetV2 architecture.

    Reference:
    - [MobileNetV2: Inverted Residuals and Linear Bottlenecks](
        https://arxiv.org/abs/1801.04381) (CVPR 2018)

    Note: call `keras.applications.mobilenet_v2.preprocess_input` on your inputs before passing
    them to the model; it scales pixels between -1 and 1.

    Args:
        input_shape: Optional shape tuple, only to be specified if `include_top` is `False`
            (otherwise it has to be `(224, 224, 3)`), or to pick one of the published input
            sizes 96, 128, 160, 192 or 224. Defaults to `None`.
        alpha: Width multiplier: the number of filters of every layer is scaled by it.
            Published weights exist for 0.35, 0.50, 0.75, 1.0, 1.3 and 1.4. Defaults to `1.0`.
        include_top: Whether to include the classifier at the top. Defaults to `True`.
        weights: `None` (random initialization), `"imagenet"` (pre-training on ImageNet) or the
            path to a weights file. Defaults to `"imagenet"`.
        input_tensor: Optional Keras tensor (output of `layers.Input()`) to use as image input.
        pooling: Pooling for feature extraction when `include_top` is `False`: `None`, `"avg"`
            or `"max"`. Defaults to `None`.
        classes: Number of classes, only when `include_top` is `True` and no `weights` are
            loaded. Defaults to `1000`.
        classifier_activation: Activation of the top layer; `None` returns logits. With
            pretrained weights only `None` or `"softmax"`. Defaults to `"softmax"`.
        name: Name of the model. Defaults to `"mobilenetv2_{alpha:0.2f}_{rows}"`.

    Returns:
        A model instance.
    """
    from torchkeras import layers
    from torchkeras.applications import imagenet_utils
    from torchkeras.models import Functional

    if not base_application.weights_arg_is_valid(weights):
        raise ValueError(
            "The `weights` argument should be either "
            "`None` (random initialization), `imagenet` "
            "(pre-training on ImageNet), "
            "or the path to the weights file to be loaded.  "
            f"Received `weights={weights}`"
        )
    if weights == "imagenet" and include_top and classes != 1000:
        raise ValueError(
            'If using `weights="imagenet"` with `include_top` '
            f"as true, `classes` should be 1000. Received `classes={classes}`"
        )
    data_format = backend.image_data_format()
    channels_first = data_format == "channels_first"
    if input_shape is not None and input_tensor is not None:
        if not backend.is_keras_tensor(input_tensor):
            raise ValueError(
                "input_tensor is not a Keras tensor; "
                f"Received `input_tensor={input_tensor}`"
            )
        if channels_first and input_tensor.shape[1] != input_shape[1]:
            raise ValueError(
                "input_shape[1] must equal shape(input_tensor)[1] "
                "when `image_data_format` is `channels_first`; "
                f"Received `input_tensor.shape={input_tensor.shape}`"
                f", `input_shape={input_shape}`"
            )
        if not channels_first and input_tensor.shape[2] != input_shape[1]:
            raise ValueError(
                "input_tensor.shape[2] must equal input_shape[1]; "
                f"Received `input_tensor.shape={input_tensor.shape}`, "
                f"`input_shape={input_shape}`"
            )
    # A square input of a published resolution picks that resolution as the default size.
    if input_shape is None and input_tensor is not None:
        if not backend.is_keras_tensor(input_tensor):
            rows = cols = None
        else:
            rows, cols = (input_tensor.shape[2:4] if channels_first
                          else input_tensor.shape[1:3])
    elif input_shape is None:
        rows = cols = None
    else:
        rows, cols = input_shape[1:3] if channels_first else input_shape[0:2]
    default_size = rows if rows == cols and rows in _SIZES else 224

    input_shape = imagenet_utils.obtain_input_shape(
        input_shape, default_size=default_size, min_size=32, data_format=data_format,
        require_flatten=include_top, weights=weights,
    )
    rows, cols = input_shape[1:3] if channels_first else input_shape[0:2]
    if weights == "imagenet":
        if alpha not in (0.35, 0.50, 0.75, 1.0, 1.3, 1.4):
            raise ValueError(
                "If imagenet weights are being loaded, "
                "alpha must be one of `0.35`, `0.50`, `0.75`, "
                "`1.0`, `1.3` or `1.4` only;"
                f" Received `alpha={alpha}`"
            )
        if rows != cols or rows not in _SIZES:
            rows = 224
            warnings.warn(
                "`input_shape` is undefined or non-square, "
                "or `rows` is not in [96, 128, 160, 192, 224]. "
                "Weights for input shape (224, 224) will be "
                "loaded as the default.",
                stacklevel=2,
            )

    img_input = base_application.model_input(input_tensor, input_shape)
    axis = base_application.channel_axis()
    x = layers.Conv2D(_make_divisible(32 * alpha, 8), kernel_size=3, strides=(2, 2),
                      padding="same", use_bias=False, name="Conv1")(img_input)
    x = layers.BatchNormalization(axis=axis, epsilon=1e-3, momentum=0.999, name="bn_Conv1")(x)
    x = layers.ReLU(6.0, name="Conv1_relu")(x)
    # (filters, stride, expansion) of the 17 inverted residual blocks.
    plan = [(16, 1, 1), (24, 2, 6), (24, 1, 6), (32, 2, 6), (32, 1, 6), (32, 1, 6),
            (64, 2, 6), (64, 1, 6), (64, 1, 6), (64, 1, 6), (96, 1, 6), (96, 1, 6),
            (96, 1, 6), (160, 2, 6), (160, 1, 6), (160, 1, 6), (320, 1, 6)]
    for block_id, (filters, stride, expansion) in enumerate(plan):
        x = _inverted_res_block(x, expansion=expansion, stride=stride, alpha=alpha,
                                filters=filters, block_id=block_id)
    # Width multipliers below 1 keep the last layer at 1280 filters (as the paper does).
    last_block_filters = _make_divisible(1280 * alpha, 8) if alpha > 1.0 else 1280
    x = layers.Conv2D(last_block_filters, kernel_size=1, use_bias=False, name="Conv_1")(x)
    x = layers.BatchNormalization(axis=axis, epsilon=1e-3, momentum=0.999, name="Conv_1_bn")(x)
    x = layers.ReLU(6.0, name="out_relu")(x)

    if include_top:
        x = layers.GlobalAveragePooling2D()(x)
        imagenet_utils.validate_activation(classifier_activation, weights)
        x = layers.Dense(classes, activation=classifier_activation, name="predictions")(x)
    elif pooling == "avg":
        x = layers.GlobalAveragePooling2D()(x)
    elif pooling == "max":
        x = layers.GlobalMaxPooling2D()(x)

    inputs = base_application.model_inputs(input_tensor, img_input)
    if name is None:
        name = f"mobilenetv2_{alpha:0.2f}_{rows}"
    model = Functional(inputs, x, name=name)

    if weights == "imagenet":
        suffix = "" if include_top else "_no_top"
        file_name = (
            f"mobilenet_v2_weights_tf_dim_ordering_tf_kernels_{float(alpha)}_{rows}{suffix}.h5"
        )
        base_application.load_imagenet_weights(
            model, file_name, BASE_WEIGHT_PATH + file_name, None, context="MobileNetV2()"
        )
    elif weights is not None:
        model.load_weights(weights)
    return model


def _inverted_res_block(inputs, expansion, stride, alpha, filters, block_id):
    """1x1 expansion, 3x3 depthwise, linear 1x1 projection, residual add when shapes allow."""
    from torchkeras import layers
    from torchkeras.applications import imagenet_utils

    axis = base_application.channel_axis()
    in_channels = inputs.shape[axis]
    pointwise_filters = _make_divisible(int(filters * alpha), 8)
    x = inputs
    prefix = f"block_{block_id}_"
    if block_id:
        x = layers.Conv2D(expansion * in_channels, kernel_size=1, padding="same",
                          use_bias=False, activation=None, name=f"{prefix}expand")(x)
        x = layers.BatchNormalization(axis=axis, epsilon=1e-3, momentum=0.999,
                                      name=f"{prefix}expand_BN")(x)
        x = layers.ReLU(6.0, name=f"{prefix}expand_relu")(x)
    else:
        prefix = "expanded_conv_"
    if stride == 2:
        x = layers.ZeroPadding2D(padding=imagenet_utils.correct_pad(x, 3), name=f"{prefix}pad")(x)
    x = layers.DepthwiseConv2D(kernel_size=3, strides=stride, activation=None, use_bias=False,
                               padding="same" if stride == 1 else "valid",
                               name=f"{prefix}depthwise")(x)
    x = layers.BatchNormalization(axis=axis, epsilon=1e-3, momentum=0.999,
                                  name=f"{prefix}depthwise_BN")(x)
    x = layers.ReLU(6.0, name=f"{prefix}depthwise_relu")(x)
    x = layers.Conv2D(pointwise_filters, kernel_size=1, padding="same", use_bias=False,
                      activation=None, name=f"{prefix}project")(x)
    x = layers.BatchNormalization(axis=axis, epsilon=1e-3, momentum=0.999,
                                  name=f"{prefix}project_BN")(x)
    if in_channels == pointwise_filters and stride == 1:
        return layers.Add(name=f"{prefix}add")([inputs, x])
    return x


def _make_divisible(v, divisor, min_value=None):
    # Round to the nearest multiple of `divisor`, never more than 10% below `v`.
    if min_value is None:
        min_value = divisor
    new_v = max(min_value, int(v + divisor / 2) // divisor * divisor)
    if new_v < 0.9 * v:
        new_v += divisor
    return new_v


def preprocess_input(x, data_format=None):
    """Preprocesses a batch of images for MobileNetV2: pixels scaled between -1 and 1.

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
