"""`keras.layers`: the preprocessing family."""

__all__ = [
]
