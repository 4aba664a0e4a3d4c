"""`keras.applications.vgg16`: the VGG16 model (Simonyan & Zisserman, ICLR 2015)."""

from torchkeras import backend
from torchkeras.applications import base_application
from torchkeras.applications import imagenet_utils

WEIGHTS_PATH = (
    "https://storage.googleapis.com/tensorflow/keras-applications/"
    "vgg16/vgg16_weights_tf_dim_ordering_tf_kernels.h5"
)
WEIGHTS_PATH_NO_TOP = (
    "https://storage.googleapis.com/tensorflow/"
    "keras-applications/vgg16/"
    "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5"
)
_HASHES = ("64373286793e3c8b2b4e3219cbf3544b", "6d6bbae143d832006294945121d1f1fc")

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


def build_vgg(convs_per_block, weights_files, include_top, weights, input_tensor, input_shape,
              pooling, classes, classifier_activation, name):
    """The VGG family: five blocks of 3x3 convolutions and max pooling, three dense layers."""
    from torchkeras import layers

    base_application.check_weights_and_classes(
        weights, include_top, classes, _WEIGHTS_MESSAGE, _CLASSES_MESSAGE
    )
    input_shape = imagenet_utils.obtain_input_shape(
        input_shape, default_size=224, min_size=32, data_format=backend.image_data_format(),
        require_flatten=include_top, weights=weights,
    )
    img_input = base_application.model_input(input_tensor, input_shape)
    x = img_input
    for block, (filters, convs) in enumerate(zip((64, 128, 256, 512, 512), convs_per_block), 1):
        for i in range(1, convs + 1):
            x = layers.Conv2D(
                filters, (3, 3), activation="relu", padding="same", name=f"block{block}_conv{i}"
            )(x)
        x = layers.MaxPooling2D((2, 2), strides=(2, 2), name=f"block{block}_pool")(x)

    if include_top:
        x = layers.Flatten(name="flatten")(x)
        x = layers.Dense(4096, activation="relu", name="fc1")(x)
        x = layers.Dense(4096, activation="relu", name="fc2")(x)
        imagenet_utils.validate_activation(classifier_activation, weights)
        x = layers.Dense(classes, activation=classifier_activation, name="predictions")(x)
    else:
        pool = base_application.pooling_layer(pooling)
        if pool is not None:
            x = pool(x)

    model = base_application.build_model(input_tensor, img_input, x, name)
    fname, origin, file_hash = weights_files[0 if include_top else 1]
    return base_application.load_weights(
        model, weights, (fname, origin, file_hash), context=name
    )


def VGG16(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
          pooling=None, classes=1000, classifier_activation="softmax", name="vgg16"):
    """Instantiates the VGG16 model.

    Reference: [Very Deep Convolutional Networks for Large-Scale Image Recognition](
    https://arxiv.org/abs/1409.1556) (ICLR 2015). The default input size is 224x224. Inputs
    must be preprocessed with `keras.applications.vgg16.preprocess_input` (RGB to BGR, then
    zero-centering with respect to ImageNet, without scaling).

    Args:
        include_top: Whether to include the 3 fully-connected layers at the top of the network.
            Defaults to `True`.
        weights: `None` (random initialization), `"imagenet"` (pre-training on ImageNet) or the
            path to a weights file to load. Defaults to `"imagenet"`.
        input_tensor: Optional Keras tensor (output of `layers.Input()`) to use as image input.
        input_shape: Optional shape tuple, only to be specified if `include_top` is `False`
            (otherwise it must be `(224, 224, 3)`). Width and height must be at least 32.
        pooling: Optional pooling mode when `include_top` is `False`: `None` (4D output of the
            last convolutional block), `"avg"` (global average pooling) or `"max"`.
        classes: Number of classes, only with `include_top=True` and no `weights`. Defaults
            to `1000`.
        classifier_activation: A `str` or callable, the activation of the "top" layer; `None`
            returns logits. With pretrained weights only `None` or `"softmax"`. Defaults to
            `"softmax"`.
        name: The name of the model. Defaults to `"vgg16"`.

    Returns:
        A `Model` instance.
    """
    files = (
        ("vgg16_weights_tf_dim_ordering_tf_kernels.h5", WEIGHTS_PATH, _HASHES[0]),
        ("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5", WEIGHTS_PATH_NO_TOP, _HASHES[1]),
    )
    return build_vgg(
        (2, 2, 3, 3, 3), files, include_top, weights, input_tensor, input_shape, pooling,
        classes, classifier_activation, name,
    )


def preprocess_input(x, data_format=None):
    return imagenet_utils.preprocess_input(x, data_format=data_format, mode="caffe")


def decode_predictions(preds, top=5):
    return imagenet_utils.decode_predictions(preds, top=top)


preprocess_input.__doc__ = imagenet_utils.PREPROCESS_INPUT_DOC.format(
    mode="", ret=imagenet_utils.RET_DOC_CAFFE
)
decode_predictions.__doc__ = imagenet_utils.decode_predictions.__doc__
