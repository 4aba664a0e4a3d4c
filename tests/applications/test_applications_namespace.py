"""keras.applications: the lazy namespace lists Keras's (and tf.keras 2's) names."""

import importlib

import pytest

import torchkeras.applications as applications


def test_lazy_models_and_modules():
    resnet = importlib.import_module("torchkeras.applications.resnet")
    assert applications.ResNet50 is resnet.ResNet50
    assert applications.resnet is resnet
    assert applications.imagenet_utils.preprocess_input is not None
    assert "VGG16" in dir(applications) and "resnet_rs" in applications.__all__


def test_keras_names_are_listed():
    # from keras 3.15.1: `keras.applications` has these 40 model functions and 17 modules.
    for name in (
        "ConvNeXtBase ConvNeXtLarge ConvNeXtSmall ConvNeXtTiny ConvNeXtXLarge DenseNet121 "
        "DenseNet169 DenseNet201 EfficientNetB0 EfficientNetB1 EfficientNetB2 EfficientNetB3 "
        "EfficientNetB4 EfficientNetB5 EfficientNetB6 EfficientNetB7 EfficientNetV2B0 "
        "EfficientNetV2B1 EfficientNetV2B2 EfficientNetV2B3 EfficientNetV2L EfficientNetV2M "
        "EfficientNetV2S InceptionResNetV2 InceptionV3 MobileNet MobileNetV2 MobileNetV3Large "
        "MobileNetV3Small NASNetLarge NASNetMobile ResNet101 ResNet101V2 ResNet152 ResNet152V2 "
        "ResNet50 ResNet50V2 VGG16 VGG19 Xception convnext densenet efficientnet efficientnet_v2 "
        "imagenet_utils inception_resnet_v2 inception_v3 mobilenet mobilenet_v2 mobilenet_v3 "
        "nasnet resnet resnet50 resnet_v2 vgg16 vgg19 xception"
    ).split():
        assert name in applications.__all__


def test_unknown_name():
    with pytest.raises(AttributeError, match="has no attribute 'ResNet9000'"):
        applications.ResNet9000
