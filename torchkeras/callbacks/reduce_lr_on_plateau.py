"""`ReduceLROnPlateau`: reduce the learning rate when a metric has stopped improving."""

import warnings

import numpy as np

from torchkeras.backend.tensors import convert_to_numpy
from torchkeras.callbacks.monitor_callback import MonitorCallback
from torchkeras.utils import io_utils


def _read_learning_rate(optimizer):
    return float(convert_to_numpy(optimizer.learning_rate))


class ReduceLROnPlateau(MonitorCallback):
    """Reduce learning rate when a metric has stopped improving.

    Models often benefit from reducing the learning rate by a factor of 2-10 once learning
    stagnates. This callback monitors a quantity and if no improvement is seen for a `patience`
    number of epochs, the learning rate is reduced. It also adds the current `"learning_rate"`
    to the epoch logs.

    Unlike `torch.optim.lr_scheduler.ReduceLROnPlateau`, `min_delta` is an absolute threshold.

    Args:
        monitor: String. Quantity to be monitored. Defaults to `"val_loss"`.
        factor: Float. Factor by which the learning rate will be reduced:
            `new_lr = lr * factor`. Defaults to `0.1`.
        patience: Integer. Number of epochs with no improvement after which learning rate will
            be reduced. Defaults to `10`.
        verbose: Integer. 0: quiet, 1: update messages. Defaults to `0`.
        mode: String. One of `{"auto", "min", "max"}`. In `"min"` mode, the learning rate will
            be reduced when the quantity monitored has stopped decreasing; in `"max"` mode it
            will be reduced when the quantity monitored has stopped increasing; in `"auto"`
            mode, the direction is inferred from the name of the monitored quantity.
            Defaults to `"auto"`.
        min_delta: Float. Threshold for measuring the new optimum, to only focus on significant
            changes. Defaults to `1e-4`.
        cooldown: Integer. Number of epochs to wait before resuming normal operation after the
            learning rate has been reduced. Defaults to `0`.
        min_lr: Float. Lower bound on the learning rate. Defaults to `0.0`.

    Example:

    >>> reduce_lr = keras.callbacks.ReduceLROnPlateau(
    ...     monitor="val_loss", factor=0.2, patience=5, min_lr=0.001)
    >>> model.fit(x_train, y_train, callbacks=[reduce_lr])
    """

    def __init__(
        self,
        monitor="val_loss",
        factor=0.1,
        patience=10,
        verbose=0,
        mode="auto",
        min_delta=1e-4,
        cooldown=0,
        min_lr=0.0,
        **kwargs,
    ):
        super().__init__(monitor, mode, min_delta=min_delta)
        if factor >= 1.0:
            raise ValueError(
                "ReduceLROnPlateau does not support a factor >= 1.0. "
                f"Received factor={factor}"
            )
        self.factor = factor
        self.min_lr = min_lr
        self.patience = patience
        self.verbose = verbose
        self.cooldown = cooldown
        self.cooldown_counter = 0
        self.wait = 0

    def _reset(self):
        """Resets wait counter, cooldown counter, and best value."""
        self.best = None
        self.cooldown_counter = 0
        self.wait = 0

    def _reduce_optimizer_lr(self, optimizer, epoch, name=""):
        old_lr = _read_learning_rate(optimizer)
        # The stored learning rate is float32: compare with min_lr at that precision, or a rate
        # already clipped to min_lr would look larger and be "reduced" forever.
        if old_lr > np.float32(self.min_lr):
            new_lr = max(old_lr * self.factor, self.min_lr)
            optimizer.learning_rate = new_lr
            if self.verbose > 0:
                name_str = f" {name}" if name else ""
                io_utils.print_msg(
                    f"\nEpoch {epoch + 1}: ReduceLROnPlateau reducing"
                    f"{name_str} learning rate to {new_lr}."
                )
            return True
        return False

    def on_train_begin(self, logs=None):
        self._reset()

    def on_epoch_end(self, epoch, logs=None):
        if self.monitor_op is None:
            self._set_monitor_op()
        logs = logs or {}
        optimizers = getattr(self.model.optimizer, "optimizers", None)
        if optimizers is not None:
            for opt in optimizers:
                logs[f"learning_rate_{opt.name}"] = _read_learning_rate(opt)
        else:
            logs["learning_rate"] = _read_learning_rate(self.model.optimizer)
        current = logs.get(self.monitor)

        if current is None:
            warnings.warn(
                "Learning rate reduction is conditioned on metric "
                f"`{self.monitor}` which is not available. Available metrics "
                f"are: {','.join(list(logs.keys()))}.",
                stacklevel=2,
            )
            return
        if self.in_cooldown():
            self.cooldown_counter -= 1
            self.wait = 0

        if self._is_improvement(current, self.best):
            self.best = current
            self.wait = 0
        elif not self.in_cooldown():
            self.wait += 1
            if self.wait >= self.patience:
                if optimizers is not None:
                    reduced = False
                    for opt in optimizers:
                        reduced |= self._reduce_optimizer_lr(opt, epoch, f"{opt.name}")
                else:
                    reduced = self._reduce_optimizer_lr(self.model.optimizer, epoch)
                if reduced:
                    self.cooldown_counter = self.cooldown
                    self.wait = 0

    def in_cooldown(self):
        return self.cooldown_counter > 0
