"""`keras.applications.densenet`: DenseNet121/169/201 (Huang et al., CVPR 2017)."""

from torchkeras import backend
from torchkeras.applications import base_application
from torchkeras.applications import imagenet_utils

BASE_WEIGHTS_PATH = "https://storage.googleapis.com/tensorflow/keras-applications/densenet/"
# blocks -> (weights file stem, hash with top, hash without top).
_WEIGHTS = {
    (6, 12, 24, 16): (
        "densenet121", "9d60b8095a5708f2dcce2bca79d332c7", "30ee3e1110167f948a6b9946edeeb738"
    ),
    (6, 12, 32, 32): (
        "densenet169", "d699b8f76981ab1b30698df4c175e90b", "b8c4d4c20dd625c148057b9ff1c1176b"
    ),
    (6, 12, 48, 32): (
        "densenet201", "1ceb130c1ea1b78c3bf6114dbdfd8807", "c13680b51ded0fb44dff2d8f86ac8bb1"
    ),
}
_BN_EPSILON = 1.001e-5

_MODEL_DOC = """Instantiates the {model} architecture.

    Reference: [Densely Connected Convolutional Networks](https://arxiv.org/abs/1608.06993)
    (CVPR 2017). The default input size is 224x224. Inputs must be preprocessed with
    `keras.applications.densenet.preprocess_input` (pixels scaled to [0, 1], then each channel
    normalized with respect to ImageNet). Only the `channels_last` data format is supported.

    Args:
        include_top: Whether to include the fully-connected layer at the top of the network.
            Defaults to `True`.
        weights: `None` (random initialization), `"imagenet"` (pre-training on ImageNet) or the
            path to a weights file to load. Defaults to `"imagenet"`.
        input_tensor: Optional Keras tensor (output of `layers.Input()`) to use as image input.
        input_shape: Optional shape tuple, only to be specified if `include_top` is `False`
            (otherwise it must be `(224, 224, 3)`). Width and height must be at least 32.
        pooling: Optional pooling mode when `include_top` is `False`: `None`, `"avg"` or `"max"`.
        classes: Number of classes, only with `include_top=True` and no `weights`. Defaults
            to `1000`.
        classifier_activation: A `str` or callable, the activation of the "top" layer; `None`
            returns logits. With pretrained weights only `None` or `"softmax"`. Defaults to
            `"softmax"`.
        name: The name of the model. Defaults to `"{name}"`.

    Returns:
        A Keras model instance.
    """


def _bn(name):
    from torchkeras import layers

    return layers.BatchNormalization(
        axis=base_application.channel_axis(), epsilon=_BN_EPSILON, name=name
    )


def dense_block(x, blocks, name):
    """`blocks` convolution blocks, each concatenating 32 new channels."""
    for i in range(blocks):
        x = conv_block(x, 32, name=f"{name}_block{i + 1}")
    return x


def transition_block(x, reduction, name):
    """BN-ReLU, a 1x1 convolution reducing the channels by `reduction`, 2x2 average pooling."""
    from torchkeras import layers

    bn_axis = base_application.channel_axis()
    x = _bn(f"{name}_bn")(x)
    x = layers.Activation("relu", name=f"{name}_relu")(x)
    x = layers.Conv2D(
        int(x.shape[bn_axis] * reduction), 1, use_bias=False, name=f"{name}_conv"
    )(x)
    return layers.AveragePooling2D(2, strides=2, name=f"{name}_pool")(x)


def conv_block(x, growth_rate, name):
    """BN-ReLU-1x1 conv (4 * growth_rate), BN-ReLU-3x3 conv (growth_rate), concatenated to x."""
    from torchkeras import layers

    x1 = _bn(f"{name}_0_bn")(x)
    x1 = layers.Activation("relu", name=f"{name}_0_relu")(x1)
    x1 = layers.Conv2D(4 * growth_rate, 1, use_bias=False, name=f"{name}_1_conv")(x1)
    x1 = _bn(f"{name}_1_bn")(x1)
    x1 = layers.Activation("relu", name=f"{name}_1_relu")(x1)
    x1 = layers.Conv2D(
        growth_rate, 3, padding="same", use_bias=False, name=f"{name}_2_conv"
    )(x1)
    return layers.Concatenate(axis=base_application.channel_axis(), name=f"{name}_concat")(
        [x, x1]
    )


def DenseNet(blocks, include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
             pooling=None, classes=1000, classifier_activation="softmax", name="densenet"):
    """Instantiates the DenseNet architecture with `blocks` conv blocks in its 4 dense blocks."""
    from torchkeras import layers

    if backend.image_data_format() == "channels_first":
        raise ValueError(
            "DenseNet does not support the `channels_first` image data "
            "format. Switch to `channels_last` by editing your local "
            "config file at ~/.keras/keras.json"
        )
    base_application.check_weights_and_classes(
        weights, include_top, classes,
        "The `weights` argument should be either "
        "`None` (random initialization), `imagenet` "
        "(pre-training on ImageNet), "
        "or the path to the weights file to be loaded.",
        'If using `weights` as `"imagenet"` with `include_top`'
        " as true, `classes` should be 1000",
    )
    input_shape = imagenet_utils.obtain_input_shape(
        input_shape, default_size=224, min_size=32, data_format=backend.image_data_format(),
        require_flatten=include_top, weights=weights,
    )
    img_input = base_application.model_input(input_tensor, input_shape)

    # The two paddings are unnamed in Keras (auto names `zero_padding2d`, `zero_padding2d_1`).
    x = layers.ZeroPadding2D(padding=((3, 3), (3, 3)))(img_input)
    x = layers.Conv2D(64, 7, strides=2, use_bias=False, name="conv1_conv")(x)
    x = _bn("conv1_bn")(x)
    x = layers.Activation("relu", name="conv1_relu")(x)
    x = layers.ZeroPadding2D(padding=((1, 1), (1, 1)))(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool1")(x)
    for i, count in enumerate(blocks):
        x = dense_block(x, count, name=f"conv{i + 2}")
        if i < len(blocks) - 1:
            x = transition_block(x, 0.5, name=f"pool{i + 2}")
    x = _bn("bn")(x)
    x = layers.Activation("relu", name="relu")(x)

    if include_top:
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
        imagenet_utils.validate_activation(classifier_activation, weights)
        x = layers.Dense(classes, activation=classifier_activation, name="predictions")(x)
    else:
        pool = base_application.pooling_layer(pooling, "avg_pool", "max_pool")
        if pool is not None:
            x = pool(x)

    model = base_application.build_model(input_tensor, img_input, x, name)
    weights_file = None
    if weights == "imagenet":
        if tuple(blocks) not in _WEIGHTS:
            raise ValueError("weights_path undefined")
        stem, hash_top, hash_notop = _WEIGHTS[tuple(blocks)]
        suffix = "" if include_top else "_notop"
        fname = f"{stem}_weights_tf_dim_ordering_tf_kernels{suffix}.h5"
        weights_file = (fname, BASE_WEIGHTS_PATH + fname, hash_top if include_top else hash_notop)
    return base_application.load_weights(model, weights, weights_file, context=name)


def DenseNet121(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
                pooling=None, classes=1000, classifier_activation="softmax", name="densenet121"):
    return DenseNet(
        [6, 12, 24, 16], include_top, weights, input_tensor, input_shape, pooling, classes,
        classifier_activation, name=name,
    )


def DenseNet169(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
                pooling=None, classes=1000, classifier_activation="softmax", name="densenet169"):
    return DenseNet(
        [6, 12, 32, 32], include_top, weights, input_tensor, input_shape, pooling, classes,
        classifier_activation, name=name,
    )


def DenseNet201(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
                pooling=None, classes=1000, classifier_activation="softmax", name="densenet201"):
    return DenseNet(
        [6, 12, 48, 32], include_top, weights, input_tensor, input_shape, pooling, classes,
        classifier_activation, name=name,
    )


for _fn, _name in (
    (DenseNet121, "densenet121"), (DenseNet169, "densenet169"), (DenseNet201, "densenet201")
):
    _fn.__doc__ = _MODEL_DOC.format(model=_fn.__name__, name=_name)


def preprocess_input(x, data_format=None):
    return imagenet_utils.preprocess_input(x, data_format=data_format, mode="torch")


def decode_predictions(preds, top=5):
    return imagenet_utils.decode_predictions(preds, top=top)


preprocess_input.__doc__ = imagenet_utils.PREPROCESS_INPUT_DOC.format(
    mode="", ret=imagenet_utils.RET_DOC_TORCH
)
decode_predictions.__doc__ = imagenet_utils.decode_predictions.__doc__
