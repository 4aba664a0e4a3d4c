"""`EarlyStopping`: stop training when a monitored metric has stopped improving."""

import warnings

from torchkeras.callbacks.monitor_callback import MonitorCallback
from torchkeras.utils import io_utils


class EarlyStopping(MonitorCallback):
    """Stop training when a monitored metric has stopped improving.

    At the end of every epoch, the callback checks whether the monitored quantity improved
    (by more than `min_delta`); after `patience` epochs without improvement it sets
    `model.stop_training = True`. The quantity must be present in the epoch logs: pass the loss or
    metrics at `model.compile()`.

    Args:
        monitor: Quantity to be monitored. Defaults to `"val_loss"`.
        min_delta: Minimum change in the monitored quantity to qualify as an improvement, i.e.
            an absolute change of less than `min_delta` will count as no improvement.
            Defaults to `0`.
        patience: Number of epochs with no improvement after which training will be stopped.
            Defaults to `0`.
        verbose: Verbosity mode, 0 or 1. Mode 0 is silent, and mode 1 displays messages when
            the callback takes an action. Defaults to `0`.
        mode: One of `{"auto", "min", "max"}`. In `"min"` mode, training will stop when the
            quantity monitored has stopped decreasing; in `"max"` mode it will stop when the
            quantity monitored has stopped increasing; in `"auto"` mode, the direction is
            automatically inferred from the name of the monitored quantity. Defaults to `"auto"`.
        baseline: Baseline value for the monitored quantity. If not `None`, training will stop if
            the model doesn't show improvement over the baseline. Defaults to `None`.
        restore_best_weights: Whether to restore model weights from the epoch with the best
            value of the monitored quantity. If `False`, the model weights obtained at the last
            step of training are used. An epoch will be restored regardless of the performance
            relative to the `baseline`. Defaults to `False`.
        start_from_epoch: Number of epochs to wait before starting to monitor improvement, a
            warm-up period in which training will not be stopped. Defaults to `0`.

    Example:

    >>> callback = keras.callbacks.EarlyStopping(monitor="loss", patience=3)
    >>> # Training stops when the loss has not improved for three consecutive epochs.
    >>> history = model.fit(x, y, epochs=10, callbacks=[callback], verbose=0)
    """

    def __init__(
        self,
        monitor="val_loss",
        min_delta=0,
        patience=0,
        verbose=0,
        mode="auto",
        baseline=None,
        restore_best_weights=False,
        start_from_epoch=0,
    ):
        super().__init__(monitor, mode, min_delta=min_delta)
        self.patience = patience
        self.verbose = verbose
        self.baseline = baseline
        self.wait = 0
        self.stopped_epoch = 0
        self.restore_best_weights = restore_best_weights
        self.best_weights = None
        self.start_from_epoch = start_from_epoch

    def on_train_begin(self, logs=None):
        # Allow instances to be re-used across `model.fit()` calls.
        self.wait = 0
        self.stopped_epoch = 0
        self.best = None
        self.best_weights = None
        self.best_epoch = 0

    def on_epoch_end(self, epoch, logs=None):
        if self.monitor_op is None:
            # Set up late: the model's metrics are only all built after the first epoch.
            self._set_monitor_op()
        current = self.get_monitor_value(logs)
        if current is None or epoch < self.start_from_epoch:
            return
        if self.restore_best_weights and self.best_weights is None:
            # Nothing recorded yet: the current weights are the best so far.
            self.best_weights = self.model.get_weights()
            self.best_epoch = epoch

        self.wait += 1
        if self._is_improvement(current, self.best):
            self.best = current
            self.best_epoch = epoch
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            # Only restart the wait when beating both the baseline and the previous best.
            if self.baseline is None or self._is_improvement(current, self.baseline):
                self.wait = 0
            return

        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            self.model.stop_training = True

    def on_train_end(self, logs=None):
        if self.stopped_epoch > 0 and self.verbose > 0:
            io_utils.print_msg(f"Epoch {self.stopped_epoch + 1}: early stopping")
        if self.restore_best_weights and self.best_weights is not None:
            if self.verbose > 0:
                io_utils.print_msg(
                    "Restoring model weights from the end of the best epoch: "
                    f"{self.best_epoch + 1}."
                )
            self.model.set_weights(self.best_weights)

    def get_monitor_value(self, logs):
        logs = logs or {}
        monitor_value = logs.get(self.monitor)
        if monitor_value is None:
            warnings.warn(
                f"Early stopping conditioned on metric `{self.monitor}` "
                "which is not available. "
                f"Available metrics are: {','.join(list(logs.keys()))}",
                stacklevel=2,
            )
        return monitor_value
