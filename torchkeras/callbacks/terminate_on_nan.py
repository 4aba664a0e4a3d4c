"""`TerminateOnNaN`: stop training when the loss becomes NaN or infinite."""

import numpy as np

from torchkeras.callbacks.callback import Callback
from torchkeras.utils import io_utils


class TerminateOnNaN(Callback):
    """Callback that terminates training when a NaN loss is encountered.

    This callback monitors the loss value during training and terminates training when a NaN or
    Inf loss is detected. By default, training is stopped gracefully by setting
    `model.stop_training = True`, which triggers all callback cleanup methods including
    `on_train_end()`. With `raise_error=True` a `RuntimeError` is raised immediately instead, so
    `on_train_end()` of other callbacks is not called.

    Reading the loss every batch makes training wait for the device every batch.

    Args:
        raise_error: Boolean. If `False`, uses graceful stop via `model.stop_training = True`.
            If `True`, immediately raises `RuntimeError` on NaN/Inf loss. Defaults to `False`.

    Example:

    >>> model.fit(x, y, callbacks=[keras.callbacks.TerminateOnNaN()])
    """

    def __init__(self, raise_error=False):
        super().__init__()
        self.raise_error = raise_error

    def on_batch_end(self, batch, logs=None):
        """Checks for a NaN/Inf loss at the end of each batch.

        Raises:
            RuntimeError: If the loss is NaN/Inf and `raise_error=True`.
        """
        logs = logs or {}
        loss = logs.get("loss")
        if loss is not None and (np.isnan(loss) or np.isinf(loss)):
            if self.raise_error:
                raise RuntimeError(
                    f"NaN or Inf loss encountered at batch {batch}. "
                    f"Loss value: {loss}. Terminating training immediately."
                )
            io_utils.print_msg(f"Batch {batch}: Invalid loss, terminating training")
            self.model.stop_training = True
