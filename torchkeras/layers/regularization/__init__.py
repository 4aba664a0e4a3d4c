"""`keras.layers`: the regularization family."""

from torchkeras.layers.regularization.dropout import Dropout

__all__ = [
    "Dropout",
]
