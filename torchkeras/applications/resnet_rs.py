"""`tf.keras.applications.resnet_rs`: ResNet-RS50 ... ResNet-RS420 (Bello et al., 2021).

A tf.keras 2 family (Keras 3 dropped it). Layer names, weight shapes and the published weight
files follow `tf_keras` 2.21, and so does the functional layer order: the published `.h5` files
load by topology, as in tf.keras (layer names such as `stem_1` depend on a session counter).
"""


import sys

from torchkeras import backend
from torchkeras.applications import base_application
from torchkeras.applications import imagenet_utils
from torchkeras.backend import global_state

BASE_WEIGHTS_URL = "https://storage.googleapis.com/tensorflow/keras-applications/resnet_rs/"
WEIGHT_HASHES = {
    "resnet-rs-101-i160.h5": "544b3434d00efc199d66e9058c7f3379",
    "resnet-rs-101-i160_notop.h5": "82d5b90c5ce9d710da639d6216d0f979",
    "resnet-rs-101-i192.h5": "eb285be29ab42cf4835ff20a5e3b5d23",
    "resnet-rs-101-i192_notop.h5": "f9a0f6b85faa9c3db2b6e233c4eebb5b",
    "resnet-rs-152-i192.h5": "8d72a301ed8a6f11a47c4ced4396e338",
    "resnet-rs-152-i192_notop.h5": "5fbf7ac2155cb4d5a6180ee9e3aa8704",
    "resnet-rs-152-i224.h5": "31a46a92ab21b84193d0d71dd8c3d03b",
    "resnet-rs-152-i224_notop.h5": "dc8b2cba2005552eafa3167f00dc2133",
    "resnet-rs-152-i256.h5": "ba6271b99bdeb4e7a9b15c05964ef4ad",
    "resnet-rs-152-i256_notop.h5": "fa79794252dbe47c89130f65349d654a",
    "resnet-rs-200-i256.h5": "a76930b741884e09ce90fa7450747d5f",
    "resnet-rs-200-i256_notop.h5": "bbdb3994718dfc0d1cd45d7eff3f3d9c",
    "resnet-rs-270-i256.h5": "20d575825ba26176b03cb51012a367a8",
    "resnet-rs-270-i256_notop.h5": "2c42ecb22e35f3e23d2f70babce0a2aa",
    "resnet-rs-350-i256.h5": "f4a039dc3c421321b7fc240494574a68",
    "resnet-rs-350-i256_notop.h5": "6e44b55025bbdff8f51692a023143d66",
    "resnet-rs-350-i320.h5": "7ccb858cc738305e8ceb3c0140bee393",
    "resnet-rs-350-i320_notop.h5": "ab0c1f9079d2f85a9facbd2c88aa6079",
    "resnet-rs-420-i320.h5": "ae0eb9bed39e64fc8d7e0db4018dc7e8",
    "resnet-rs-420-i320_notop.h5": "fe6217c32be8305b1889657172b98884",
    "resnet-rs-50-i160.h5": "69d9d925319f00a8bdd4af23c04e4102",
    "resnet-rs-50-i160_notop.h5": "90daa68cd26c95aa6c5d25451e095529",
}
# The input sizes each depth was trained at (weights "imagenet-i<size>"; the largest by default).
DEPTH_TO_WEIGHT_VARIANTS = {
    50: [160], 101: [160, 192], 152: [192, 224, 256], 200: [256], 270: [256], 350: [256, 320],
    420: [320],
}
# Bottleneck filters of the 4 block groups are 64, 128, 256, 512; the repeats vary with depth.
_REPEATS = {
    50: (3, 4, 6, 3), 101: (3, 4, 23, 3), 152: (3, 8, 36, 3), 200: (3, 24, 36, 3),
    270: (4, 29, 53, 4), 350: (4, 36, 72, 4), 420: (4, 44, 87, 4),
}
BLOCK_ARGS = {
    depth: [
        {"input_filters": filters, "num_repeats": repeats}
        for filters, repeats in zip((64, 128, 256, 512), counts)
    ]
    for depth, counts in _REPEATS.items()
}
CONV_KERNEL_INITIALIZER = {
    "class_name": "VarianceScaling",
    "config": {"scale": 2.0, "mode": "fan_out", "distribution": "truncated_normal"},
}

BASE_DOCSTRING = """Instantiates the {name} architecture.

    Reference: [Revisiting ResNets: Improved Training and Scaling Strategies](
    https://arxiv.org/pdf/2103.07579.pdf). By default the input preprocessing is part of the
    model (`Rescaling` and `Normalization` layers), so the model takes pixels in [0, 255] and
    `resnet_rs.preprocess_input` is a pass-through. With `include_preprocessing=False` the model
    expects inputs in [-1, 1].

    Args:
        include_top: Whether to include the fully-connected layer at the top of the network.
            Defaults to `True`.
        weights: `None` (random initialization), `"imagenet"` (pre-training on ImageNet at the
            largest available input size), `"imagenet-i<size>"` for another published size,
            or the path to a weights file. Defaults to `"imagenet"`.
        classes: Number of classes, only with `include_top=True` and no `weights`. Defaults
            to `1000`.
        input_shape: Optional shape tuple with 3 channels; width and height at least 32.
        input_tensor: Optional Keras tensor (output of `layers.Input()`) to use as image input.
        pooling: Optional pooling mode when `include_top` is `False`: `None`, `"avg"` or `"max"`.
        classifier_activation: A `str` or callable, the activation of the "top" layer; `None`
            returns logits. Defaults to `"softmax"`.
        include_preprocessing: Whether to include the `Rescaling`/`Normalization` input layers.
            Defaults to `True`.

    Returns:
        A `keras.Model` instance.
    """


def _bn(bn_momentum, bn_epsilon, name):
    from torchkeras import layers

    return layers.BatchNormalization(
        axis=base_application.channel_axis(), momentum=bn_momentum, epsilon=bn_epsilon,
        name=name,
    )


def fixed_padding(inputs, kernel_size):
    """Pads `kernel_size - 1` pixels, split as evenly as possible (the extra one at the end)."""
    from torchkeras import layers

    pad_total = kernel_size - 1
    pad_beg = pad_total // 2
    pad_end = pad_total - pad_beg
    return layers.ZeroPadding2D(padding=((pad_beg, pad_end), (pad_beg, pad_end)))(inputs)


def Conv2DFixedPadding(filters, kernel_size, strides, name=None):
    """A bias-free Conv2D; strided ones pad explicitly (`fixed_padding`) then use "valid"."""
    from torchkeras import layers

    if name is None:
        name = f"conv_{global_state.get_uid('conv_')}"

    def apply(inputs):
        if strides > 1:
            inputs = fixed_padding(inputs, kernel_size)
        return layers.Conv2D(
            filters=filters, kernel_size=kernel_size, strides=strides,
            padding="same" if strides == 1 else "valid", use_bias=False,
            kernel_initializer=CONV_KERNEL_INITIALIZER, name=name,
        )(inputs)

    return apply


def STEM(bn_momentum=0.0, bn_epsilon=1e-5, activation="relu", name=None):
    """The ResNet-D stem: four 3x3 convolutions (strides 2, 1, 1, 2) with BN and activation."""
    from torchkeras import layers

    if name is None:
        name = f"stem_{global_state.get_uid('stem_')}"

    def apply(inputs):
        x = inputs
        for i, (filters, strides) in enumerate(((32, 2), (32, 1), (64, 1), (64, 2)), 1):
            x = Conv2DFixedPadding(
                filters=filters, kernel_size=3, strides=strides, name=f"{name}_stem_conv_{i}"
            )(x)
            x = _bn(bn_momentum, bn_epsilon, f"{name}_stem_batch_norm_{i}")(x)
            x = layers.Activation(activation, name=f"{name}_stem_act_{i}")(x)
        return x

    return apply


def SE(in_filters, se_ratio=0.25, expand_ratio=1, name=None):
    """Squeeze-and-excitation: channel gates from the globally pooled features."""
    from torchkeras import layers

    channels_first = backend.image_data_format() == "channels_first"
    if name is None:
        name = f"se_{global_state.get_uid('se_')}"

    def apply(inputs):
        x = layers.GlobalAveragePooling2D(name=name + "_se_squeeze")(inputs)
        se_shape = (x.shape[-1], 1, 1) if channels_first else (1, 1, x.shape[-1])
        x = layers.Reshape(se_shape, name=name + "_se_reshape")(x)
        num_reduced_filters = max(1, int(in_filters * 4 * se_ratio))
        x = layers.Conv2D(
            filters=num_reduced_filters, kernel_size=[1, 1], strides=[1, 1],
            kernel_initializer=CONV_KERNEL_INITIALIZER, padding="same", use_bias=True,
            activation="relu", name=name + "_se_reduce",
        )(x)
        x = layers.Conv2D(
            filters=4 * in_filters * expand_ratio, kernel_size=[1, 1], strides=[1, 1],
            kernel_initializer=CONV_KERNEL_INITIALIZER, padding="same", use_bias=True,
            activation="sigmoid", name=name + "_se_expand",
        )(x)
        return layers.multiply([inputs, x], name=name + "_se_excite")

    return apply


def BottleneckBlock(filters, strides, use_projection, bn_momentum=0.0, bn_epsilon=1e-5,
                    activation="relu", se_ratio=0.25, survival_probability=0.8, name=None):
    """A bottleneck block with squeeze-and-excitation and an average-pooled projection."""
    from torchkeras import layers

    if name is None:
        name = f"block_0_{global_state.get_uid('block_0_')}"

    def apply(inputs):
        shortcut = inputs
        if use_projection:
            filters_out = filters * 4
            if strides == 2:
                shortcut = layers.AveragePooling2D(
                    pool_size=(2, 2), strides=(2, 2), padding="same",
                    name=name + "_projection_pooling",
                )(inputs)
                shortcut = Conv2DFixedPadding(
                    filters=filters_out, kernel_size=1, strides=1,
                    name=name + "_projection_conv",
                )(shortcut)
            else:
                shortcut = Conv2DFixedPadding(
                    filters=filters_out, kernel_size=1, strides=strides,
                    name=name + "_projection_conv",
                )(inputs)
            shortcut = _bn(bn_momentum, bn_epsilon, name + "_projection_batch_norm")(shortcut)
        x = Conv2DFixedPadding(filters=filters, kernel_size=1, strides=1, name=name + "_conv_1")(
            inputs
        )
        # "batch_norm_1" without a separating underscore: tf.keras's (and the files') name.
        x = _bn(bn_momentum, bn_epsilon, name + "batch_norm_1")(x)
        x = layers.Activation(activation, name=name + "_act_1")(x)
        x = Conv2DFixedPadding(
            filters=filters, kernel_size=3, strides=strides, name=name + "_conv_2"
        )(x)
        x = _bn(bn_momentum, bn_epsilon, name + "_batch_norm_2")(x)
        x = layers.Activation(activation, name=name + "_act_2")(x)
        x = Conv2DFixedPadding(
            filters=filters * 4, kernel_size=1, strides=1, name=name + "_conv_3"
        )(x)
        x = _bn(bn_momentum, bn_epsilon, name + "_batch_norm_3")(x)
        if 0 < se_ratio < 1:
            x = SE(filters, se_ratio=se_ratio, name=name + "_se")(x)
        if survival_probability:
            # tf.keras uses the "survival probability" as the drop rate of a per-sample dropout.
            x = layers.Dropout(
                survival_probability, noise_shape=(None, 1, 1, 1), name=name + "_drop"
            )(x)
        x = layers.Add()([x, shortcut])
        return layers.Activation(activation, name=name + "_output_act")(x)

    return apply


def BlockGroup(filters, strides, num_repeats, se_ratio=0.25, bn_epsilon=1e-5, bn_momentum=0.0,
               activation="relu", survival_probability=0.8, name=None):
    """`num_repeats` bottleneck blocks; the first one projects (and strides)."""
    if name is None:
        name = f"block_group_{global_state.get_uid('block_group_')}"

    def apply(inputs):
        x = inputs
        for i in range(num_repeats):
            x = BottleneckBlock(
                filters=filters, strides=strides if i == 0 else 1, use_projection=i == 0,
                se_ratio=se_ratio, bn_epsilon=bn_epsilon, bn_momentum=bn_momentum,
                activation=activation, survival_probability=survival_probability,
                name=name + f"_block_{i}_",
            )(x)
        return x

    return apply


def allow_bigger_recursion(target_limit):
    """Raises Python's recursion limit to `target_limit` (the deepest graphs need it)."""
    if sys.getrecursionlimit() < target_limit:
        sys.setrecursionlimit(target_limit)


def get_survival_probability(init_rate, block_num, total_blocks):
    """Linearly increasing drop rate with depth."""
    return init_rate * float(block_num) / total_blocks


def ResNetRS(depth, input_shape=None, bn_momentum=0.0, bn_epsilon=1e-5, activation="relu",
             se_ratio=0.25, dropout_rate=0.25, drop_connect_rate=0.2, include_top=True,
             block_args=None, model_name="resnet-rs", pooling=None, weights="imagenet",
             input_tensor=None, classes=1000, classifier_activation="softmax",
             include_preprocessing=True):
    """Builds a ResNet-RS model of `depth` (one of 50, 101, 152, 200, 270, 350, 420)."""
    from torchkeras import layers

    available_weight_variants = DEPTH_TO_WEIGHT_VARIANTS[depth]
    if weights == "imagenet":
        weights = f"imagenet-i{max(available_weight_variants)}"
    weights_allow_list = [f"imagenet-i{size}" for size in available_weight_variants]
    valid = weights in {*weights_allow_list, None} or base_application.weights_arg_is_valid(weights)
    if not valid:
        raise ValueError(
            "The `weights` argument should be either "
            "`None` (random initialization), `'imagenet'` "
            "(pre-training on ImageNet, with highest available input shape),"
            " or the path to the weights file to be loaded. "
            f"For ResNetRS{depth} the following weight variants are "
            f"available {weights_allow_list} (default=highest)."
            f" Received weights={weights}"
        )
    if weights in weights_allow_list and include_top and classes != 1000:
        raise ValueError(
            "If using `weights` as `'imagenet'` or any "
            f"of {weights_allow_list} "
            "with `include_top` as true, `classes` should be 1000. "
            f"Received classes={classes}"
        )
    input_shape = imagenet_utils.obtain_input_shape(
        input_shape, default_size=224, min_size=32, data_format=backend.image_data_format(),
        require_flatten=include_top, weights=weights,
    )
    img_input = base_application.model_input(input_tensor, input_shape)
    bn_axis = base_application.channel_axis()

    x = img_input
    if include_preprocessing:
        num_channels = input_shape[bn_axis - 1]
        x = layers.Rescaling(scale=1.0 / 255)(x)
        if num_channels == 3:
            x = layers.Normalization(
                mean=[0.485, 0.456, 0.406], variance=[0.229**2, 0.224**2, 0.225**2],
                axis=bn_axis,
            )(x)
    x = STEM(bn_momentum=bn_momentum, bn_epsilon=bn_epsilon, activation=activation)(x)
    if block_args is None:
        block_args = BLOCK_ARGS[depth]
    for i, args in enumerate(block_args):
        survival_probability = get_survival_probability(
            init_rate=drop_connect_rate, block_num=i + 2, total_blocks=len(block_args) + 1
        )
        x = BlockGroup(
            filters=args["input_filters"], activation=activation, strides=1 if i == 0 else 2,
            num_repeats=args["num_repeats"], se_ratio=se_ratio, bn_momentum=bn_momentum,
            bn_epsilon=bn_epsilon, survival_probability=survival_probability,
            name=f"BlockGroup{i + 2}_",
        )(x)

    if include_top:
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
        if dropout_rate > 0:
            x = layers.Dropout(dropout_rate, name="top_dropout")(x)
        imagenet_utils.validate_activation(classifier_activation, weights)
        x = layers.Dense(classes, activation=classifier_activation, name="predictions")(x)
    else:
        pool = base_application.pooling_layer(pooling, "avg_pool", "max_pool")
        if pool is not None:
            x = pool(x)

    model = base_application.build_model(input_tensor, img_input, x, model_name)
    if weights in weights_allow_list:
        weights_name = f"{model_name}-{weights.split('-')[-1]}"
        if not include_top:
            weights_name += "_notop"
        filename = f"{weights_name}.h5"
        path = imagenet_utils.fetch_file(
            filename, BASE_WEIGHTS_URL + filename, WEIGHT_HASHES[filename], context=model_name
        )
        model.load_weights(path)
    elif weights is not None:
        model.load_weights(weights)
    return model


def _variant(depth, drop_connect_rate, dropout_rate, recursion_limit=None):
    def model_fn(include_top=True, weights="imagenet", classes=1000, input_shape=None,
                 input_tensor=None, pooling=None, classifier_activation="softmax",
                 include_preprocessing=True):
        if recursion_limit is not None:
            # As tf.keras does: walking a graph of ~2000 layers recurses deeper than Python's
            # default limit of 1000.
            allow_bigger_recursion(recursion_limit)
        return ResNetRS(
            depth=depth, include_top=include_top, drop_connect_rate=drop_connect_rate,
            dropout_rate=dropout_rate, weights=weights, classes=classes,
            input_shape=input_shape, input_tensor=input_tensor, pooling=pooling,
            classifier_activation=classifier_activation, model_name=f"resnet-rs-{depth}",
            include_preprocessing=include_preprocessing,
        )

    model_fn.__name__ = model_fn.__qualname__ = f"ResNetRS{depth}"
    model_fn.__doc__ = BASE_DOCSTRING.format(name=f"ResNetRS{depth}")
    model_fn.__module__ = __name__
    return model_fn


ResNetRS50 = _variant(50, 0.0, 0.25)
ResNetRS101 = _variant(101, 0.0, 0.25)
ResNetRS152 = _variant(152, 0.0, 0.25)
ResNetRS200 = _variant(200, 0.1, 0.25)
ResNetRS270 = _variant(270, 0.1, 0.25, recursion_limit=1300)
ResNetRS350 = _variant(350, 0.1, 0.4, recursion_limit=1500)
ResNetRS420 = _variant(420, 0.1, 0.4, recursion_limit=1800)


def preprocess_input(x, data_format=None):
    """A placeholder kept for API consistency: ResNet-RS models preprocess inside the model.

    Args:
        x: A floating point `numpy.array` or a tensor.
        data_format: Optional data format of the image tensor/array. Unused.

    Returns:
        Unchanged `x`.
    """
    return x


def decode_predictions(preds, top=5):
    return imagenet_utils.decode_predictions(preds, top=top)


decode_predictions.__doc__ = imagenet_utils.decode_predictions.__doc__
