"""`keras.preprocessing.sequence` under the shim."""

from torchkeras.utils import pad_sequences

__all__ = ["pad_sequences"]
