"""`keras.applications.resnet`: ResNet50/101/152 (He et al., CVPR 2015) and the shared builder.

`ResNet` builds both the original (v1, post-activation) and the v2 (pre-activation) networks;
`keras.applications.resnet_v2` reuses it with `preact=True`.
"""

from torchkeras import backend
from torchkeras.applications import base_application
from torchkeras.applications import imagenet_utils

BASE_WEIGHTS_PATH = "https://storage.googleapis.com/tensorflow/keras-applications/resnet/"
# (with top, without top) md5 hashes of Keras's published weight files.
WEIGHTS_HASHES = {
    "resnet50": ("2cb95161c43110f7111970584f804107", "4d473c1dd8becc155b73f8504c6f6626"),
    "resnet101": ("f1aeb4b969a6efcfb50fad2f0c20cfc5", "88cf7a10940856eca736dc7b7e228a21"),
    "resnet152": ("100835be76be38e30d865e96f2aaae62", "ee4c566cf9a93f14d82f913c2dc6dd0c"),
    "resnet50v2": ("3ef43a0b657b3be2300d5770ece849e0", "fac2f116257151a9d068a22e544a4917"),
    "resnet101v2": ("6343647c601c52e1368623803854d971", "c0ed64b8031c3730f411d2eb4eea35b5"),
    "resnet152v2": ("a49b44d1979771252814e80f8ec446f9", "ed17cf2e0169df9d443503ef94b23b33"),
    "resnext50": ("67a5b30d522ed92f75a1f16eef299d1a", "62527c363bdd9ec598bed41947b379fc"),
    "resnext101": ("34fb605428fcc7aa4d62f44404c11509", "0f678c91647380debd923963594981b3"),
}

_WEIGHTS_MESSAGE = (
    "The `weights` argument should be either "
    "`None` (random initialization), 'imagenet' "
    "(pre-training on ImageNet), "
    "or the path to the weights file to be loaded.  Received: "
    "weights={weights}"
)
_CLASSES_MESSAGE = (
    "If using `weights='imagenet'` with `include_top=True`, "
    "`classes` should be 1000.  "
    "Received classes={classes}"
)
# ResNets use a smaller BatchNormalization epsilon than Keras's default 1e-3.
_BN_EPSILON = 1.001e-5

_MODEL_DOC = """Instantiates the {model} architecture.

    Reference: [{paper}]({url}). The default input size is 224x224. Inputs must be preprocessed
    with `keras.applications.{module}.preprocess_input`.

    Args:
        include_top: Whether to include the fully-connected layer at the top of the network.
            Defaults to `True`.
        weights: `None` (random initialization), `"imagenet"` (pre-training on ImageNet) or the
            path to a weights file to load. Defaults to `"imagenet"`.
        input_tensor: Optional Keras tensor (output of `layers.Input()`) to use as image input.
        input_shape: Optional shape tuple, only to be specified if `include_top` is `False`
            (otherwise it must be `(224, 224, 3)`). It should have exactly 3 input channels.
        pooling: Optional pooling mode when `include_top` is `False`: `None` (4D output of the
            last convolutional block), `"avg"` (global average pooling) or `"max"`.
        classes: Number of classes, only with `include_top=True` and no `weights`. Defaults
            to `1000`.
        classifier_activation: A `str` or callable, the activation of the "top" layer; `None`
            returns logits. With pretrained weights only `None` or `"softmax"`. Defaults to
            `"softmax"`.
        name: The name of the model. Defaults to `"{name}"`.

    Returns:
        A `Model` instance.
    """


def ResNet(stack_fn, preact, use_bias, include_top=True, weights="imagenet", input_tensor=None,
           input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
           name="resnet", weights_name=None):
    """Instantiates the ResNet, ResNetV2 and ResNeXt architectures.

    Args:
        stack_fn: A function that returns the output tensor of the stacked residual blocks.
        preact: Whether to use pre-activation (`True` for ResNetV2).
        use_bias: Whether the stem convolution uses a bias.
        weights_name: Key of `WEIGHTS_HASHES` naming the published weights, if any.
        Other arguments: as `ResNet50`.
    """
    from torchkeras import layers

    base_application.check_weights_and_classes(
        weights, include_top, classes, _WEIGHTS_MESSAGE, _CLASSES_MESSAGE
    )
    input_shape = imagenet_utils.obtain_input_shape(
        input_shape, default_size=224, min_size=32, data_format=backend.image_data_format(),
        require_flatten=include_top, weights=weights,
    )
    img_input = base_application.model_input(input_tensor, input_shape)
    bn_axis = base_application.channel_axis()

    x = layers.ZeroPadding2D(padding=((3, 3), (3, 3)), name="conv1_pad")(img_input)
    x = layers.Conv2D(64, 7, strides=2, use_bias=use_bias, name="conv1_conv")(x)
    if not preact:
        x = layers.BatchNormalization(axis=bn_axis, epsilon=_BN_EPSILON, name="conv1_bn")(x)
        x = layers.Activation("relu", name="conv1_relu")(x)
    x = layers.ZeroPadding2D(padding=((1, 1), (1, 1)), name="pool1_pad")(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool1_pool")(x)
    x = stack_fn(x)
    if preact:
        x = layers.BatchNormalization(axis=bn_axis, epsilon=_BN_EPSILON, name="post_bn")(x)
        x = layers.Activation("relu", name="post_relu")(x)

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
    if weights_name in WEIGHTS_HASHES:
        suffix = "" if include_top else "_notop"
        fname = f"{weights_name}_weights_tf_dim_ordering_tf_kernels{suffix}.h5"
        file_hash = WEIGHTS_HASHES[weights_name][0 if include_top else 1]
        weights_file = (fname, BASE_WEIGHTS_PATH + fname, file_hash)
    return base_application.load_weights(model, weights, weights_file, context=name)


def _bn(name):
    from torchkeras import layers

    return layers.BatchNormalization(
        axis=base_application.channel_axis(), epsilon=_BN_EPSILON, name=name
    )


def residual_block_v1(x, filters, kernel_size=3, stride=1, conv_shortcut=True, name=None):
    """A bottleneck residual block of ResNet v1: 1x1, kxk, 1x1 (x4) convolutions + shortcut."""
    from torchkeras import layers

    if conv_shortcut:
        shortcut = layers.Conv2D(4 * filters, 1, strides=stride, name=f"{name}_0_conv")(x)
        shortcut = _bn(f"{name}_0_bn")(shortcut)
    else:
        shortcut = x
    x = layers.Conv2D(filters, 1, strides=stride, name=f"{name}_1_conv")(x)
    x = _bn(f"{name}_1_bn")(x)
    x = layers.Activation("relu", name=f"{name}_1_relu")(x)
    x = layers.Conv2D(filters, kernel_size, padding="SAME", name=f"{name}_2_conv")(x)
    x = _bn(f"{name}_2_bn")(x)
    x = layers.Activation("relu", name=f"{name}_2_relu")(x)
    x = layers.Conv2D(4 * filters, 1, name=f"{name}_3_conv")(x)
    x = _bn(f"{name}_3_bn")(x)
    x = layers.Add(name=f"{name}_add")([shortcut, x])
    return layers.Activation("relu", name=f"{name}_out")(x)


def stack_residual_blocks_v1(x, filters, blocks, stride1=2, name=None):
    """`blocks` v1 residual blocks; the first one strides by `stride1` and projects."""
    x = residual_block_v1(x, filters, stride=stride1, name=f"{name}_block1")
    for i in range(2, blocks + 1):
        x = residual_block_v1(x, filters, conv_shortcut=False, name=f"{name}_block{i}")
    return x


def residual_block_v2(x, filters, kernel_size=3, stride=1, conv_shortcut=False, name=None):
    """A pre-activation bottleneck block of ResNet v2 (the stride is on the 3x3 convolution)."""
    from torchkeras import layers

    preact = _bn(f"{name}_preact_bn")(x)
    preact = layers.Activation("relu", name=f"{name}_preact_relu")(preact)
    if conv_shortcut:
        shortcut = layers.Conv2D(4 * filters, 1, strides=stride, name=f"{name}_0_conv")(preact)
    else:
        # An unnamed 1x1 max pooling subsamples the identity shortcut, as in Keras.
        shortcut = layers.MaxPooling2D(1, strides=stride)(x) if stride > 1 else x
    x = layers.Conv2D(filters, 1, strides=1, use_bias=False, name=f"{name}_1_conv")(preact)
    x = _bn(f"{name}_1_bn")(x)
    x = layers.Activation("relu", name=f"{name}_1_relu")(x)
    x = layers.ZeroPadding2D(padding=((1, 1), (1, 1)), name=f"{name}_2_pad")(x)
    x = layers.Conv2D(
        filters, kernel_size, strides=stride, use_bias=False, name=f"{name}_2_conv"
    )(x)
    x = _bn(f"{name}_2_bn")(x)
    x = layers.Activation("relu", name=f"{name}_2_relu")(x)
    x = layers.Conv2D(4 * filters, 1, name=f"{name}_3_conv")(x)
    return layers.Add(name=f"{name}_out")([shortcut, x])


def stack_residual_blocks_v2(x, filters, blocks, stride1=2, name=None):
    """`blocks` v2 residual blocks; the last one strides by `stride1`."""
    x = residual_block_v2(x, filters, conv_shortcut=True, name=f"{name}_block1")
    for i in range(2, blocks):
        x = residual_block_v2(x, filters, name=f"{name}_block{i}")
    return residual_block_v2(x, filters, stride=stride1, name=f"{name}_block{blocks}")


def _v1_stack(depths):
    def stack_fn(x):
        x = stack_residual_blocks_v1(x, 64, depths[0], stride1=1, name="conv2")
        x = stack_residual_blocks_v1(x, 128, depths[1], name="conv3")
        x = stack_residual_blocks_v1(x, 256, depths[2], name="conv4")
        return stack_residual_blocks_v1(x, 512, depths[3], name="conv5")

    return stack_fn


def ResNet50(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
             pooling=None, classes=1000, classifier_activation="softmax", name="resnet50"):
    return ResNet(
        _v1_stack((3, 4, 6, 3)), preact=False, use_bias=True, weights_name="resnet50", name=name,
        include_top=include_top, weights=weights, input_tensor=input_tensor,
        input_shape=input_shape, pooling=pooling, classes=classes,
        classifier_activation=classifier_activation,
    )


def ResNet101(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
              pooling=None, classes=1000, classifier_activation="softmax", name="resnet101"):
    return ResNet(
        _v1_stack((3, 4, 23, 3)), preact=False, use_bias=True, weights_name="resnet101",
        name=name, include_top=include_top, weights=weights, input_tensor=input_tensor,
        input_shape=input_shape, pooling=pooling, classes=classes,
        classifier_activation=classifier_activation,
    )


def ResNet152(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
              pooling=None, classes=1000, classifier_activation="softmax", name="resnet152"):
    return ResNet(
        _v1_stack((3, 8, 36, 3)), preact=False, use_bias=True, weights_name="resnet152",
        name=name, include_top=include_top, weights=weights, input_tensor=input_tensor,
        input_shape=input_shape, pooling=pooling, classes=classes,
        classifier_activation=classifier_activation,
    )


_PAPER = ("Deep Residual Learning for Image Recognition", "https://arxiv.org/abs/1512.03385")
for _fn, _name in ((ResNet50, "resnet50"), (ResNet101, "resnet101"), (ResNet152, "resnet152")):
    _fn.__doc__ = _MODEL_DOC.format(
        model=_fn.__name__, paper=_PAPER[0], url=_PAPER[1], module="resnet", name=_name
    )


def preprocess_input(x, data_format=None):
    return imagenet_utils.preprocess_input(x, data_format=data_format, mode="caffe")


def decode_predictions(preds, top=5):
    return imagenet_utils.decode_predictions(preds, top=top)


preprocess_input.__doc__ = imagenet_utils.PREPROCESS_INPUT_DOC.format(
    mode="", ret=imagenet_utils.RET_DOC_CAFFE
)
decode_predictions.__doc__ = imagenet_utils.decode_predictions.__doc__
