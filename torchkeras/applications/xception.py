"""`keras.applications.xception`: the Xception model (Chollet, CVPR 2017)."""

from torchkeras import backend
from torchkeras.applications import base_application
from torchkeras.applications import imagenet_utils

WEIGHTS_PATH = (
    "https://storage.googleapis.com/tensorflow/keras-applications/"
    "xception/xception_weights_tf_dim_ordering_tf_kernels.h5"
)
WEIGHTS_PATH_NO_TOP = (
    "https://storage.googleapis.com/tensorflow/keras-applications/"
    "xception/xception_weights_tf_dim_ordering_tf_kernels_notop.h5"
)


def Xception(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
             pooling=None, classes=1000, classifier_activation="softmax", name="xception"):
    """Instantiates the Xception architecture.

    Reference: [Xception: Deep Learning with Depthwise Separable Convolutions](
    https://arxiv.org/abs/1610.02357) (CVPR 2017). The default input size is 299x299. Inputs
    must be preprocessed with `keras.applications.xception.preprocess_input` (pixels scaled
    between -1 and 1).

    Args:
        include_top: Whether to include the fully-connected layer at the top of the network.
            Defaults to `True`.
        weights: `None` (random initialization), `"imagenet"` (pre-training on ImageNet) or the
            path to a weights file to load. Defaults to `"imagenet"`.
        input_tensor: Optional Keras tensor (output of `layers.Input()`) to use as image input.
        input_shape: Optional shape tuple, only to be specified if `include_top` is `False`
            (otherwise it must be `(299, 299, 3)`). Width and height must be at least 71.
        pooling: Optional pooling mode when `include_top` is `False`: `None`, `"avg"` or `"max"`.
        classes: Number of classes, only with `include_top=True` and no `weights`. Defaults
            to `1000`.
        classifier_activation: A `str` or callable, the activation of the "top" layer; `None`
            returns logits. With pretrained weights only `None` or `"softmax"`. Defaults to
            `"softmax"`.
        name: The name of the model. Defaults to `"xception"`.

    Returns:
        A model instance.
    """
    from torchkeras import layers

    base_application.check_weights_and_classes(
        weights, include_top, classes,
        "The `weights` argument should be either "
        "`None` (random initialization), 'imagenet' "
        "(pre-training on ImageNet), "
        "or the path to the weights file to be loaded.",
        "If using `weights='imagenet'` with `include_top=True`, "
        "`classes` should be 1000.  "
        "Received classes={classes}",
    )
    input_shape = imagenet_utils.obtain_input_shape(
        input_shape, default_size=299, min_size=71, data_format=backend.image_data_format(),
        require_flatten=include_top, weights=weights,
    )
    img_input = base_application.model_input(input_tensor, input_shape)
    axis = 1 if backend.image_data_format() == "channels_first" else -1

    def bn(name=None):
        return layers.BatchNormalization(axis=axis, name=name)

    def sepconv(filters, name):
        return layers.SeparableConv2D(filters, (3, 3), padding="same", use_bias=False, name=name)

    def shortcut(t, filters):
        # The projection shortcuts are unnamed in Keras (conv2d, batch_normalization, ...).
        t = layers.Conv2D(filters, (1, 1), strides=(2, 2), padding="same", use_bias=False)(t)
        return bn()(t)

    def pool(name):
        return layers.MaxPooling2D((3, 3), strides=(2, 2), padding="same", name=name)

    # Entry flow.
    x = layers.Conv2D(32, (3, 3), strides=(2, 2), use_bias=False, name="block1_conv1")(img_input)
    x = bn("block1_conv1_bn")(x)
    x = layers.Activation("relu", name="block1_conv1_act")(x)
    x = layers.Conv2D(64, (3, 3), use_bias=False, name="block1_conv2")(x)
    x = bn("block1_conv2_bn")(x)
    x = layers.Activation("relu", name="block1_conv2_act")(x)

    residual = shortcut(x, 128)
    x = sepconv(128, "block2_sepconv1")(x)
    x = bn("block2_sepconv1_bn")(x)
    x = layers.Activation("relu", name="block2_sepconv2_act")(x)
    x = sepconv(128, "block2_sepconv2")(x)
    x = bn("block2_sepconv2_bn")(x)
    x = pool("block2_pool")(x)
    x = layers.add([x, residual])

    for block, filters in ((3, 256), (4, 728)):
        residual = shortcut(x, filters)
        x = layers.Activation("relu", name=f"block{block}_sepconv1_act")(x)
        x = sepconv(filters, f"block{block}_sepconv1")(x)
        x = bn(f"block{block}_sepconv1_bn")(x)
        x = layers.Activation("relu", name=f"block{block}_sepconv2_act")(x)
        x = sepconv(filters, f"block{block}_sepconv2")(x)
        x = bn(f"block{block}_sepconv2_bn")(x)
        x = pool(f"block{block}_pool")(x)
        x = layers.add([x, residual])

    # Middle flow: 8 identical residual blocks.
    for i in range(8):
        residual = x
        prefix = f"block{i + 5}"
        for j in (1, 2, 3):
            x = layers.Activation("relu", name=f"{prefix}_sepconv{j}_act")(x)
            x = sepconv(728, f"{prefix}_sepconv{j}")(x)
            x = bn(f"{prefix}_sepconv{j}_bn")(x)
        x = layers.add([x, residual])

    # Exit flow.
    residual = shortcut(x, 1024)
    x = layers.Activation("relu", name="block13_sepconv1_act")(x)
    x = sepconv(728, "block13_sepconv1")(x)
    x = bn("block13_sepconv1_bn")(x)
    x = layers.Activation("relu", name="block13_sepconv2_act")(x)
    x = sepconv(1024, "block13_sepconv2")(x)
    x = bn("block13_sepconv2_bn")(x)
    x = pool("block13_pool")(x)
    x = layers.add([x, residual])

    x = sepconv(1536, "block14_sepconv1")(x)
    x = bn("block14_sepconv1_bn")(x)
    x = layers.Activation("relu", name="block14_sepconv1_act")(x)
    x = sepconv(2048, "block14_sepconv2")(x)
    x = bn("block14_sepconv2_bn")(x)
    x = layers.Activation("relu", name="block14_sepconv2_act")(x)

    if include_top:
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
        imagenet_utils.validate_activation(classifier_activation, weights)
        x = layers.Dense(classes, activation=classifier_activation, name="predictions")(x)
    else:
        pool_layer = base_application.pooling_layer(pooling)
        if pool_layer is not None:
            x = pool_layer(x)

    model = base_application.build_model(input_tensor, img_input, x, name)
    if include_top:
        weights_file = (
            "xception_weights_tf_dim_ordering_tf_kernels.h5", WEIGHTS_PATH,
            "0a58e3b7378bc2990ea3b43d5981f1f6",
        )
    else:
        weights_file = (
            "xception_weights_tf_dim_ordering_tf_kernels_notop.h5", WEIGHTS_PATH_NO_TOP,
            "b0042744bf5b25fce3cb969f33bebb97",
        )
    return base_application.load_weights(model, weights, weights_file, context=name)


def preprocess_input(x, data_format=None):
    return imagenet_utils.preprocess_input(x, data_format=data_format, mode="tf")


def decode_predictions(preds, top=5):
    return imagenet_utils.decode_predictions(preds, top=top)


preprocess_input.__doc__ = imagenet_utils.PREPROCESS_INPUT_DOC.format(
    mode="", ret=imagenet_utils.RET_DOC_TF
)
decode_predictions.__doc__ = imagenet_utils.decode_predictions.__doc__
