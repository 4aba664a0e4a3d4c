"""`keras.applications.vgg19`: the VGG19 model (Simonyan & Zisserman, ICLR 2015)."""

from torchkeras.applications import imagenet_utils
from torchkeras.applications.vgg16 import build_vgg

WEIGHTS_PATH = (
    "https://storage.googleapis.com/tensorflow/keras-applications/"
    "vgg19/vgg19_weights_tf_dim_ordering_tf_kernels.h5"
)
WEIGHTS_PATH_NO_TOP = (
    "https://storage.googleapis.com/tensorflow/"
    "keras-applications/vgg19/"
    "vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5"
)
_HASHES = ("cbe5617147190e668d6c5d5026f83318", "253f8cb515780f3b799900260a226db6")


def VGG19(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
          pooling=None, classes=1000, classifier_activation="softmax", name="vgg19"):
    """Instantiates the VGG19 model.

    Reference: [Very Deep Convolutional Networks for Large-Scale Image Recognition](
    https://arxiv.org/abs/1409.1556) (ICLR 2015). The default input size is 224x224. Inputs
    must be preprocessed with `keras.applications.vgg19.preprocess_input` (RGB to BGR, then
    zero-centering with respect to ImageNet, without scaling).

    Args:
        include_top: Whether to include the 3 fully-connected layers at the top of the network.
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
        name: The name of the model. Defaults to `"vgg19"`.

    Returns:
        A `Model` instance.
    """
    files = (
        ("vgg19_weights_tf_dim_ordering_tf_kernels.h5", WEIGHTS_PATH, _HASHES[0]),
        ("vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5", WEIGHTS_PATH_NO_TOP, _HASHES[1]),
    )
    return build_vgg(
        (2, 2, 4, 4, 4), files, include_top, weights, input_tensor, input_shape, pooling,
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
