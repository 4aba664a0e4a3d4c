"""`keras.layers`: the convolutional family."""

__all__ = [
]
