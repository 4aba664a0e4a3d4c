"""`keras.layers`: the activations family."""

from torchkeras.layers.activations.activation import Activation
from torchkeras.layers.activations.elu import ELU
from torchkeras.layers.activations.leaky_relu import LeakyReLU
from torchkeras.layers.activations.prelu import PReLU
from torchkeras.layers.activations.relu import ReLU
from torchkeras.layers.activations.softmax import Softmax
from torchkeras.layers.activations.thresholded_relu import ThresholdedReLU

__all__ = [
    "Activation",
    "ELU",
    "LeakyReLU",
    "PReLU",
    "ReLU",
    "Softmax",
    "ThresholdedReLU",
]
