"""`keras.applications.resnet50`: the ResNet50 model (an alias of `keras.applications.resnet`)."""

from torchkeras.applications.resnet import ResNet50
from torchkeras.applications.resnet import decode_predictions
from torchkeras.applications.resnet import preprocess_input

__all__ = ["ResNet50", "decode_predictions", "preprocess_input"]
