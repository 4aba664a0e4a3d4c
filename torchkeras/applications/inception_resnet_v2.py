"""`keras.applications.inception_resnet_v2`: Inception-ResNet-v2 (Szegedy et al., AAAI 2017)."""

from torchkeras import backend
from torchkeras.applications import base_application
from torchkeras.applications import imagenet_utils
from torchkeras.layers.layer import Layer
from torchkeras.saving.object_registry import get_custom_objects

BASE_WEIGHT_URL = (
    "https://storage.googleapis.com/tensorflow/keras-applications/inception_resnet_v2/"
)


def InceptionResNetV2(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
                      pooling=None, classes=1000, classifier_activation="softmax",
                      name="inception_resnet_v2"):
    """Instantiates the Inception-ResNet v2 architecture.

    Reference: [Inception-v4, Inception-ResNet and the Impact of Residual Connections on
    Learning](https://arxiv.org/abs/1602.07261) (AAAI 2017). The default input size is 299x299.
    Inputs must be preprocessed with `keras.applications.inception_resnet_v2.preprocess_input`
    (pixels scaled between -1 and 1).

    Args:
        include_top: Whether to include the fully-connected layer at the top of the network.
            Defaults to `True`.
        weights: `None` (random initialization), `"imagenet"` (pre-training on ImageNet) or the
            path to a weights file to load. Defaults to `"imagenet"`.
        input_tensor: Optional Keras tensor (output of `layers.Input()`) to use as image input.
        input_shape: Optional shape tuple, only to be specified if `include_top` is `False`
            (otherwise it must be `(299, 299, 3)`). Width and height must be at least 75.
        pooling: Optional pooling mode when `include_top` is `False`: `None`, `"avg"` or `"max"`.
        classes: Number of classes, only with `include_top=True` and no `weights`. Defaults
            to `1000`.
        classifier_activation: A `str` or callable, the activation of the "top" layer; `None`
            returns logits. With pretrained weights only `None` or `"softmax"`. Defaults to
            `"softmax"`.
        name: The name of the model. Defaults to `"inception_resnet_v2"`.

    Returns:
        A model instance.
    """
    from torchkeras import layers

    base_application.check_weights_and_classes(
        weights, include_top, classes,
        "The `weights` argument should be either "
        "`None` (random initialization), `imagenet` "
        "(pre-training on ImageNet), "
        "or the path to the weights file to be loaded.",
        'If using `weights="imagenet"` with `include_top=True`, '
        "`classes` should be 1000. "
        "Received classes={classes}",
    )
    input_shape = imagenet_utils.obtain_input_shape(
        input_shape, default_size=299, min_size=75, data_format=backend.image_data_format(),
        require_flatten=include_top, weights=weights,
    )
    img_input = base_application.model_input(input_tensor, input_shape)
    axis = base_application.channel_axis()

    # Stem.
    x = conv2d_bn(img_input, 32, 3, strides=2, padding="valid")
    x = conv2d_bn(x, 32, 3, padding="valid")
    x = conv2d_bn(x, 64, 3)
    x = layers.MaxPooling2D(3, strides=2)(x)
    x = conv2d_bn(x, 80, 1, padding="valid")
    x = conv2d_bn(x, 192, 3, padding="valid")
    x = layers.MaxPooling2D(3, strides=2)(x)

    # Mixed 5b (Inception-A): 35 x 35 x 320.
    branch_0 = conv2d_bn(x, 96, 1)
    branch_1 = conv2d_bn(x, 48, 1)
    branch_1 = conv2d_bn(branch_1, 64, 5)
    branch_2 = conv2d_bn(x, 64, 1)
    branch_2 = conv2d_bn(branch_2, 96, 3)
    branch_2 = conv2d_bn(branch_2, 96, 3)
    branch_pool = layers.AveragePooling2D(3, strides=1, padding="same")(x)
    branch_pool = conv2d_bn(branch_pool, 64, 1)
    x = layers.Concatenate(axis=axis, name="mixed_5b")([branch_0, branch_1, branch_2, branch_pool])

    # 10x block35 (Inception-ResNet-A): 35 x 35 x 320.
    for block_idx in range(1, 11):
        x = inception_resnet_block(x, scale=0.17, block_type="block35", block_idx=block_idx)

    # Mixed 6a (Reduction-A): 17 x 17 x 1088.
    branch_0 = conv2d_bn(x, 384, 3, strides=2, padding="valid")
    branch_1 = conv2d_bn(x, 256, 1)
    branch_1 = conv2d_bn(branch_1, 256, 3)
    branch_1 = conv2d_bn(branch_1, 384, 3, strides=2, padding="valid")
    branch_pool = layers.MaxPooling2D(3, strides=2, padding="valid")(x)
    x = layers.Concatenate(axis=axis, name="mixed_6a")([branch_0, branch_1, branch_pool])

    # 20x block17 (Inception-ResNet-B): 17 x 17 x 1088.
    for block_idx in range(1, 21):
        x = inception_resnet_block(x, scale=0.1, block_type="block17", block_idx=block_idx)

    # Mixed 7a (Reduction-B): 8 x 8 x 2080.
    branch_0 = conv2d_bn(x, 256, 1)
    branch_0 = conv2d_bn(branch_0, 384, 3, strides=2, padding="valid")
    branch_1 = conv2d_bn(x, 256, 1)
    branch_1 = conv2d_bn(branch_1, 288, 3, strides=2, padding="valid")
    branch_2 = conv2d_bn(x, 256, 1)
    branch_2 = conv2d_bn(branch_2, 288, 3)
    branch_2 = conv2d_bn(branch_2, 320, 3, strides=2, padding="valid")
    branch_pool = layers.MaxPooling2D(3, strides=2, padding="valid")(x)
    x = layers.Concatenate(axis=axis, name="mixed_7a")([branch_0, branch_1, branch_2, branch_pool])

    # 10x block8 (Inception-ResNet-C): 8 x 8 x 2080; the last one without activation.
    for block_idx in range(1, 10):
        x = inception_resnet_block(x, scale=0.2, block_type="block8", block_idx=block_idx)
    x = inception_resnet_block(x, scale=1.0, activation=None, block_type="block8", block_idx=10)

    # Final convolution block: 8 x 8 x 1536.
    x = conv2d_bn(x, 1536, 1, name="conv_7b")

    if include_top:
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
        imagenet_utils.validate_activation(classifier_activation, weights)
        x = layers.Dense(classes, activation=classifier_activation, name="predictions")(x)
    else:
        pool = base_application.pooling_layer(pooling)
        if pool is not None:
            x = pool(x)

    model = base_application.build_model(input_tensor, img_input, x, name)
    if include_top:
        fname = "inception_resnet_v2_weights_tf_dim_ordering_tf_kernels.h5"
        file_hash = "e693bd0210a403b3192acc6073ad2e96"
    else:
        fname = "inception_resnet_v2_weights_tf_dim_ordering_tf_kernels_notop.h5"
        file_hash = "d19885ff4a710c122648d3b5c3b684e4"
    return base_application.load_weights(
        model, weights, (fname, BASE_WEIGHT_URL + fname, file_hash), context=name
    )


def conv2d_bn(x, filters, kernel_size, strides=1, padding="same", activation="relu",
              use_bias=False, name=None):
    """Conv2D, then BatchNormalization (no scale) unless `use_bias`, then the activation.

    Args:
        x: Input tensor.
        filters: Filters of the convolution.
        kernel_size: Kernel size of the convolution.
        strides: Strides of the convolution. Defaults to `1`.
        padding: Padding mode of the convolution. Defaults to `"same"`.
        activation: Activation after the normalization, or `None`. Defaults to `"relu"`.
        use_bias: Whether the convolution has a bias (then no normalization follows). Defaults
            to `False`.
        name: Name of the convolution; the others get `_bn`/`_ac` suffixes. Defaults to `None`.
    """
    from torchkeras import layers

    x = layers.Conv2D(
        filters, kernel_size, strides=strides, padding=padding, use_bias=use_bias, name=name
    )(x)
    if not use_bias:
        bn_name = None if name is None else f"{name}_bn"
        x = layers.BatchNormalization(
            axis=base_application.channel_axis(), scale=False, name=bn_name
        )(x)
    if activation is not None:
        ac_name = None if name is None else f"{name}_ac"
        x = layers.Activation(activation, name=ac_name)(x)
    return x


class CustomScaleLayer(Layer):
    """Returns `inputs[0] + inputs[1] * scale`: the scaled residual connection.

    Args:
        scale: Float, the factor of the residual branch.
    """

    def __init__(self, scale, **kwargs):
        super().__init__(**kwargs)
        self.scale = scale

    def call(self, inputs):
        return inputs[0] + inputs[1] * self.scale

    def compute_output_shape(self, input_shape):
        return input_shape[0]

    def get_config(self):
        config = super().get_config()
        config.update({"scale": self.scale})
        return config


# Keras finds this class again from the module named in a saved config; torchkeras's deserializer
# resolves names only, so the class is made known by name (with no registered name, as in Keras).
get_custom_objects().setdefault("CustomScaleLayer", CustomScaleLayer)


def inception_resnet_block(x, scale, block_type, block_idx, activation="relu"):
    """An Inception-ResNet block: branches, a 1x1 projection, `x + scale * projection`.

    Args:
        x: Input tensor.
        scale: Scaling factor of the residual branch.
        block_type: `"block35"`, `"block17"` or `"block8"`.
        block_idx: Index of the block, used in the layer names.
        activation: Activation at the end of the block, or `None`. Defaults to `"relu"`.
    """
    from torchkeras import layers

    if block_type == "block35":
        branch_0 = conv2d_bn(x, 32, 1)
        branch_1 = conv2d_bn(x, 32, 1)
        branch_1 = conv2d_bn(branch_1, 32, 3)
        branch_2 = conv2d_bn(x, 32, 1)
        branch_2 = conv2d_bn(branch_2, 48, 3)
        branch_2 = conv2d_bn(branch_2, 64, 3)
        branches = [branch_0, branch_1, branch_2]
    elif block_type == "block17":
        branch_0 = conv2d_bn(x, 192, 1)
        branch_1 = conv2d_bn(x, 128, 1)
        branch_1 = conv2d_bn(branch_1, 160, [1, 7])
        branch_1 = conv2d_bn(branch_1, 192, [7, 1])
        branches = [branch_0, branch_1]
    elif block_type == "block8":
        branch_0 = conv2d_bn(x, 192, 1)
        branch_1 = conv2d_bn(x, 192, 1)
        branch_1 = conv2d_bn(branch_1, 224, [1, 3])
        branch_1 = conv2d_bn(branch_1, 256, [3, 1])
        branches = [branch_0, branch_1]
    else:
        raise ValueError(
            "Unknown Inception-ResNet block type. "
            'Expects "block35", "block17" or "block8", '
            f"but got: {block_type}"
        )
    block_name = f"{block_type}_{block_idx}"
    axis = base_application.channel_axis()
    mixed = layers.Concatenate(axis=axis, name=f"{block_name}_mixed")(branches)
    up = conv2d_bn(
        mixed, x.shape[axis], 1, activation=None, use_bias=True, name=f"{block_name}_conv"
    )
    x = CustomScaleLayer(scale)([x, up])
    if activation is not None:
        x = layers.Activation(activation, name=f"{block_name}_ac")(x)
    return x


def preprocess_input(x, data_format=None):
    return imagenet_utils.preprocess_input(x, data_format=data_format, mode="tf")


def decode_predictions(preds, top=5):
    return imagenet_utils.decode_predictions(preds, top=top)


preprocess_input.__doc__ = imagenet_utils.PREPROCESS_INPUT_DOC.format(
    mode="", ret=imagenet_utils.RET_DOC_TF
)
decode_predictions.__doc__ = imagenet_utils.decode_predictions.__doc__
