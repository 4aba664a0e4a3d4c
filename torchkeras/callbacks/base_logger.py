"""`BaseLogger` (tf.keras 2): epoch averages of the batch logs."""

from torchkeras.callbacks.callback import Callback


class BaseLogger(Callback):
    """Callback that accumulates epoch averages of metrics (tf.keras 2).

    tf.keras 1 applied it to every model; Keras 3 has no such callback (`fit` computes the
    epoch means itself). Each batch's values are weighted by the batch log `"size"` (times
    `"num_steps"`) when present, otherwise every batch counts once. At the end of an epoch the
    averages are written into the epoch `logs` (for the names in `params["metrics"]` when given,
    otherwise for every averaged name), where later callbacks see them.

    Note that the batch logs of `fit` are already running means over the epoch, so the
    averages of those differ from the epoch results; the callback is provided for scripts that
    use or subclass it.

    Args:
        stateful_metrics: Iterable of string names of metrics that should *not* be averaged
            over an epoch. Metrics in this list will be logged as-is in `on_epoch_end`. All
            others will be averaged in `on_epoch_end`. Defaults to `None`.
    """

    def __init__(self, stateful_metrics=None):
        super().__init__()
        self.stateful_metrics = set(stateful_metrics or [])
        self.seen = 0
        self.totals = {}

    def on_epoch_begin(self, epoch, logs=None):
        self.seen = 0
        self.totals = {}

    def on_batch_end(self, batch, logs=None):
        logs = logs or {}
        batch_size = logs.get("size", 1)
        # Several steps may run per call (`steps_per_execution`).
        num_steps = logs.get("num_steps", 1)
        self.seen += batch_size * num_steps
        for k, v in logs.items():
            if k in self.stateful_metrics:
                self.totals[k] = v
            elif k in self.totals:
                self.totals[k] += v * batch_size
            else:
                self.totals[k] = v * batch_size

    def on_epoch_end(self, epoch, logs=None):
        if logs is None:
            return
        names = (self.params or {}).get("metrics") or list(self.totals)
        for k in names:
            if k in self.totals:
                # Make value available to next callbacks.
                if k in self.stateful_metrics:
                    logs[k] = self.totals[k]
                elif self.seen:
                    logs[k] = self.totals[k] / self.seen
