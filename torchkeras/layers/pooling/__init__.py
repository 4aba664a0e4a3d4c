"""`keras.layers`: the pooling family."""

__all__ = [
]
