"""`ProgbarLogger`: the progress bar and "Epoch 1/5" lines of `fit`, `evaluate` and `predict`."""

from torchkeras.callbacks.callback import Callback
from torchkeras.utils import io_utils
from torchkeras.utils.progbar import Progbar


class ProgbarLogger(Callback):
    """Callback that prints metrics to stdout.

    `fit`, `evaluate` and `predict` add it automatically unless `verbose=0`. It reads `verbose`,
    `epochs` and `steps` (steps per epoch, `None` if unknown) from the callback params. Batch logs
    may hold device tensors: they are only read when a line is drawn.

    Example:

    >>> model.fit(x, y, epochs=2, callbacks=[keras.callbacks.ProgbarLogger()])
    """

    _supports_tensor_logs = True

    def __init__(self):
        super().__init__()
        self.seen = 0
        self.progbar = None
        self.target = None
        self.verbose = 1
        self.epochs = 1
        self._called_in_fit = False

    def set_params(self, params):
        verbose = params["verbose"]
        if verbose == "auto":
            verbose = 1
        self.verbose = verbose
        self.epochs = params["epochs"]
        self.target = params["steps"]

    def on_train_begin(self, logs=None):
        # Inside `fit`, the validation pass is silent.
        self._called_in_fit = True

    def on_test_begin(self, logs=None):
        if not self._called_in_fit:
            self._reset_progbar()
            self._maybe_init_progbar()

    def on_predict_begin(self, logs=None):
        self._reset_progbar()
        self._maybe_init_progbar()

    def on_epoch_begin(self, epoch, logs=None):
        self._reset_progbar()
        self._maybe_init_progbar()
        if self.verbose and self.epochs > 1:
            io_utils.print_msg(f"Epoch {epoch + 1}/{self.epochs}")

    def on_train_batch_end(self, batch, logs=None):
        self._update_progbar(batch, logs)

    def on_test_batch_end(self, batch, logs=None):
        if not self._called_in_fit:
            self._update_progbar(batch, logs)

    def on_predict_batch_end(self, batch, logs=None):
        # Prediction outputs are not metrics: don't pass them.
        self._update_progbar(batch, None)

    def on_epoch_end(self, epoch, logs=None):
        self._finalize_progbar(logs)

    def on_test_end(self, logs=None):
        if not self._called_in_fit:
            self._finalize_progbar(logs)

    def on_predict_end(self, logs=None):
        self._finalize_progbar(logs)

    def _reset_progbar(self):
        self.seen = 0
        self.progbar = None

    def _maybe_init_progbar(self):
        if self.progbar is None:
            # Every value is shown as given: the trainer already averages metrics over the epoch.
            self.progbar = Progbar(
                target=self.target, verbose=self.verbose, unit_name="step", stateless_metrics=set()
            )

    def _update_progbar(self, batch, logs=None):
        logs = logs or {}
        self._maybe_init_progbar()
        self.seen = batch + 1  # One-indexed.
        if self.verbose == 1:
            self.progbar.update(self.seen, list(logs.items()), finalize=False)

    def _finalize_progbar(self, logs):
        logs = logs or {}
        if self.target is None:
            # Unknown length: the first epoch tells how many steps there are.
            self.target = self.seen
            self.progbar.target = self.target
        self.progbar.update(self.target, list(logs.items()), finalize=True)
