"""`LearningRateScheduler`: set the learning rate from a function of the epoch."""

import numpy as np
import torch

from torchkeras.backend.tensors import convert_to_numpy
from torchkeras.callbacks.callback import Callback
from torchkeras.utils import io_utils


class LearningRateScheduler(Callback):
    """Learning rate scheduler.

    At the beginning of every epoch, this callback gets the updated learning rate value from the
    `schedule` function provided at `__init__`, with the current epoch and current learning rate,
    and applies the updated learning rate on the optimizer. It also adds the current
    `"learning_rate"` to the epoch logs.

    Args:
        schedule: A function that takes an epoch index (integer, indexed from 0) and current
            learning rate (float) as inputs and returns a new learning rate as output (float).
        verbose: Integer. 0: quiet, 1: log update messages. Defaults to `0`.

    Example:

    >>> def scheduler(epoch, lr):
    ...     return lr if epoch < 10 else lr * math.exp(-0.1)
    >>> callback = keras.callbacks.LearningRateScheduler(scheduler)
    >>> history = model.fit(x, y, epochs=15, callbacks=[callback], verbose=0)
    """

    def __init__(self, schedule, verbose=0):
        super().__init__()
        self.schedule = schedule
        self.verbose = verbose

    def _update_optimizer_lr(self, optimizer, epoch):
        if not hasattr(optimizer, "learning_rate"):
            raise ValueError('Optimizer must have a "learning_rate" attribute.')
        try:
            learning_rate = float(convert_to_numpy(optimizer.learning_rate))
            learning_rate = self.schedule(epoch, learning_rate)
        except TypeError:
            # Old API: schedule(epoch).
            learning_rate = self.schedule(epoch)
        if isinstance(learning_rate, torch.Tensor) and learning_rate.dim() == 0 and (
            learning_rate.is_floating_point()
        ):
            # tf.keras 2 accepted a tensor (`lr * tf.math.exp(-0.1)` in its docs).
            learning_rate = float(learning_rate)
        if not isinstance(learning_rate, (float, np.float32, np.float64)):
            raise ValueError(
                "The output of the `schedule` function should be a float. "
                f"Got: {learning_rate}"
            )
        optimizer.learning_rate = learning_rate
        return learning_rate

    def on_epoch_begin(self, epoch, logs=None):
        optimizers = getattr(self.model.optimizer, "optimizers", None)
        if optimizers is not None:
            for opt in optimizers:
                learning_rate = self._update_optimizer_lr(opt, epoch)
                if self.verbose > 0:
                    io_utils.print_msg(
                        f"\nEpoch {epoch + 1}: LearningRateScheduler setting "
                        f"{opt.name} learning rate to {learning_rate}."
                    )
        else:
            learning_rate = self._update_optimizer_lr(self.model.optimizer, epoch)
            if self.verbose > 0:
                io_utils.print_msg(
                    f"\nEpoch {epoch + 1}: LearningRateScheduler setting "
                    f"learning rate to {learning_rate}."
                )

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        optimizers = getattr(self.model.optimizer, "optimizers", None)
        if optimizers is not None:
            for opt in optimizers:
                logs[f"learning_rate_{opt.name}"] = float(convert_to_numpy(opt.learning_rate))
        else:
            logs["learning_rate"] = float(convert_to_numpy(self.model.optimizer.learning_rate))
