"""`keras.applications`: ready-made image classification models (ImageNet architectures).

Each family lives in its own module (`keras.applications.resnet`, `...vgg16`, ...) with its model
functions, `preprocess_input` and `decode_predictions`. Modules load lazily on first access, so
`import torchkeras` stays fast and one family never costs the import time of the others.
The ResNetRS and RegNet families are tf.keras 2 names (`tf_keras.applications`).
"""

import importlib

# Model function -> family module.
_MODELS = {
    "ConvNeXtBase": "convnext", "ConvNeXtLarge": "convnext", "ConvNeXtSmall": "convnext",
    "ConvNeXtTiny": "convnext", "ConvNeXtXLarge": "convnext",
    "DenseNet121": "densenet", "DenseNet169": "densenet", "DenseNet201": "densenet",
    **{f"EfficientNetB{i}": "efficientnet" for i in range(8)},
    **{f"EfficientNetV2{v}": "efficientnet_v2" for v in ("B0", "B1", "B2", "B3", "L", "M", "S")},
    "InceptionResNetV2": "inception_resnet_v2",
    "InceptionV3": "inception_v3",
    "MobileNet": "mobilenet",
    "MobileNetV2": "mobilenet_v2",
    "MobileNetV3Large": "mobilenet_v3", "MobileNetV3Small": "mobilenet_v3",
    "NASNetLarge": "nasnet", "NASNetMobile": "nasnet",
    **{
        f"RegNet{kind}{size}": "regnet"
        for kind in ("X", "Y")
        for size in ("002", "004", "006", "008", "016", "032", "040", "064", "080", "120",
                     "160", "320")
    },
    "ResNet50": "resnet", "ResNet101": "resnet", "ResNet152": "resnet",
    "ResNet50V2": "resnet_v2", "ResNet101V2": "resnet_v2", "ResNet152V2": "resnet_v2",
    **{f"ResNetRS{depth}": "resnet_rs" for depth in (50, 101, 152, 200, 270, 350, 420)},
    "VGG16": "vgg16",
    "VGG19": "vgg19",
    "Xception": "xception",
}

_MODULES = (
    "convnext", "densenet", "efficientnet", "efficientnet_v2", "imagenet_utils",
    "inception_resnet_v2", "inception_v3", "mobilenet", "mobilenet_v2", "mobilenet_v3",
    "nasnet", "regnet", "resnet", "resnet50", "resnet_rs", "resnet_v2", "vgg16", "vgg19",
    "xception",
)

__all__ = sorted(list(_MODELS) + list(_MODULES))


def __getattr__(name):
    if name in _MODELS:
        module = importlib.import_module(f"{__name__}.{_MODELS[name]}")
        value = getattr(module, name)
    elif name in _MODULES:
        value = importlib.import_module(f"{__name__}.{name}")
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
