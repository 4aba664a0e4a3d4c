"""`keras.layers`: the normalization family."""

__all__ = [
]
