"""`keras.applications.resnet_v2`: ResNet50V2/101V2/152V2 (He et al., ECCV 2016)."""

from torchkeras.applications import imagenet_utils
from torchkeras.applications import resnet


def _v2_stack(depths):
    def stack_fn(x):
        x = resnet.stack_residual_blocks_v2(x, 64, depths[0], name="conv2")
        x = resnet.stack_residual_blocks_v2(x, 128, depths[1], name="conv3")
        x = resnet.stack_residual_blocks_v2(x, 256, depths[2], name="conv4")
        return resnet.stack_residual_blocks_v2(x, 512, depths[3], stride1=1, name="conv5")

    return stack_fn


def ResNet50V2(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
               pooling=None, classes=1000, classifier_activation="softmax", name="resnet50v2"):
    return resnet.ResNet(
        _v2_stack((3, 4, 6, 3)), True, True, name=name, weights_name="resnet50v2",
        include_top=include_top, weights=weights, input_tensor=input_tensor,
        input_shape=input_shape, pooling=pooling, classes=classes,
        classifier_activation=classifier_activation,
    )


def ResNet101V2(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
                pooling=None, classes=1000, classifier_activation="softmax", name="resnet101v2"):
    return resnet.ResNet(
        _v2_stack((3, 4, 23, 3)), True, True, name=name, weights_name="resnet101v2",
        include_top=include_top, weights=weights, input_tensor=input_tensor,
        input_shape=input_shape, pooling=pooling, classes=classes,
        classifier_activation=classifier_activation,
    )


def ResNet152V2(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
                pooling=None, classes=1000, classifier_activation="softmax", name="resnet152v2"):
    return resnet.ResNet(
        _v2_stack((3, 8, 36, 3)), True, True, name=name, weights_name="resnet152v2",
        include_top=include_top, weights=weights, input_tensor=input_tensor,
        input_shape=input_shape, pooling=pooling, classes=classes,
        classifier_activation=classifier_activation,
    )


_PAPER = ("Identity Mappings in Deep Residual Networks", "https://arxiv.org/abs/1603.05027")
for _fn, _name in (
    (ResNet50V2, "resnet50v2"), (ResNet101V2, "resnet101v2"), (ResNet152V2, "resnet152v2")
):
    _fn.__doc__ = resnet._MODEL_DOC.format(
        model=_fn.__name__, paper=_PAPER[0], url=_PAPER[1], module="resnet_v2", name=_name
    )


def preprocess_input(x, data_format=None):
    return imagenet_utils.preprocess_input(x, data_format=data_format, mode="tf")


def decode_predictions(preds, top=5):
    return imagenet_utils.decode_predictions(preds, top=top)


preprocess_input.__doc__ = imagenet_utils.PREPROCESS_INPUT_DOC.format(
    mode="", ret=imagenet_utils.RET_DOC_TF
)
decode_predictions.__doc__ = imagenet_utils.decode_predictions.__doc__
