"""`tf.keras.callbacks.experimental` (tf.keras 2): the deprecated name of `BackupAndRestore`."""

from torchkeras.callbacks.backup_and_restore import BackupAndRestore

__all__ = ["BackupAndRestore"]
