"""`keras.layers`: the rnn family."""

__all__ = [
]
