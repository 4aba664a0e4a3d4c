"""`keras.layers`: the attention family."""

__all__ = [
]
