"""`keras.layers`: the locally-connected family (tf.keras 2's LocallyConnected1D/2D)."""

from torchkeras.layers.locally_connected.locally_connected1d import LocallyConnected1D
from torchkeras.layers.locally_connected.locally_connected2d import LocallyConnected2D

__all__ = [
    "LocallyConnected1D",
    "LocallyConnected2D",
]
