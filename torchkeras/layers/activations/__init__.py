"""`keras.layers`: the activations family."""

from torchkeras.layers.activations.activation import Activation

__all__ = [
    "Activation",
]
