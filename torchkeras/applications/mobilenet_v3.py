"""MobileNetV3 Small and Large: inverted residuals with squeeze-excite and hard-swish.

Reference: [Searching for MobileNetV3](https://arxiv.org/pdf/1905.02244.pdf) (ICCV 2019).
Layer names and order are Keras's, so its published `.h5` weights load by topology.
"""

import warnings

from torchkeras import backend
from torchkeras.applications import base_application

BASE_WEIGHT_PATH = "https://storage.googleapis.com/tensorflow/keras-applications/mobilenet_v3/"
# (with top, without top) MD5 of the published files.
WEIGHTS_HASHES = {
    "large_224_0.75_float": ("765b44a33ad4005b3ac83185abf1d0eb",
                             "40af19a13ebea4e2ee0c676887f69a2e"),
    "large_224_1.0_float": ("59e551e166be033d707958cf9e29a6a7",
                            "07fb09a5933dd0c8eaafa16978110389"),
    "large_minimalistic_224_1.0_float": ("675e7b876c45c57e9e63e6d90a36599c",
                                         "ec5221f64a2f6d1ef965a614bdae7973"),
    "small_224_0.75_float": ("cb65d4e5be93758266aa0a7f2c6708b7",
                             "ebdb5cc8e0b497cd13a7c275d475c819"),
    "small_224_1.0_float": ("8768d4c2e7dee89b9d02b2d03d65d862",
                            "d3e8ec802a04aa4fc771ee12a9a9b836"),
    "small_minimalistic_224_1.0_float": ("99cd97fb2fcdad2bf028eb838de69e37",
                                         "cde8136e733e811080d9fcd8a252f7e4"),
}

__all__ = ["MobileNetV3Large", "MobileNetV3Small", "decode_predictions", "preprocess_input"]

BASE_DOCSTRING = """Instantiates the {name} architecture.

Reference:
- [Searching for MobileNetV3](https://arxiv.org/pdf/1905.02244.pdf) (ICCV 2019)

The preprocessing (a `Rescaling` of `[0, 255]` pixels to `[-1, 1]`) is part of the model by
default (`include_preprocessing=True`), so `mobilenet_v3.preprocess_input` is a pass-through.

Args:
    input_shape: Optional shape tuple, e.g. `(224, 224, 3)`; the input must have 3 channels and
        height and width of at least 32. Defaults to `None` (`(None, None, 3)`).
    alpha: Width multiplier: the number of filters of every layer is scaled by it. Published
        weights exist for 0.75 and 1.0 (1.0 only when `minimalistic`). Defaults to `1.0`.
    minimalistic: Whether to use the variant without squeeze-excite, hard-swish and 5x5
        convolutions. Defaults to `False`.
    include_top: Whether to include the classifier at the top. Defaults to `True`.
    weights: `None` (random initialization), `"imagenet"` (pre-training on ImageNet) or the
        path to a weights file. Defaults to `"imagenet"`.
    input_tensor: Optional Keras tensor (output of `layers.Input()`) to use as image input.
    classes: Number of classes, only when `include_top` is `True` and no `weights` are
        loaded. Defaults to `1000`.
    pooling: Pooling for feature extraction when `include_top` is `False`: `None`, `"avg"` or
        `"max"`. Defaults to `None`.
    dropout_rate: Dropout rate before the last classifier layer. Defaults to `0.2`.
    classifier_activation: Activation of the top layer; `None` returns logits. With pretrained
        weights only `None` or `"softmax"`. Defaults to `"softmax"`.
    include_preprocessing: Whether to include the input `Rescaling` layer. Defaults to `True`.
    name: Name of the model. Defaults to `"{name}"`.

Returns:
    A model instance.
"""


def MobileNetV3(
    stack_fn,
    last_point_ch,
    input_shape=None,
    alpha=1.0,
    model_type="large",
    minimalistic=False,
    include_top=True,
    weights="imagenet",
    input_tensor=None,
    classes=1000,
    pooling=None,
    dropout_rate=0.2,
    classifier_activation="softmax",
    include_preprocessing=True,
    name=None,
):
    from torchkeras import layers
    from torchkeras.applications import imagenet_utils
    from torchkeras.models import Functional

    if not base_application.weights_arg_is_valid(weights):
        raise ValueError(
            "The `weights` argument should be either "
            "`None` (random initialization), `imagenet` "
            "(pre-training on ImageNet), "
            "or the path to the weights file to be loaded.  "
            f"Received weights={weights}"
        )
    if weights == "imagenet" and include_top and classes != 1000:
        raise ValueError(
            'If using `weights="imagenet"` with `include_top` '
            "as true, `classes` should be 1000.  "
            f"Received classes={classes}"
        )
    channels_first = backend.image_data_format() == "channels_first"
    if input_shape is not None and input_tensor is not None:
        if not backend.is_keras_tensor(input_tensor):
            raise ValueError("input_tensor specified: ", input_tensor, "is not a keras tensor")
        if channels_first and input_tensor.shape[1] != input_shape[1]:
            raise ValueError(
                "When backend.image_data_format()=channels_first, "
                "input_shape[1] must equal "
                "input_tensor.shape[1].  Received "
                f"input_shape={input_shape}, "
                f"input_tensor.shape={input_tensor.shape}"
            )
        if not channels_first and input_tensor.shape[2] != input_shape[1]:
            raise ValueError(
                "input_shape[1] must equal "
                "input_tensor.shape[2].  Received "
                f"input_shape={input_shape}, "
                f"input_tensor.shape={input_tensor.shape}"
            )
    if input_shape is None and input_tensor is not None and backend.is_keras_tensor(input_tensor):
        # Keras builds the shape as (cols, rows, 3), i.e. transposed; only square inputs
        # occur in practice.
        if channels_first:
            rows, cols = input_tensor.shape[2], input_tensor.shape[3]
            input_shape = (3, cols, rows)
        else:
            rows, cols = input_tensor.shape[1], input_tensor.shape[2]
            input_shape = (cols, rows, 3)
    if input_shape is None and input_tensor is None:
        input_shape = (3, None, None) if channels_first else (None, None, 3)
    rows, cols = input_shape[1:3] if channels_first else input_shape[0:2]
    if rows and cols and (rows < 32 or cols < 32):
        raise ValueError(
            f"Input size must be at least 32x32; Received `input_shape={input_shape}`"
        )
    if weights == "imagenet":
        if (not minimalistic and alpha not in (0.75, 1.0)) or (minimalistic and alpha != 1.0):
            raise ValueError(
                "If imagenet weights are being loaded, "
                "alpha can be one of `0.75`, `1.0` for non minimalistic "
                "or `1.0` for minimalistic only."
            )
        if rows != cols or rows != 224:
            warnings.warn(
                "`input_shape` is undefined or non-square, "
                "or `rows` is not 224. "
                "Weights for input shape (224, 224) will be "
                "loaded as the default.",
                stacklevel=2,
            )

    img_input = base_application.model_input(input_tensor, input_shape)
    axis = base_application.channel_axis()
    if minimalistic:
        kernel, activation, se_ratio = 3, _relu, None
    else:
        kernel, activation, se_ratio = 5, _hard_swish, 0.25

    x = img_input
    if include_preprocessing:
        x = layers.Rescaling(scale=1.0 / 127.5, offset=-1.0)(x)
    x = layers.Conv2D(16, kernel_size=3, strides=(2, 2), padding="same", use_bias=False,
                      name="conv")(x)
    x = layers.BatchNormalization(axis=axis, epsilon=1e-3, momentum=0.999, name="conv_bn")(x)
    x = activation(x)
    x = stack_fn(x, kernel, activation, se_ratio)
    last_conv_ch = _depth(x.shape[axis] * 6)
    if alpha > 1.0:
        last_point_ch = _depth(last_point_ch * alpha)
    x = layers.Conv2D(last_conv_ch, kernel_size=1, padding="same", use_bias=False,
                      name="conv_1")(x)
    x = layers.BatchNormalization(axis=axis, epsilon=1e-3, momentum=0.999, name="conv_1_bn")(x)
    x = activation(x)

    if include_top:
        x = layers.GlobalAveragePooling2D(keepdims=True)(x)
        x = layers.Conv2D(last_point_ch, kernel_size=1, padding="same", use_bias=True,
                          name="conv_2")(x)
        x = activation(x)
        if dropout_rate > 0:
            x = layers.Dropout(dropout_rate)(x)
        x = layers.Conv2D(classes, kernel_size=1, padding="same", name="logits")(x)
        x = layers.Flatten()(x)
        imagenet_utils.validate_activation(classifier_activation, weights)
        x = layers.Activation(activation=classifier_activation, name="predictions")(x)
    elif pooling == "avg":
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    elif pooling == "max":
        x = layers.GlobalMaxPooling2D(name="max_pool")(x)

    inputs = base_application.model_inputs(input_tensor, img_input)
    model = Functional(inputs, x, name=name)

    if weights == "imagenet":
        model_name = "{}{}_224_{}_float".format(
            model_type, "_minimalistic" if minimalistic else "", str(alpha)
        )
        if include_top:
            file_name = f"weights_mobilenet_v3_{model_name}.h5"
            file_hash = WEIGHTS_HASHES[model_name][0]
        else:
            file_name = f"weights_mobilenet_v3_{model_name}_no_top_v2.h5"
            file_hash = WEIGHTS_HASHES[model_name][1]
        base_application.load_imagenet_weights(
            model, file_name, BASE_WEIGHT_PATH + file_name, file_hash,
            context=f"MobileNetV3{model_type.capitalize()}()",
        )
    elif weights is not None:
        model.load_weights(weights)
    return model


def MobileNetV3Small(
    input_shape=None,
    alpha=1.0,
    minimalistic=False,
    include_top=True,
    weights="imagenet",
    input_tensor=None,
    classes=1000,
    pooling=None,
    dropout_rate=0.2,
    classifier_activation="softmax",
    include_preprocessing=True,
    name="MobileNetV3Small",
):
    def stack_fn(x, kernel, activation, se_ratio):
        def depth(d):
            return _depth(d * alpha)

        # (expansion, filters, kernel, stride, se_ratio, activation) per block.
        plan = [
            (1, depth(16), 3, 2, se_ratio, _relu),
            (72.0 / 16, depth(24), 3, 2, None, _relu),
            (88.0 / 24, depth(24), 3, 1, None, _relu),
            (4, depth(40), kernel, 2, se_ratio, activation),
            (6, depth(40), kernel, 1, se_ratio, activation),
            (6, depth(40), kernel, 1, se_ratio, activation),
            (3, depth(48), kernel, 1, se_ratio, activation),
            (3, depth(48), kernel, 1, se_ratio, activation),
            (6, depth(96), kernel, 2, se_ratio, activation),
            (6, depth(96), kernel, 1, se_ratio, activation),
            (6, depth(96), kernel, 1, se_ratio, activation),
        ]
        for block_id, args in enumerate(plan):
            x = _inverted_res_block(x, *args, block_id)
        return x

    return MobileNetV3(
        stack_fn, 1024, input_shape, alpha, "small", minimalistic, include_top, weights,
        input_tensor, classes, pooling, dropout_rate, classifier_activation,
        include_preprocessing, name=name,
    )


def MobileNetV3Large(
    input_shape=None,
    alpha=1.0,
    minimalistic=False,
    include_top=True,
    weights="imagenet",
    input_tensor=None,
    classes=1000,
    pooling=None,
    dropout_rate=0.2,
    classifier_activation="softmax",
    include_preprocessing=True,
    name="MobileNetV3Large",
):
    def stack_fn(x, kernel, activation, se_ratio):
        def depth(d):
            return _depth(d * alpha)

        plan = [
            (1, depth(16), 3, 1, None, _relu),
            (4, depth(24), 3, 2, None, _relu),
            (3, depth(24), 3, 1, None, _relu),
            (3, depth(40), kernel, 2, se_ratio, _relu),
            (3, depth(40), kernel, 1, se_ratio, _relu),
            (3, depth(40), kernel, 1, se_ratio, _relu),
            (6, depth(80), 3, 2, None, activation),
            (2.5, depth(80), 3, 1, None, activation),
            (2.3, depth(80), 3, 1, None, activation),
            (2.3, depth(80), 3, 1, None, activation),
            (6, depth(112), 3, 1, se_ratio, activation),
            (6, depth(112), 3, 1, se_ratio, activation),
            (6, depth(160), kernel, 2, se_ratio, activation),
            (6, depth(160), kernel, 1, se_ratio, activation),
            (6, depth(160), kernel, 1, se_ratio, activation),
        ]
        for block_id, args in enumerate(plan):
            x = _inverted_res_block(x, *args, block_id)
        return x

    return MobileNetV3(
        stack_fn, 1280, input_shape, alpha, "large", minimalistic, include_top, weights,
        input_tensor, classes, pooling, dropout_rate, classifier_activation,
        include_preprocessing, name=name,
    )


MobileNetV3Small.__doc__ = BASE_DOCSTRING.format(name="MobileNetV3Small")
MobileNetV3Large.__doc__ = BASE_DOCSTRING.format(name="MobileNetV3Large")


def _relu(x):
    from torchkeras import layers

    return layers.ReLU()(x)


def _hard_sigmoid(x):
    # Written with operators as Keras does (relu6(x + 3) / 6), so the auto-named ReLU layers
    # (`re_lu_<n>`) and the weights order match the published files.
    from torchkeras import layers

    return layers.ReLU(6.0)(x + 3.0) * (1.0 / 6.0)


def _hard_swish(x):
    from torchkeras import layers

    return layers.Activation("hard_swish")(x)


def _depth(v, divisor=8, min_value=None):
    # Round to the nearest multiple of `divisor`, never more than 10% below `v`.
    if min_value is None:
        min_value = divisor
    new_v = max(min_value, int(v + divisor / 2) // divisor * divisor)
    if new_v < 0.9 * v:
        new_v += divisor
    return new_v


def _se_block(inputs, filters, se_ratio, prefix):
    from torchkeras import layers

    x = layers.GlobalAveragePooling2D(keepdims=True, name=f"{prefix}squeeze_excite_avg_pool")(
        inputs)
    x = layers.Conv2D(_depth(filters * se_ratio), kernel_size=1, padding="same",
                      name=f"{prefix}squeeze_excite_conv")(x)
    x = layers.ReLU(name=f"{prefix}squeeze_excite_relu")(x)
    x = layers.Conv2D(filters, kernel_size=1, padding="same",
                      name=f"{prefix}squeeze_excite_conv_1")(x)
    x = _hard_sigmoid(x)
    return layers.Multiply(name=f"{prefix}squeeze_excite_mul")([inputs, x])


def _inverted_res_block(x, expansion, filters, kernel_size, stride, se_ratio, activation,
                        block_id):
    from torchkeras import layers
    from torchkeras.applications import imagenet_utils

    axis = base_application.channel_axis()
    shortcut = x
    prefix = "expanded_conv_"
    infilters = x.shape[axis]
    if block_id:
        prefix = f"expanded_conv_{block_id}_"
        x = layers.Conv2D(_depth(infilters * expansion), kernel_size=1, padding="same",
                          use_bias=False, name=f"{prefix}expand")(x)
        x = layers.BatchNormalization(axis=axis, epsilon=1e-3, momentum=0.999,
                                      name=f"{prefix}expand_bn")(x)
        x = activation(x)
    if stride == 2:
        x = layers.ZeroPadding2D(padding=imagenet_utils.correct_pad(x, kernel_size),
                                 name=f"{prefix}depthwise_pad")(x)
    x = layers.DepthwiseConv2D(kernel_size, strides=stride,
                               padding="same" if stride == 1 else "valid", use_bias=False,
                               name=f"{prefix}depthwise")(x)
    x = layers.BatchNormalization(axis=axis, epsilon=1e-3, momentum=0.999,
                                  name=f"{prefix}depthwise_bn")(x)
    x = activation(x)
    if se_ratio:
        x = _se_block(x, _depth(infilters * expansion), se_ratio, prefix)
    x = layers.Conv2D(filters, kernel_size=1, padding="same", use_bias=False,
                      name=f"{prefix}project")(x)
    x = layers.BatchNormalization(axis=axis, epsilon=1e-3, momentum=0.999,
                                  name=f"{prefix}project_bn")(x)
    if stride == 1 and infilters == filters:
        x = layers.Add(name=f"{prefix}add")([shortcut, x])
    return x


def preprocess_input(x, data_format=None):
    """A placeholder kept for backward compatibility: returns `x` unchanged.

    The preprocessing (rescaling to `[-1, 1]`) is part of the MobileNetV3 models.

    Args:
        x: A floating point NumPy array or a tensor.
        data_format: Optional data format of the image tensor/array. Unused. Defaults to `None`.

    Returns:
        Unchanged NumPy array or tensor.
    """
    return x


def decode_predictions(preds, top=5):
    """Decodes the prediction of an ImageNet model (see `imagenet_utils.decode_predictions`)."""
    from torchkeras.applications import imagenet_utils

    return imagenet_utils.decode_predictions(preds, top=top)
