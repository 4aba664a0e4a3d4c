"""`keras.callbacks`: hooks into `fit`, `evaluate` and `predict`."""

from torchkeras.callbacks import experimental  # noqa: F401  (tf.keras 2)
from torchkeras.callbacks.backup_and_restore import BackupAndRestore
from torchkeras.callbacks.base_logger import BaseLogger  # noqa: F401  (tf.keras 2)
from torchkeras.callbacks.callback import Callback
from torchkeras.callbacks.callback_list import CallbackList
from torchkeras.callbacks.csv_logger import CSVLogger
from torchkeras.callbacks.early_stopping import EarlyStopping
from torchkeras.callbacks.history import History
from torchkeras.callbacks.lambda_callback import LambdaCallback
from torchkeras.callbacks.learning_rate_scheduler import LearningRateScheduler
from torchkeras.callbacks.model_checkpoint import ModelCheckpoint
from torchkeras.callbacks.progbar_logger import ProgbarLogger
from torchkeras.callbacks.reduce_lr_on_plateau import ReduceLROnPlateau
from torchkeras.callbacks.remote_monitor import RemoteMonitor
from torchkeras.callbacks.swap_ema_weights import SwapEMAWeights
from torchkeras.callbacks.tensorboard import TensorBoard
from torchkeras.callbacks.terminate_on_nan import TerminateOnNaN

__all__ = [
    "BackupAndRestore",
    "CSVLogger",
    "Callback",
    "CallbackList",
    "EarlyStopping",
    "History",
    "LambdaCallback",
    "LearningRateScheduler",
    "ModelCheckpoint",
    "ProgbarLogger",
    "ReduceLROnPlateau",
    "RemoteMonitor",
    "SwapEMAWeights",
    "TensorBoard",
    "TerminateOnNaN",
]
# tf.keras 2 names, outside Keras 3's `keras.callbacks` (and so outside `__all__`):
# `BaseLogger` and `experimental.BackupAndRestore`.
